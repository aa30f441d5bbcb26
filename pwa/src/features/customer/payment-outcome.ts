import { paymentStatus, type PaymentStatusView } from '../../api/table-bill.ts';

/** How long the page keeps asking before it says "still confirming" and offers to ask again. */
export const OUTCOME_WAIT_MS = 45_000;

const FINAL: ReadonlySet<PaymentStatusView['outcome']> = new Set([
  'succeeded',
  'failed',
  'canceled',
]);

/**
 * After Stripe took the card: ask the server until the payment is decided. Each answer is the
 * server asking Stripe and recording what it says (the same path as the webhook), so the page
 * never reports a payment the server has not recorded. Resolves with the last answer: a final
 * outcome, or `pending` / `requires_action` when time ran out.
 */
export async function waitForPaymentOutcome(
  token: string,
  paymentIntentId: string,
  signal: AbortSignal,
  waitMs = OUTCOME_WAIT_MS,
): Promise<PaymentStatusView> {
  const deadline = Date.now() + waitMs;
  let delay = 500;
  for (;;) {
    const status = await paymentStatus(token, paymentIntentId);
    if (FINAL.has(status.outcome) || Date.now() + delay > deadline) return status;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delay);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
    signal.throwIfAborted();
    delay = Math.min(delay * 2, 4_000);
  }
}
