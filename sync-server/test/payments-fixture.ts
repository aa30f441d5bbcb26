import Stripe from 'stripe';
import { uuidv7 } from 'uuidv7';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import type { Clock } from '../src/deps.ts';
import type { StripeEmulator } from '../src/payments/stripe-gateway.ts';
import { pairAndSignIn, trpcClient, type TrpcClient } from './support/clients.ts';
import { itemId, loadCatalog, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * A real server over a seeded demo venue, with its local Stripe emulator: what the payment
 * suites run against. The customer's phone is an anonymous tRPC client plus Stripe's API called
 * with the publishable key and the intent's client secret, as Stripe.js (or the local card form)
 * does in the browser.
 */
export interface PayFixture {
  test: TestDb;
  server: TestServer;
  emulator: StripeEmulator;
  venue: DemoSeed;
  catalog: Catalog;
  /** The phone's tRPC client (no credentials). */
  phone: TrpcClient;
  /** Stripe as the phone's browser reaches it: publishable key only. */
  browserStripe: Stripe;
  /** Stripe with the secret key, for what a test inspects. */
  stripe: Stripe;
  token(tableIndex?: number): string;
  close(): Promise<void>;
}

export async function startPayFixture(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<PayFixture> {
  const test = await createTestDb();
  const venue = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: Date.now() });
  const catalog = await loadCatalog(test.db, venue.venue.id);
  const server = await startTestServer(test.db, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const emulator = server.emulator!;
  // Stripe retries for days; a test waits milliseconds between attempts.
  emulator.behaviour.retryBaseDelayMs = 20;
  emulator.behaviour.maxAttempts = 4;
  const sdk = (key: string) =>
    new Stripe(key, {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  return {
    test,
    server,
    emulator,
    venue,
    catalog,
    phone: trpcClient(server.url),
    browserStripe: sdk(emulator.publishableKey),
    stripe: sdk(emulator.secretKey),
    token: (tableIndex = 0) => venue.tables[tableIndex]!.qrToken,
    async close() {
      await server.close();
      await test.drop();
    },
  };
}

export interface Tablet {
  client: TrpcClient;
  outbox: Outbox;
}

/** A paired tablet with the cashier signed in (so it may take payments). */
export async function pairTablet(fx: PayFixture): Promise<Tablet> {
  const { code } = await createPairingCode(fx.test.db, fx.venue.venue.id, { now: Date.now() });
  const cashier = fx.venue.staff.find((person) => person.role === 'cashier')!;
  const paired = await pairAndSignIn(fx.server.url, code, { id: cashier.id, pin: cashier.pin });
  return {
    client: paired.client,
    outbox: new Outbox(paired.letter, cashier.id, new Date().toISOString()),
  };
}

/** Opens an order at a table on a tablet, adds lines, sends them to the kitchen, and pushes. */
export async function openTableOrder(
  fx: PayFixture,
  tablet: Tablet,
  lines: readonly (readonly [name: string, quantity: number])[],
  tableIndex = 0,
): Promise<{ orderId: string; lineIds: string[] }> {
  const orderId = uuidv7();
  const { outbox } = tablet;
  outbox.add('order.open', {
    kind: 'table',
    orderId: orderId as never,
    number: outbox.nextNumber(),
    tableId: fx.catalog.tables[tableIndex] as never,
    covers: 2,
  });
  const lineIds: string[] = [];
  for (const [name, quantity] of lines) {
    const lineId = uuidv7();
    lineIds.push(lineId);
    outbox.add('order.addLine', {
      orderId: orderId as never,
      lineId: lineId as never,
      itemId: itemId(fx.catalog, name) as never,
      quantity,
      modifierOptionIds: [],
    });
  }
  outbox.add('order.send', { orderId: orderId as never });
  await pushAll(tablet);
  return { orderId, lineIds };
}

export async function pushAll(tablet: Tablet): Promise<void> {
  const result = await tablet.client.sync.push.mutate(tablet.outbox.push());
  if (result.status !== 'ok' || result.rejected > 0) {
    throw new Error(`push did not apply cleanly: ${JSON.stringify(result)}`);
  }
}

/** What the phone does after the server answered createPayment / startOrder: pay with a card. */
export async function confirmCard(
  fx: PayFixture,
  intent: { paymentIntentId: string; clientSecret: string },
  paymentMethod = 'pm_card_visa',
): Promise<Stripe.PaymentIntent | Stripe.errors.StripeError> {
  try {
    return await fx.browserStripe.paymentIntents.confirm(intent.paymentIntentId, {
      payment_method: paymentMethod,
      client_secret: intent.clientSecret,
    } as Stripe.PaymentIntentConfirmParams);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
}

export interface OrderMoney {
  status: string;
  total_minor: number;
  paid_minor: number;
  tip_minor: number;
  overpaid_minor: number;
  version: number;
}

export async function orderMoney(fx: PayFixture, orderId: string): Promise<OrderMoney> {
  const { rows } = await fx.test.db.query<OrderMoney & Record<string, unknown>>(
    `SELECT status, total_minor, paid_minor, tip_minor, overpaid_minor, version
       FROM orders WHERE venue_id = $1 AND id = $2`,
    [fx.venue.venue.id, orderId],
  );
  return rows[0]!;
}

export async function paymentsOf(fx: PayFixture, orderId: string) {
  const { rows } = await fx.test.db.query<{
    method: string;
    status: string;
    amount_minor: number;
    tip_minor: number;
    refunded_minor: number;
    stripe_payment_intent_id: string | null;
  }>(
    `SELECT method, status, amount_minor, tip_minor, refunded_minor, stripe_payment_intent_id
       FROM payments WHERE venue_id = $1 AND order_id = $2 ORDER BY id`,
    [fx.venue.venue.id, orderId],
  );
  return rows;
}

export async function webhookRows(fx: PayFixture) {
  const { rows } = await fx.test.db.query<{
    id: string;
    type: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>(
    'SELECT id, type, status, attempts, last_error FROM stripe_webhook_events ORDER BY received_at, id',
  );
  return rows;
}

/** Waits for every webhook delivery (and retry) the emulator has pending. */
export const settled = (fx: PayFixture) => fx.emulator.settle();
