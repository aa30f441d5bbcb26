import { z } from 'zod';
import { OrderIdSchema, TableIdSchema } from '../ids.ts';
import { OrderNumberSchema } from '../order-number.ts';
import {
  closeOrder,
  mergeOrders,
  moveTable,
  openOrder,
  setCovers,
  voidOrder,
} from '../mutators/order-lifecycle.ts';
import { covers, reasonText } from './common-args.ts';
import { defineMutation, mutationMessage } from './define.ts';

const openCommon = { orderId: OrderIdSchema, number: OrderNumberSchema, covers };
export const OrderOpenArgsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), tableId: TableIdSchema, ...openCommon }),
  z.object({ kind: z.literal('takeaway'), ...openCommon }),
]);
export type OrderOpenArgs = z.output<typeof OrderOpenArgsSchema>;

export const orderOpen = defineMutation({
  name: 'order.open',
  args: OrderOpenArgsSchema,
  actions: ['order.open'],
  refs: (args) => ({
    orderIds: [args.orderId],
    orderNumbers: [args.number],
    tableIds: args.kind === 'table' ? [args.tableId] : [],
  }),
  apply: openOrder,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.open',
      defaultMessage: 'Open order {number}',
      values: { number: args.number },
    }),
});

export const OrderMoveTableArgsSchema = z.object({
  orderId: OrderIdSchema,
  tableId: TableIdSchema,
});
export type OrderMoveTableArgs = z.output<typeof OrderMoveTableArgsSchema>;

export const orderMoveTable = defineMutation({
  name: 'order.moveTable',
  args: OrderMoveTableArgsSchema,
  actions: ['order.moveTable'],
  refs: (args) => ({ orderIds: [args.orderId], tableIds: [args.tableId] }),
  apply: moveTable,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.moveTable',
      defaultMessage: 'Move to {table}',
      values: { table: { lookup: 'tableName', id: args.tableId } },
    }),
});

/** Moves every line of `sourceOrderId` onto `targetOrderId` and voids the source. */
export const OrderMergeArgsSchema = z.object({
  sourceOrderId: OrderIdSchema,
  targetOrderId: OrderIdSchema,
});
export type OrderMergeArgs = z.output<typeof OrderMergeArgsSchema>;

export const orderMerge = defineMutation({
  name: 'order.merge',
  args: OrderMergeArgsSchema,
  actions: ['order.merge'],
  // The source first: a refused merge is noted on the order that would have gone away.
  refs: (args) => ({ orderIds: [args.sourceOrderId, args.targetOrderId] }),
  apply: mergeOrders,
  describe: () =>
    mutationMessage({ id: 'mutation.order.merge', defaultMessage: 'Merge two orders' }),
});

export const OrderSetCoversArgsSchema = z.object({ orderId: OrderIdSchema, covers });
export type OrderSetCoversArgs = z.output<typeof OrderSetCoversArgsSchema>;

export const orderSetCovers = defineMutation({
  name: 'order.setCovers',
  args: OrderSetCoversArgsSchema,
  actions: ['order.setCovers'],
  refs: (args) => ({ orderIds: [args.orderId] }),
  apply: setCovers,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.setCovers',
      defaultMessage: 'Set covers to {covers}',
      values: { covers: args.covers },
    }),
});

export const OrderCloseArgsSchema = z.object({ orderId: OrderIdSchema });
export type OrderCloseArgs = z.output<typeof OrderCloseArgsSchema>;

export const orderClose = defineMutation({
  name: 'order.close',
  args: OrderCloseArgsSchema,
  actions: ['order.close'],
  refs: (args) => ({ orderIds: [args.orderId] }),
  apply: closeOrder,
  describe: () =>
    mutationMessage({ id: 'mutation.order.close', defaultMessage: 'Close the order' }),
});

export const OrderVoidArgsSchema = z.object({ orderId: OrderIdSchema, reason: reasonText });
export type OrderVoidArgs = z.output<typeof OrderVoidArgsSchema>;

export const orderVoid = defineMutation({
  name: 'order.void',
  args: OrderVoidArgsSchema,
  // Voiding an order the kitchen has already seen is `order.voidSent` (the rule decides).
  actions: ['order.void', 'order.voidSent'],
  refs: (args) => ({ orderIds: [args.orderId] }),
  apply: voidOrder,
  describe: () => mutationMessage({ id: 'mutation.order.void', defaultMessage: 'Void the order' }),
});
