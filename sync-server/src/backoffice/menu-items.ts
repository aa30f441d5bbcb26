import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type {
  CategoryCreateSchema,
  CategoryUpdateSchema,
  ItemCreateSchema,
  ItemUpdateSchema,
  TaxRateCreateSchema,
  TaxRateUpdateSchema,
} from './menu-inputs.ts';
import {
  categoryView,
  itemView,
  taxRateView,
  type CategoryView,
  type ItemView,
  type TaxRateView,
} from './menu-views.ts';
import { changesOf, lockLive, patchRow, tombstoneRow } from './rows.ts';
import { conflict, type WriteScope } from './actor.ts';

/**
 * Categories, tax rates and items. Order lines snapshot name, price, tax rate and station when
 * they are added (0001), so nothing here ever rewrites a line already on an order: a new price
 * or rate applies to what is rung up after the tablets pull it.
 */

type In<S extends z.ZodType> = z.output<S>;

async function insertReturning(
  scope: WriteScope,
  sql: string,
  values: unknown[],
): Promise<Record<string, unknown>> {
  const { rows } = await scope.tx.query(sql, values);
  return rows[0]!;
}

export async function createCategory(
  scope: WriteScope,
  input: In<typeof CategoryCreateSchema>,
): Promise<CategoryView> {
  const row = await insertReturning(
    scope,
    `INSERT INTO menu_categories (venue_id, id, name, sort_order, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
    [scope.actor.venueId, uuidv7(), input.name, input.sortOrder, await scope.stamp(), scope.now],
  );
  await scope.audit('menu.category_created', row.id as string, { name: input.name });
  return categoryView(row);
}

export async function updateCategory(
  scope: WriteScope,
  input: In<typeof CategoryUpdateSchema>,
): Promise<CategoryView> {
  const before = await lockLive(scope, 'menu_categories', input.id, 'category');
  const changes = { name: input.name, sort_order: input.sortOrder };
  const row = await patchRow(scope, 'menu_categories', input.id, changes);
  await scope.audit('menu.category_updated', input.id, changesOf(before, changes));
  return categoryView(row);
}

export async function deleteCategory(scope: WriteScope, id: string): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'menu_categories', id, 'category');
  const { rows } = await scope.tx.query<{ items: number }>(
    `SELECT count(*)::int AS items FROM menu_items
      WHERE venue_id = $1 AND category_id = $2 AND deleted_at IS NULL`,
    [scope.actor.venueId, id],
  );
  if ((rows[0]?.items ?? 0) > 0) {
    throw conflict(`"${String(before.name)}" still has items; move or delete them first.`);
  }
  await tombstoneRow(scope, 'menu_categories', id);
  await scope.audit('menu.category_deleted', id, { name: before.name });
  return { deleted: true };
}

export async function createTaxRate(
  scope: WriteScope,
  input: In<typeof TaxRateCreateSchema>,
): Promise<TaxRateView> {
  const row = await insertReturning(
    scope,
    `INSERT INTO tax_rates (venue_id, id, name, rate_bps, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
    [scope.actor.venueId, uuidv7(), input.name, input.rateBps, await scope.stamp(), scope.now],
  );
  await scope.audit('menu.tax_rate_created', row.id as string, {
    name: input.name,
    rateBps: input.rateBps,
  });
  return taxRateView(row);
}

export async function updateTaxRate(
  scope: WriteScope,
  input: In<typeof TaxRateUpdateSchema>,
): Promise<TaxRateView> {
  const before = await lockLive(scope, 'tax_rates', input.id, 'tax rate');
  const changes = { name: input.name, rate_bps: input.rateBps };
  const row = await patchRow(scope, 'tax_rates', input.id, changes);
  await scope.audit('menu.tax_rate_updated', input.id, changesOf(before, changes));
  return taxRateView(row);
}

export async function deleteTaxRate(scope: WriteScope, id: string): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'tax_rates', id, 'tax rate');
  const { rows } = await scope.tx.query<{ items: number }>(
    `SELECT count(*)::int AS items FROM menu_items
      WHERE venue_id = $1 AND tax_rate_id = $2 AND deleted_at IS NULL`,
    [scope.actor.venueId, id],
  );
  if ((rows[0]?.items ?? 0) > 0) {
    throw conflict(`"${String(before.name)}" is used by items; give them another rate first.`);
  }
  await tombstoneRow(scope, 'tax_rates', id);
  await scope.audit('menu.tax_rate_deleted', id, { name: before.name });
  return { deleted: true };
}

/** The category and tax rate an item points at must be live rows of this venue. */
async function checkItemRefs(
  scope: WriteScope,
  refs: { categoryId?: string | undefined; taxRateId?: string | undefined },
): Promise<void> {
  if (refs.categoryId) await lockLive(scope, 'menu_categories', refs.categoryId, 'category');
  if (refs.taxRateId) await lockLive(scope, 'tax_rates', refs.taxRateId, 'tax rate');
}

export async function createItem(
  scope: WriteScope,
  input: In<typeof ItemCreateSchema>,
): Promise<ItemView> {
  await checkItemRefs(scope, input);
  const row = await insertReturning(
    scope,
    `INSERT INTO menu_items (venue_id, id, category_id, name, description, price_minor, tax_rate_id,
                             kitchen_station, available, sort_order, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *`,
    [
      scope.actor.venueId,
      uuidv7(),
      input.categoryId,
      input.name,
      input.description,
      input.priceMinor,
      input.taxRateId,
      input.kitchenStation,
      input.available,
      input.sortOrder,
      await scope.stamp(),
      scope.now,
    ],
  );
  await scope.audit('menu.item_created', row.id as string, {
    name: input.name,
    priceMinor: input.priceMinor,
  });
  return itemView(row);
}

export async function updateItem(
  scope: WriteScope,
  input: In<typeof ItemUpdateSchema>,
): Promise<ItemView> {
  const before = await lockLive(scope, 'menu_items', input.id, 'item');
  await checkItemRefs(scope, input);
  const changes = {
    category_id: input.categoryId,
    name: input.name,
    description: input.description,
    price_minor: input.priceMinor,
    tax_rate_id: input.taxRateId,
    kitchen_station: input.kitchenStation,
    available: input.available,
    sort_order: input.sortOrder,
  };
  const row = await patchRow(scope, 'menu_items', input.id, changes);
  await scope.audit('menu.item_updated', input.id, {
    name: row.name,
    ...changesOf(before, changes),
  });
  return itemView(row);
}

/** Deletes an item and its modifier links; lines already sold keep their snapshot. */
export async function deleteItem(scope: WriteScope, id: string): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'menu_items', id, 'item');
  await scope.tx.query(
    `UPDATE menu_item_modifier_groups SET deleted_at = $3, version = $4
      WHERE venue_id = $1 AND item_id = $2 AND deleted_at IS NULL`,
    [scope.actor.venueId, id, scope.now, await scope.stamp()],
  );
  await tombstoneRow(scope, 'menu_items', id);
  await scope.audit('menu.item_deleted', id, { name: before.name });
  return { deleted: true };
}
