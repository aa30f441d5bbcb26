import type {
  LineModifier,
  LineStatus,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  VenueRow,
} from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import { loadVenue } from '../sync/index.ts';

/**
 * The rows the customer's bill and the payment paths read, straight from Postgres (S12: never
 * from the page). Column names are turned into camelCase in the SQL, here and nowhere else.
 */

export interface TableRef {
  venueId: string;
  tableId: string;
  tableName: string;
}

/**
 * The table a QR token opens. This is the one lookup made before the venue is known (like a
 * device token's), so it runs outside the venue fence; everything after is scoped to `venueId`.
 */
export async function tableByToken(db: Queryable, token: string): Promise<TableRef | undefined> {
  const { rows } = await db.query<{ venueId: string; tableId: string; tableName: string }>(
    `SELECT venue_id AS "venueId", id AS "tableId", name AS "tableName"
       FROM tables WHERE qr_token = $1 AND deleted_at IS NULL`,
    [token],
  );
  return rows[0];
}

/** The venue as the bill and the payment paths show and price it (picked, not the whole row). */
export type VenueInfo = Pick<
  VenueRow,
  | 'id'
  | 'name'
  | 'currency'
  | 'timezone'
  | 'businessDayCutoff'
  | 'taxMode'
  | 'serviceChargeBps'
  | 'tipPresetsBps'
>;

export function venueInfoOf(venue: VenueRow): VenueInfo {
  const { id, name, currency, timezone, businessDayCutoff, taxMode, serviceChargeBps } = venue;
  return {
    id,
    name,
    currency,
    timezone,
    businessDayCutoff,
    taxMode,
    serviceChargeBps,
    tipPresetsBps: venue.tipPresetsBps,
  };
}

export async function readVenue(tx: Queryable, venueId: string): Promise<VenueInfo> {
  const venue = await loadVenue(tx, venueId);
  if (!venue) throw new Error(`Venue ${venueId} does not exist`);
  return venueInfoOf(venue);
}

export type BillOrderHead = {
  id: string;
  number: string;
  kind: 'table' | 'takeaway' | 'qr';
  tableId: string | null;
  status: OrderStatus;
  discountKind: 'percent' | 'amount' | null;
  discountValue: number | null;
  serviceChargeBps: number;
  openedAt: Date;
};

export type BillLine = {
  id: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  modifiers: LineModifier[];
  status: LineStatus;
  discountKind: 'percent' | 'amount' | null;
  discountValue: number | null;
  taxRateBps: number;
  note: string | null;
};

export type BillPayment = {
  id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amountMinor: number;
  tipMinor: number;
  refundedMinor: number;
  stripePaymentIntentId: string | null;
  createdAt: Date;
  /** The lines a "pay for these items" request of this payment covers. */
  lineIds: string[];
};

export interface BillOrder {
  order: BillOrderHead;
  lines: BillLine[];
  payments: BillPayment[];
}

const ORDER_COLUMNS = `id, number, kind, table_id AS "tableId", status,
  discount_kind AS "discountKind", discount_value AS "discountValue",
  service_charge_bps AS "serviceChargeBps", opened_at AS "openedAt"`;

/** The table's orders a customer can still pay (not closed, void, merged away or deleted). */
export async function openOrdersOfTable(
  tx: Queryable,
  venueId: string,
  tableId: string,
): Promise<BillOrderHead[]> {
  const { rows } = await tx.query<BillOrderHead>(
    `SELECT ${ORDER_COLUMNS} FROM orders
      WHERE venue_id = $1 AND table_id = $2 AND deleted_at IS NULL
        AND status NOT IN ('closed', 'void')
      ORDER BY opened_at, id`,
    [venueId, tableId],
  );
  return rows;
}

/**
 * One order with its live lines and payments. With `lock`, the order row is locked FOR UPDATE
 * first: everyone paying this order waits here, so amounts are computed one payer at a time.
 */
export async function readBillOrder(
  tx: Queryable,
  venueId: string,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<BillOrder | undefined> {
  const { rows } = await tx.query<BillOrderHead>(
    `SELECT ${ORDER_COLUMNS} FROM orders
      WHERE venue_id = $1 AND id = $2 AND deleted_at IS NULL${options.lock ? ' FOR UPDATE' : ''}`,
    [venueId, orderId],
  );
  const order = rows[0];
  if (!order) return undefined;
  const lines = await tx.query<BillLine>(
    `SELECT id, name, quantity, unit_price_minor AS "unitPriceMinor", modifiers, status,
            discount_kind AS "discountKind", discount_value AS "discountValue",
            tax_rate_bps AS "taxRateBps", note
       FROM order_lines
      WHERE venue_id = $1 AND order_id = $2 AND deleted_at IS NULL
      ORDER BY id`,
    [venueId, orderId],
  );
  const payments = await tx.query<BillPayment>(
    `SELECT p.id, p.method, p.status, p.amount_minor AS "amountMinor", p.tip_minor AS "tipMinor",
            p.refunded_minor AS "refundedMinor", p.stripe_payment_intent_id AS "stripePaymentIntentId",
            p.created_at AS "createdAt", COALESCE(r.line_ids, '{}')::text[] AS "lineIds"
       FROM payments p
       LEFT JOIN qr_payment_requests r ON r.venue_id = p.venue_id AND r.payment_id = p.id
      WHERE p.venue_id = $1 AND p.order_id = $2 AND p.deleted_at IS NULL
      ORDER BY p.id`,
    [venueId, orderId],
  );
  return { order, lines: lines.rows, payments: payments.rows };
}
