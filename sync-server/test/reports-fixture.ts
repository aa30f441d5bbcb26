import {
  businessDay,
  computeOrderTotals,
  type LineModifier,
  type Minor,
  type TaxMode,
  type TotalsLine,
} from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../src/db/db.ts';

/**
 * Writes orders the way the server stores them after a push: lines with their snapshots, the
 * derived money columns from `computeOrderTotals` (S12), and the business day from the tablet's
 * own clock at opening (S11). Tests then compare the reports with numbers worked out by hand.
 */

export interface MenuItemRef {
  id: string;
  name: string;
  priceMinor: number;
  taxRateBps: number;
}

export interface LineSpec {
  item: MenuItemRef;
  quantity: number;
  modifiers?: { name: string; priceDeltaMinor: number }[];
  status?: 'new' | 'sent' | 'served' | 'voided';
  discount?: { kind: 'percent' | 'amount'; value: number };
}

export interface PaymentSpec {
  method: 'cash' | 'card' | 'stripe';
  status?: 'succeeded' | 'failed' | 'pending';
  amountMinor: number;
  tipMinor?: number;
  refunds?: { amountMinor: number; status: 'succeeded' | 'pending' | 'failed' }[];
}

export interface OrderSpec {
  number: string;
  kind?: 'table' | 'takeaway' | 'qr';
  tableId?: string | null;
  covers: number;
  status: 'open' | 'sent' | 'part_paid' | 'paid' | 'closed' | 'void';
  openedBy: string | null;
  /** The tablet's clock when the order was opened (decides the business day, S11). */
  openedAt: string;
  /** When it reached the server (created_at / updated_at of every row written). */
  syncedAt: string;
  discount?: { kind: 'percent' | 'amount'; value: number };
  serviceChargeBps?: number;
  mergedInto?: string;
  lines: LineSpec[];
  payments?: PaymentSpec[];
}

export interface VenueClock {
  id: string;
  timezone: string;
  cutoff: string;
  taxMode: TaxMode;
}

