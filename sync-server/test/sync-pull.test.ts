import { PROTOCOL_VERSION, ROW_SCHEMAS, SYNCED_TABLES, type PushRequest } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { advanceClock } from '../src/sync/clock.ts';
import { failure, pairAndSignIn, type TrpcClient } from './support/clients.ts';
import {
  clockOf,
  itemId,
  loadCatalog,
  openWithLine,
  Outbox,
  type Catalog,
} from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('sync.pull', () => {
  let test: TestDb;
  let server: TestServer;
  let venue: DemoSeed;
  let catalog: Catalog;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  async function tablet(clientTime?: string): Promise<{ client: TrpcClient; outbox: Outbox }> {
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: clock.now() });
    const paired = await pairAndSignIn(server.url, code);
    return {
      client: paired.client,
      outbox: new Outbox(paired.letter, catalog.staff.waiter, clientTime),
    };
  }

  async function pull(client: TrpcClient, outbox: Outbox, cursor: number) {
    const result = await client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: outbox.clientId,
      cursor,
      pendingCount: 0,
    });
    if (result.status !== 'ok') throw new Error(`pull answered ${result.status}`);
    return result;
  }

  beforeAll(async () => {
    test = await createTestDb();
    venue = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: clock.now() });
    await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'next-door',
    });
    catalog = await loadCatalog(test.db, venue.venue.id);
    server = await startTestServer(test.db, { clock });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('[S5] returns the rows newer than the cursor, and the clock as the new cursor', async () => {
    const { client, outbox } = await tablet();
    const first = await pull(client, outbox, 0);
    expect(first.cursor).toBe(await clockOf(test.db, venue.venue.id));
    expect(first.rows.menuItems?.upserts).toHaveLength(catalog.items.size);
    expect(first.rows.venues?.upserts).toEqual([expect.objectContaining({ id: venue.venue.id })]);
    for (const table of SYNCED_TABLES) {
      // Exactly the shared row shape: nothing missing, and no server-only column (a table's QR token).
      for (const row of first.rows[table]?.upserts ?? [])
        expect(() => ROW_SCHEMAS[table].strict().parse(row)).not.toThrow();
    }
    expect(first.rows.tables?.upserts[0]).not.toHaveProperty('qrToken');

    openWithLine(outbox, catalog);
    await client.sync.push.mutate(outbox.push());
    const next = await pull(client, outbox, first.cursor);
    expect(next.cursor).toBe(first.cursor + 1);
    expect(Object.keys(next.rows).sort()).toEqual(['orderLines', 'orders']);
    expect(next.rows.orders?.upserts[0]).toMatchObject({ version: next.cursor, totalMinor: 350 });
    expect(await pull(client, outbox, next.cursor)).toMatchObject({ rows: {}, rejections: [] });
  });

  it('[S5] deletes arrive as tombstones with the clock value of the delete', async () => {
    const { client, outbox } = await tablet();
    const { cursor } = await pull(client, outbox, 0);
    const garlic = itemId(catalog, 'Garlic bread');
    const version = await test.db.transaction(async (tx) => {
      const stamp = await advanceClock(tx, venue.venue.id);
      await tx.query('UPDATE menu_items SET deleted_at = now(), version = $2 WHERE id = $1', [
        garlic,
        stamp,
      ]);
      await tx.query(
        `UPDATE menu_item_modifier_groups SET deleted_at = now(), version = $2
          WHERE item_id = $1`,
        [itemId(catalog, 'Gin'), stamp],
      );
      return stamp;
    });
    const after = await pull(client, outbox, cursor);
    expect(after.rows.menuItems).toEqual({ upserts: [], tombstones: [{ id: garlic, version }] });
    expect(after.rows.menuItemModifierGroups?.tombstones).toEqual([
      { itemId: itemId(catalog, 'Gin'), groupId: expect.any(String), version },
    ]);
    const fresh = await pull(client, outbox, 0);
    expect(fresh.rows.menuItems?.upserts.map((item) => item.id)).not.toContain(garlic);
  });

  it('[S6] carries the client’s lastMutationId with the rows of every mutation it counts', async () => {
    const { client, outbox } = await tablet();
    const { cursor } = await pull(client, outbox, 0);
    const { orderId } = openWithLine(outbox, catalog, 'Tea');
    outbox.add('order.send', { orderId: orderId as never });
    await client.sync.push.mutate(outbox.push());
    const result = await pull(client, outbox, cursor);
    expect(result.lastMutationId).toBe(3);
    expect(result.rows.orderLines?.upserts).toEqual([
      expect.objectContaining({ orderId, status: 'sent', sentAt: outbox.clientTime }),
    ]);
  });

  it('[S5][S11] a first pull carries open orders and the last two business days, not years of history', async () => {
    const pushAll = async (client: TrpcClient, request: PushRequest) =>
      expect(await client.sync.push.mutate(request)).toMatchObject({ rejected: 0 });
    const closeOut = (outbox: Outbox, orderId: string, amount: number) => {
      outbox.add(
        'payment.record',
        {
          method: 'cash',
          paymentId: uuidv7() as never,
          orderId: orderId as never,
          amountMinor: amount as never,
        },
        { staffId: catalog.staff.cashier },
      );
      outbox.add('order.close', { orderId: orderId as never });
    };
    // Offline for years: a tablet syncing late keeps its own clock for the business day (S11).
    const old = await tablet('2024-01-05T20:00:00.000Z');
    const oldClosed = openWithLine(old.outbox, catalog);
    closeOut(old.outbox, oldClosed.orderId, 350);
    const oldOpen = openWithLine(old.outbox, catalog, 'Tea');
    await pushAll(old.client, old.outbox.push());
    // 02:30 in Paris is before the 04:00 cut-off: still the 18th's business day.
    const yesterday = await tablet('2026-11-19T01:30:00.000Z');
    const lateNight = openWithLine(yesterday.outbox, catalog);
    closeOut(yesterday.outbox, lateNight.orderId, 350);
    await pushAll(yesterday.client, yesterday.outbox.push());
    const today = await tablet();
    const lunch = openWithLine(today.outbox, catalog);
    closeOut(today.outbox, lunch.orderId, 350);
    await pushAll(today.client, today.outbox.push());

    const { rows: days } = await test.db.query<{ id: string; business_day: string }>(
      'SELECT id, business_day::text FROM orders WHERE id = ANY($1::uuid[])',
      [[oldClosed.orderId, lateNight.orderId]],
    );
    expect(Object.fromEntries(days.map((d) => [d.id, d.business_day]))).toEqual({
      [oldClosed.orderId]: '2024-01-05',
      [lateNight.orderId]: '2026-11-18',
    });

    const reader = await tablet();
    const first = await pull(reader.client, reader.outbox, 0);
    const orderIds = first.rows.orders?.upserts.map((order) => order.id) ?? [];
    expect(orderIds).toEqual(expect.arrayContaining([oldOpen.orderId, lunch.orderId]));
    expect(orderIds).not.toContain(oldClosed.orderId);
    expect(orderIds).not.toContain(lateNight.orderId); // the 18th is two business days ago
    expect(first.rows.orderLines?.upserts.map((l) => l.id)).not.toContain(oldClosed.lineId);
    expect(first.rows.payments?.upserts.every((p) => orderIds.includes(p.orderId))).toBe(true);
  });

  it('never sends a table’s QR token; staff carry their PIN hash but no lock-out state', async () => {
    const { client, outbox } = await tablet();
    const first = await pull(client, outbox, 0);
    expect(first.rows.tables?.upserts).toHaveLength(12);
    for (const table of first.rows.tables?.upserts ?? [])
      expect(table).not.toHaveProperty('qrToken');
    for (const person of first.rows.staff?.upserts ?? []) {
      expect(person.pinHash).toMatch(/^scrypt\$/);
      expect(Object.keys(person)).not.toContain('failedPinAttempts');
      expect(Object.keys(person)).not.toContain('lockedUntil');
    }
    expect(JSON.stringify(first)).not.toContain(venue.tables[0]!.qrToken);
    expect(first.rows.venues?.upserts[0]).not.toHaveProperty('stripeCustomerId');
  });

  it('[S10] another protocol version is told version_mismatch, whatever the shape of its request', async () => {
    const { client, outbox } = await tablet();
    const old = { protocolVersion: 99, client: outbox.clientId, batch: [{ op: 'x' }] };
    for (const answer of [
      await client.sync.push.mutate(old as never),
      await client.sync.pull.query(old as never),
    ]) {
      expect(answer).toEqual({
        status: 'version_mismatch',
        serverProtocolVersion: PROTOCOL_VERSION,
        message: expect.stringMatching(/Reload to update the app/),
      });
    }
    const malformed = await failure(
      client.sync.pull.query({
        protocolVersion: PROTOCOL_VERSION,
        clientId: 'nope',
        cursor: -1,
      } as never),
    );
    expect(malformed).toMatchObject({
      httpStatus: 400,
      message: expect.stringMatching(/clientId.*cursor|cursor.*clientId/),
    });
  });
});
