import { PushResultSchema, type PushRequest } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn, trpcClient, type TrpcClient } from './support/clients.ts';
import {
  clientRow,
  clockOf,
  itemId,
  loadCatalog,
  openWithLine,
  orderState,
  Outbox,
  type Catalog,
} from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('sync.push: exactly once', () => {
  let test: TestDb;
  let server: TestServer;
  let venue: DemoSeed;
  let catalog: Catalog;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  async function tablet(): Promise<{ client: TrpcClient; outbox: Outbox; token: string }> {
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: clock.now() });
    const paired = await pairAndSignIn(server.url, code);
    return {
      client: paired.client,
      outbox: new Outbox(paired.letter, catalog.staff.waiter),
      token: paired.deviceToken,
    };
  }

  async function push(client: TrpcClient, request: PushRequest) {
    return PushResultSchema.parse(await client.sync.push.mutate(request));
  }

  beforeAll(async () => {
    test = await createTestDb();
    venue = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: clock.now() });
    catalog = await loadCatalog(test.db, venue.venue.id);
    server = await startTestServer(test.db, { clock });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('[S2][S3] a replayed push applies nothing twice', async () => {
    const { client, outbox } = await tablet();
    const { orderId } = openWithLine(outbox, catalog, 'Cola', 2);
    outbox.add('order.send', { orderId: orderId as never });
    outbox.add(
      'payment.record',
      {
        method: 'cash',
        paymentId: uuidv7() as never,
        orderId: orderId as never,
        amountMinor: 700 as never,
      },
      { staffId: catalog.staff.cashier },
    );
    const first = await push(client, outbox.push());
    expect(first).toEqual({ status: 'ok', lastMutationId: 4, applied: 4, skipped: 0, rejected: 0 });
    const state = await orderState(test.db, venue.venue.id);
    const clockAfter = await clockOf(test.db, venue.venue.id);

    for (let replay = 0; replay < 5; replay += 1) {
      expect(await push(client, outbox.push())).toEqual({
        status: 'ok',
        lastMutationId: 4,
        applied: 0,
        skipped: 4,
        rejected: 0,
      });
    }
    expect(await orderState(test.db, venue.venue.id)).toEqual(state);
    expect(await clockOf(test.db, venue.venue.id)).toBe(clockAfter);
  });

  it('[S3] overlapping pushes apply each mutation once, in order', async () => {
    const { client, outbox } = await tablet();
    const { orderId } = openWithLine(outbox, catalog, 'Espresso');
    for (let i = 0; i < 3; i += 1) {
      outbox.add('order.addLine', {
        orderId: orderId as never,
        lineId: uuidv7() as never,
        itemId: itemId(catalog, 'Tea') as never,
        quantity: 1,
        modifierOptionIds: [],
      });
    }
    expect(await push(client, outbox.push(1, 3))).toMatchObject({ applied: 3, lastMutationId: 3 });
    expect(await push(client, outbox.push(2, 5))).toMatchObject({
      applied: 2,
      skipped: 2,
      lastMutationId: 5,
    });
    expect(await push(client, outbox.push(1, 5))).toMatchObject({ applied: 0, skipped: 5 });
    const { rows } = await test.db.query<{ n: number; total_minor: number }>(
      `SELECT (SELECT count(*)::int FROM order_lines WHERE order_id = $1) AS n, total_minor
         FROM orders WHERE id = $1`,
      [orderId],
    );
    expect(rows[0]).toEqual({ n: 4, total_minor: 250 + 3 * 280 });
  });

  it('[S3] a push whose response was lost is resent and changes nothing twice', async () => {
    const { client, outbox } = await tablet();
    openWithLine(outbox, catalog);
    // The server commits, the tablet never hears back, and it later resends with more work on top.
    await push(client, outbox.push());
    const state = await orderState(test.db, venue.venue.id);
    const { orderId } = openWithLine(outbox, catalog, 'Lemonade');
    expect(await push(client, outbox.push())).toMatchObject({ applied: 2, skipped: 2 });
    const after = await orderState(test.db, venue.venue.id);
    expect(after.orders).toHaveLength(state.orders.length + 1);
    expect(after.orders.filter((row) => row.includes(orderId))).toHaveLength(1);
  });

  it('[S2] a gap is refused: nothing is applied and the client is told where to resume', async () => {
    const { client, outbox } = await tablet();
    openWithLine(outbox, catalog);
    openWithLine(outbox, catalog, 'Tea');
    await push(client, outbox.push(1, 1));
    const state = await orderState(test.db, venue.venue.id);
    expect(await push(client, outbox.push(3, 4))).toEqual({
      status: 'gap',
      lastMutationId: 1,
      expectedMutationId: 2,
    });
    expect(await orderState(test.db, venue.venue.id)).toEqual(state);
    expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.last_mutation_id).toBe(1);
    expect(await push(client, outbox.push(2, 4))).toMatchObject({ applied: 3, lastMutationId: 4 });
  });

  it('[S2][S3] the same push sent concurrently from two connections applies once', async () => {
    const { outbox, token } = await tablet();
    const tabs = [
      trpcClient(server.url, { deviceToken: token }),
      trpcClient(server.url, { deviceToken: token }),
    ];
    for (let round = 0; round < 4; round += 1) {
      openWithLine(outbox, catalog, 'IPA', round + 1);
      const from = outbox.all.length - 1;
      const results = await Promise.all(tabs.map((tab) => push(tab, outbox.push(from))));
      const applied = results.map((result) => (result.status === 'ok' ? result.applied : -1));
      expect(applied.sort()).toEqual([0, 2]);
    }
    const { rows } = await test.db.query<{ orders: number; lines: number }>(
      `SELECT count(DISTINCT o.id)::int AS orders, count(l.id)::int AS lines
         FROM orders o JOIN order_lines l ON l.venue_id = o.venue_id AND l.order_id = o.id
        WHERE o.venue_id = $1 AND o.device_id = (SELECT device_id FROM clients WHERE id = $2)`,
      [venue.venue.id, outbox.clientId],
    );
    expect(rows[0]).toEqual({ orders: 4, lines: 4 });
    expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.last_mutation_id).toBe(8);
  });

  it('[S12] prices and totals come from the server’s menu and rules, never the client', async () => {
    const { client, outbox } = await tablet();
    const orderId = uuidv7();
    outbox.add('order.open', {
      kind: 'takeaway',
      orderId: orderId as never,
      number: outbox.nextNumber(),
      covers: 1,
    });
    // A tampered client adds a price, a total and a status to the arguments: the schema has no
    // such fields, so they are dropped and the line is priced from the menu.
    outbox.addRaw('order.addLine', {
      orderId,
      lineId: uuidv7(),
      itemId: itemId(catalog, 'Gin'),
      quantity: 2,
      modifierOptionIds: [],
      unitPriceMinor: 1,
      lineTotalMinor: 1,
      status: 'paid',
    });
    expect(await push(client, outbox.push())).toMatchObject({ applied: 2, rejected: 0 });
    const { rows: lines } = await test.db.query<{ unit_price_minor: number; status: string }>(
      'SELECT unit_price_minor, status FROM order_lines WHERE order_id = $1',
      [orderId],
    );
    expect(lines).toEqual([{ unit_price_minor: 850, status: 'new' }]);
    const { rows: orders } = await test.db.query<{ total_minor: number; status: string }>(
      'SELECT total_minor, status FROM orders WHERE id = $1',
      [orderId],
    );
    expect(orders[0]).toEqual({ total_minor: 1700, status: 'open' });

    // A tampered value of a real argument is refused outright, and changes nothing.
    outbox.addRaw(
      'payment.record',
      { method: 'cash', paymentId: uuidv7(), orderId, amountMinor: -1700 },
      { staffId: catalog.staff.cashier },
    );
    expect(await push(client, outbox.push(3))).toMatchObject({ applied: 0, rejected: 1 });
    const pulled = await client.sync.pull.query({
      protocolVersion: 1,
      clientId: outbox.clientId,
      cursor: (await clockOf(test.db, venue.venue.id)) - 1,
      pendingCount: 0,
    });
    expect(pulled).toMatchObject({
      rejections: [
        { mutationId: 3, reason: 'invalid_args', message: expect.stringMatching(/amountMinor/) },
      ],
    });
    const { rows: after } = await test.db.query<{ paid_minor: number }>(
      'SELECT paid_minor FROM orders WHERE id = $1',
      [orderId],
    );
    expect(after[0]!.paid_minor).toBe(0);
  });
});