export async function seedOrder(db: Db, venue: VenueClock, spec: OrderSpec): Promise<string> {
  const orderId = uuidv7();
  const lines = spec.lines.map((line) => {
    const modifiers: LineModifier[] = (line.modifiers ?? []).map((m) => ({
      groupId: uuidv7() as LineModifier['groupId'],
      optionId: uuidv7() as LineModifier['optionId'],
      name: m.name,
      priceDeltaMinor: m.priceDeltaMinor as Minor,
    }));
    const totals: TotalsLine = {
      id: uuidv7() as TotalsLine['id'],
      unitPriceMinor: line.item.priceMinor as Minor,
      modifiers,
      quantity: line.quantity,
      status: line.status ?? 'served',
      discountKind: line.discount?.kind ?? null,
      discountValue: line.discount?.value ?? null,
      taxRateBps: line.item.taxRateBps,
    };
    return { spec: line, totals };
  });
  const payments = (spec.payments ?? []).map((payment) => ({
    spec: payment,
    id: uuidv7(),
    status: payment.status ?? 'succeeded',
    refundedMinor: (payment.refunds ?? [])
      .filter((refund) => refund.status === 'succeeded')
      .reduce((sum, refund) => sum + refund.amountMinor, 0),
  }));
  const totals = computeOrderTotals({
    order: {
      discountKind: spec.discount?.kind ?? null,
      discountValue: spec.discount?.value ?? null,
      serviceChargeBps: spec.serviceChargeBps ?? 0,
    },
    lines: lines.map((line) => line.totals),
    payments: payments.map((p) => ({
      status: p.status,
      amountMinor: p.spec.amountMinor as Minor,
      tipMinor: (p.spec.tipMinor ?? 0) as Minor,
      refundedMinor: p.refundedMinor as Minor,
    })),
    taxMode: venue.taxMode,
  });
  const day = businessDay(spec.openedAt, venue.timezone, venue.cutoff);

  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO orders (venue_id, id, number, kind, table_id, covers, status, opened_by, opened_at,
         business_day, closed_at, discount_kind, discount_value, service_charge_bps, subtotal_minor,
         discount_minor, service_charge_minor, tax_minor, total_minor, paid_minor, tip_minor,
         overpaid_minor, merged_into, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
               $20, $21, $22, $23, 1, $24, $24)`,
      [
        venue.id,
        orderId,
        spec.number,
        spec.kind ?? (spec.tableId ? 'table' : 'takeaway'),
        spec.tableId ?? null,
        spec.covers,
        spec.status,
        spec.openedBy,
        spec.openedAt,
        day,
        ['closed', 'void'].includes(spec.status) ? spec.syncedAt : null,
        spec.discount?.kind ?? null,
        spec.discount?.value ?? null,
        spec.serviceChargeBps ?? 0,
        totals.subtotalMinor,
        totals.discountMinor,
        totals.serviceChargeMinor,
        totals.taxMinor,
        totals.totalMinor,
        totals.paidMinor,
        totals.tipMinor,
        totals.overpaidMinor,
        spec.mergedInto ?? null,
        spec.syncedAt,
      ],
    );
    for (const [index, line] of lines.entries()) {
      await tx.query(
        `INSERT INTO order_lines (venue_id, id, order_id, item_id, name, unit_price_minor, tax_rate_bps,
           modifiers, quantity, status, discount_kind, discount_value, line_total_minor, void_reason,
           added_by, added_at, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $17)`,
        [
          venue.id,
          line.totals.id,
          orderId,
          line.spec.item.id,
          line.spec.item.name,
          line.spec.item.priceMinor,
          line.spec.item.taxRateBps,
          JSON.stringify(line.totals.modifiers),
          line.spec.quantity,
          line.totals.status,
          line.totals.discountKind,
          line.totals.discountValue,
          totals.lines[index]!.lineTotalMinor,
          line.totals.status === 'voided' ? 'voided in test' : null,
          spec.openedBy,
          spec.openedAt,
          spec.syncedAt,
        ],
      );
    }
    for (const payment of payments) {
      await tx.query(
        `INSERT INTO payments (venue_id, id, order_id, method, status, amount_minor, tip_minor,
           refunded_minor, recorded_by, client_time, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11)`,
        [
          venue.id,
          payment.id,
          orderId,
          payment.spec.method,
          payment.status,
          payment.spec.amountMinor,
          payment.spec.tipMinor ?? 0,
          payment.refundedMinor,
          spec.openedBy,
          spec.openedAt,
          spec.syncedAt,
        ],
      );
      for (const refund of payment.spec.refunds ?? []) {
        await tx.query(
          `INSERT INTO refunds (venue_id, id, payment_id, amount_minor, reason, status, version,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'double payment', $5, 1, $6, $6)`,
          [venue.id, uuidv7(), payment.id, refund.amountMinor, refund.status, spec.syncedAt],
        );
      }
    }
  });
  return orderId;
}

/** A small menu of its own (Food 10 %, Drinks 20 %), so the arithmetic below stays readable. */
export async function seedReportMenu(
  db: Db,
  venueId: string,
): Promise<{
  categories: { food: string; drinks: string };
  items: { burger: MenuItemRef; salad: MenuItemRef; beer: MenuItemRef; wine: MenuItemRef };
}> {
  const ids = {
    food: uuidv7(),
    drinks: uuidv7(),
    foodTax: uuidv7(),
    drinksTax: uuidv7(),
  };
  const items = {
    burger: { id: uuidv7(), name: 'Report Burger', priceMinor: 1500, taxRateBps: 1000 },
    salad: { id: uuidv7(), name: 'Report Salad', priceMinor: 1200, taxRateBps: 1000 },
    beer: { id: uuidv7(), name: 'Report Beer', priceMinor: 600, taxRateBps: 2000 },
    wine: { id: uuidv7(), name: 'Report Wine', priceMinor: 800, taxRateBps: 2000 },
  };
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO tax_rates (venue_id, id, name, rate_bps) VALUES ($1, $2, 'R food', 1000), ($1, $3, 'R drinks', 2000)`,
      [venueId, ids.foodTax, ids.drinksTax],
    );
    await tx.query(
      `INSERT INTO menu_categories (venue_id, id, name) VALUES ($1, $2, 'Report food'), ($1, $3, 'Report drinks')`,
      [venueId, ids.food, ids.drinks],
    );
    for (const [key, item] of Object.entries(items)) {
      const food = key === 'burger' || key === 'salad';
      await tx.query(
        `INSERT INTO menu_items (venue_id, id, category_id, name, price_minor, tax_rate_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          venueId,
          item.id,
          food ? ids.food : ids.drinks,
          item.name,
          item.priceMinor,
          food ? ids.foodTax : ids.drinksTax,
        ],
      );
    }
  });
  return { categories: { food: ids.food, drinks: ids.drinks }, items };
}
