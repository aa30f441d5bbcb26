import type { Queryable, Row } from '../db/index.ts';
import { viewFromSql } from '../sync/index.ts';

/** The menu as the manager screens see it: explicit fields, camelCase, live rows only. */

export interface CategoryView {
  id: string;
  name: string;
  sortOrder: number;
  version: number;
}
export interface TaxRateView {
  id: string;
  name: string;
  rateBps: number;
  version: number;
}
export interface ItemView {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  priceMinor: number;
  taxRateId: string;
  kitchenStation: string;
  available: boolean;
  sortOrder: number;
  version: number;
}
export interface ModifierOptionView {
  id: string;
  groupId: string;
  name: string;
  priceDeltaMinor: number;
  available: boolean;
  sortOrder: number;
  version: number;
}
export interface ModifierGroupView {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  version: number;
}
export interface ModifierLinkView {
  itemId: string;
  groupId: string;
  sortOrder: number;
  version: number;
}

// Each view is its listed fields of the row, converted by columns.ts (sync/index.ts).
export const categoryView = (r: Row): CategoryView =>
  viewFromSql('menuCategories', r, ['id', 'name', 'sortOrder', 'version']);

export const taxRateView = (r: Row): TaxRateView =>
  viewFromSql('taxRates', r, ['id', 'name', 'rateBps', 'version']);

export const itemView = (r: Row): ItemView =>
  viewFromSql('menuItems', r, [
    'id',
    'categoryId',
    'name',
    'description',
    'priceMinor',
    'taxRateId',
    'kitchenStation',
    'available',
    'sortOrder',
    'version',
  ]);

export const modifierGroupView = (r: Row): ModifierGroupView =>
  viewFromSql('modifierGroups', r, ['id', 'name', 'minChoices', 'maxChoices', 'version']);

export const modifierOptionView = (r: Row): ModifierOptionView =>
  viewFromSql('modifierOptions', r, [
    'id',
    'groupId',
    'name',
    'priceDeltaMinor',
    'available',
    'sortOrder',
    'version',
  ]);

export const modifierLinkView = (r: Row): ModifierLinkView =>
  viewFromSql('menuItemModifierGroups', r, ['itemId', 'groupId', 'sortOrder', 'version']);

export interface MenuView {
  categories: CategoryView[];
  taxRates: TaxRateView[];
  items: ItemView[];
  modifierGroups: (ModifierGroupView & { options: ModifierOptionView[] })[];
  links: ModifierLinkView[];
}

/** The whole live menu of the venue, each list in its display order. */
export async function readMenu(tx: Queryable, venueId: string): Promise<MenuView> {
  const live = (table: string, order: string) =>
    tx
      .query(
        `SELECT * FROM ${table} WHERE venue_id = $1 AND deleted_at IS NULL ORDER BY ${order}`,
        [venueId],
      )
      .then((result) => result.rows);
  const categories = (await live('menu_categories', 'sort_order, name')).map(categoryView);
  const taxRates = (await live('tax_rates', 'rate_bps, name')).map(taxRateView);
  const items = (await live('menu_items', 'sort_order, name')).map(itemView);
  const groups = (await live('modifier_groups', 'name')).map(modifierGroupView);
  const options = (await live('modifier_options', 'sort_order, name')).map(modifierOptionView);
  const links = (await live('menu_item_modifier_groups', 'item_id, sort_order')).map(
    modifierLinkView,
  );
  return {
    categories,
    taxRates,
    items,
    modifierGroups: groups.map((group) => ({
      ...group,
      options: options.filter((option) => option.groupId === group.id),
    })),
    links,
  };
}
