import { minor, recalculateOrder, type OrderId, type PaymentId } from '@servio/shared';
import { inVenue, recordAudit } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { fromStripeError, PaymentError } from './errors.ts';
import { withVenueWrite } from '../sync/index.ts';

export interface RefundRequest {
  /** Made by the manager's screen per refund: sent again, it never refunds twice. */
  refundId: string;
  paymentId: string;
  /** Omitted: everything still refundable on the payment (amount and tip). */
  amountMinor?: number | undefined;
  reason: string;
}

export interface RefundView {
  refundId: string;
  paymentId: string;
  amountMinor: number;
  status: 'pending' | 'succeeded' | 'failed';
  stripeRefundId: string | null;
  reason: string;
}

type RefundDeps = Pick<AppDeps, 'db' | 'clock' | 'stripe'>;

type RefundRow = {
  id: string;
  payment_id: string;
  amount_minor: number;
  status: RefundView['status'];
  stripe_refund_id: string | null;
  reason: string;
};

const view = (row: RefundRow): RefundView => ({
  refundId: row.id,
  paymentId: row.payment_id,
  amountMinor: row.amount_minor,
  status: row.status,
  stripeRefundId: row.stripe_refund_id,
  reason: row.reason,
});

/**
 * Refunds a card payment taken by QR (fully or in part), e.g. the card half of a bill that was
 * also paid in cash on an offline tablet. The refund is recorded pending first, then made at
 * Stripe with an idempotency key from its id, then recorded as Stripe answered; `charge.refunded`
 * reconciles it again later. A retry after a lost answer reuses the same key, so Stripe
 * refunds once.
 */
export async function refundPayment(
  deps: RefundDeps,
  staff: { venueId: string; staffId: string; deviceId: string },
  request: RefundRequest,
): Promise<RefundView> {
  const { venueId } = staff;
  const existing = await inVenue(deps.db, venueId, async (tx) => {
    const { rows } = await tx.query<RefundRow>(
      'SELECT * FROM refunds WHERE venue_id = $1 AND id = $2',
      [venueId, request.refundId],
    );
    return rows[0];
  });
  if (existing && existing.payment_id !== request.paymentId) {
    throw new PaymentError(
      'CONFLICT',
      'This refund id belongs to another payment.',
      'refund_id_taken',
    );
  }
  if (existing && existing.status !== 'pending') return view(existing);
  const planned =
    existing ??
    (await withVenueWrite(deps.db, venueId, { now: deps.clock.now() }, async (write) => {
      const payment = await write.store.getPayment(request.paymentId as PaymentId);
      if (!payment || payment.deletedAt !== null) {
        throw new PaymentError('NOT_FOUND', 'No such payment at this venue.', 'unknown_payment');
      }
      if (payment.method !== 'stripe' || !payment.stripePaymentIntentId) {
        throw new PaymentError(
          'BAD_REQUEST',
          'Only card payments made by QR can be refunded here; give cash back at the till.',
          'not_refundable',
        );
      }
      if (payment.status !== 'succeeded') {
        throw new PaymentError('CONFLICT', 'This payment did not succeed.', 'not_refundable');
      }
      const { rows } = await write.tx.query<{ open: number }>(
        `SELECT COALESCE(sum(amount_minor), 0) AS open FROM refunds
          WHERE venue_id = $1 AND payment_id = $2 AND status = 'pending'`,
        [venueId, payment.id],
      );
      const refundable =
        payment.amountMinor + payment.tipMinor - payment.refundedMinor - Number(rows[0]?.open ?? 0);
      const amount = request.amountMinor ?? refundable;
      if (refundable <= 0) {
        throw new PaymentError('CONFLICT', 'This payment is already fully refunded.', 'refunded');
      }
      if (amount <= 0 || amount > refundable) {
        throw new PaymentError(
          'BAD_REQUEST',
          `At most ${refundable} (minor units) can still be refunded on this payment.`,
          'too_much',
        );
      }
      const row: RefundRow = {
        id: request.refundId,
        payment_id: payment.id,
        amount_minor: amount,
        status: 'pending',
        stripe_refund_id: null,
        reason: request.reason,
      };
      await write.tx.query(
        `INSERT INTO refunds (venue_id, id, payment_id, amount_minor, reason, status, created_by,
           version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $8)`,
        [
          venueId,
          row.id,
          row.payment_id,
          amount,
          row.reason,
          staff.staffId,
          await write.stamp(),
          write.now,
        ],
      );
      await recordAudit(
        write.tx,
        venueId,
        { staffId: staff.staffId, deviceId: staff.deviceId },
        {
          action: 'payment.refund',
          target: payment.id,
          details: { refundId: row.id, amountMinor: amount, reason: row.reason },
        },
      );
      return row;
    }));
  return completeAtStripe(deps, venueId, planned);
}

