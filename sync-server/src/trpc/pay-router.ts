import { freeText } from '@servio/shared';
import { z } from 'zod';
import { inVenue } from '../db/index.ts';
import {
  openOrdersOfTable,
  readBillOrder,
  readVenue,
  tableByToken,
  customerBill,
  PaymentError,
  unknownTable,
  PaySelectionSchema,
  TipChoiceSchema,
  cancelTablePayment,
  tablePaymentStatus,
  CartSchema,
  createOrderFromPaidIntent,
  startQrOrder,
  customerMenu,
  createTablePayment,
} from '../payments/index.ts';
import { publicProcedure, router, TRPCError } from './init.ts';

/**
 * The customer's pay page (`/t/<token>`). Public: the table's QR token is the customer's only
 * credential, and an unknown token answers NOT_FOUND. Every amount is computed here from the
 * server's rows (S12); the page only says what it wants to pay.
 */

// A table's QR token (base64url, `randomToken`): looked up as given, so nothing else gets that far.
const token = z
  .string()
  .trim()
  .regex(/^[\w-]{8,200}$/, "a table's token: 8 to 200 letters, digits, - or _");
const paymentIntentId = z.string().regex(/^pi_\w+$/, 'a PaymentIntent id (pi_…)');
/** A fresh random id per payment attempt (e.g. crypto.randomUUID()); resent on a retry. */
const attemptId = z.string().regex(/^[\w-]{8,64}$/, '8 to 64 letters, digits, - or _');

/** PaymentError → the tRPC error of the same HTTP status, message for the person. */
async function refusing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PaymentError) {
      throw new TRPCError({ code: error.code, message: error.message, cause: error });
    }
    throw error;
  }
}

export const payRouter = router({
  bill: publicProcedure
    .meta({
      summary:
        "The table's open bills (lines with options, discounts, tax, service charge, paid, being paid, due) and the venue's currency, tip presets and Stripe key.",
    })
    .input(z.object({ token }))
    .query(({ ctx, input }) =>
      refusing(async () => {
        const table = await tableByToken(ctx.deps.db, input.token);
        if (!table) throw unknownTable();
        const now = ctx.deps.clock.now();
        return inVenue(ctx.deps.db, table.venueId, async (tx) => {
          const venue = await readVenue(tx, table.venueId);
          const bills = [];
          for (const order of await openOrdersOfTable(tx, table.venueId, table.tableId)) {
            const bill = await readBillOrder(tx, table.venueId, order.id);
            if (bill) bills.push(customerBill(bill, venue, now));
          }
          return {
            venue: {
              name: venue.name,
              currency: venue.currency,
              tipPresetsBps: venue.tipPresetsBps,
              stripe: {
                mode: ctx.deps.stripe.mode,
                publishableKey: ctx.deps.stripe.publishableKey,
              },
            },
            table: { name: table.tableName },
            bills,
          };
        });
      }),
    ),

  menu: publicProcedure
    .meta({ summary: 'What can be ordered by QR now: categories, available items and options.' })
    .input(z.object({ token }))
    .query(({ ctx, input }) =>
      refusing(async () => {
        const table = await tableByToken(ctx.deps.db, input.token);
        if (!table) throw unknownTable();
        return inVenue(ctx.deps.db, table.venueId, async (tx) => ({
          currency: (await readVenue(tx, table.venueId)).currency,
          categories: await customerMenu(tx, table.venueId),
        }));
      }),
    ),

  createPayment: publicProcedure
    .meta({
      summary:
        'Pay all, an even share (k of N), chosen lines or an amount of a bill, plus a tip: the server computes and caps the amount, reserves it and returns the PaymentIntent client secret.',
    })
    .input(
      z.object({
        token,
        orderId: z.uuid(),
        selection: PaySelectionSchema,
        tip: TipChoiceSchema.default({ kind: 'none' }),
        attemptId,
      }),
    )
    .mutation(({ ctx, input }) => refusing(() => createTablePayment(ctx.deps, input))),

  paymentStatus: publicProcedure
    .meta({
      summary:
        'After confirming (or while waiting): Stripe is asked about the intent and the answer recorded, exactly as the webhook would.',
    })
    .input(z.object({ token, paymentIntentId }))
    .query(({ ctx, input }) => refusing(() => tablePaymentStatus(ctx.deps, input))),

  cancelPayment: publicProcedure
    .meta({ summary: 'Give up an unpaid attempt: its intent is canceled and its part freed.' })
    .input(z.object({ token, paymentIntentId }))
    .mutation(({ ctx, input }) => refusing(() => cancelTablePayment(ctx.deps, input))),

  startOrder: publicProcedure
    .meta({
      summary:
        'QR ordering with pay-now: the cart is priced from the menu, a PaymentIntent made; the order exists only once it is paid.',
    })
    .input(
      z.object({
        token,
        attemptId,
        items: CartSchema,
        tip: TipChoiceSchema.default({ kind: 'none' }),
        note: freeText('orderNote').optional(),
      }),
    )
    .mutation(({ ctx, input }) => refusing(() => startQrOrder(ctx.deps, input))),

  createFromPaidIntent: publicProcedure
    .meta({
      summary:
        'Same as POST /api/orders/createFromPaidIntent: the paid cart becomes its order, once.',
    })
    .input(z.object({ paymentIntentId }))
    .mutation(({ ctx, input }) =>
      refusing(() => createOrderFromPaidIntent(ctx.deps, input.paymentIntentId)),
    ),
});
