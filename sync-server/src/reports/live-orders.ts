import { minor, type Minor, type OrderKind, type OrderStatus } from '@servio/shared';
import type { Queryable } from '../db/index.ts';

/**
 * What needs a manager right now, whatever range the report shows: orders still open on the
 * floor, and money to give back (orders paid more than their total, refunds not yet through).
 */

export interface OpenOrderRow {
  orderId: string;
  number: string;
  kind: OrderKind;
  table: string | null;
  status: OrderStatus;
  covers: number;
  openedAt: string;
  businessDay: string;
  openedBy: string | null;
  totalMinor: Minor;
  paidMinor: Minor;
  dueMinor: Minor;
}

export interface AttentionRow {
  orderId: string;
  number: string;
  table: string | null;
  status: OrderStatus;
  businessDay: string;
  totalMinor: Minor;
  paidMinor: Minor;
  /** Paid beyond the total (a bill paid twice): to be refunded. */
  overpaidMinor: Minor;
  /** Refunds asked for and not yet confirmed (by Stripe). */
  refundPendingMinor: Minor;
  refundsPending: number;
}

type OrderBase = {
  id: string;
  number: string;
  table_name: string | null;
  status: OrderStatus;
  business_day: string;
  total_minor: number;
  paid_minor: number;
};

const ORDER_COLUMNS = `o.id, o.number, t.name AS table_name, o.status, o.business_day::text AS business_day,
  o.total_minor, o.paid_minor`;
const TABLE_JOIN = 'LEFT JOIN tables t ON t.venue_id = o.venue_id AND t.id = o.table_id';

/** Orders neither closed nor voided (paid-but-not-closed included), oldest first. */
export async function openOrders(tx: Queryable, venueId: string): Promise<OpenOrderRow[]> {
  const { rows } = await tx.query<
    OrderBase & { kind: OrderKind; covers: number; opened_at: Date; opened_by: string | null }
  >(
    `SELECT ${ORDER_COLUMNS}, o.kind, o.covers, o.opened_at, s.name AS opened_by
       FROM orders o ${TABLE_JOIN}
       LEFT JOIN staff s ON s.venue_id = o.venue_id AND s.id = o.opened_by
      WHERE o.venue_id = $1 AND o.deleted_at IS NULL AND o.status NOT IN ('closed', 'void')
      ORDER BY o.opened_at, o.number`,
    [venueId],
  );
  return rows.map((row) => ({
    orderId: row.id,
    number: row.number,
    kind: row.kind,
    table: row.table_name,
    status: row.status,
    covers: row.covers,
    openedAt: row.opened_at.toISOString(),
    businessDay: row.business_day,
    openedBy: row.opened_by,
    totalMinor: minor(row.total_minor),
    paidMinor: minor(row.paid_minor),
    dueMinor: minor(Math.max(row.total_minor - row.paid_minor, 0)),
  }));
}

/** Overpaid orders and orders with a refund pending, oldest business day first. */
export async function ordersNeedingRefundAttention(
  tx: Queryable,
  venueId: string,
): Promise<AttentionRow[]> {
  const { rows } = await tx.query<
    OrderBase & { overpaid_minor: number; pending_minor: number; pending_count: number }
  >(
    `WITH pending AS (
       SELECT p.order_id, sum(r.amount_minor)::bigint AS pending_minor, count(*)::int AS pending_count
         FROM refunds r JOIN payments p ON p.venue_id = r.venue_id AND p.id = r.payment_id
        WHERE r.venue_id = $1 AND r.status = 'pending'
        GROUP BY p.order_id
     )
     SELECT ${ORDER_COLUMNS}, o.overpaid_minor,
            COALESCE(pe.pending_minor, 0) AS pending_minor, COALESCE(pe.pending_count, 0) AS pending_count
       FROM orders o ${TABLE_JOIN}
       LEFT JOIN pending pe ON pe.order_id = o.id
      WHERE o.venue_id = $1 AND o.deleted_at IS NULL
        AND (o.overpaid_minor > 0 OR pe.pending_minor > 0)
      ORDER BY o.business_day, o.number`,
    [venueId],
  );
  return rows.map((row) => ({
    orderId: row.id,
    number: row.number,
    table: row.table_name,
    status: row.status,
    businessDay: row.business_day,
    totalMinor: minor(row.total_minor),
    paidMinor: minor(row.paid_minor),
    overpaidMinor: minor(row.overpaid_minor),
    refundPendingMinor: minor(row.pending_minor),
    refundsPending: row.pending_count,
  }));
}
