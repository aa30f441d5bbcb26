import { minor, recalculateOrder, type OrderId, type PaymentId } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import type { ChargeFacts, RefundFacts } from './stripe-objects.ts';
import { assertChargeMatches, unconfirmed, type SettleOptions } from './intent-checks.ts';
import type { AppliedEvent } from './subscriptions.ts';
import { venueWriteIn } from '../sync/index.ts';

type OurRefund = {
  id: string;
  stripe_refund_id: string | null;
  status: 'pending' | 'succeeded' | 'failed';
};

/**
 * `charge.refunded`: make our books agree with Stripe's. The payment's refunded amount only
 * ever grows to the charge's `amount_refunded` (so a late or repeated event changes nothing),
 * our pending refunds that Stripe completed are marked succeeded, and refunds made outside
 * Servio (the Stripe dashboard) are recorded so the manager sees every refund.
 */
export async function reconcileCharge(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  charge: ChargeFacts,
  stripeRefunds: readonly RefundFacts[] | undefined,
  options: SettleOptions = {},
): Promise<AppliedEvent> {
  if (!charge.payment_intent) return { handled: false, venueId: null };
  const found = await tx.query<{ venue_id: string; id: string; refunded_minor: number }>(
    'SELECT venue_id, id, refunded_minor FROM payments WHERE stripe_payment_intent_id = $1',
    [charge.payment_intent],
  );
  const payment = found.rows[0];
  if (!payment) return { handled: false, venueId: null };
  const ours = (
    await tx.query<OurRefund>(
      'SELECT id, stripe_refund_id, status FROM refunds WHERE venue_id = $1 AND payment_id = $2',
      [payment.venue_id, payment.id],
    )
  ).rows;
  const succeeded = (stripeRefunds ?? []).filter((refund) => refund.status === 'succeeded');
  // Ours are matched by Stripe id, or by our id in the refund's metadata: the webhook may
  // arrive before the manager's request has stored the Stripe id.
  const ourRefundFor = (refund: RefundFacts) =>
    ours.find(
      (row) => row.stripe_refund_id === refund.id || row.id === refund.metadata['servio_refund_id'],
    );
  const completed = succeeded.filter((refund) => {
    const row = ourRefundFor(refund);
    return row && (row.status !== 'succeeded' || row.stripe_refund_id !== refund.id);
  });
  const outside = succeeded.filter((refund) => !ourRefundFor(refund));
  const target = Math.max(payment.refunded_minor, charge.amount_refunded);
  if (target === payment.refunded_minor && completed.length === 0 && outside.length === 0) {
    return { handled: true, venueId: payment.venue_id };
  }
  await venueWriteIn(tx, payment.venue_id, { now: deps.clock.now() }, async (write) => {
    // W4: refunds move money too; only a charge Stripe confirms, of this payment, moves them.
    if (options.confirmed === false) throw unconfirmed(charge.id);
    const row = await write.store.getPayment(payment.id as PaymentId);
    if (!row) throw new Error(`Payment ${payment.id} vanished while being reconciled`);
    assertChargeMatches(charge, {
      chargeMinor: row.amountMinor + row.tipMinor,
      currency: (await write.venue()).currency,
    });
    for (const refund of completed) {
      await tx.query(
        `UPDATE refunds SET status = 'succeeded', stripe_refund_id = $3, version = $4, updated_at = $5
          WHERE venue_id = $1 AND id = $2`,
        [payment.venue_id, ourRefundFor(refund)!.id, refund.id, await write.stamp(), write.now],
      );
    }
    for (const refund of outside) {
      await tx.query(
        `INSERT INTO refunds (venue_id, id, payment_id, amount_minor, reason, status, stripe_refund_id,
           created_by, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'succeeded', $6, NULL, $7, $8, $8)
         ON CONFLICT (stripe_refund_id) DO NOTHING`,
        [
          payment.venue_id,
          uuidv7(),
          payment.id,
          refund.amount,
          `Refunded in Stripe${refund.reason ? ` (${refund.reason.replaceAll('_', ' ')})` : ''}`,
          refund.id,
          await write.stamp(),
          write.now,
        ],
      );
    }
    if (row.refundedMinor < target) {
      await write.store.put('payments', {
        ...row,
        refundedMinor: minor(target),
        updatedAt: write.now,
      });
      await recalculateOrder(await write.rules(), row.orderId as OrderId);
    }
  });
  return { handled: true, venueId: payment.venue_id };
}
