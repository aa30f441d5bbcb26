import { z } from 'zod';
import {
  MenuCategoryIdSchema,
  MenuItemIdSchema,
  ModifierGroupIdSchema,
  ModifierOptionIdSchema,
  TaxRateIdSchema,
  VenueIdSchema,
} from '../ids.ts';
import { MinorSchema, NonNegativeMinorSchema } from '../money.ts';
import { syncedColumns } from './common.ts';

/** `menu_categories`. */
export const MenuCategoryRowSchema = z.object({
  venueId: VenueIdSchema,
  id: MenuCategoryIdSchema,
  name: z.string().min(1).max(60),
  sortOrder: z.int(),
  ...syncedColumns,
});
export type MenuCategoryRow = z.infer<typeof MenuCategoryRowSchema>;

/** `menu_items`. `available: false` hides an item that ran out without deleting it. */
export const MenuItemRowSchema = z.object({
  venueId: VenueIdSchema,
  id: MenuItemIdSchema,
  categoryId: MenuCategoryIdSchema,
  name: z.string().min(1).max(80),
  description: z.string(),
  priceMinor: NonNegativeMinorSchema,
  taxRateId: TaxRateIdSchema,
  kitchenStation: z.string().min(1),
  available: z.boolean(),
  sortOrder: z.int(),
  ...syncedColumns,
});
export type MenuItemRow = z.infer<typeof MenuItemRowSchema>;

/** `modifier_groups`: the guest picks between `minChoices` and `maxChoices` options. */
export const ModifierGroupRowSchema = z
  .object({
    venueId: VenueIdSchema,
    id: ModifierGroupIdSchema,
    name: z.string().min(1),
    minChoices: z.int().min(0),
    maxChoices: z.int().min(1),
    ...syncedColumns,
  })
  .refine((group) => group.minChoices <= group.maxChoices, {
    message: 'minChoices must not exceed maxChoices',
    path: ['minChoices'],
  });
export type ModifierGroupRow = z.infer<typeof ModifierGroupRowSchema>;

/** `modifier_options`. The price delta may be negative ("no cheese": −50). */
export const ModifierOptionRowSchema = z.object({
  venueId: VenueIdSchema,
  id: ModifierOptionIdSchema,
  groupId: ModifierGroupIdSchema,
  name: z.string().min(1),
  priceDeltaMinor: MinorSchema,
  available: z.boolean(),
  sortOrder: z.int(),
  ...syncedColumns,
});
export type ModifierOptionRow = z.infer<typeof ModifierOptionRowSchema>;

/** `menu_item_modifier_groups`: which groups an item offers. Keyed by (itemId, groupId). */
export const MenuItemModifierGroupRowSchema = z.object({
  venueId: VenueIdSchema,
  itemId: MenuItemIdSchema,
  groupId: ModifierGroupIdSchema,
  sortOrder: z.int(),
  version: syncedColumns.version,
  deletedAt: syncedColumns.deletedAt,
});
export type MenuItemModifierGroupRow = z.infer<typeof MenuItemModifierGroupRowSchema>;
