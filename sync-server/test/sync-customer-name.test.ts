import { PROTOCOL_VERSION, PullResultSchema, PushResultSchema } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn, type TrpcClient } from './support/clients.ts';
import { clockOf, loadCatalog, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('sync: order.setCustomerName', () => {
  let test: TestDb;
  let server: TestServer;
  let venue: DemoSeed;
  let catalog: Catalog;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  async function tablet(): Promise<{ client: TrpcClient; outbox: Outbox }> {
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: clock.now() });
    const paired = await pairAndSignIn(server.url, code);
    return { client: paired.client, outbox: new Outbox(paired.letter, catalog.staff.waiter) };
  }

  async function pull(
    client: TrpcClient,
    outbox: Outbox,
    cursor: number,
    protocolVersion = PROTOCOL_VERSION,
  ) {
    return PullResultSchema.parse(
      await client.sync.pull.query({
        protocolVersion,
        clientId: outbox.clientId as never,
        cursor,
        pendingCount: 0,
      }),
    );
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

  it('a name given on one tablet reaches the other tablet’s pull, and is stored in customer_name', async () => {
    const a = await tablet();
    const b = await tablet();
    const since = await clockOf(test.db, venue.venue.id);

    const orderId = uuidv7();
    a.outbox.add('order.open', {
      kind: 'takeaway',
      orderId: orderId as never,
      number: a.outbox.nextNumber(),
      covers: 0,
    });
    a.outbox.add('order.setCustomerName', { orderId: orderId as never, name: '  Ada  ' });
    a.outbox.addRaw('order.setCustomerName', { orderId, name: '   ' });
    const pushed = PushResultSchema.parse(await a.client.sync.push.mutate(a.outbox.push()));
    expect(pushed).toEqual({
      status: 'ok',
      lastMutationId: 3,
      applied: 2,
      skipped: 0,
      rejected: 1,
    });

    const { rows } = await test.db.query<{ customer_name: string | null }>(
      'SELECT customer_name FROM orders WHERE id = $1',
      [orderId],
    );
    expect(rows).toEqual([{ customer_name: 'Ada' }]);

    const pulled = await pull(b.client, b.outbox, since);
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    expect(pulled.rows.orders?.upserts).toEqual([
      expect.objectContaining({ id: orderId, kind: 'takeaway', customerName: 'Ada' }),
    ]);

    // Clearing it travels the same way.
    a.outbox.add('order.setCustomerName', { orderId: orderId as never, name: null });
    const afterName = await clockOf(test.db, venue.venue.id);
    await a.client.sync.push.mutate(a.outbox.push(4));
    const cleared = await pull(b.client, b.outbox, afterName);
    if (cleared.status !== 'ok') throw new Error(`pull answered ${cleared.status}`);
    expect(cleared.rows.orders?.upserts).toEqual([
      expect.objectContaining({ id: orderId, customerName: null }),
    ]);
  });

  it('[S10] a tablet still on protocol 1 is not cut off by the new mutation: its pull is answered', async () => {
    const older = await tablet();
    const answer = await pull(older.client, older.outbox, 0, 1);
    expect(answer.status).toBe('ok');
  });
});
