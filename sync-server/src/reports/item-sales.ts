import { minor, type Minor } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import type { ReportRange } from './report-range.ts';
import { SOLD_LINES_CTE, REPORT_ORDERS_CTE } from './report-sql.ts';

/**
 * Items and categories, from the sold lines (report-sql.ts). Names and categories are today's
 * menu (a renamed dish stays one row); a line whose item has left the menu shows its snapshot name.
 * Items and categories each add up to the report's gross, discounts and net sales exactly.
 */
export interface ItemRow {
  itemId: string;
  name: string;
  categoryId: string | null;
  category: string;
  quantity: number;
  grossSalesMinor: Minor;
  discountsMinor: Minor;
  netSalesMinor: Minor;
  voidedQuantity: number;
  voidedMinor: Minor;
}

export interface CategoryRow {
  categoryId: string | null;
  category: string;
  quantity: number;
  grossSalesMinor: Minor;
  discountsMinor: Minor;
  netSalesMinor: Minor;
}

const UNCATEGORISED = 'Uncategorised';

export async function salesByItem(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
): Promise<ItemRow[]> {
  const { rows } = await tx.query<{
    item_id: string;
    name: string;
    category_id: string | null;
    category: string | null;
    quantity: number;
    gross: number;
    discounts: number;
    net: number;
    voided_quantity: number;
    voided: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${SOLD_LINES_CTE},
     sold_items AS (
       SELECT item_id, min(name) AS snapshot_name, sum(quantity) AS quantity,
              sum(gross_minor) AS gross, sum(discount_minor) AS discounts, sum(net_minor) AS net
         FROM sold_lines GROUP BY item_id
     ),
     voided_items AS (
       SELECT item_id, min(name) AS snapshot_name, sum(quantity) AS quantity, sum(gross_minor) AS voided
         FROM report_lines WHERE status = 'voided' GROUP BY item_id
     )
     SELECT COALESCE(s.item_id, v.item_id) AS item_id,
            COALESCE(i.name, s.snapshot_name, v.snapshot_name) AS name,
            c.id AS category_id, c.name AS category,
            COALESCE(s.quantity, 0)::bigint AS quantity, COALESCE(s.gross, 0)::bigint AS gross,
            COALESCE(s.discounts, 0)::bigint AS discounts, COALESCE(s.net, 0)::bigint AS net,
            COALESCE(v.quantity, 0)::bigint AS voided_quantity, COALESCE(v.voided, 0)::bigint AS voided
       FROM sold_items s
       FULL JOIN voided_items v ON v.item_id = s.item_id
       LEFT JOIN menu_items i ON i.venue_id = $1 AND i.id = COALESCE(s.item_id, v.item_id)
       LEFT JOIN menu_categories c ON c.venue_id = $1 AND c.id = i.category_id
      ORDER BY net DESC, name`,
    [venueId, range.from, range.to],
  );
  return rows.map((row) => ({
    itemId: row.item_id,
    name: row.name,
    categoryId: row.category_id,
    category: row.category ?? UNCATEGORISED,
    quantity: row.quantity,
    grossSalesMinor: minor(row.gross),
    discountsMinor: minor(row.discounts),
    netSalesMinor: minor(row.net),
    voidedQuantity: row.voided_quantity,
    voidedMinor: minor(row.voided),
  }));
}

export async function salesByCategory(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
): Promise<CategoryRow[]> {
  const { rows } = await tx.query<{
    category_id: string | null;
    category: string | null;
    quantity: number;
    gross: number;
    discounts: number;
    net: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${SOLD_LINES_CTE}
     SELECT c.id AS category_id, c.name AS category, sum(l.quantity)::bigint AS quantity,
            sum(l.gross_minor)::bigint AS gross, sum(l.discount_minor)::bigint AS discounts,
            sum(l.net_minor)::bigint AS net
       FROM sold_lines l
       LEFT JOIN menu_items i ON i.venue_id = $1 AND i.id = l.item_id
       LEFT JOIN menu_categories c ON c.venue_id = $1 AND c.id = i.category_id
      GROUP BY c.id, c.name
      ORDER BY net DESC, category`,
    [venueId, range.from, range.to],
  );
  return rows.map((row) => ({
    categoryId: row.category_id,
    category: row.category ?? UNCATEGORISED,
    quantity: row.quantity,
    grossSalesMinor: minor(row.gross),
    discountsMinor: minor(row.discounts),
    netSalesMinor: minor(row.net),
  }));
}
