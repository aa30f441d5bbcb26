import { toMajorString, type Minor } from '@servio/shared';
import Papa from 'papaparse';
import type { Freshness } from './freshness.ts';
import type { CategoryRow, ItemRow } from './item-sales.ts';
import type { AttentionRow, OpenOrderRow } from './live-orders.ts';
import type { PaymentMethodRow } from './payment-methods.ts';
import type { ReportFigures, ReportSection, ResolvedRange } from './report-summary.ts';
import type { DayRow, HourRow, StaffRow } from './sales-breakdowns.ts';

/**
 * CSV for every table of a report, for spreadsheets and accountants: money in major units of the
 * venue's currency ("12.50", exact, from the integer minor units), one header row, CRLF lines.
 */

type Cell = string | number | boolean | null;
type Column<R> = [header: string, cell: (row: R) => Cell];

export interface SectionRows {
  figures: ReportFigures;
  byHour: HourRow[];
  byDay: DayRow[];
  byItem: ItemRow[];
  byCategory: CategoryRow[];
  byStaff: StaffRow[];
  byPaymentMethod: PaymentMethodRow[];
  openOrders: OpenOrderRow[];
  attention: AttentionRow[];
  unsyncedDevices: Freshness['devicesWithUnsyncedWork'];
}

// A cell starting with = + - @ (and not simply a number) would run as a formula in a spreadsheet.
const FORMULA = /^[=+\-@\t\r](?![\d.]+$)/;

function table<R>(columns: Column<R>[], rows: readonly R[]): string {
  const csv = Papa.unparse(
    {
      fields: columns.map(([header]) => header),
      data: rows.map((r) => columns.map(([, c]) => c(r))),
    },
    { escapeFormulae: FORMULA },
  );
  // Papa ends a header-only table with a line break; an empty table is just its header row.
  return csv.replace(/\r\n$/, '');
}

