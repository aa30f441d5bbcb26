import type { Queryable } from '../db/index.ts';

type OrderRow = {
  orderId: string;
  number: string;
  tableName: string | null;
  status: string;
  totalMinor: number;
  paidMinor: number;
  overpaidMinor: number;
  openedAt: Date;
};

type PaymentRow = {
  orderId: string;
  paymentId: string;
  method: 'cash' | 'card' | 'stripe';
  status: string;
  amountMinor: number;
  tipMinor: number;
  refundedMinor: number;
  pendingRefundMinor: number;
  createdAt: Date;
};

type RefundRow = {
  orderId: string;
  refundId: string;
  paymentId: string;
  amountMinor: number;
  status: string;
  reason: string;
  createdAt: Date;
};

/**
 * The manager's list of bills paid more than once (cash on an offline tablet and card by QR,
 * found when both reached the server) and of refunds still pending at Stripe, newest first,
 * with each payment and what can still be refunded on it.
 */
export async function overpaidOrders(tx: Queryable, venueId: string) {
  const { rows: orders } = await tx.query<OrderRow>(
    `SELECT o.id AS "orderId", o.number, t.name AS "tableName", o.status,
            o.total_minor AS "totalMinor", o.paid_minor AS "paidMinor",
            o.overpaid_minor AS "overpaidMinor", o.opened_at AS "openedAt"
       FROM orders o
       LEFT JOIN tables t ON t.venue_id = o.venue_id AND t.id = o.table_id
      WHERE o.venue_id = $1 AND o.deleted_at IS NULL
        AND (o.overpaid_minor > 0 OR EXISTS (
              SELECT 1 FROM refunds r JOIN payments p ON p.venue_id = r.venue_id AND p.id = r.payment_id
               WHERE r.venue_id = o.venue_id AND p.order_id = o.id AND r.status = 'pending'))
      ORDER BY o.opened_at DESC, o.id DESC
      LIMIT 200`,
    [venueId],
  );
  const ids = orders.map((order) => order.orderId);
  const { rows: payments } = await tx.query<PaymentRow>(
    `SELECT p.order_id AS "orderId", p.id AS "paymentId", p.method, p.status,
            p.amount_minor AS "amountMinor", p.tip_minor AS "tipMinor",
            p.refunded_minor AS "refundedMinor",
            COALESCE((SELECT sum(r.amount_minor) FROM refunds r
                       WHERE r.venue_id = p.venue_id AND r.payment_id = p.id AND r.status = 'pending'), 0)
              AS "pendingRefundMinor",
            p.created_at AS "createdAt"
       FROM payments p
      WHERE p.venue_id = $1 AND p.order_id = ANY($2::uuid[]) AND p.deleted_at IS NULL
        AND p.status = 'succeeded'
      ORDER BY p.id`,
    [venueId, ids],
  );
  const { rows: refunds } = await tx.query<RefundRow>(
    `SELECT p.order_id AS "orderId", r.id AS "refundId", r.payment_id AS "paymentId",
            r.amount_minor AS "amountMinor", r.status, r.reason, r.created_at AS "createdAt"
       FROM refunds r JOIN payments p ON p.venue_id = r.venue_id AND p.id = r.payment_id
      WHERE r.venue_id = $1 AND p.order_id = ANY($2::uuid[])
      ORDER BY r.id`,
    [venueId, ids],
  );
  return orders.map((order) => ({
    orderId: order.orderId,
    number: order.number,
    tableName: order.tableName,
    status: order.status,
    totalMinor: order.totalMinor,
    paidMinor: order.paidMinor,
    overpaidMinor: order.overpaidMinor,
    openedAt: order.openedAt.toISOString(),
    payments: payments
      .filter((payment) => payment.orderId === order.orderId)
      .map((payment) => ({
        paymentId: payment.paymentId,
        method: payment.method,
        amountMinor: payment.amountMinor,
        tipMinor: payment.tipMinor,
        refundedMinor: payment.refundedMinor,
        /** Only card payments made by QR are refunded through Stripe; cash goes back at the till. */
        refundableMinor:
          payment.method === 'stripe'
            ? Math.max(
                payment.amountMinor +
                  payment.tipMinor -
                  payment.refundedMinor -
                  Number(payment.pendingRefundMinor),
                0,
              )
            : 0,
        at: payment.createdAt.toISOString(),
      })),
    refunds: refunds
      .filter((refund) => refund.orderId === order.orderId)
      .map((refund) => ({
        refundId: refund.refundId,
        paymentId: refund.paymentId,
        amountMinor: refund.amountMinor,
        status: refund.status,
        reason: refund.reason,
        at: refund.createdAt.toISOString(),
      })),
  }));
}

export type OverpaidOrder = Awaited<ReturnType<typeof overpaidOrders>>[number];
