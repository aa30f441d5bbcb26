import {
  computeOrderTotals,
  type MenuCategoryRow,
  type MenuItemId,
  type MenuItemRow,
  type OrderId,
  type OrderLineRow,
  type OrderRow,
  type OrderTotals,
  type PaymentRow,
  type TableRow,
  type TaxMode,
} from '@servio/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ModifierGroupChoice } from './modifier-choice.ts';
import { db } from '../../data/db.ts';
import { FLOOR_ORDER_STATUSES } from './floor-status.ts';
import { intl } from '../../i18n/intl.ts';

/**
 * The POS screens' reads: Dexie live queries over the synced tables, so every screen follows
 * local changes at once and the server's changes as soon as a pull lands. Tombstones
 * (`deletedAt`) are dropped here, once.
 */

const live = <T extends { deletedAt: string | null }>(row: T | undefined): row is T =>
  row !== undefined && row.deletedAt === null;

const bySortOrder = <T extends { sortOrder: number; name: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);

export interface FloorData {
  tables: TableRow[];
  /** Orders still on the floor (open, sent, part paid, paid), oldest first. */
  orders: OrderRow[];
}

export function useFloor(): FloorData | undefined {
  return useLiveQuery(async () => {
    const [tables, orders] = await Promise.all([
      db.diningTables.toArray(),
      db.orders
        .where('status')
        .anyOf([...FLOOR_ORDER_STATUSES])
        .toArray(),
    ]);
    return {
      tables: tables.filter(live).sort(bySortOrder),
      orders: orders.filter(live).sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1)),
    };
  }, []);
}

export interface MenuData {
  categories: MenuCategoryRow[];
  items: MenuItemRow[];
  /** The item's modifier groups in its order, each with its options in theirs. */
  choices: ReadonlyMap<MenuItemId, ModifierGroupChoice[]>;
}

export function useMenu(): MenuData | undefined {
  return useLiveQuery(async () => {
    const [categories, items, groups, options, links] = await Promise.all([
      db.menuCategories.toArray(),
      db.menuItems.toArray(),
      db.modifierGroups.toArray(),
      db.modifierOptions.toArray(),
      db.menuItemModifierGroups.toArray(),
    ]);
    const liveCategories = categories.filter(live).sort(bySortOrder);
    const categoryIds = new Set<string>(liveCategories.map((category) => category.id));
    const groupById = new Map(groups.filter(live).map((group) => [group.id as string, group]));
    const optionsByGroup = new Map<string, typeof options>();
    for (const option of options.filter(live).sort(bySortOrder)) {
      const list = optionsByGroup.get(option.groupId) ?? [];
      list.push(option);
      optionsByGroup.set(option.groupId, list);
    }
    const choices = new Map<MenuItemId, ModifierGroupChoice[]>();
    for (const link of links.filter(live).sort((a, b) => a.sortOrder - b.sortOrder)) {
      const group = groupById.get(link.groupId);
      if (!group) continue;
      const list = choices.get(link.itemId) ?? [];
      list.push({ group, options: optionsByGroup.get(group.id) ?? [] });
      choices.set(link.itemId, list);
    }
    return {
      categories: liveCategories,
      items: items
        .filter((item) => live(item) && categoryIds.has(item.categoryId))
        .sort(bySortOrder),
      choices,
    };
  }, []);
}

export interface OrderView {
  order: OrderRow;
  /** Every line that is not tombstoned, voided ones included, in the order they were added. */
  lines: OrderLineRow[];
  payments: PaymentRow[];
  table: TableRow | null;
  totals: OrderTotals;
}

/**
 * One order with its lines, payments and table, and its money computed by the shared rules
 * (the same `computeOrderTotals` the server runs, S12). `null` when there is no such order,
 * `undefined` while loading.
 */
export function useOrderView(
  orderId: string | undefined,
  taxMode: TaxMode,
): OrderView | null | undefined {
  const rows = useLiveQuery(async () => {
    if (!orderId) return null;
    const order = await db.orders.get(orderId as OrderId);
    if (!live(order)) return null;
    const [lines, payments, table] = await Promise.all([
      db.orderLines.where('orderId').equals(order.id).toArray(),
      db.payments.where('orderId').equals(order.id).toArray(),
      order.tableId ? db.diningTables.get(order.tableId) : Promise.resolve(undefined),
    ]);
    return {
      order,
      lines: lines.filter(live).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      payments: payments.filter(live),
      table: live(table) ? table : null,
    };
  }, [orderId]);

  return useMemo(() => {
    if (!rows) return rows;
    const totals = computeOrderTotals({
      order: rows.order,
      lines: rows.lines,
      payments: rows.payments,
      taxMode,
    });
    return { ...rows, totals };
  }, [rows, taxMode]);
}

/** Where an order is, in words: its table's name, or "Takeaway". */
export function orderPlace(
  order: Pick<OrderRow, 'kind'>,
  table: Pick<TableRow, 'name'> | null,
): string {
  if (table) return table.name;
  return order.kind === 'qr'
    ? intl.formatMessage({ id: 'pos.posQueries.qrOrder', defaultMessage: 'QR order' })
    : intl.formatMessage({ id: 'pos.posQueries.takeaway', defaultMessage: 'Takeaway' });
}
