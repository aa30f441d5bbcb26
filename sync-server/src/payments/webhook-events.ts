import type { AppDeps } from '../deps.ts';
import { StripeMismatchError } from './intent-checks.ts';
import { StripeEventSchema, type StripeEventFacts } from './stripe-objects.ts';
import { applyEvent, prepareEvent } from './webhook-handlers.ts';

/**
 * What became of one delivery (or replay) of an event; also the metric's outcome label.
 * `refused`: verified, but it disagrees with our rows or with Stripe (W2–W4); stored as failed
 * with `refused: <reason>`, nothing changed.
 */
export type WebhookOutcome = 'processed' | 'ignored' | 'duplicate' | 'failed' | 'refused';

export interface ProcessResult {
  eventId: string;
  type: string;
  outcome: WebhookOutcome;
  /** Attempts so far, this one included. */
  attempts: number;
  error?: string;
}

type WebhookDeps = Pick<AppDeps, 'db' | 'clock' | 'metrics' | 'stripe'>;

type StoredEvent = {
  id: string;
  type: string;
  payload: unknown;
  status: 'received' | 'processed' | 'failed' | 'ignored';
  attempts: number;
};

const DONE = new Set<StoredEvent['status']>(['processed', 'ignored']);

/**
 * Stores a verified event before anything acts on it (unique by Stripe's event id): an event
 * Stripe sends again finds its row. The row is committed on its own, so even a crash while
 * acting leaves it in `stripe_webhook_events` for the replay CLI.
 */
export async function storeEvent(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  event: StripeEventFacts,
): Promise<void> {
  await deps.db.query(
    `INSERT INTO stripe_webhook_events (id, type, livemode, payload, stripe_created_at, received_at, updated_at)
     VALUES ($1, $2, $3, $4, to_timestamp($5), $6, $6)
     ON CONFLICT (id) DO NOTHING`,
    [
      event.id,
      event.type,
      event.livemode,
      JSON.stringify(event),
      event.created,
      new Date(deps.clock.now()).toISOString(),
    ],
  );
}

/**
 * Acts on a stored event once. What Stripe must be asked is asked first; then, in one
 * transaction, the event row is locked (two deliveries at once queue here and the second finds
 * it done), the state change is made and the event is marked processed (or ignored, for events
 * that concern nothing of ours). A failure rolls the change back and records the event failed
 * with its error and attempt count, so Stripe's retry or the replay CLI can run it again; an
 * event refused for not matching (W2–W4) is recorded the same way, its error `refused: …`.
 * `force` runs an already processed event again (handlers are idempotent).
 */
export async function processEvent(
  deps: WebhookDeps,
  eventId: string,
  options: { force?: boolean } = {},
): Promise<ProcessResult> {
  const { rows } = await deps.db.query<StoredEvent>(
    'SELECT id, type, payload, status, attempts FROM stripe_webhook_events WHERE id = $1',
    [eventId],
  );
  const stored = rows[0];
  if (!stored) throw new Error(`No stored Stripe event ${eventId}`);
  const result = (outcome: WebhookOutcome, attempts: number, error?: string): ProcessResult => {
    deps.metrics.webhookEvents.inc({ type: stored.type, outcome });
    return {
      eventId,
      type: stored.type,
      outcome,
      attempts,
      ...(error === undefined ? {} : { error }),
    };
  };
  if (DONE.has(stored.status) && !options.force) return result('duplicate', stored.attempts);
  try {
    const event = StripeEventSchema.parse(stored.payload);
    const prepared = await prepareEvent(deps.stripe.client, event);
    const done = await deps.db.transaction(
      async (tx): Promise<{ outcome: WebhookOutcome; attempts: number }> => {
        const locked = await tx.query<{ status: StoredEvent['status']; attempts: number }>(
          'SELECT status, attempts FROM stripe_webhook_events WHERE id = $1 FOR UPDATE',
          [eventId],
        );
        const current = locked.rows[0]!;
        if (DONE.has(current.status) && !options.force) {
          return { outcome: 'duplicate' as const, attempts: current.attempts };
        }
        const applied = await applyEvent(tx, deps, prepared);
        const status = applied.handled ? 'processed' : 'ignored';
        const now = new Date(deps.clock.now()).toISOString();
        const updated = await tx.query<{ attempts: number }>(
          `UPDATE stripe_webhook_events
            SET status = $2, attempts = attempts + 1, last_error = NULL, processed_at = $3,
                updated_at = $3, venue_id = COALESCE($4::uuid, venue_id)
          WHERE id = $1 RETURNING attempts`,
          [eventId, status, now, applied.venueId],
        );
        return { outcome: status, attempts: updated.rows[0]!.attempts };
      },
    );
    return result(done.outcome, done.attempts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { rows: failed } = await deps.db.query<{ attempts: number }>(
      `UPDATE stripe_webhook_events
          SET status = 'failed', attempts = attempts + 1, last_error = $2, updated_at = $3
        WHERE id = $1 RETURNING attempts`,
      [eventId, message.slice(0, 2000), new Date(deps.clock.now()).toISOString()],
    );
    // A refusal is kept like a failure (the operator sees it, a replay checks it again).
    const outcome = error instanceof StripeMismatchError ? 'refused' : 'failed';
    return result(outcome, failed[0]?.attempts ?? stored.attempts + 1, message);
  }
}

/** Every event left failed (or received but never processed, e.g. after a crash), oldest first. */
export async function unfinishedEventIds(db: AppDeps['db']): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM stripe_webhook_events WHERE status IN ('failed', 'received')
      ORDER BY received_at, id`,
  );
  return rows.map((row) => row.id);
}

/** The replay CLI's work: one event by id (again, even if processed, with `force`), or all unfinished ones. */
export async function replayEvents(
  deps: WebhookDeps,
  target: { eventId: string; force?: boolean } | { unfinished: true },
): Promise<ProcessResult[]> {
  if ('eventId' in target) {
    return [await processEvent(deps, target.eventId, { force: target.force ?? false })];
  }
  const results: ProcessResult[] = [];
  for (const id of await unfinishedEventIds(deps.db)) results.push(await processEvent(deps, id));
  return results;
}
