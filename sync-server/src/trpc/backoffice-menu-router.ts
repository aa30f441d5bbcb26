import {
  menuItems as items,
  menuInputs as inputs,
  menuModifiers as modifiers,
  readMenu,
} from '../backoffice/index.ts';
import { inVenue } from '../db/index.ts';
import { backofficeProcedure, write } from './backoffice-procedures.ts';
import { router } from './init.ts';
import { z } from 'zod';

const menuProcedure = backofficeProcedure('menu.edit');

/**
 * Menu editing. Every change advances the venue clock so tablets pull it on their next sync;
 * lines already on orders are snapshots and never change.
 */
export const backofficeMenuRouter = router({
  list: menuProcedure
    .meta({ summary: 'The live menu: categories, tax rates, items, modifier groups, links.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.actor.venueId, (tx) => readMenu(tx, ctx.actor.venueId)),
    ),

  createCategory: menuProcedure
    .meta({ summary: 'Add a menu category.' })
    .input(inputs.CategoryCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.createCategory(s, input))),
  updateCategory: menuProcedure
    .meta({ summary: 'Rename or reorder a category.' })
    .input(inputs.CategoryUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.updateCategory(s, input))),
  deleteCategory: menuProcedure
    .meta({ summary: 'Delete an empty category (one with items answers CONFLICT).' })
    .input(inputs.IdInputSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.deleteCategory(s, input.id))),

  createTaxRate: menuProcedure
    .meta({ summary: 'Add a tax rate (basis points).' })
    .input(inputs.TaxRateCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.createTaxRate(s, input))),
  updateTaxRate: menuProcedure
    .meta({ summary: 'Rename or re-rate; lines already sold keep the rate they were sold at.' })
    .input(inputs.TaxRateUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.updateTaxRate(s, input))),
  deleteTaxRate: menuProcedure
    .meta({ summary: 'Delete a tax rate no item uses (one in use answers CONFLICT).' })
    .input(inputs.IdInputSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.deleteTaxRate(s, input.id))),

  createItem: menuProcedure
    .meta({ summary: 'Add an item to a category with its price, tax rate and kitchen station.' })
    .input(inputs.ItemCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.createItem(s, input))),
  updateItem: menuProcedure
    .meta({ summary: 'Price, tax rate, station, availability (86), category, name, sort order.' })
    .input(inputs.ItemUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.updateItem(s, input))),
  deleteItem: menuProcedure
    .meta({
      summary: 'Delete an item and its modifier links; lines already sold keep their snapshot.',
    })
    .input(inputs.IdInputSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => items.deleteItem(s, input.id))),

  createModifierGroup: menuProcedure
    .meta({ summary: 'Add a modifier group with its minimum and maximum choices.' })
    .input(inputs.ModifierGroupCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.createModifierGroup(s, input))),
  updateModifierGroup: menuProcedure
    .meta({ summary: 'Rename a group or change its minimum/maximum choices.' })
    .input(inputs.ModifierGroupUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.updateModifierGroup(s, input))),
  deleteModifierGroup: menuProcedure
    .meta({ summary: 'Delete a group with its options and its links to items.' })
    .input(inputs.IdInputSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.deleteModifierGroup(s, input.id))),

  createModifierOption: menuProcedure
    .meta({ summary: 'Add an option (with its price delta) to a modifier group.' })
    .input(inputs.ModifierOptionCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.createModifierOption(s, input))),
  updateModifierOption: menuProcedure
    .meta({ summary: 'Rename, re-price, reorder or 86 an option.' })
    .input(inputs.ModifierOptionUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.updateModifierOption(s, input))),
  deleteModifierOption: menuProcedure
    .meta({ summary: 'Delete a modifier option.' })
    .input(inputs.IdInputSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.deleteModifierOption(s, input.id))),

  linkModifierGroup: menuProcedure
    .meta({ summary: 'Offer a modifier group on an item.' })
    .input(inputs.ModifierLinkSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.linkModifierGroup(s, input))),
  unlinkModifierGroup: menuProcedure
    .meta({ summary: 'Stop offering a modifier group on an item.' })
    .input(inputs.ModifierUnlinkSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => modifiers.unlinkModifierGroup(s, input))),
});
