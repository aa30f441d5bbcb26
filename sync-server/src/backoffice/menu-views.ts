import type { Queryable } from '../db/db.ts';

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

type R = Record<string, unknown>;

export const categoryView = (r: R): CategoryView => ({
  id: r.id as string,
  name: r.name as string,
  sortOrder: r.sort_order as number,
  version: r.version as number,
});

export const taxRateView = (r: R): TaxRateView => ({
  id: r.id as string,
  name: r.name as string,
  rateBps: r.rate_bps as number,
  version: r.version as number,
});

export const itemView = (r: R): ItemView => ({
  id: r.id as string,
  categoryId: r.category_id as string,
  name: r.name as string,
  description: r.description as string,
  priceMinor: r.price_minor as number,
  taxRateId: r.tax_rate_id as string,
  kitchenStation: r.kitchen_station as string,
  available: r.available as boolean,
  sortOrder: r.sort_order as number,
  version: r.version as number,
});

export const modifierGroupView = (r: R): ModifierGroupView => ({
  id: r.id as string,
  name: r.name as string,
  minChoices: r.min_choices as number,
  maxChoices: r.max_choices as number,
  version: r.version as number,
});

export const modifierOptionView = (r: R): ModifierOptionView => ({
  id: r.id as string,
  groupId: r.group_id as string,
  name: r.name as string,
  priceDeltaMinor: r.price_delta_minor as number,
  available: r.available as boolean,
  sortOrder: r.sort_order as number,
  version: r.version as number,
});

export const modifierLinkView = (r: R): ModifierLinkView => ({
  itemId: r.item_id as string,
  groupId: r.group_id as string,
  sortOrder: r.sort_order as number,
  version: r.version as number,
});

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
