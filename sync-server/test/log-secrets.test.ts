import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { trpcClient } from './support/clients.ts';
import { failingDb } from './support/failing-db.ts';
import { subscribePokes } from './support/pokes.ts';
import { itemId, loadCatalog, Outbox } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// L1–L3: a whole session (pair, sign in, order, pay by QR through the emulator, refund) with the
// server's log lines and the Sentry events it sends captured; no credential may appear in either.
describe('secrets in logs and error reports', () => {
  let test: TestDb;
  let ingest: Server;
  const envelopes: string[] = [];
  let server: TestServer;
  let db: ReturnType<typeof failingDb>;
  let venue: DemoSeed;

  beforeAll(async () => {
    test = await createTestDb();
    // A stand-in for Sentry's ingest endpoint: it records every envelope the SDK sends.
    ingest = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        envelopes.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    const dsn = `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/1`;
    db = failingDb(test.db);
    server = await startTestServer(db, { env: { SENTRY_DSN: dsn } });
    venue = await seedDemoVenue(test.db, { baseUrl: server.url, now: Date.now() });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
    await new Promise((resolve) => ingest.close(resolve));
  });

  it('[L1][L2][L3] a scripted session leaves no token, PIN, pairing code, client secret or table token in the logs or in Sentry', async () => {
    const catalog = await loadCatalog(test.db, venue.venue.id);
    const emulator = server.emulator!;
    emulator.behaviour.retryBaseDelayMs = 20;
    const secrets: string[] = [venue.pairingCode.code];
    const pins = venue.staff.map((person) => person.pin);
    const cashier = venue.staff.find((person) => person.role === 'cashier')!;
    const manager = venue.staff.find((person) => person.role === 'manager')!;
    const tableToken = venue.tables[0]!.qrToken;
    secrets.push(tableToken);

    // Pair a tablet with a fresh code and sign the cashier in.
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: Date.now() });
    secrets.push(code);
    const anonymous = trpcClient(server.url);
    const paired = await anonymous.auth.pair.mutate({ code, deviceName: 'Till 1' });
    secrets.push(paired.deviceToken);
    const signedIn = await trpcClient(server.url, {
      deviceToken: paired.deviceToken,
    }).auth.signIn.mutate({ staffId: cashier.id, pin: cashier.pin });
    secrets.push(signedIn.sessionToken);
    const tablet = trpcClient(server.url, {
      deviceToken: paired.deviceToken,
      sessionToken: signedIn.sessionToken,
    });
    // The tablet listens for pokes over SSE (the device token travels as a connection param).
    const pokes = subscribePokes(server.url, paired.deviceToken);
    await pokes.next(() => true);

    // Push an order.
    const outbox = new Outbox(paired.letter, cashier.id, new Date().toISOString());
    const orderId = randomUUID();
    outbox.add('order.open', {
      kind: 'table',
      orderId: orderId as never,
      number: outbox.nextNumber(),
      tableId: catalog.tables[0] as never,
      covers: 2,
    });
    outbox.add('order.addLine', {
      orderId: orderId as never,
      lineId: randomUUID() as never,
      itemId: itemId(catalog, 'Fish and chips') as never,
      quantity: 1,
      modifierOptionIds: [],
    });
    outbox.add('order.send', { orderId: orderId as never });
    const pushed = await tablet.sync.push.mutate(outbox.push());
    expect(pushed).toMatchObject({ status: 'ok', rejected: 0 });

    // The customer opens the table's page and pays the bill by QR through the emulator.
    expect((await fetch(`${server.url}/t/${tableToken}`)).status).not.toBe(500);
    const bill = await anonymous.pay.bill.query({ token: tableToken });
    expect(bill).toBeDefined();
    const attempt = await anonymous.pay.createPayment.mutate({
      token: tableToken,
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    secrets.push(attempt.clientSecret);
    const browser = new Stripe(emulator.publishableKey, {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await browser.paymentIntents.confirm(attempt.paymentIntentId, {
      payment_method: 'pm_card_visa',
      client_secret: attempt.clientSecret,
    } as Stripe.PaymentIntentConfirmParams);
    // Read back as the local card form does, through the server's pass-through (a GET).
    const readBack = await fetch(
      `${server.url}/api/stripe-emulator/v1/payment_intents/${attempt.paymentIntentId}?` +
        new URLSearchParams({ key: emulator.publishableKey, client_secret: attempt.clientSecret }),
    );
    expect(readBack.status).toBe(200);
    await emulator.settle();

    // The manager signs in on another tablet and refunds the card payment.
    const second = await createPairingCode(test.db, venue.venue.id, { now: Date.now() });
    secrets.push(second.code);
    const managerDevice = await anonymous.auth.pair.mutate({
      code: second.code,
      deviceName: 'Office',
    });
    secrets.push(managerDevice.deviceToken);
    const managerSession = await trpcClient(server.url, {
      deviceToken: managerDevice.deviceToken,
    }).auth.signIn.mutate({ staffId: manager.id, pin: manager.pin });
    secrets.push(managerSession.sessionToken);
    const office = trpcClient(server.url, {
      deviceToken: managerDevice.deviceToken,
      sessionToken: managerSession.sessionToken,
    });
    const refund = await office.payments.refund.mutate({
      refundId: randomUUID(),
      paymentId: attempt.paymentId,
      reason: 'Customer asked',
    });
    expect(refund.status).toBe('succeeded');
    await emulator.settle();

    // A server error on a request that carries a table token: reported to Sentry with its request
    // and the breadcrumbs of the session so far.
    db.failOn(/order/i);
    await anonymous.pay.bill.query({ token: tableToken }).catch(() => undefined);
    expect(db.failures).toBe(1);
    pokes.close();
    await Sentry.flush(5_000);
    const events = envelopes.filter((body) => body.includes('"type":"event"'));
    expect(events.length).toBeGreaterThan(0);

    const logText = server.logs.map((line) => JSON.stringify(line)).join('\n');
    // The session was logged (so the check below looks at something).
    expect(logText).toContain('/trpc/pay.bill');
    expect(logText).toContain('/api/stripe-emulator/v1/payment_intents/');
    for (const [where, text] of [
      ['log', logText],
      ['Sentry', events.join('\n')],
    ] as const) {
      for (const secret of secrets) {
        expect(text.includes(secret), `${where} has ${secret}`).toBe(false);
        expect(text.includes(encodeURIComponent(secret)), `${where} has ${secret}`).toBe(false);
      }
      for (const pin of pins) {
        expect(new RegExp(`(?<![0-9])${pin}(?![0-9])`).test(text), `${where} has PIN ${pin}`).toBe(
          false,
        );
      }
    }
  }, 60_000);

  it('[L2] a Sentry report drops the credentials of its request headers and of console breadcrumbs', async () => {
    const waiter = venue.staff.find((person) => person.role === 'waiter')!;
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: Date.now() });
    const paired = await trpcClient(server.url).auth.pair.mutate({ code, deviceName: 'Till 2' });
    const session = await trpcClient(server.url, {
      deviceToken: paired.deviceToken,
    }).auth.signIn.mutate({ staffId: waiter.id, pin: waiter.pin });
    // A console line such as a banner printed by mistake (G5 keeps the real one off the console):
    // Sentry's console integration makes it a breadcrumb.
    console.log(`pairing code ${code}, Staff PINs: ${waiter.name} ${waiter.pin}`);
    // Sentry drops an error identical to the one before (its dedupe integration): one in between.
    Sentry.captureMessage('between the two sessions', 'info');
    const before = envelopes.length;
    // A server error on an authenticated request: reported with its request and headers.
    const failuresBefore = db.failures;
    db.failOn(/order/i);
    const input = JSON.stringify({ token: venue.tables[1]!.qrToken });
    await fetch(`${server.url}/trpc/pay.bill?input=${encodeURIComponent(input)}`, {
      headers: {
        authorization: `Bearer ${paired.deviceToken}`,
        'x-staff-session': session.sessionToken,
        cookie: `session=${session.sessionToken}`,
      },
    });
    expect(db.failures).toBe(failuresBefore + 1);
    await Sentry.flush(5_000);
    const reports = envelopes
      .slice(before)
      .filter((body) => body.includes('Connection terminated unexpectedly (simulated)'));
    expect(reports.length).toBeGreaterThan(0);
    const text = reports.join('\n');
    for (const secret of [paired.deviceToken, session.sessionToken, code]) {
      expect(text.includes(secret), `Sentry has ${secret}`).toBe(false);
    }
    expect(new RegExp(`(?<![0-9])${waiter.pin}(?![0-9])`).test(text)).toBe(false);
  });
});
