import { TRPCError } from '@trpc/server';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type {
  ModifierGroupCreateSchema,
  ModifierGroupUpdateSchema,
  ModifierLinkSchema,
  ModifierOptionCreateSchema,
  ModifierOptionUpdateSchema,
  ModifierUnlinkSchema,
} from './menu-inputs.ts';
import {
  modifierGroupView,
  modifierLinkView,
  modifierOptionView,
  type ModifierGroupView,
  type ModifierLinkView,
  type ModifierOptionView,
} from './menu-views.ts';
import { changesOf, lockLive, patchRow, tombstoneRow } from './rows.ts';
import { notFound, type WriteScope } from './actor.ts';

/**
 * Modifier groups ("Cooked", "Extras"), their options, and which items offer which group. Lines
 * snapshot the chosen modifiers with their price deltas, so editing an option never changes a sale.
 */

type In<S extends z.ZodType> = z.output<S>;

export async function createModifierGroup(
  scope: WriteScope,
  input: In<typeof ModifierGroupCreateSchema>,
): Promise<ModifierGroupView> {
  const { rows } = await scope.tx.query(
    `INSERT INTO modifier_groups (venue_id, id, name, min_choices, max_choices, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
    [
      scope.actor.venueId,
      uuidv7(),
      input.name,
      input.minChoices,
      input.maxChoices,
      await scope.stamp(),
      scope.now,
    ],
  );
  const row = rows[0]!;
  await scope.audit('menu.modifier_group_created', row.id as string, { ...input });
  return modifierGroupView(row);
}

export async function updateModifierGroup(
  scope: WriteScope,
  input: In<typeof ModifierGroupUpdateSchema>,
): Promise<ModifierGroupView> {
  const before = await lockLive(scope, 'modifier_groups', input.id, 'modifier group');
  const min = input.minChoices ?? (before.min_choices as number);
  const max = input.maxChoices ?? (before.max_choices as number);
  if (min > max) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Invalid input: minChoices: ${min} is more than maxChoices ${max}`,
    });
  }
  const changes = {
    name: input.name,
    min_choices: input.minChoices,
    max_choices: input.maxChoices,
  };
  const row = await patchRow(scope, 'modifier_groups', input.id, changes);
  await scope.audit('menu.modifier_group_updated', input.id, changesOf(before, changes));
  return modifierGroupView(row);
}

/** Deletes a group with its options and its links to items. */
export async function deleteModifierGroup(
  scope: WriteScope,
  id: string,
): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'modifier_groups', id, 'modifier group');
  const params = [scope.actor.venueId, id, scope.now, await scope.stamp()];
  await scope.tx.query(
    `UPDATE modifier_options SET deleted_at = $3, updated_at = $3, version = $4
      WHERE venue_id = $1 AND group_id = $2 AND deleted_at IS NULL`,
    params,
  );
  await scope.tx.query(
    `UPDATE menu_item_modifier_groups SET deleted_at = $3, version = $4
      WHERE venue_id = $1 AND group_id = $2 AND deleted_at IS NULL`,
    params,
  );
  await tombstoneRow(scope, 'modifier_groups', id);
  await scope.audit('menu.modifier_group_deleted', id, { name: before.name });
  return { deleted: true };
}

export async function createModifierOption(
  scope: WriteScope,
  input: In<typeof ModifierOptionCreateSchema>,
): Promise<ModifierOptionView> {
  await lockLive(scope, 'modifier_groups', input.groupId, 'modifier group');
  const { rows } = await scope.tx.query(
    `INSERT INTO modifier_options (venue_id, id, group_id, name, price_delta_minor, available, sort_order,
                                   version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [
      scope.actor.venueId,
      uuidv7(),
      input.groupId,
      input.name,
      input.priceDeltaMinor,
      input.available,
      input.sortOrder,
      await scope.stamp(),
      scope.now,
    ],
  );
  const row = rows[0]!;
  await scope.audit('menu.modifier_option_created', row.id as string, { ...input });
  return modifierOptionView(row);
}

export async function updateModifierOption(
  scope: WriteScope,
  input: In<typeof ModifierOptionUpdateSchema>,
): Promise<ModifierOptionView> {
  const before = await lockLive(scope, 'modifier_options', input.id, 'modifier option');
  const changes = {
    name: input.name,
    price_delta_minor: input.priceDeltaMinor,
    available: input.available,
    sort_order: input.sortOrder,
  };
  const row = await patchRow(scope, 'modifier_options', input.id, changes);
  await scope.audit('menu.modifier_option_updated', input.id, changesOf(before, changes));
  return modifierOptionView(row);
}

export async function deleteModifierOption(
  scope: WriteScope,
  id: string,
): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'modifier_options', id, 'modifier option');
  await tombstoneRow(scope, 'modifier_options', id);
  await scope.audit('menu.modifier_option_deleted', id, { name: before.name });
  return { deleted: true };
}

/** Offers a group on an item (again, if it was unlinked: the tombstone comes back to life). */
export async function linkModifierGroup(
  scope: WriteScope,
  input: In<typeof ModifierLinkSchema>,
): Promise<ModifierLinkView> {
  await lockLive(scope, 'menu_items', input.itemId, 'item');
  await lockLive(scope, 'modifier_groups', input.groupId, 'modifier group');
  const { rows } = await scope.tx.query(
    `INSERT INTO menu_item_modifier_groups (venue_id, item_id, group_id, sort_order, version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (venue_id, item_id, group_id)
     DO UPDATE SET sort_order = EXCLUDED.sort_order, version = EXCLUDED.version, deleted_at = NULL
     RETURNING *`,
    [scope.actor.venueId, input.itemId, input.groupId, input.sortOrder, await scope.stamp()],
  );
  await scope.audit('menu.modifier_group_linked', input.itemId, { groupId: input.groupId });
  return modifierLinkView(rows[0]!);
}

export async function unlinkModifierGroup(
  scope: WriteScope,
  input: In<typeof ModifierUnlinkSchema>,
): Promise<{ unlinked: true }> {
  const { rowCount } = await scope.tx.query(
    `UPDATE menu_item_modifier_groups SET deleted_at = $4, version = $5
      WHERE venue_id = $1 AND item_id = $2 AND group_id = $3 AND deleted_at IS NULL`,
    [scope.actor.venueId, input.itemId, input.groupId, scope.now, await scope.stamp()],
  );
  if (rowCount === 0) throw notFound('link between that item and group');
  await scope.audit('menu.modifier_group_unlinked', input.itemId, { groupId: input.groupId });
  return { unlinked: true };
}
