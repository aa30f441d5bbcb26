import { StripeApiError } from './errors.ts';

/**
 * Stripe's `Idempotency-Key` rules (https://docs.stripe.com/api/idempotent_requests):
 * - the first request's status code and body are saved once the endpoint has started executing
 *   (errors included, 500s too) and a retry with the same key and parameters gets them back,
 *   marked `Idempotent-Replayed: true`;
 * - the same key with different parameters, or on another endpoint, is an `idempotency_error`;
 * - a request that fails validation or meets a concurrent request with the same key saves
 *   nothing, so it can be retried (the concurrent one answers 409 `idempotency_key_in_use`);
 * - keys belong to the API key that sent them, are at most 255 characters and are pruned after
 *   24 hours.
 */
export interface SavedResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  fingerprint: string;
  createdAt: number;
  response: SavedResponse | null;
}

export type IdempotencyDecision =
  | { kind: 'execute'; save: (response: SavedResponse) => void; release: () => void }
  | { kind: 'replay'; response: SavedResponse };

const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

function idempotencyError(status: number, message: string, code?: string): StripeApiError {
  return new StripeApiError(
    status,
    { type: 'idempotency_error', message, ...(code ? { code } : {}) },
    // A 409 is worth retrying once the other request has finished; a mismatch never is.
    {
      beforeExecution: true,
      headers: { 'Stripe-Should-Retry': status === 409 ? 'true' : 'false' },
    },
  );
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** Decide what a POST carrying `key` does; throws the idempotency errors. */
  begin(apiKey: string, key: string, endpoint: string, fingerprint: string): IdempotencyDecision {
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeApiError(
        400,
        {
          type: 'invalid_request_error',
          message: `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`,
        },
        { beforeExecution: true },
      );
    }
    const scoped = `${apiKey}\u0000${key}`;
    const existing = this.entries.get(scoped);
    if (existing && this.now() - existing.createdAt > KEY_TTL_MS) this.entries.delete(scoped);
    const entry = this.entries.get(scoped);
    if (!entry) {
      const created: Entry = { endpoint, fingerprint, createdAt: this.now(), response: null };
      this.entries.set(scoped, created);
      return {
        kind: 'execute',
        save: (response) => {
          created.response = response;
        },
        release: () => {
          if (this.entries.get(scoped) === created) this.entries.delete(scoped);
        },
      };
    }
    if (entry.endpoint !== endpoint) {
      throw idempotencyError(
        400,
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== fingerprint) {
      throw idempotencyError(
        400,
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.response === null) {
      throw idempotencyError(
        409,
        `There is currently another in-progress request using this Idempotency-Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        'idempotency_key_in_use',
      );
    }
    return { kind: 'replay', response: entry.response };
  }
}
