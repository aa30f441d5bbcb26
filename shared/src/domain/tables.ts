import type { z } from 'zod';
import {
  MenuCategoryRowSchema,
  MenuItemModifierGroupRowSchema,
  MenuItemRowSchema,
  ModifierGroupRowSchema,
  ModifierOptionRowSchema,
} from './menu.ts';
import { OrderLineRowSchema, OrderRowSchema } from './order.ts';
import { PaymentRowSchema, RefundRowSchema } from './payment.ts';
import { StaffAuthRowSchema, TableRowSchema, TaxRateRowSchema, VenueRowSchema } from './venue.ts';

/**
 * Every table a tablet syncs, by its TypeScript name. `SQL_TABLE_NAMES` is the one place
 * the camelCase names meet the snake_case SQL names.
 */
export const SYNCED_TABLES = [
  'venues',
  'staff',
  'tables',
  'taxRates',
  'menuCategories',
  'menuItems',
  'modifierGroups',
  'modifierOptions',
  'menuItemModifierGroups',
  'orders',
  'orderLines',
  'payments',
  'refunds',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export const SQL_TABLE_NAMES = {
  venues: 'venues',
  staff: 'staff',
  tables: 'tables',
  taxRates: 'tax_rates',
  menuCategories: 'menu_categories',
  menuItems: 'menu_items',
  modifierGroups: 'modifier_groups',
  modifierOptions: 'modifier_options',
  menuItemModifierGroups: 'menu_item_modifier_groups',
  orders: 'orders',
  orderLines: 'order_lines',
  payments: 'payments',
  refunds: 'refunds',
} as const satisfies Record<SyncedTable, string>;

/**
 * The row schema of each synced table as it travels to a tablet. Staff carry their PIN
 * hash so a paired tablet can sign staff in while offline; everything else that
 * reads staff should use `StaffRowSchema`, which strips it.
 */
export const ROW_SCHEMAS = {
  venues: VenueRowSchema,
  staff: StaffAuthRowSchema,
  tables: TableRowSchema,
  taxRates: TaxRateRowSchema,
  menuCategories: MenuCategoryRowSchema,
  menuItems: MenuItemRowSchema,
  modifierGroups: ModifierGroupRowSchema,
  modifierOptions: ModifierOptionRowSchema,
  menuItemModifierGroups: MenuItemModifierGroupRowSchema,
  orders: OrderRowSchema,
  orderLines: OrderLineRowSchema,
  payments: PaymentRowSchema,
  refunds: RefundRowSchema,
} as const satisfies Record<SyncedTable, z.ZodType>;

export type RowOf<T extends SyncedTable> = z.infer<(typeof ROW_SCHEMAS)[T]>;

/** Tables whose rows are tombstoned (`deletedAt`) rather than kept forever. */
export const TOMBSTONED_TABLES = [
  'staff',
  'tables',
  'taxRates',
  'menuCategories',
  'menuItems',
  'modifierGroups',
  'modifierOptions',
  'menuItemModifierGroups',
  'orders',
  'orderLines',
  'payments',
] as const satisfies readonly SyncedTable[];
export type TombstonedTable = (typeof TOMBSTONED_TABLES)[number];

/** The key of a row within its venue: `{id}`, or `{itemId, groupId}` for item↔group links. */
export type RowKeyOf<T extends SyncedTable> = T extends 'menuItemModifierGroups'
  ? Pick<RowOf<T>, 'itemId' | 'groupId'>
  : Pick<RowOf<T>, 'id' & keyof RowOf<T>>;

/** A string key for a row, unique within its table and venue (for maps and stores). */
export function rowKey<T extends SyncedTable>(table: T, row: RowKeyOf<T>): string {
  if (table === 'menuItemModifierGroups') {
    const link = row as RowKeyOf<'menuItemModifierGroups'>;
    return `${link.itemId}:${link.groupId}`;
  }
  return (row as { id: string }).id;
}
