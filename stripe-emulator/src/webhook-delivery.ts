import type { EmulatorBehaviour } from './behaviour.ts';
import type { StripeEvent } from './objects.ts';
import { signatureHeader } from './signature.ts';

/** One delivery attempt, as a test (or the Stripe dashboard) would inspect it. */
export interface DeliveryRecord {
  eventId: string;
  type: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** 1, or 2 for the second copy when `behaviour.duplicate` is on. */
  copy: number;
  url: string;
  /** The endpoint's HTTP status; null when it did not answer (or the attempt was simulated). */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** When the attempt was made, on the emulator's clock (ms). */
  at: number;
}

interface Job {
  event: StripeEvent;
  copy: number;
  /** Not before this wall-clock time (ms): `behaviour.delayMs` after the event. */
  dueAt: number;
}

export interface DispatcherOptions {
  secret: string;
  url: () => string | null;
  now: () => number;
  behaviour: EmulatorBehaviour;
}

/**
 * Delivers events to the webhook endpoint as Stripe does: a signed JSON POST, success on any
 * 2xx, retries with exponential backoff on anything else. First attempts go out one at a time
 * in a single lane so the order a test asks for is the order the endpoint sees; retries run
 * on their own schedule, so a failing event never holds the others back.
 */
export class WebhookDispatcher {
  private readonly records: DeliveryRecord[] = [];
  private held: Job[] = [];
  private lane: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly closing = new AbortController();

  constructor(private readonly options: DispatcherOptions) {
    options.behaviour.onResume(() => this.release());
  }

  /** Queue the events one API request caused (in the order they happened). */
  dispatch(events: readonly StripeEvent[]): void {
    if (events.length === 0 || this.options.url() === null || this.closing.signal.aborted) return;
    const behaviour = this.options.behaviour;
    const dueAt = Date.now() + behaviour.delayMs;
    const copies = behaviour.duplicate ? 2 : 1;
    const jobs = events.flatMap((event) =>
      Array.from({ length: copies }, (_, index) => ({ event, copy: index + 1, dueAt })),
    );
    if (behaviour.paused) {
      this.held.push(...jobs);
      return;
    }
    for (const job of behaviour.outOfOrder ? jobs.reverse() : jobs) this.start(job);
  }

  deliveries(): DeliveryRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** Resolves once no attempt or retry is pending (held events wait for `paused = false`). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.closing.abort();
    this.held = [];
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.timers.clear();
  }

  private release(): void {
    const jobs = this.held;
    this.held = [];
    for (const job of this.options.behaviour.outOfOrder ? jobs.reverse() : jobs) this.start(job);
  }

  private start(job: Job): void {
    const lifecycle: Promise<void> = this.deliver(job).finally(() =>
      this.pending.delete(lifecycle),
    );
    this.pending.add(lifecycle);
  }

  private async deliver(job: Job): Promise<void> {
    const run = this.lane.then(async () => {
      await this.sleep(job.dueAt - Date.now());
      return this.attempt(job, 1);
    });
    this.lane = run.catch(() => undefined);
    if (await run) return;
    for (let attempt = 2; attempt <= this.options.behaviour.maxAttempts; attempt += 1) {
      await this.sleep(this.options.behaviour.retryBaseDelayMs * 2 ** (attempt - 2));
      if (this.closing.signal.aborted) return;
      if (await this.attempt(job, attempt)) return;
    }
  }

  /** One attempt; true when the endpoint took the event (or the emulator is shutting down). */
  private async attempt(job: Job, attempt: number): Promise<boolean> {
    if (this.closing.signal.aborted) return true;
    const url = this.options.url();
    const record = (status: number | null, error: string | null): boolean => {
      const ok = error === null;
      this.records.push({
        eventId: job.event.id,
        type: job.event.type,
        attempt,
        copy: job.copy,
        url: url ?? '',
        status,
        ok,
        error,
        at: this.options.now(),
      });
      return ok;
    };
    if (url === null) return record(null, 'no webhook endpoint configured');
    if (attempt <= this.options.behaviour.failFirstAttempts) {
      return record(null, 'simulated failure (behaviour.failFirstAttempts)');
    }
    const payload = JSON.stringify(job.event, null, 2);
    const timestamp = Math.floor(this.options.now() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, this.options.secret, timestamp),
        },
        body: payload,
        // Stripe treats a redirect as a failed delivery rather than following it.
        redirect: 'manual',
        signal: AbortSignal.any([
          this.closing.signal,
          AbortSignal.timeout(this.options.behaviour.timeoutMs),
        ]),
      });
      await response.arrayBuffer().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return record(response.status, ok ? null : `HTTP ${response.status}`);
    } catch (error) {
      if (this.closing.signal.aborted) return true;
      // fetch reports "fetch failed"; the cause says what happened (ECONNREFUSED, a reset, …).
      const cause = error instanceof Error ? error.cause : undefined;
      const reason = cause instanceof Error ? cause.message : String(error);
      return record(null, reason);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closing.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }
}
