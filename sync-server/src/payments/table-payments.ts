import {
  newPaymentRow,
  type OrderId,
  type PaymentId,
  type PaymentRow,
  type VenueId,
} from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { inVenue } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { readBillOrder, tableByToken, venueInfoOf, type TableRef } from './bill-rows.ts';
import { payableState, totalsOf } from './bill-view.ts';
import { fromStripeError, PaymentError, unknownTable } from './errors.ts';
import { derivedKey } from './keys.ts';
import { amountToPay, tipFor, type PaySelection, type TipChoice } from './pay-amount.ts';
import { releaseStalePayments } from './stale-payments.ts';
import { withVenueWrite, type VenueWrite } from '../sync/index.ts';

export interface CreateTablePaymentInput {
  token: string;
  orderId: string;
  selection: PaySelection;
  tip: TipChoice;
  /** A fresh id per attempt from the page: a retry of the same attempt gets the same intent. */
  attemptId: string;
}

export interface TablePaymentCreated {
  paymentId: string;
  paymentIntentId: string;
  clientSecret: string;
  currency: string;
  /** What goes against the bill. */
  amountMinor: number;
  tipMinor: number;
  /** What the card is charged: amount + tip. */
  chargeMinor: number;
  /** What the selection was worth before capping at what is still due. */
  requestedMinor: number;
  capped: boolean;
}

interface Reservation {
  paymentId: string;
  orderId: string;
  orderNumber: string;
  amountMinor: number;
  tipMinor: number;
  requestedMinor: number;
  idempotencyKey: string;
  currency: string;
  description: string;
  /** Set when this attempt already has its intent (a retry). */
  paymentIntentId: string | null;
  status: PaymentRow['status'];
}

type PayDeps = Pick<AppDeps, 'db' | 'clock' | 'metrics' | 'stripe'>;

/**
 * Creates the payment for part of a table's bill: the server computes the amount from its own
 * rows (S12), reserves it as a pending payment while holding the order (so phones paying at
 * the same time are served one at a time and never overpay), then asks Stripe for the intent
 * with an idempotency key derived from what is being paid.
 */
export async function createTablePayment(
  deps: PayDeps,
  input: CreateTablePaymentInput,
): Promise<TablePaymentCreated> {
  const table = await tableByToken(deps.db, input.token);
  if (!table) throw unknownTable();
  await releaseStalePayments(deps, table.venueId, input.orderId);
  const requestKey = derivedKey('payreq', [
    input.orderId,
    input.selection,
    input.tip,
    input.attemptId,
  ]);
  const reservation =
    (await findReservation(deps, table, requestKey)) ??
    (await withVenueWrite(deps.db, table.venueId, { now: deps.clock.now() }, (write) =>
      reserve(write, deps, table, input, requestKey),
    ));
  if (reservation.status !== 'pending' && reservation.paymentIntentId === null) {
    throw new PaymentError(
      'CONFLICT',
      'This payment attempt was stopped. Start the payment again.',
      'attempt_closed',
    );
  }
  const intent = await createIntent(deps, table, reservation);
  return {
    paymentId: reservation.paymentId,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    currency: reservation.currency,
    amountMinor: reservation.amountMinor,
    tipMinor: reservation.tipMinor,
    chargeMinor: reservation.amountMinor + reservation.tipMinor,
    requestedMinor: reservation.requestedMinor,
    capped: reservation.amountMinor < reservation.requestedMinor,
  };
}

const RESERVATION_SQL = `
  SELECT r.payment_id AS "paymentId", r.order_id AS "orderId", o.number AS "orderNumber",
         r.amount_minor AS "amountMinor", r.tip_minor AS "tipMinor",
         r.requested_minor AS "requestedMinor", p.idempotency_key AS "idempotencyKey",
         v.currency, r.payment_intent_id AS "paymentIntentId", p.status,
         v.name || ' · ' || t.name || ' · ' || o.number AS description
    FROM qr_payment_requests r
    JOIN payments p ON p.venue_id = r.venue_id AND p.id = r.payment_id
    JOIN orders o ON o.venue_id = r.venue_id AND o.id = r.order_id
    JOIN tables t ON t.venue_id = r.venue_id AND t.id = r.table_id
    JOIN venues v ON v.id = r.venue_id
   WHERE r.venue_id = $1 AND r.request_key = $2`;

function findReservation(
  deps: PayDeps,
  table: TableRef,
  requestKey: string,
): Promise<Reservation | undefined> {
  return inVenue(deps.db, table.venueId, async (tx) => {
    const { rows } = await tx.query<Reservation & Record<string, unknown>>(RESERVATION_SQL, [
      table.venueId,
      requestKey,
    ]);
    return rows[0];
  });
}

