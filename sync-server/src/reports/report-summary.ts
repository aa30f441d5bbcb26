import type { Queryable } from '../db/index.ts';
import { reportFreshness, type Freshness } from './freshness.ts';
import { salesByCategory, salesByItem, type CategoryRow, type ItemRow } from './item-sales.ts';
import {
  openOrders,
  ordersNeedingRefundAttention,
  type AttentionRow,
  type OpenOrderRow,
} from './live-orders.ts';
import { moneyFigures, type MoneyFigures, type PaymentMethodRow } from './payment-methods.ts';
import { resolveRange, type ReportRange, type ReportRangeInput } from './report-range.ts';
import { loadReportVenue, rangeInstants, type ReportVenue } from './report-venue.ts';
import {
  salesByDay,
  salesByHour,
  salesByStaff,
  type DayRow,
  type HourRow,
  type StaffRow,
} from './sales-breakdowns.ts';
import { salesFigures, type SalesFigures } from './sales-figures.ts';

export type ResolvedRange = ReportRange & {
  timezone: string;
  businessDayCutoff: string;
  /** UTC instant the first business day starts (its cut-off, local time). */
  startsAt: string;
  /** UTC instant the last business day ends (the next cut-off). */
  endsAt: string;
};

export type ReportFigures = SalesFigures & Omit<MoneyFigures, 'byPaymentMethod'>;

export interface ReportSummary {
  venue: Pick<ReportVenue, 'name' | 'currency' | 'timezone' | 'businessDayCutoff' | 'taxMode'>;
  range: ResolvedRange;
  figures: ReportFigures;
  byHour: HourRow[];
  byDay: DayRow[];
  byItem: ItemRow[];
  byCategory: CategoryRow[];
  byStaff: StaffRow[];
  byPaymentMethod: PaymentMethodRow[];
  openOrders: OpenOrderRow[];
  attention: AttentionRow[];
  freshness: Freshness;
}

/** Everything a report reads, fixed once per request: the venue, the range and the time. */
export interface ReportScope {
  tx: Queryable;
  venue: ReportVenue;
  range: ResolvedRange;
  now: Date;
}

export async function openReportScope(
  tx: Queryable,
  venueId: string,
  input: ReportRangeInput,
  now: Date,
): Promise<ReportScope> {
  const venue = await loadReportVenue(tx, venueId);
  const range = resolveRange(input, venue, now);
  const instants = await rangeInstants(tx, venue, range);
  return {
    tx,
    venue,
    now,
    range: {
      ...range,
      timezone: venue.timezone,
      businessDayCutoff: venue.businessDayCutoff,
      ...instants,
    },
  };
}

export async function reportFigures(scope: ReportScope): Promise<ReportFigures> {
  const { tx, venue, range } = scope;
  const sales = await salesFigures(tx, venue.id, range, venue.taxMode);
  const { byPaymentMethod: _methods, ...money } = await moneyFigures(tx, venue.id, range);
  return { ...sales, ...money };
}

/** Each table of the report on its own (for CSV export and for focused screens). */
export const REPORT_SECTIONS = {
  figures: reportFigures,
  byHour: (s: ReportScope) => salesByHour(s.tx, s.venue, s.range),
  byDay: (s: ReportScope) => salesByDay(s.tx, s.venue.id, s.range),
  byItem: (s: ReportScope) => salesByItem(s.tx, s.venue.id, s.range),
  byCategory: (s: ReportScope) => salesByCategory(s.tx, s.venue.id, s.range),
  byStaff: (s: ReportScope) => salesByStaff(s.tx, s.venue.id, s.range),
  byPaymentMethod: async (s: ReportScope) =>
    (await moneyFigures(s.tx, s.venue.id, s.range)).byPaymentMethod,
  openOrders: (s: ReportScope) => openOrders(s.tx, s.venue.id),
  attention: (s: ReportScope) => ordersNeedingRefundAttention(s.tx, s.venue.id),
  unsyncedDevices: async (s: ReportScope) =>
    (await reportFreshness(s.tx, s.venue.id, s.now)).devicesWithUnsyncedWork,
} as const;
export type ReportSection = keyof typeof REPORT_SECTIONS;
export const REPORT_SECTION_NAMES = Object.keys(REPORT_SECTIONS) as [
  ReportSection,
  ...ReportSection[],
];

/**
 * The whole report in one read. Freshness is read first, so "as of" never claims more than the
 * figures hold (a push landing meanwhile can only make the figures newer than it says).
 */
export async function reportSummary(scope: ReportScope): Promise<ReportSummary> {
  const { tx, venue, range, now } = scope;
  const freshness = await reportFreshness(tx, venue.id, now);
  const sales = await salesFigures(tx, venue.id, range, venue.taxMode);
  const { byPaymentMethod, ...money } = await moneyFigures(tx, venue.id, range);
  return {
    venue: {
      name: venue.name,
      currency: venue.currency,
      timezone: venue.timezone,
      businessDayCutoff: venue.businessDayCutoff,
      taxMode: venue.taxMode,
    },
    range,
    figures: { ...sales, ...money },
    byHour: await salesByHour(tx, venue, range),
    byDay: await salesByDay(tx, venue.id, range),
    byItem: await salesByItem(tx, venue.id, range),
    byCategory: await salesByCategory(tx, venue.id, range),
    byStaff: await salesByStaff(tx, venue.id, range),
    byPaymentMethod,
    openOrders: await openOrders(tx, venue.id),
    attention: await ordersNeedingRefundAttention(tx, venue.id),
    freshness,
  };
}
