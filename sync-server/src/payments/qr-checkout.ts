import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { type Queryable, inVenue } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { readVenue, tableByToken } from './bill-rows.ts';
import { fromStripeError, PaymentError, unknownTable } from './errors.ts';
import { mismatchRefusal } from './intent-checks.ts';
import { settleIntent } from './intent-settlement.ts';
import { derivedKey } from './keys.ts';
import { tipFor, type TipChoice } from './pay-amount.ts';
import { priceCart, type CartSchema } from './qr-cart.ts';
import { readIntent } from './stripe-reads.ts';
import { PgStore } from '../sync/index.ts';

type CheckoutDeps = Pick<AppDeps, 'db' | 'clock' | 'metrics' | 'stripe'>;

export interface StartQrOrderInput {
  token: string;
  attemptId: string;
  items: z.output<typeof CartSchema>;
  tip: TipChoice;
  note?: string | undefined;
}

/**
 * QR ordering with pay-now, step one: the cart is priced from the menu (S12), a PaymentIntent is
 * created for it, and the priced cart waits in `qr_checkouts`. Nothing reaches the kitchen until
 * the intent has succeeded (`createOrderFromPaidIntent`, or the webhook).
 */
export async function startQrOrder(deps: CheckoutDeps, input: StartQrOrderInput) {
  const table = await tableByToken(deps.db, input.token);
  if (!table) throw unknownTable();
  const { venue, priced } = await inVenue(deps.db, table.venueId, async (tx) => {
    const venue = await readVenue(tx, table.venueId);
    return {
      venue,
      priced: await priceCart(PgStore.reading(tx, table.venueId), venue, input.items),
    };
  });
  const amountMinor = priced.totals.totalMinor;
  if (amountMinor <= 0) {
    throw new PaymentError('BAD_REQUEST', 'This cart has nothing to pay for.', 'empty_cart');
  }
  const tip = tipFor(input.tip, amountMinor, venue.tipPresetsBps);
  if (!tip.ok) throw new PaymentError('BAD_REQUEST', tip.message, 'invalid_tip');
  const note = input.note?.trim() || null;
  const requestKey = derivedKey('qrreq', [
    table.tableId,
    input.items,
    input.tip,
    note,
    input.attemptId,
  ]);
  // What is paid, without the ids minted above: a retry asks Stripe with identical parameters.
  const paid = priced.snapshot.lines.map(({ lineId: _lineId, ...line }) => line);
  const idempotencyKey = derivedKey('qrorder', [
    table.tableId,
    paid,
    amountMinor,
    tip.tipMinor,
    input.attemptId,
  ]);
  const summary = {
    currency: venue.currency,
    amountMinor,
    tipMinor: tip.tipMinor,
    chargeMinor: amountMinor + tip.tipMinor,
    lines: priced.snapshot.lines.map((line, index) => ({
      name: line.name,
      quantity: line.quantity,
      modifiers: line.modifiers.map((m) => m.name),
      note: line.note,
      lineTotalMinor: priced.totals.lines[index]?.lineTotalMinor ?? 0,
    })),
    serviceChargeMinor: priced.totals.serviceChargeMinor,
    taxMinor: priced.totals.taxMinor,
    taxIncluded: venue.taxMode === 'inclusive',
  };
  const earlier = await checkoutIntentFor(deps, table.venueId, requestKey);
  if (earlier) return { ...(await resumeIntent(deps, earlier)), ...summary };
  let intent;
  try {
    intent = await deps.stripe.client.paymentIntents.create(
      {
        amount: amountMinor + tip.tipMinor,
        currency: venue.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description: `${venue.name} · ${table.tableName} · QR order`,
        metadata: {
          servio_kind: 'qr_order',
          venue_id: table.venueId,
          table_id: table.tableId,
          request_key: requestKey,
        },
      },
      { idempotencyKey },
    );
  } catch (error) {
    throw fromStripeError(error) ?? error;
  }
  await inVenue(deps.db, table.venueId, (tx) =>
    insertCheckout(tx, {
      venueId: table.venueId,
      paymentIntentId: intent.id,
      tableId: table.tableId,
      requestKey,
      cart: priced.snapshot,
      note,
      amountMinor,
      tipMinor: tip.tipMinor,
    }),
  );
  const kept = await checkoutIntentFor(deps, table.venueId, requestKey);
  if (kept !== intent.id) {
    // A double tap raced us with other parameters (the menu changed in between): one checkout
    // per attempt, so this intent is withdrawn before anyone can pay it.
    await deps.stripe.client.paymentIntents.cancel(intent.id).catch(() => undefined);
    if (!kept) throw new Error(`Checkout for ${intent.id} was not stored`);
    return { ...(await resumeIntent(deps, kept)), ...summary };
  }
  return { ...(await resumeIntent(deps, intent.id, intent.client_secret)), ...summary };
}

