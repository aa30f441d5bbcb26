import { z } from 'zod';
import { OrderIdSchema, PaymentIdSchema } from '../ids.ts';
import { minor, NonNegativeMinorSchema } from '../money.ts';
import { recordPayment } from '../mutators/payments.ts';
import { defineMutation, mutationMessage } from './define.ts';

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
export type PaymentRecordArgs = z.output<typeof PaymentRecordArgsSchema>;

export const paymentRecord = defineMutation({
  name: 'payment.record',
  args: PaymentRecordArgsSchema,
  actions: ['payment.record'],
  refs: (args) => ({ orderIds: [args.orderId], paymentIds: [args.paymentId] }),
  apply: recordPayment,
  describe: (args) => {
    const amount = {
      lookup: 'money',
      minor: minor(args.amountMinor + (args.tipMinor ?? 0)),
    } as const;
    return args.method === 'cash'
      ? mutationMessage({
          id: 'mutation.payment.record.cash',
          defaultMessage: 'Cash payment of {amount}',
          values: { amount },
        })
      : mutationMessage({
          id: 'mutation.payment.record.card',
          defaultMessage: 'Card payment of {amount}',
          values: { amount },
        });
  },
});
