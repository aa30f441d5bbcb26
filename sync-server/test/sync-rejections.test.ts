import { PROTOCOL_VERSION, type PushRequest } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { failure, pairAndSignIn, type TrpcClient } from './support/clients.ts';
import { failingDb } from './support/failing-db.ts';
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

describe('sync.push: rejections and failures', () => {
  let test: TestDb;
  let db: ReturnType<typeof failingDb>;
  let server: TestServer;
  let venue: DemoSeed;
  let other: DemoSeed;
  let catalog: Catalog;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  async function tablet(): Promise<{ client: TrpcClient; outbox: Outbox; deviceId: string }> {
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: clock.now() });
    const paired = await pairAndSignIn(server.url, code);
    return {
      client: paired.client,
      outbox: new Outbox(paired.letter, catalog.staff.waiter),
      deviceId: paired.deviceId,
    };
  }

  /** Pushes the outbox's mutations from `from`, then returns what the next pull reports. */
  async function pushAndPull(client: TrpcClient, outbox: Outbox, request: PushRequest) {
    const cursor = await clockOf(test.db, venue.venue.id);
    const result = await client.sync.push.mutate(request);
    const pulled = await client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: outbox.clientId,
      cursor,
      pendingCount: 0,
    });
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    return { result, pulled };
  }

  beforeAll(async () => {
    test = await createTestDb();
    db = failingDb(test.db);
    venue = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: clock.now() });
    other = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'other',
    });
    catalog = await loadCatalog(test.db, venue.venue.id);
    server = await startTestServer(db, { clock });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('[S4] an edit to a paid order is rejected with its reason, the counter advances and nothing else changes', async () => {
    const { client, outbox } = await tablet();
    const { orderId } = openWithLine(outbox, catalog, 'Cola');
    outbox.add(
      'payment.record',
      {
        method: 'cash',
        paymentId: uuidv7() as never,
        orderId: orderId as never,
        amountMinor: 350 as never,
      },
      { staffId: catalog.staff.cashier },
    );
    await client.sync.push.mutate(outbox.push());
    const state = await orderState(test.db, venue.venue.id);
    expect(state.orders.find((row) => row.includes(orderId))).toMatch(/"status":"paid"/);

    outbox.add('order.addLine', {
      orderId: orderId as never,
      lineId: uuidv7() as never,
      itemId: itemId(catalog, 'IPA') as never,
      quantity: 1,
      modifierOptionIds: [],
    });
    outbox.add('order.setCovers', { orderId: orderId as never, covers: 6 });
    const { result, pulled } = await pushAndPull(client, outbox, outbox.push(4));
    expect(result).toEqual({
      status: 'ok',
      lastMutationId: 5,
      applied: 0,
      skipped: 0,
      rejected: 2,
    });
    expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.last_mutation_id).toBe(5);
    expect(await orderState(test.db, venue.venue.id)).toEqual(state);
    expect(pulled.lastMutationId).toBe(5);
    expect(pulled.rejections).toEqual([
      {
        mutationId: 4,
        name: 'order.addLine',
        reason: 'order_not_editable',
        message: expect.any(String),
      },
      {
        mutationId: 5,
        name: 'order.setCovers',
        reason: 'order_not_editable',
        message: expect.any(String),
      },
    ]);
    // Reported once: a pull from the new cursor has nothing more to say.
    const again = await client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: outbox.clientId,
      cursor: pulled.cursor,
      pendingCount: 0,
    });
    expect(again).toMatchObject({ rejections: [], rows: {} });
  });

  it('[S4] an unknown menu item (or another venue’s) is rejected with unknown_item', async () => {
    const { client, outbox } = await tablet();
    const { orderId } = openWithLine(outbox, catalog);
    const otherCatalog = await loadCatalog(test.db, other.venue.id);
    for (const item of [uuidv7(), itemId(otherCatalog, 'Cola')]) {
      outbox.add('order.addLine', {
        orderId: orderId as never,
        lineId: uuidv7() as never,
        itemId: item as never,
        quantity: 1,
        modifierOptionIds: [],
      });
    }
    const { result, pulled } = await pushAndPull(client, outbox, outbox.push());
    expect(result).toMatchObject({ applied: 2, rejected: 2, lastMutationId: 4 });
    expect(pulled.rejections.map((r) => [r.mutationId, r.reason])).toEqual([
      [3, 'unknown_item'],
      [4, 'unknown_item'],
    ]);
    expect(pulled.rows.orderLines?.upserts).toHaveLength(1);
  });

  it('[S4] a waiter voiding a line the kitchen has is rejected (approval_required); with a manager’s approval it applies', async () => {
    const { client, outbox } = await tablet();
    const { orderId, lineId } = openWithLine(outbox, catalog, 'Calamari');
    outbox.add('order.send', { orderId: orderId as never });
    await client.sync.push.mutate(outbox.push());
    const state = await orderState(test.db, venue.venue.id);

    outbox.add('order.voidLine', { lineId: lineId as never, reason: 'guest changed mind' });
    const { result, pulled } = await pushAndPull(client, outbox, outbox.push(4));
    expect(result).toMatchObject({ applied: 0, rejected: 1, lastMutationId: 4 });
    expect(pulled.rejections).toEqual([
      expect.objectContaining({ mutationId: 4, reason: 'approval_required' }),
    ]);
    expect(await orderState(test.db, venue.venue.id)).toEqual(state);

    outbox.add(
      'order.voidLine',
      { lineId: lineId as never, reason: 'guest changed mind' },
      { approvedBy: catalog.staff.manager },
    );
    expect(await client.sync.push.mutate(outbox.push(5))).toMatchObject({ applied: 1 });
  });

  it('[S4] a mutation Postgres could not store (a NUL in a note) is rejected on its own, naming the field; the rest of the push applies', async () => {
    const { client, outbox } = await tablet();
    const { orderId } = openWithLine(outbox, catalog);
    outbox.add('order.addLine', {
      orderId: orderId as never,
      lineId: uuidv7() as never,
      itemId: itemId(catalog, 'Tea') as never,
      quantity: 1,
      modifierOptionIds: [],
      note: 'no sugar\u0000',
    });
    outbox.add('order.send', { orderId: orderId as never });
    const { result, pulled } = await pushAndPull(client, outbox, outbox.push());
    expect(result).toMatchObject({ applied: 3, rejected: 1, lastMutationId: 4 });
    expect(pulled.rejections).toEqual([
      expect.objectContaining({
        mutationId: 3,
        reason: 'invalid_args',
        // TX1: refused by the shared text schema before Postgres sees it (was SQLSTATE 22P05/22021).
        message: expect.stringMatching(/control character \(U\+0000\)[^]*at args\.note/),
      }),
    ]);
    expect(pulled.rows.orderLines?.upserts.map((line) => line.status)).toEqual(['sent']);
  });

  it('[S4] a transient failure (the database drops mid-push) advances nothing; the retry applies once', async () => {
    const { client, outbox } = await tablet();
    openWithLine(outbox, catalog);
    openWithLine(outbox, catalog, 'Tea');
    await client.sync.push.mutate(outbox.push(1, 2));
    const state = await orderState(test.db, venue.venue.id);
    const before = await clockOf(test.db, venue.venue.id);

    for (const statement of [
      /INSERT INTO order_lines/,
      /INSERT INTO orders/,
      /UPDATE clients/,
      /pg_notify/,
    ]) {
      db.failOn(statement);
      const failed = await failure(client.sync.push.mutate(outbox.push(3)));
      expect(failed).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 });
      expect(await orderState(test.db, venue.venue.id)).toEqual(state);
      expect(await clockOf(test.db, venue.venue.id)).toBe(before);
      expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.last_mutation_id).toBe(2);
    }
    expect(db.failures).toBe(4);
    expect(await client.sync.push.mutate(outbox.push(3))).toMatchObject({
      applied: 2,
      lastMutationId: 4,
    });
  });

  it('[S7] a revoked device’s push and pull are refused with device_revoked and a clear message; its counter stays', async () => {
    const { client, outbox, deviceId } = await tablet();
    openWithLine(outbox, catalog);
    await client.sync.push.mutate(outbox.push(1, 1));
    await test.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [deviceId]);
    const push = await client.sync.push.mutate(outbox.push());
    expect(push).toEqual({
      status: 'device_revoked',
      message: expect.stringMatching(/revoked by a manager.*unsynced changes stay on it/),
    });
    const pull = await client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: outbox.clientId,
      cursor: 0,
      pendingCount: 1,
    });
    expect(pull.status).toBe('device_revoked');
    expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.last_mutation_id).toBe(1);
  });
});
