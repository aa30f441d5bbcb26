import type { Queryable } from '../db/index.ts';

type ItemRow = {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  priceMinor: number;
};

type GroupRow = {
  itemId: string;
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
};

type OptionRow = {
  groupId: string;
  id: string;
  name: string;
  priceDeltaMinor: number;
};

/** `Map.groupBy`, which Node 20 does not have yet. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The menu as a customer orders from it by QR: categories in order, only what is available
 * now, each item with its modifier groups (min/max choices) and available options. Prices are
 * for display; the server prices the cart again when it is ordered (S12).
 */
export async function customerMenu(tx: Queryable, venueId: string) {
  const categories = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM menu_categories WHERE venue_id = $1 AND deleted_at IS NULL
      ORDER BY sort_order, name`,
    [venueId],
  );
  const items = await tx.query<ItemRow>(
    `SELECT id, category_id AS "categoryId", name, description, price_minor AS "priceMinor"
       FROM menu_items WHERE venue_id = $1 AND deleted_at IS NULL AND available
      ORDER BY sort_order, name`,
    [venueId],
  );
  const groups = await tx.query<GroupRow>(
    `SELECT l.item_id AS "itemId", g.id, g.name, g.min_choices AS "minChoices",
            g.max_choices AS "maxChoices"
       FROM menu_item_modifier_groups l
       JOIN modifier_groups g ON g.venue_id = l.venue_id AND g.id = l.group_id
      WHERE l.venue_id = $1 AND l.deleted_at IS NULL AND g.deleted_at IS NULL
      ORDER BY l.sort_order, g.name`,
    [venueId],
  );
  const options = await tx.query<OptionRow>(
    `SELECT group_id AS "groupId", id, name, price_delta_minor AS "priceDeltaMinor"
       FROM modifier_options WHERE venue_id = $1 AND deleted_at IS NULL AND available
      ORDER BY sort_order, name`,
    [venueId],
  );
  const optionsOf = groupBy(options.rows, (option) => option.groupId);
  const groupsOf = groupBy(groups.rows, (group) => group.itemId);
  const itemsOf = groupBy(items.rows, (item) => item.categoryId);
  return categories.rows
    .map((category) => ({
      id: category.id,
      name: category.name,
      items: (itemsOf.get(category.id) ?? []).map((item) => ({
        id: item.id,
        name: item.name,
        description: item.description,
        priceMinor: item.priceMinor,
        modifierGroups: (groupsOf.get(item.id) ?? []).map((group) => ({
          id: group.id,
          name: group.name,
          minChoices: group.minChoices,
          maxChoices: group.maxChoices,
          options: (optionsOf.get(group.id) ?? []).map(({ id, name, priceDeltaMinor }) => ({
            id,
            name,
            priceDeltaMinor,
          })),
        })),
      })),
    }))
    .filter((category) => category.items.length > 0);
}

export type CustomerMenu = Awaited<ReturnType<typeof customerMenu>>;
