import { z } from 'zod';
import { LineIdSchema, MenuItemIdSchema, OrderIdSchema } from '../ids.ts';
import { PositiveMinorSchema } from '../money.ts';
import { addLine, applyDiscount, sendLines, updateLine, voidLine } from '../mutators/lines.ts';
import { lineIds, modifierOptionIds, noteText, quantity, reasonText } from './common-args.ts';
import { defineMutation, type MutationDescription, mutationMessage } from './define.ts';

export const OrderAddLineArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineId: LineIdSchema,
  itemId: MenuItemIdSchema,
  quantity,
  modifierOptionIds,
  note: noteText.nullable().optional(),
  seat: z.int().min(1).max(500).nullable().optional(),
  course: z.int().min(1).max(20).nullable().optional(),
});
export type OrderAddLineArgs = z.output<typeof OrderAddLineArgsSchema>;

export const orderAddLine = defineMutation({
  name: 'order.addLine',
  args: OrderAddLineArgsSchema,
  actions: ['order.addLine'],
  refs: (args) => ({ orderIds: [args.orderId], lineIds: [args.lineId] }),
  apply: addLine,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.addLine',
      defaultMessage: 'Add {quantity} × {item}',
      values: { quantity: args.quantity, item: { lookup: 'itemName', id: args.itemId } },
    }),
});

export const OrderUpdateLineArgsSchema = z
  .object({
    lineId: LineIdSchema,
    quantity: quantity.optional(),
    modifierOptionIds: modifierOptionIds.optional(),
    note: noteText.nullable().optional(),
  })
  .refine(
    (args) =>
      args.quantity !== undefined ||
      args.modifierOptionIds !== undefined ||
      args.note !== undefined,
    'Change at least one of quantity, modifiers or note',
  );
export type OrderUpdateLineArgs = z.output<typeof OrderUpdateLineArgsSchema>;

export const orderUpdateLine = defineMutation({
  name: 'order.updateLine',
  args: OrderUpdateLineArgsSchema,
  actions: ['order.updateLine'],
  refs: (args) => ({ lineIds: [args.lineId] }),
  apply: updateLine,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.updateLine',
      defaultMessage: 'Change {line}',
      values: { line: { lookup: 'lineName', id: args.lineId } },
    }),
});

export const OrderVoidLineArgsSchema = z.object({ lineId: LineIdSchema, reason: reasonText });
export type OrderVoidLineArgs = z.output<typeof OrderVoidLineArgsSchema>;

export const orderVoidLine = defineMutation({
  name: 'order.voidLine',
  args: OrderVoidLineArgsSchema,
  // Voiding a line the kitchen already has is `order.voidSentLine` (the rule decides).
  actions: ['order.voidLine', 'order.voidSentLine'],
  refs: (args) => ({ lineIds: [args.lineId] }),
  apply: voidLine,
  describe: (args) =>
    mutationMessage({
      id: 'mutation.order.voidLine',
      defaultMessage: 'Void {line}',
      values: { line: { lookup: 'lineName', id: args.lineId } },
    }),
});

/** Sends the order's new lines to the kitchen (all of them, or just `lineIds`). */
export const OrderSendArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineIds: lineIds.optional(),
});
export type OrderSendArgs = z.output<typeof OrderSendArgsSchema>;

export const orderSend = defineMutation({
  name: 'order.send',
  args: OrderSendArgsSchema,
  actions: ['order.send'],
  refs: (args) => ({ orderIds: [args.orderId], lineIds: args.lineIds ?? [] }),
  apply: sendLines,
  describe: () =>
    mutationMessage({ id: 'mutation.order.send', defaultMessage: 'Send to the kitchen' }),
});

/** A discount to apply; `null` removes the current one. On a line when `lineId` is set. */
export const DiscountArgSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bps: z.int().min(1).max(10_000) }),
  z.object({ kind: z.literal('amount'), amountMinor: PositiveMinorSchema }),
]);
export const OrderApplyDiscountArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineId: LineIdSchema.optional(),
  discount: DiscountArgSchema.nullable(),
  reason: reasonText.nullable().optional(),
});
export type OrderApplyDiscountArgs = z.output<typeof OrderApplyDiscountArgsSchema>;

export const orderApplyDiscount = defineMutation({
  name: 'order.applyDiscount',
  args: OrderApplyDiscountArgsSchema,
  actions: ['order.applyDiscount'],
  refs: (args) => ({
    orderIds: [args.orderId],
    lineIds: args.lineId === undefined ? [] : [args.lineId],
  }),
  apply: applyDiscount,
  describe: ({ discount }): MutationDescription => {
    if (discount === null) {
      return mutationMessage({
        id: 'mutation.order.applyDiscount.remove',
        defaultMessage: 'Remove the discount',
      });
    }
    return discount.kind === 'percent'
      ? mutationMessage({
          id: 'mutation.order.applyDiscount.percent',
          defaultMessage: 'Discount of {percent} %',
          values: { percent: discount.bps / 100 },
        })
      : mutationMessage({
          id: 'mutation.order.applyDiscount.amount',
          defaultMessage: 'Discount of {amount}',
          values: { amount: { lookup: 'money', minor: discount.amountMinor } },
        });
  },
});