async function completeAtStripe(
  deps: RefundDeps,
  venueId: string,
  planned: RefundRow,
): Promise<RefundView> {
  const intentId = await inVenue(deps.db, venueId, async (tx) => {
    const { rows } = await tx.query<{ intent: string; overpaid: number }>(
      `SELECT p.stripe_payment_intent_id AS intent, o.overpaid_minor AS overpaid
         FROM payments p JOIN orders o ON o.venue_id = p.venue_id AND o.id = p.order_id
        WHERE p.venue_id = $1 AND p.id = $2`,
      [venueId, planned.payment_id],
    );
    return rows[0];
  });
  if (!intentId) throw new Error(`Payment ${planned.payment_id} vanished during its refund`);
  let refund;
  try {
    refund = await deps.stripe.client.refunds.create(
      {
        payment_intent: intentId.intent,
        amount: planned.amount_minor,
        reason: intentId.overpaid > 0 ? 'duplicate' : 'requested_by_customer',
        metadata: {
          servio_refund_id: planned.id,
          servio_payment_id: planned.payment_id,
          reason: planned.reason.slice(0, 500),
        },
      },
      { idempotencyKey: `servio-refund-${planned.id}` },
    );
  } catch (error) {
    const refusal = fromStripeError(error);
    if (refusal && refusal.code !== 'BAD_GATEWAY') {
      await settleRefund(deps, venueId, planned, 'failed', null);
      throw refusal;
    }
    // Unknown outcome: the refund stays pending; asking again reuses the key and cannot refund twice.
    throw refusal ?? error;
  }
  const status =
    refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' ? 'failed' : 'pending';
  return settleRefund(deps, venueId, planned, status, refund.id);
}

async function settleRefund(
  deps: RefundDeps,
  venueId: string,
  planned: RefundRow,
  status: RefundView['status'],
  stripeRefundId: string | null,
): Promise<RefundView> {
  return withVenueWrite(deps.db, venueId, { now: deps.clock.now() }, async (write) => {
    // The webhook may have completed it already (it matches our id in the refund's metadata).
    const { rows } = await write.tx.query<RefundRow>(
      `UPDATE refunds SET status = $3, stripe_refund_id = COALESCE(stripe_refund_id, $4),
              version = $5, updated_at = $6
        WHERE venue_id = $1 AND id = $2 AND status = 'pending'
        RETURNING *`,
      [venueId, planned.id, status, stripeRefundId, await write.lock(), write.now],
    );
    const updated = rows[0];
    // Only a refund this call completed moves the clock (and pokes).
    if (updated) await write.stamp();
    if (!updated) {
      const current = await write.tx.query<RefundRow>(
        'SELECT * FROM refunds WHERE venue_id = $1 AND id = $2',
        [venueId, planned.id],
      );
      return view(current.rows[0]!);
    }
    if (status === 'succeeded') {
      const { rows: sums } = await write.tx.query<{ refunded: number }>(
        `SELECT COALESCE(sum(amount_minor), 0) AS refunded FROM refunds
          WHERE venue_id = $1 AND payment_id = $2 AND status = 'succeeded'`,
        [venueId, planned.payment_id],
      );
      const payment = await write.store.getPayment(planned.payment_id as PaymentId);
      const refunded = Number(sums[0]?.refunded ?? 0);
      if (payment && payment.refundedMinor < refunded) {
        await write.store.put('payments', {
          ...payment,
          refundedMinor: minor(refunded),
          updatedAt: write.now,
        });
        await recalculateOrder(await write.rules(), payment.orderId as OrderId);
      }
    }
    return view(updated);
  });
}
