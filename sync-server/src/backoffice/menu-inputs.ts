import { BpsSchema, freeText } from '@servio/shared';
import { z } from 'zod';

/** What a manager may send to change the menu; lengths follow the columns' checks (0001). */

const name = freeText('menuName');
const itemName = freeText('menuItemName');
const description = freeText('menuItemDescription');
const sortOrder = z.int().min(-1_000_000).max(1_000_000);
// A price above ten million major units is a typo, not a dish.
const price = z.int().min(0).max(1_000_000_000);
const priceDelta = z.int().min(-1_000_000_000).max(1_000_000_000);
const station = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,29}$/, 'a kitchen station like "kitchen" or "bar"');
const choices = z.int().min(0).max(50);

export const IdInputSchema = z.object({ id: z.uuid() });

export const CategoryCreateSchema = z.object({ name, sortOrder: sortOrder.default(0) });
export const CategoryUpdateSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  sortOrder: sortOrder.optional(),
});

export const TaxRateCreateSchema = z.object({ name, rateBps: BpsSchema });
export const TaxRateUpdateSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  rateBps: BpsSchema.optional(),
});

export const ItemCreateSchema = z.object({
  categoryId: z.uuid(),
  name: itemName,
  description: description.default(''),
  priceMinor: price,
  taxRateId: z.uuid(),
  kitchenStation: station.default('kitchen'),
  available: z.boolean().default(true),
  sortOrder: sortOrder.default(0),
});
export const ItemUpdateSchema = z.object({
  id: z.uuid(),
  categoryId: z.uuid().optional(),
  name: itemName.optional(),
  description: description.optional(),
  /** A new price applies to lines added from now on; lines already on orders keep theirs. */
  priceMinor: price.optional(),
  taxRateId: z.uuid().optional(),
  kitchenStation: station.optional(),
  /** false = 86'd: sold out for now, hidden from ordering, kept on the menu. */
  available: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
});

export const ModifierGroupCreateSchema = z
  .object({ name, minChoices: choices.default(0), maxChoices: choices.min(1).default(1) })
  .refine((group) => group.minChoices <= group.maxChoices, {
    message: 'minChoices must not exceed maxChoices',
    path: ['minChoices'],
  });
export const ModifierGroupUpdateSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  minChoices: choices.optional(),
  maxChoices: choices.min(1).optional(),
});

export const ModifierOptionCreateSchema = z.object({
  groupId: z.uuid(),
  name,
  priceDeltaMinor: priceDelta.default(0),
  available: z.boolean().default(true),
  sortOrder: sortOrder.default(0),
});
export const ModifierOptionUpdateSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  priceDeltaMinor: priceDelta.optional(),
  available: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
});

export const ModifierLinkSchema = z.object({
  itemId: z.uuid(),
  groupId: z.uuid(),
  sortOrder: sortOrder.default(0),
});
export const ModifierUnlinkSchema = z.object({ itemId: z.uuid(), groupId: z.uuid() });
