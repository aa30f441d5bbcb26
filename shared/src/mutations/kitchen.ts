import { z } from 'zod';
import { OrderIdSchema } from '../ids.ts';
import { bumpLines, recallLines } from '../mutators/kitchen.ts';
import { lineIds } from './common-args.ts';
import { defineMutation, mutationMessage } from './define.ts';

/** Kitchen display: move lines to ready (first bump) or served. Explicit target, so two
 * screens bumping the same ticket cannot push it one step too far. */
export const KitchenBumpArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineIds,
  to: z.enum(['ready', 'served']),
});
export type KitchenBumpArgs = z.output<typeof KitchenBumpArgsSchema>;

export const kitchenBump = defineMutation({
  name: 'kitchen.bump',
  args: KitchenBumpArgsSchema,
  actions: ['kitchen.bump'],
  refs: (args) => ({ orderIds: [args.orderId], lineIds: args.lineIds }),
  apply: bumpLines,
  describe: (args) =>
    args.to === 'ready'
      ? mutationMessage({
          id: 'mutation.kitchen.bump.ready',
          defaultMessage: 'Mark ready in the kitchen',
        })
      : mutationMessage({ id: 'mutation.kitchen.bump.served', defaultMessage: 'Mark served' }),
});

/** Kitchen display: put ready or served lines back to sent. */
export const KitchenRecallArgsSchema = z.object({ orderId: OrderIdSchema, lineIds });
export type KitchenRecallArgs = z.output<typeof KitchenRecallArgsSchema>;

export const kitchenRecall = defineMutation({
  name: 'kitchen.recall',
  args: KitchenRecallArgsSchema,
  actions: ['kitchen.recall'],
  refs: (args) => ({ orderIds: [args.orderId], lineIds: args.lineIds }),
  apply: recallLines,
  describe: () =>
    mutationMessage({ id: 'mutation.kitchen.recall', defaultMessage: 'Recall to the kitchen' }),
});
