import { freeText } from '@servio/shared';
import { z } from 'zod';
import { inVenue } from '../db/index.ts';
import { PaymentError, overpaidOrders, refundPayment } from '../payments/index.ts';
import { router, TRPCError } from './init.ts';
import { managerProcedure } from './procedures.ts';

/** Money a manager sees and sends back: bills paid twice, and refunds through Stripe. */
export const paymentsRouter = router({
  overpaid: managerProcedure
    .meta({
      summary:
        'Bills paid more than once (e.g. cash offline and card by QR) and refunds still pending, with what each card payment can still refund.',
    })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) => overpaidOrders(tx, ctx.staff.venueId)),
    ),

  refund: managerProcedure
    .meta({
      summary:
        'Refund a card payment made by QR, fully or in part, through Stripe (idempotent per refundId); recorded in refunds and reconciled by charge.refunded.',
    })
    .input(
      z.object({
        /** Made once per refund by the screen (crypto.randomUUID()); resend it on a retry. */
        refundId: z.uuid(),
        paymentId: z.uuid(),
        /** Omit to refund everything still refundable. */
        amountMinor: z.int().min(1).optional(),
        reason: freeText('reason', { emptyMessage: 'say why' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        return await refundPayment(
          ctx.deps,
          { venueId: ctx.staff.venueId, staffId: ctx.staff.staffId, deviceId: ctx.device.deviceId },
          input,
        );
      } catch (error) {
        if (error instanceof PaymentError) {
          throw new TRPCError({ code: error.code, message: error.message, cause: error });
        }
        throw error;
      }
    }),
});