async function checkoutIntentFor(
  deps: CheckoutDeps,
  venueId: string,
  requestKey: string,
): Promise<string | undefined> {
  return inVenue(deps.db, venueId, async (tx) => {
    const { rows } = await tx.query<{ payment_intent_id: string }>(
      'SELECT payment_intent_id FROM qr_checkouts WHERE venue_id = $1 AND request_key = $2',
      [venueId, requestKey],
    );
    return rows[0]?.payment_intent_id;
  });
}

async function resumeIntent(
  deps: CheckoutDeps,
  paymentIntentId: string,
  knownSecret?: string | null,
): Promise<{ paymentIntentId: string; clientSecret: string }> {
  const secret =
    knownSecret ??
    (
      await deps.stripe.client.paymentIntents.retrieve(paymentIntentId).catch((error: unknown) => {
        throw fromStripeError(error) ?? error;
      })
    ).client_secret;
  if (!secret) throw new Error(`Stripe returned ${paymentIntentId} without a client secret`);
  return { paymentIntentId, clientSecret: secret };
}

export type QrOrderStarted = Awaited<ReturnType<typeof startQrOrder>>;

async function insertCheckout(
  tx: Queryable,
  row: {
    venueId: string;
    paymentIntentId: string;
    tableId: string;
    requestKey: string;
    cart: unknown;
    note: string | null;
    amountMinor: number;
    tipMinor: number;
  },
): Promise<void> {
  // The same attempt sent twice reaches Stripe with the same key, gets the same intent and
  // lands here twice: the second insert finds the row and does nothing.
  await tx.query(
    `INSERT INTO qr_checkouts (venue_id, payment_intent_id, table_id, order_id, payment_id,
       request_key, cart, note, amount_minor, tip_minor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING`,
    [
      row.venueId,
      row.paymentIntentId,
      row.tableId,
      uuidv7(),
      uuidv7(),
      row.requestKey,
      JSON.stringify(row.cart),
      row.note,
      row.amountMinor,
      row.tipMinor,
    ],
  );
}

export interface CreatedFromIntent {
  orderId: string;
  orderNumber: string | null;
  /** created: this call made the order; existing: it was made before (webhook or earlier call). */
  result: 'created' | 'existing';
}

/**
 * The runbook's `/api/orders/createFromPaidIntent`: the customer's page, after Stripe confirmed,
 * asks for its order. Stripe is asked whether the intent really succeeded (the page's word is
 * not taken), then the same settlement as the webhook runs: exactly one order, however many
 * times and in whatever order the page and the webhook arrive.
 */
export async function createOrderFromPaidIntent(
  deps: CheckoutDeps,
  paymentIntentId: string,
): Promise<CreatedFromIntent> {
  const { rows } = await deps.db.query<{ venue_id: string }>(
    'SELECT venue_id FROM qr_checkouts WHERE payment_intent_id = $1',
    [paymentIntentId],
  );
  if (!rows[0]) {
    throw new PaymentError(
      'NOT_FOUND',
      'No QR order is waiting for this payment.',
      'unknown_intent',
    );
  }
  const intent = await readIntent(deps.stripe.client, paymentIntentId).catch((error: unknown) => {
    throw fromStripeError(error) ?? error;
  });
  if (intent.status !== 'succeeded') {
    throw new PaymentError(
      'CONFLICT',
      `The payment has not succeeded (it is ${intent.status.replaceAll('_', ' ')}), so no order was made.`,
      'not_paid',
    );
  }
  const settled = await deps.db
    .transaction((tx) => settleIntent(tx, deps, intent))
    .catch((error: unknown) => {
      throw mismatchRefusal(error);
    });
  if (settled.kind !== 'qr_order')
    throw new Error(`Intent ${intent.id} settled as ${settled.kind}`);
  return {
    orderId: settled.orderId,
    orderNumber: settled.orderNumber,
    result: settled.created ? 'created' : 'existing',
  };
}