export function sectionCsv<S extends ReportSection>(
  section: S,
  rows: SectionRows[S],
  currency: string,
): string {
  const money = (amount: Minor) => toMajorString(amount, currency);
  const m = (header: string) => `${header} (${currency})`;
  switch (section) {
    case 'figures': {
      const f = rows as ReportFigures;
      const figures: [string, Cell][] = [
        ['Orders', f.orders],
        ['Covers', f.covers],
        [m('Gross sales'), money(f.grossSalesMinor)],
        [m('Discounts'), money(f.discountsMinor)],
        [m('Net sales'), money(f.netSalesMinor)],
        [m('Net sales excluding tax'), money(f.netSalesExTaxMinor)],
        [m('Service charge'), money(f.serviceChargeMinor)],
        [m('Tax'), money(f.taxMinor)],
        [m('Total billed'), money(f.totalBilledMinor)],
        [m('Average ticket'), money(f.averageTicketMinor)],
        [m('Average per cover'), money(f.averagePerCoverMinor)],
        ['Voided lines', f.voids.lines],
        ['Voided quantity', f.voids.quantity],
        [m('Voided value'), money(f.voids.valueMinor)],
        ['Voided orders', f.voids.orders],
        [m('Payments'), money(f.paymentsMinor)],
        [m('Tips'), money(f.tipsMinor)],
        ['Refunds', f.refunds],
        [m('Refunded'), money(f.refundsMinor)],
      ];
      return table<[string, Cell]>(
        [
          ['Figure', ([name]) => name],
          ['Value', ([, value]) => value],
        ],
        figures,
      );
    }
    case 'byHour':
      return table<HourRow>(
        [
          ['Hour', (r) => `${String(r.hour).padStart(2, '0')}:00`],
          ['Orders', (r) => r.orders],
          ['Covers', (r) => r.covers],
          [m('Net sales'), (r) => money(r.netSalesMinor)],
        ],
        rows as HourRow[],
      );
    case 'byDay':
      return table<DayRow>(
        [
          ['Business day', (r) => r.businessDay],
          ['Orders', (r) => r.orders],
          ['Covers', (r) => r.covers],
          [m('Gross sales'), (r) => money(r.grossSalesMinor)],
          [m('Discounts'), (r) => money(r.discountsMinor)],
          [m('Net sales'), (r) => money(r.netSalesMinor)],
          [m('Service charge'), (r) => money(r.serviceChargeMinor)],
          [m('Tax'), (r) => money(r.taxMinor)],
          [m('Tips'), (r) => money(r.tipsMinor)],
        ],
        rows as DayRow[],
      );
    case 'byItem':
      return table<ItemRow>(
        [
          ['Item', (r) => r.name],
          ['Category', (r) => r.category],
          ['Quantity', (r) => r.quantity],
          [m('Gross sales'), (r) => money(r.grossSalesMinor)],
          [m('Discounts'), (r) => money(r.discountsMinor)],
          [m('Net sales'), (r) => money(r.netSalesMinor)],
          ['Voided quantity', (r) => r.voidedQuantity],
          [m('Voided value'), (r) => money(r.voidedMinor)],
        ],
        rows as ItemRow[],
      );
    case 'byCategory':
      return table<CategoryRow>(
        [
          ['Category', (r) => r.category],
          ['Quantity', (r) => r.quantity],
          [m('Gross sales'), (r) => money(r.grossSalesMinor)],
          [m('Discounts'), (r) => money(r.discountsMinor)],
          [m('Net sales'), (r) => money(r.netSalesMinor)],
        ],
        rows as CategoryRow[],
      );
    case 'byStaff':
      return table<StaffRow>(
        [
          ['Staff member', (r) => r.name],
          ['Orders', (r) => r.orders],
          ['Covers', (r) => r.covers],
          [m('Net sales'), (r) => money(r.netSalesMinor)],
          [m('Average ticket'), (r) => money(r.averageTicketMinor)],
          [m('Tips'), (r) => money(r.tipsMinor)],
        ],
        rows as StaffRow[],
      );
    case 'byPaymentMethod':
      return table<PaymentMethodRow>(
        [
          ['Method', (r) => r.label],
          ['Payments', (r) => r.payments],
          [m('Amount'), (r) => money(r.amountMinor)],
          [m('Tips'), (r) => money(r.tipsMinor)],
          [m('Taken'), (r) => money(r.takenMinor)],
          ['Refunds', (r) => r.refunds],
          [m('Refunded'), (r) => money(r.refundsMinor)],
          [m('Net taken'), (r) => money(r.netTakenMinor)],
        ],
        rows as PaymentMethodRow[],
      );
    case 'openOrders':
      return table<OpenOrderRow>(
        [
          ['Order', (r) => r.number],
          ['Table', (r) => r.table],
          ['Status', (r) => r.status],
          ['Covers', (r) => r.covers],
          ['Opened at', (r) => r.openedAt],
          ['Business day', (r) => r.businessDay],
          ['Opened by', (r) => r.openedBy],
          [m('Total'), (r) => money(r.totalMinor)],
          [m('Paid'), (r) => money(r.paidMinor)],
          [m('Due'), (r) => money(r.dueMinor)],
        ],
        rows as OpenOrderRow[],
      );
    case 'attention':
      return table<AttentionRow>(
        [
          ['Order', (r) => r.number],
          ['Table', (r) => r.table],
          ['Status', (r) => r.status],
          ['Business day', (r) => r.businessDay],
          [m('Total'), (r) => money(r.totalMinor)],
          [m('Paid'), (r) => money(r.paidMinor)],
          [m('Overpaid'), (r) => money(r.overpaidMinor)],
          [m('Refund pending'), (r) => money(r.refundPendingMinor)],
        ],
        rows as AttentionRow[],
      );
    case 'unsyncedDevices':
      return table<Freshness['devicesWithUnsyncedWork'][number]>(
        [
          ['Device', (r) => r.name],
          ['Letter', (r) => r.letter],
          ['Unsynced changes', (r) => r.pendingMutations],
          ['Last seen', (r) => r.lastSeenAt],
          ['Revoked', (r) => r.revoked],
        ],
        rows as Freshness['devicesWithUnsyncedWork'],
      );
  }
  throw new Error(`Unknown report section: ${String(section)}`);
}

/** `servio-<section>-<from>[_<to>].csv` */
export function csvFilename(section: ReportSection, range: ResolvedRange): string {
  const days = range.from === range.to ? range.from : `${range.from}_${range.to}`;
  return `servio-${section.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${days}.csv`;
}