async function reserve(
  write: VenueWrite,
  deps: PayDeps,
  table: TableRef,
  input: CreateTablePaymentInput,
  requestKey: string,
): Promise<Reservation> {
  const { tx, now } = write;
  const venue = venueInfoOf(await write.venue());
  // Everyone paying this order queues here. The clock lock comes first: row locks are only ever
  // taken under it, so a payment and a tablet push queue instead of deadlocking.
  await write.lock();
  const bill = await readBillOrder(tx, table.venueId, input.orderId, { lock: true });
  if (!bill || bill.order.tableId !== table.tableId) {
    throw new PaymentError(
      'NOT_FOUND',
      'This bill is not open at this table any more.',
      'unknown_order',
    );
  }
  const again = await tx.query<Reservation & Record<string, unknown>>(RESERVATION_SQL, [
    table.venueId,
    requestKey,
  ]);
  if (again.rows[0]) return again.rows[0];
  if (bill.order.status === 'closed' || bill.order.status === 'void') {
    throw new PaymentError('CONFLICT', 'This bill is already settled.', 'order_closed');
  }
  const totals = totalsOf(bill, venue);
  const decision = amountToPay(input.selection, payableState(bill, totals, deps.clock.now()));
  if (!decision.ok) {
    throw new PaymentError(
      decision.reason === 'unknown_lines' ? 'BAD_REQUEST' : 'CONFLICT',
      decision.message,
      decision.reason,
    );
  }
  const tip = tipFor(input.tip, decision.amountMinor, venue.tipPresetsBps);
  if (!tip.ok) throw new PaymentError('BAD_REQUEST', tip.message, 'invalid_tip');
  const paymentId = uuidv7();
  const idempotencyKey = derivedKey('pay', [
    input.orderId,
    input.selection,
    decision.amountMinor,
    tip.tipMinor,
    input.attemptId,
  ]);
  await write.store.put(
    'payments',
    newPaymentRow({
      venueId: table.venueId as VenueId,
      id: paymentId as PaymentId,
      orderId: input.orderId as OrderId,
      method: 'stripe',
      status: 'pending',
      amountMinor: decision.amountMinor,
      tipMinor: tip.tipMinor,
      idempotencyKey,
      recordedBy: null,
      deviceId: null,
      clientTime: now,
      now,
    }),
  );
  await write.flush();
  await tx.query(
    `INSERT INTO qr_payment_requests (venue_id, payment_id, order_id, table_id, request_key,
       selection, line_ids, requested_minor, amount_minor, tip_minor, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10, $11)`,
    [
      table.venueId,
      paymentId,
      input.orderId,
      table.tableId,
      requestKey,
      JSON.stringify(input.selection),
      decision.lineIds,
      decision.requestedMinor,
      decision.amountMinor,
      tip.tipMinor,
      now,
    ],
  );
  return {
    paymentId,
    orderId: input.orderId,
    orderNumber: bill.order.number,
    amountMinor: decision.amountMinor,
    tipMinor: tip.tipMinor,
    requestedMinor: decision.requestedMinor,
    idempotencyKey,
    currency: venue.currency,
    description: `${venue.name} · ${table.tableName} · ${bill.order.number}`,
    paymentIntentId: null,
    status: 'pending',
  };
}

/**
 * The Stripe side of a reservation, outside any database lock. Same key, same parameters:
 * Stripe answers a retry with the intent it already made. If Stripe refuses, the reservation
 * is released so the part of the bill can be paid again.
 */
async function createIntent(
  deps: PayDeps,
  table: TableRef,
  reservation: Reservation,
): Promise<{ id: string; clientSecret: string }> {
  if (reservation.paymentIntentId !== null) {
    // A retry of an attempt that has its intent: hand the same one back.
    const existing = await deps.stripe.client.paymentIntents
      .retrieve(reservation.paymentIntentId)
      .catch((error: unknown) => {
        throw fromStripeError(error) ?? error;
      });
    return { id: existing.id, clientSecret: clientSecretOf(existing) };
  }
  let intent;
  try {
    intent = await deps.stripe.client.paymentIntents.create(
      {
        amount: reservation.amountMinor + reservation.tipMinor,
        currency: reservation.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description: reservation.description,
        metadata: {
          servio_kind: 'table_bill',
          venue_id: table.venueId,
          table_id: table.tableId,
          order_id: reservation.orderId,
          payment_id: reservation.paymentId,
        },
      },
      { idempotencyKey: reservation.idempotencyKey },
    );
  } catch (error) {
    const refusal = fromStripeError(error);
    // A refusal is final for these parameters: free the reserved part of the bill. A network
    // failure may still have created the intent, but its client secret never left us, so it
    // cannot be paid; the reservation is released the same way.
    await releaseReservation(deps, table, reservation);
    throw refusal ?? error;
  }
  await withVenueWrite(deps.db, table.venueId, { now: deps.clock.now() }, async (write) => {
    const payment = await write.store.getPayment(reservation.paymentId as PaymentId);
    if (!payment) throw new Error(`Reserved payment ${reservation.paymentId} vanished`);
    await write.store.put('payments', {
      ...payment,
      stripePaymentIntentId: intent.id,
      updatedAt: write.now,
    });
    await write.tx.query(
      'UPDATE qr_payment_requests SET payment_intent_id = $3 WHERE venue_id = $1 AND payment_id = $2',
      [table.venueId, reservation.paymentId, intent.id],
    );
  });
  return { id: intent.id, clientSecret: clientSecretOf(intent) };
}

function clientSecretOf(intent: { id: string; client_secret: string | null }): string {
  if (!intent.client_secret)
    throw new Error(`Stripe returned ${intent.id} without a client secret`);
  return intent.client_secret;
}

async function releaseReservation(
  deps: PayDeps,
  table: TableRef,
  reservation: Reservation,
): Promise<void> {
  await withVenueWrite(deps.db, table.venueId, { now: deps.clock.now() }, async (write) => {
    const payment = await write.store.getPayment(reservation.paymentId as PaymentId);
    if (!payment || payment.status !== 'pending' || payment.stripePaymentIntentId) return;
    await write.store.put('payments', { ...payment, status: 'canceled', updatedAt: write.now });
  });
}
