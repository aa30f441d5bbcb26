import {
  minor,
  newLineRow,
  newOrderRow,
  newPaymentRow,
  recalculateOrder,
  type LineId,
  type MenuItemId,
  type OrderId,
  type PaymentId,
  type TableId,
} from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import type { IntentFacts } from './stripe-objects.ts';
import type { SettleOutcome } from './intent-settlement.ts';
import { assertIntentMatches, unconfirmed, type SettleOptions } from './intent-checks.ts';
import { CartSnapshotSchema, type CartSnapshot } from './qr-cart.ts';
import { venueSettingsOf, venueWriteIn, type VenueWrite } from '../sync/index.ts';

type CheckoutStatus = 'awaiting_payment' | 'ordered' | 'canceled';

type CheckoutRow = {
  venue_id: string;
  table_id: string;
  order_id: string;
  payment_id: string;
  request_key: string;
  cart: unknown;
  note: string | null;
  amount_minor: number;
  tip_minor: number;
  status: CheckoutStatus;
  order_number: string | null;
};

/** Orders minted by the server are `QR<n>`, which no tablet number (`A-17`) can collide with. */
async function nextQrNumber(tx: Queryable, venueId: string): Promise<string> {
  const { rows } = await tx.query<{ next: number }>(
    `SELECT COALESCE(max(substring(number FROM 3)::bigint), 0) + 1 AS next
       FROM orders WHERE venue_id = $1 AND number ~ '^QR[0-9]+$'`,
    [venueId],
  );
  return `QR${rows[0]?.next ?? 1}`;
}

/**
 * If `intent` pays a QR cart, settle it: when the intent has succeeded, the cart becomes an
 * order exactly once. The claim is a conditional UPDATE of the checkout row (awaiting_payment →
 * ordered) in the same transaction as the order's rows, so however many times the webhook and
 * the customer's page arrive, and in whatever order, one of them creates the order and the
 * others find it. Returns undefined when the intent is not a QR cart's.
 */
export async function settleCheckout(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock' | 'metrics'>,
  intent: IntentFacts,
  options: SettleOptions = {},
): Promise<SettleOutcome | undefined> {
  const found = await tx.query<CheckoutRow>(
    'SELECT * FROM qr_checkouts WHERE payment_intent_id = $1',
    [intent.id],
  );
  const checkout = found.rows[0];
  if (!checkout) return undefined;
  const outcome = (status: CheckoutStatus, orderNumber: string | null, created: boolean) =>
    ({
      kind: 'qr_order',
      venueId: checkout.venue_id,
      orderId: checkout.order_id,
      orderNumber,
      status,
      created,
    }) as const;
  const wanted =
    intent.status === 'succeeded'
      ? 'ordered'
      : intent.status === 'canceled'
        ? 'canceled'
        : checkout.status;
  if (checkout.status !== 'awaiting_payment' || wanted === 'awaiting_payment') {
    return outcome(checkout.status, checkout.order_number, false);
  }
  return venueWriteIn(tx, checkout.venue_id, { now: deps.clock.now() }, async (write) => {
    // W2: only the intent we made for this cart moves it (to an order, or to canceled).
    if (options.confirmed === false) throw unconfirmed(intent.id);
    assertIntentMatches(intent, {
      chargeMinor: checkout.amount_minor + checkout.tip_minor,
      currency: (await write.venue()).currency,
      metadata: {
        servio_kind: 'qr_order',
        venue_id: checkout.venue_id,
        table_id: checkout.table_id,
        request_key: checkout.request_key,
      },
    });
    if (wanted === 'canceled') {
      const { rowCount } = await tx.query(
        `UPDATE qr_checkouts SET status = 'canceled'
          WHERE venue_id = $1 AND payment_intent_id = $2 AND status = 'awaiting_payment'`,
        [checkout.venue_id, intent.id],
      );
      return outcome('canceled', null, rowCount > 0);
    }
    const number = await nextQrNumber(tx, checkout.venue_id);
    const claimed = await tx.query(
      `UPDATE qr_checkouts SET status = 'ordered', ordered_at = $3, order_number = $4
        WHERE venue_id = $1 AND payment_intent_id = $2 AND status = 'awaiting_payment'`,
      [checkout.venue_id, intent.id, write.now, number],
    );
    if (claimed.rowCount === 0) {
      const again = await tx.query<{ order_number: string | null; status: CheckoutStatus }>(
        'SELECT order_number, status FROM qr_checkouts WHERE venue_id = $1 AND payment_intent_id = $2',
        [checkout.venue_id, intent.id],
      );
      const row = again.rows[0];
      return outcome(row?.status ?? 'ordered', row?.order_number ?? null, false);
    }
    await createQrOrder(write, checkout, CartSnapshotSchema.parse(checkout.cart), number, intent);
    deps.metrics.paymentsOutcome.inc({ method: 'stripe', outcome: 'succeeded' });
    return outcome('ordered', number, true);
  });
}

/** The paid cart as an order like any other: lines already sent to the kitchen, payment recorded. */
async function createQrOrder(
  write: VenueWrite,
  checkout: CheckoutRow,
  cart: CartSnapshot,
  number: string,
  intent: IntentFacts,
): Promise<void> {
  const { store, now } = write;
  const venue = await write.venue();
  const orderId = checkout.order_id as OrderId;
  // The same constructors as a tablet's order.open, order.addLine and payment.record (S12).
  await store.put(
    'orders',
    newOrderRow({
      venue: venueSettingsOf(venue),
      now,
      id: orderId,
      number,
      kind: 'qr',
      tableId: checkout.table_id as TableId,
      covers: 1,
      status: 'sent',
      deviceId: null,
      openedBy: null,
      openedAt: now,
      // The rate the customer saw when the cart was priced.
      serviceChargeBps: cart.serviceChargeBps,
      note: checkout.note,
    }),
  );
  for (const line of cart.lines) {
    await store.put(
      'orderLines',
      newLineRow({
        venueId: venue.id,
        id: line.lineId as LineId,
        orderId,
        itemId: line.itemId as MenuItemId,
        name: line.name,
        unitPriceMinor: minor(line.unitPriceMinor),
        taxRateBps: line.taxRateBps,
        modifiers: line.modifiers,
        quantity: line.quantity,
        note: line.note,
        kitchenStation: line.kitchenStation,
        // Paid up front: the kitchen gets it at once.
        status: 'sent',
        sentAt: now,
        addedBy: null,
        addedAt: now,
        now,
      }),
    );
  }
  await store.put(
    'payments',
    newPaymentRow({
      venueId: venue.id,
      id: checkout.payment_id as PaymentId,
      orderId,
      method: 'stripe',
      status: 'succeeded',
      amountMinor: minor(checkout.amount_minor),
      tipMinor: minor(checkout.tip_minor),
      stripePaymentIntentId: intent.id,
      idempotencyKey: checkout.request_key,
      recordedBy: null,
      deviceId: null,
      clientTime: now,
      now,
    }),
  );
  await recalculateOrder(await write.rules(), orderId);
}
