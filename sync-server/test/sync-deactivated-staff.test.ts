import { PROTOCOL_VERSION } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn, type TrpcClient } from './support/clients.ts';
import { loadCatalog, openWithLine, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * A tablet offline while a manager deactivated a waiter: what the waiter did before the
 * deactivation still syncs (S11, judged at each mutation's clientTime), so cash they took is
 * recorded; what they did after it is rejected.
 */
describe('sync.push: staff deactivated while a tablet was offline', () => {
  let test: TestDb;
  let server: TestServer;
  let venue: DemoSeed;
  let catalog: Catalog;
  // The server's clock: the manager deactivates the waiter at 12:00.
  const clock = { now: () => Date.parse('2026-11-20T12:00:00.000Z') };
  const BEFORE = '2026-11-20T11:30:00.000Z';
  const AFTER = '2026-11-20T12:30:00.000Z';

  async function pair(staff?: { id: string; pin: string }): Promise<{
    client: TrpcClient;
    letter: string;
  }> {
    const { code } = await createPairingCode(test.db, venue.venue.id, { now: clock.now() });
    return pairAndSignIn(server.url, code, staff);
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

  it('applies the order, line and cash payment made before the deactivation; rejects one made after', async () => {
    const waiter = catalog.staff.waiter;
    const tablet = await pair();
    // Everything this tablet queued while offline, by the waiter, at 11:30.
    const outbox = new Outbox(tablet.letter, waiter, BEFORE);
    const { orderId } = openWithLine(outbox, catalog, 'Cola', 2);
    const paymentId = uuidv7();
    outbox.add('payment.record', {
      method: 'cash',
      paymentId: paymentId as never,
      orderId: orderId as never,
      amountMinor: 700 as never,
    });
    // …and one made at 12:30, after the deactivation.
    const late = outbox.add('order.open', {
      kind: 'takeaway',
      orderId: uuidv7() as never,
      number: outbox.nextNumber(),
      covers: 1,
    });
    outbox.all[outbox.all.length - 1] = { ...late, clientTime: AFTER };

    const manager = venue.staff.find((person) => person.role === 'manager')!;
    const back = await pair(manager);
    const off = await back.client.backoffice.staff.deactivate.mutate({ staffId: waiter });
    expect(off.active).toBe(false);
    const { rows: staffRows } = await test.db.query<{ active: boolean; deactivated_at: Date }>(
      'SELECT active, deactivated_at FROM staff WHERE id = $1',
      [waiter],
    );
    expect(staffRows[0]?.active).toBe(false);
    expect(staffRows[0]?.deactivated_at.toISOString()).toBe('2026-11-20T12:00:00.000Z');

    const result = await tablet.client.sync.push.mutate(outbox.push());
    expect(result).toEqual({
      status: 'ok',
      lastMutationId: 4,
      applied: 3,
      skipped: 0,
      rejected: 1,
    });

    const { rows: payments } = await test.db.query<{
      method: string;
      amount_minor: number;
      recorded_by: string;
    }>('SELECT method, amount_minor, recorded_by FROM payments WHERE id = $1', [paymentId]);
    expect(payments).toEqual([{ method: 'cash', amount_minor: 700, recorded_by: waiter }]);
    const { rows: orders } = await test.db.query<{
      status: string;
      paid_minor: number;
      opened_by: string;
    }>('SELECT status, paid_minor, opened_by FROM orders WHERE venue_id = $1', [venue.venue.id]);
    expect(orders).toEqual([{ status: 'paid', paid_minor: 700, opened_by: waiter }]);

    const pulled = await tablet.client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: outbox.clientId,
      cursor: 0,
      pendingCount: 0,
    });
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    expect(pulled.rejections).toEqual([
      expect.objectContaining({ mutationId: 4, name: 'order.open', reason: 'unknown_staff' }),
    ]);
    // Tablets learn the deactivation instant through sync (staff rows are RowOf<'staff'>).
    expect(pulled.rows.staff?.upserts.find((row) => row.id === waiter)).toMatchObject({
      active: false,
      deactivatedAt: '2026-11-20T12:00:00.000Z',
    });

    // Reactivating clears the instant.
    await back.client.backoffice.staff.reactivate.mutate({ staffId: waiter });
    const { rows: again } = await test.db.query<{ deactivated_at: Date | null }>(
      'SELECT deactivated_at FROM staff WHERE id = $1',
      [waiter],
    );
    expect(again).toEqual([{ deactivated_at: null }]);
  });
});
