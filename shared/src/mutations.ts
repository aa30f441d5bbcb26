import { z } from 'zod';
import {
  ClientIdSchema,
  LineIdSchema,
  MenuItemIdSchema,
  ModifierOptionIdSchema,
  OrderIdSchema,
  PaymentIdSchema,
  StaffIdSchema,
  TableIdSchema,
} from './ids.ts';
import { InstantSchema } from './domain/common.ts';
import { NonNegativeMinorSchema, PositiveMinorSchema } from './money.ts';
import { OrderNumberSchema } from './order-number.ts';
import { MutationRejected } from './rejections.ts';

/**
 * The mutation catalog (S1): every change a tablet can make, by name, with its
 * arguments. Arguments never carry prices, totals or statuses — the shared rules in
 * `mutators/` derive those from the rows they read (S12). Ids of new records are
 * generated on the tablet and travel in the arguments, so applying the same mutation
 * on the tablet and on the server writes identical rows.
 */

const reasonText = z.string().trim().min(1).max(200);
const noteText = z.string().trim().max(200);
const quantity = z.int().min(1).max(999);
const covers = z.int().min(0).max(500);
const lineIds = z.array(LineIdSchema).min(1).max(200);
const modifierOptionIds = z.array(ModifierOptionIdSchema).max(50);

const openCommon = { orderId: OrderIdSchema, number: OrderNumberSchema, covers };
export const OrderOpenArgsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), tableId: TableIdSchema, ...openCommon }),
  z.object({ kind: z.literal('takeaway'), ...openCommon }),
]);

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

export const OrderVoidLineArgsSchema = z.object({ lineId: LineIdSchema, reason: reasonText });

/** Sends the order's new lines to the kitchen (all of them, or just `lineIds`). */
export const OrderSendArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineIds: lineIds.optional(),
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

export const OrderMoveTableArgsSchema = z.object({
  orderId: OrderIdSchema,
  tableId: TableIdSchema,
});

/** Moves every line of `sourceOrderId` onto `targetOrderId` and voids the source. */
export const OrderMergeArgsSchema = z.object({
  sourceOrderId: OrderIdSchema,
  targetOrderId: OrderIdSchema,
});

export const OrderSetCoversArgsSchema = z.object({ orderId: OrderIdSchema, covers });

const paymentCommon = {
  paymentId: PaymentIdSchema,
  orderId: OrderIdSchema,
  amountMinor: NonNegativeMinorSchema,
  tipMinor: NonNegativeMinorSchema.optional(),
};
/**
 * Money taken on the tablet: cash (with what was handed over, for the change) or a card
 * on an external terminal. `amountMinor` goes against the bill, the tip on top of it.
 */
export const PaymentRecordArgsSchema = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('cash'),
      ...paymentCommon,
      tenderedMinor: NonNegativeMinorSchema.optional(),
    }),
    z.object({ method: z.literal('card'), ...paymentCommon }),
  ])
  .refine((args) => args.amountMinor + (args.tipMinor ?? 0) > 0, 'A payment must take money');

export const OrderCloseArgsSchema = z.object({ orderId: OrderIdSchema });
export const OrderVoidArgsSchema = z.object({ orderId: OrderIdSchema, reason: reasonText });

/** Kitchen display: move lines to ready (first bump) or served. Explicit target, so two
 * screens bumping the same ticket cannot push it one step too far. */
export const KitchenBumpArgsSchema = z.object({
  orderId: OrderIdSchema,
  lineIds,
  to: z.enum(['ready', 'served']),
});
/** Kitchen display: put ready or served lines back to sent. */
export const KitchenRecallArgsSchema = z.object({ orderId: OrderIdSchema, lineIds });

export const MUTATION_ARGS = {
  'order.open': OrderOpenArgsSchema,
  'order.addLine': OrderAddLineArgsSchema,
  'order.updateLine': OrderUpdateLineArgsSchema,
  'order.voidLine': OrderVoidLineArgsSchema,
  'order.send': OrderSendArgsSchema,
  'order.applyDiscount': OrderApplyDiscountArgsSchema,
  'order.moveTable': OrderMoveTableArgsSchema,
  'order.merge': OrderMergeArgsSchema,
  'order.setCovers': OrderSetCoversArgsSchema,
  'payment.record': PaymentRecordArgsSchema,
  'order.close': OrderCloseArgsSchema,
  'order.void': OrderVoidArgsSchema,
  'kitchen.bump': KitchenBumpArgsSchema,
  'kitchen.recall': KitchenRecallArgsSchema,
} as const;

export type MutationName = keyof typeof MUTATION_ARGS;
export const MUTATION_NAMES = Object.keys(MUTATION_ARGS) as [MutationName, ...MutationName[]];
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

/** S1: the envelope every mutation travels in; `id` increases by one per client. */
export const MutationEnvelopeSchema = z.object({
  clientId: ClientIdSchema,
  id: z.int().min(1),
  clientTime: InstantSchema,
  staffId: StaffIdSchema,
  // A manager who entered their PIN on the spot to allow this one action.
  approvedBy: StaffIdSchema.nullable().optional(),
});

/**
 * A mutation whose name and arguments are not checked yet. Push requests carry these,
 * so one malformed mutation is rejected on its own (S4) instead of failing the batch.
 */
export const RawMutationSchema = MutationEnvelopeSchema.extend({
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type RawMutation = z.infer<typeof RawMutationSchema>;

function member<N extends MutationName>(name: N) {
  return MutationEnvelopeSchema.extend({ name: z.literal(name), args: MUTATION_ARGS[name] });
}

export const MutationSchema = z.discriminatedUnion('name', [
  member('order.open'),
  member('order.addLine'),
  member('order.updateLine'),
  member('order.voidLine'),
  member('order.send'),
  member('order.applyDiscount'),
  member('order.moveTable'),
  member('order.merge'),
  member('order.setCovers'),
  member('payment.record'),
  member('order.close'),
  member('order.void'),
  member('kitchen.bump'),
  member('kitchen.recall'),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATION_ARGS, name);
}

/**
 * Check a raw mutation's name and arguments. Throws `MutationRejected` with
 * `unknown_mutation` or `invalid_args` (naming the offending fields) otherwise.
 */
export function parseMutation(raw: unknown): Mutation {
  const envelope = RawMutationSchema.safeParse(raw);
  if (!envelope.success) {
    throw new MutationRejected('invalid_args', z.prettifyError(envelope.error));
  }
  if (!isMutationName(envelope.data.name)) {
    throw new MutationRejected('unknown_mutation', `Unknown mutation "${envelope.data.name}".`);
  }
  const parsed = MutationSchema.safeParse(envelope.data);
  if (!parsed.success) {
    throw new MutationRejected(
      'invalid_args',
      `${envelope.data.name}: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
