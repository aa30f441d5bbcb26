import { recalculateOrder, type OrderId, type PaymentId, type PaymentStatus } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { assertIntentMatches, unconfirmed, type SettleOptions } from './intent-checks.ts';
import type { IntentFacts } from './stripe-objects.ts';
import { settleCheckout } from './qr-order-creation.ts';
import { venueWriteIn } from '../sync/index.ts';

export type SettleOutcome =
  | {
      kind: 'payment';
      venueId: string;
      paymentId: string;
      orderId: string;
      status: PaymentStatus;
      changed: boolean;
    }
  | {
      kind: 'qr_order';
      venueId: string;
      orderId: string;
      orderNumber: string | null;
      status: 'awaiting_payment' | 'ordered' | 'canceled';
      created: boolean;
    }
  | { kind: 'unknown' };

type SettleDeps = Pick<AppDeps, 'clock' | 'metrics'>;

/**
 * Where a payment goes given what Stripe says of its intent now. Stripe does not order its
 * events, and the customer's page may report before or after the webhook, so this only ever
 * moves forward: a succeeded payment stays succeeded whatever arrives later, and a canceled
 * one (its intent can no longer be confirmed) stays canceled.
 */
export function nextPaymentStatus(
  current: PaymentStatus,
  intent: Pick<IntentFacts, 'status' | 'last_payment_error'>,
): PaymentStatus {
  // A late payment_failed must never undo a succeeded intent.
  if (current === 'succeeded' || current === 'canceled') return current;
  if (intent.status === 'succeeded') return 'succeeded';
  if (intent.status === 'canceled') return 'canceled';
  if (intent.status === 'requires_payment_method' && intent.last_payment_error) return 'failed';
  return current;
}

/**
 * The one path by which a PaymentIntent's state reaches our rows: the webhook, the customer's
 * status poll, `createFromPaidIntent` and the replay CLI all call it, inside a transaction the
 * caller owns (the webhook marks its event processed in the same one). Idempotent: settling the
 * same intent again changes nothing and does not advance the venue's clock. A change is made
 * only for an intent that matches its row (W2), else `StripeMismatchError` and nothing changes.
 */
export async function settleIntent(
  tx: Queryable,
  deps: SettleDeps,
  intent: IntentFacts,
  options: SettleOptions = {},
): Promise<SettleOutcome> {
  const checkout = await settleCheckout(tx, deps, intent, options);
  if (checkout) return checkout;
  // Found by the intent id before the venue is known (unique across venues), like a token.
  const { rows } = await tx.query<{ venue_id: string; id: string; status: PaymentStatus }>(
    'SELECT venue_id, id, status FROM payments WHERE stripe_payment_intent_id = $1',
    [intent.id],
  );
  const known = rows[0];
  if (!known) return { kind: 'unknown' };
  if (nextPaymentStatus(known.status, intent) === known.status) {
    const orderId = await orderOf(tx, known.venue_id, known.id);
    return {
      kind: 'payment',
      venueId: known.venue_id,
      paymentId: known.id,
      orderId,
      status: known.status,
      changed: false,
    };
  }
  return venueWriteIn(tx, known.venue_id, { now: deps.clock.now() }, async (write) => {
    // Re-read in the venue write (checked again when its first write takes the clock lock):
    // another delivery may have settled it meanwhile.
    const payment = await write.store.getPayment(known.id as PaymentId);
    if (!payment) throw new Error(`Payment ${known.id} vanished while being settled`);
    const status = nextPaymentStatus(payment.status, intent);
    const base = {
      kind: 'payment' as const,
      venueId: known.venue_id,
      paymentId: payment.id,
      orderId: payment.orderId,
      status,
    };
    if (status === payment.status) return { ...base, changed: false };
    // W2: before money moves, the intent must be the one we made for this very payment.
    if (options.confirmed === false) throw unconfirmed(intent.id);
    assertIntentMatches(intent, {
      chargeMinor: payment.amountMinor + payment.tipMinor,
      currency: (await write.venue()).currency,
      metadata: {
        servio_kind: 'table_bill',
        venue_id: payment.venueId,
        order_id: payment.orderId,
        payment_id: payment.id,
      },
    });
    await write.store.put('payments', { ...payment, status, updatedAt: write.now });
    deps.metrics.paymentsOutcome.inc({ method: 'stripe', outcome: status });
    const order = await recalculateOrder(await write.rules(), payment.orderId as OrderId);
    // docs/ARCHITECTURE.md (Payments): a table bill fully paid by QR is closed; the tablets see
    // it on their next pull. QR pay-now orders stay open for the kitchen and are closed by staff.
    if (status === 'succeeded' && order.kind !== 'qr' && order.status === 'paid') {
      await write.store.put('orders', {
        ...order,
        status: 'closed',
        closedAt: write.now,
        updatedAt: write.now,
      });
    }
    return { ...base, changed: true };
  });
}

async function orderOf(tx: Queryable, venueId: string, paymentId: string): Promise<string> {
  const { rows } = await tx.query<{ order_id: string }>(
    'SELECT order_id FROM payments WHERE venue_id = $1 AND id = $2',
    [venueId, paymentId],
  );
  return rows[0]?.order_id ?? '';
}
