import { minor, mulDiv, ZERO, type Minor, type TaxMode } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import type { ReportRange } from './report-range.ts';
import { REPORT_LINES_CTE, REPORT_ORDERS_CTE } from './report-sql.ts';

/** The headline figures of a report; each is defined in report-sql.ts. */
export interface SalesFigures {
  orders: number;
  covers: number;
  grossSalesMinor: Minor;
  discountsMinor: Minor;
  netSalesMinor: Minor;
  netSalesExTaxMinor: Minor;
  serviceChargeMinor: Minor;
  taxMinor: Minor;
  totalBilledMinor: Minor;
  averageTicketMinor: Minor;
  averagePerCoverMinor: Minor;
  voids: { lines: number; quantity: number; valueMinor: Minor; orders: number };
}

/** Net ÷ count, rounded by the one rule (half away from zero); nothing sold averages zero. */
export function averageOf(amount: Minor, count: number): Minor {
  return count > 0 ? mulDiv(amount, 1, count) : ZERO;
}

export async function salesFigures(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
  taxMode: TaxMode,
): Promise<SalesFigures> {
  const { rows } = await tx.query<{
    orders: number;
    covers: number;
    gross: number;
    discounts: number;
    service: number;
    tax: number;
    total: number;
    voided_orders: number;
    voided_lines: number;
    voided_quantity: number;
    voided_value: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${REPORT_LINES_CTE},
     sales AS (
       SELECT count(*) FILTER (WHERE status <> 'void')::int AS orders,
              COALESCE(sum(covers) FILTER (WHERE status <> 'void'), 0)::bigint AS covers,
              COALESCE(sum(subtotal_minor) FILTER (WHERE status <> 'void'), 0)::bigint AS gross,
              COALESCE(sum(discount_minor) FILTER (WHERE status <> 'void'), 0)::bigint AS discounts,
              COALESCE(sum(service_charge_minor) FILTER (WHERE status <> 'void'), 0)::bigint AS service,
              COALESCE(sum(tax_minor) FILTER (WHERE status <> 'void'), 0)::bigint AS tax,
              COALESCE(sum(total_minor) FILTER (WHERE status <> 'void'), 0)::bigint AS total,
              count(*) FILTER (WHERE status = 'void' AND merged_into IS NULL)::int AS voided_orders
         FROM report_orders
     ),
     voids AS (
       SELECT count(*)::int AS voided_lines,
              COALESCE(sum(quantity), 0)::bigint AS voided_quantity,
              COALESCE(sum(gross_minor), 0)::bigint AS voided_value
         FROM report_lines WHERE status = 'voided'
     )
     SELECT * FROM sales, voids`,
    [venueId, range.from, range.to],
  );
  const row = rows[0]!;
  const netSalesMinor = minor(row.gross - row.discounts);
  return {
    orders: row.orders,
    covers: row.covers,
    grossSalesMinor: minor(row.gross),
    discountsMinor: minor(row.discounts),
    netSalesMinor,
    netSalesExTaxMinor: minor(taxMode === 'inclusive' ? netSalesMinor - row.tax : netSalesMinor),
    serviceChargeMinor: minor(row.service),
    taxMinor: minor(row.tax),
    totalBilledMinor: minor(row.total),
    averageTicketMinor: averageOf(netSalesMinor, row.orders),
    averagePerCoverMinor: averageOf(netSalesMinor, row.covers),
    voids: {
      lines: row.voided_lines,
      quantity: row.voided_quantity,
      valueMinor: minor(row.voided_value),
      orders: row.voided_orders,
    },
  };
}
