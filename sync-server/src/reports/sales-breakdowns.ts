import { minor, type Minor } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import { eachDay, type ReportRange } from './report-range.ts';
import { REPORT_ORDERS_CTE, REPORT_PAYMENTS_CTE } from './report-sql.ts';
import type { ReportVenue } from './report-venue.ts';
import { averageOf } from './sales-figures.ts';

/** Sales orders (report-sql.ts) by the local hour they were opened at, in the venue's zone. */
export interface HourRow {
  /** 0–23, the wall-clock hour in the venue's timezone. */
  hour: number;
  orders: number;
  covers: number;
  netSalesMinor: Minor;
}

export interface DayRow {
  businessDay: string;
  orders: number;
  covers: number;
  grossSalesMinor: Minor;
  discountsMinor: Minor;
  netSalesMinor: Minor;
  serviceChargeMinor: Minor;
  taxMinor: Minor;
  tipsMinor: Minor;
}

export interface StaffRow {
  /** Who opened the orders; null for orders no staff member opened (QR pay-now orders). */
  staffId: string | null;
  name: string;
  orders: number;
  covers: number;
  netSalesMinor: Minor;
  averageTicketMinor: Minor;
  /** Tips paid on this person's orders, whoever took the payment. */
  tipsMinor: Minor;
}

type Params = [string, string, string];
const params = (venueId: string, range: ReportRange): Params => [venueId, range.from, range.to];

/**
 * All 24 hours, zeros included, in the order of the business day: a venue whose day turns over at
 * 04:00 lists 04:00 first and 03:00 last, so the after-midnight trade sits at the end of the chart.
 */
export async function salesByHour(
  tx: Queryable,
  venue: ReportVenue,
  range: ReportRange,
): Promise<HourRow[]> {
  const { rows } = await tx.query<{ hour: number; orders: number; covers: number; net: number }>(
    `WITH ${REPORT_ORDERS_CTE}
     SELECT extract(hour FROM opened_at AT TIME ZONE $4)::int AS hour, count(*)::int AS orders,
            sum(covers)::bigint AS covers, sum(subtotal_minor - discount_minor)::bigint AS net
       FROM report_orders WHERE status <> 'void' GROUP BY 1`,
    [...params(venue.id, range), venue.timezone],
  );
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  const firstHour = Number(venue.businessDayCutoff.slice(0, 2));
  return Array.from({ length: 24 }, (_, index) => {
    const hour = (firstHour + index) % 24;
    const row = byHour.get(hour);
    return {
      hour,
      orders: row?.orders ?? 0,
      covers: row?.covers ?? 0,
      netSalesMinor: minor(row?.net ?? 0),
    };
  });
}

/** Every business day of the range, zeros included. */
export async function salesByDay(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
): Promise<DayRow[]> {
  const { rows } = await tx.query<{
    day: string;
    orders: number;
    covers: number;
    gross: number;
    discounts: number;
    service: number;
    tax: number;
    tips: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${REPORT_PAYMENTS_CTE},
     tips AS (SELECT o.business_day, sum(p.tip_minor) AS tips
                FROM report_payments p JOIN report_orders o ON o.id = p.order_id
               GROUP BY o.business_day),
     sales AS (SELECT business_day, count(*)::int AS orders, sum(covers) AS covers,
                      sum(subtotal_minor) AS gross, sum(discount_minor) AS discounts,
                      sum(service_charge_minor) AS service, sum(tax_minor) AS tax
                 FROM report_orders WHERE status <> 'void' GROUP BY business_day)
     SELECT COALESCE(s.business_day, t.business_day)::text AS day,
            COALESCE(s.orders, 0) AS orders, COALESCE(s.covers, 0)::bigint AS covers,
            COALESCE(s.gross, 0)::bigint AS gross, COALESCE(s.discounts, 0)::bigint AS discounts,
            COALESCE(s.service, 0)::bigint AS service, COALESCE(s.tax, 0)::bigint AS tax,
            COALESCE(t.tips, 0)::bigint AS tips
       FROM sales s FULL JOIN tips t ON t.business_day = s.business_day`,
    params(venueId, range),
  );
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return eachDay(range.from, range.to).map((businessDay) => {
    const row = byDay.get(businessDay);
    return {
      businessDay,
      orders: row?.orders ?? 0,
      covers: row?.covers ?? 0,
      grossSalesMinor: minor(row?.gross ?? 0),
      discountsMinor: minor(row?.discounts ?? 0),
      netSalesMinor: minor((row?.gross ?? 0) - (row?.discounts ?? 0)),
      serviceChargeMinor: minor(row?.service ?? 0),
      taxMinor: minor(row?.tax ?? 0),
      tipsMinor: minor(row?.tips ?? 0),
    };
  });
}

/** Sales orders by the staff member who opened them, best seller first. */
export async function salesByStaff(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
): Promise<StaffRow[]> {
  const { rows } = await tx.query<{
    staff_id: string | null;
    name: string | null;
    orders: number;
    covers: number;
    net: number;
    tips: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${REPORT_PAYMENTS_CTE},
     order_tips AS (SELECT order_id, sum(tip_minor) AS tips FROM report_payments GROUP BY order_id)
     SELECT o.opened_by AS staff_id, s.name, count(*)::int AS orders,
            sum(o.covers)::bigint AS covers, sum(o.subtotal_minor - o.discount_minor)::bigint AS net,
            COALESCE(sum(t.tips), 0)::bigint AS tips
       FROM report_orders o
       LEFT JOIN order_tips t ON t.order_id = o.id
       LEFT JOIN staff s ON s.venue_id = o.venue_id AND s.id = o.opened_by
      WHERE o.status <> 'void'
      GROUP BY o.opened_by, s.name
      ORDER BY net DESC, s.name NULLS LAST`,
    params(venueId, range),
  );
  return rows.map((row) => {
    const netSalesMinor = minor(row.net);
    return {
      staffId: row.staff_id,
      name: row.name ?? (row.staff_id ? 'Unknown staff member' : 'No staff (QR orders)'),
      orders: row.orders,
      covers: row.covers,
      netSalesMinor,
      averageTicketMinor: averageOf(netSalesMinor, row.orders),
      tipsMinor: minor(row.tips),
    };
  });
}
