/**
 * Switches tests flip to make the emulator misbehave the ways Stripe may: webhooks delivered
 * twice, out of order, late, after failures, or held back; API calls that take a while.
 * Mutable at any time; each delivery reads them when it happens.
 */
export class EmulatorBehaviour {
  /** Deliver every event twice (two independent deliveries, each retried on its own). */
  duplicate = false;
  /**
   * Deliver the events one API request caused newest first (e.g. `payment_intent.succeeded`
   * before `charge.succeeded`), and release held events newest first.
   */
  outOfOrder = false;
  /** Each event's first delivery attempt waits this long after the event was created. */
  delayMs = 0;
  /** The first N attempts of every delivery count as failed without being sent. */
  failFirstAttempts = 0;
  /** Retry backoff: attempt n (n ≥ 2) waits `retryBaseDelayMs * 2^(n-2)` after attempt n-1. */
  retryBaseDelayMs = 1000;
  /** Attempts per delivery before giving up (Stripe retries for three days; tests need a bound). */
  maxAttempts = 6;
  /** An attempt that has not been answered after this long counts as failed. */
  timeoutMs = 10_000;
  /** Every API request waits this long before it executes (to make concurrent requests overlap). */
  apiLatencyMs = 0;

  private heldBack = false;
  private resume: () => void = () => undefined;

  /**
   * While paused, new deliveries are held (not attempted); un-pausing releases them in creation
   * order, or newest first with `outOfOrder`.
   */
  get paused(): boolean {
    return this.heldBack;
  }

  set paused(value: boolean) {
    const wasPaused = this.heldBack;
    this.heldBack = value;
    if (wasPaused && !value) this.resume();
  }

  /** Called by the delivery queue: what un-pausing does. */
  onResume(resume: () => void): void {
    this.resume = resume;
  }
}

/** The name the rest of the server knows the switches by. */
export type WebhookBehaviour = EmulatorBehaviour;

export type BehaviourSettings = Partial<
  Pick<
    EmulatorBehaviour,
    | 'duplicate'
    | 'outOfOrder'
    | 'delayMs'
    | 'failFirstAttempts'
    | 'retryBaseDelayMs'
    | 'maxAttempts'
    | 'timeoutMs'
    | 'apiLatencyMs'
    | 'paused'
  >
>;
