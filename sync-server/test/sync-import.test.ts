import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { failure, pairAndSignIn } from './support/clients.ts';
import {
  clientRow,
  loadCatalog,
  openWithLine,
  orderState,
  Outbox,
  type Catalog,
} from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('sync.importOutbox and revoked tablets (S7)', () => {
  let test: TestDb;
  let server: TestServer;
  let venue: DemoSeed;
  let other: DemoSeed;
  let catalog: Catalog;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };
  const staffOf = (seed: DemoSeed, role: string) => seed.staff.find((s) => s.role === role)!;

  async function device(seed: DemoSeed, role?: string) {
    const { code } = await createPairingCode(test.db, seed.venue.id, { now: clock.now() });
    return pairAndSignIn(server.url, code, role ? staffOf(seed, role) : undefined);
  }

  beforeAll(async () => {
    test = await createTestDb();
    venue = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: clock.now() });
    other = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'other',
    });
    catalog = await loadCatalog(test.db, venue.venue.id);
    server = await startTestServer(test.db, { clock });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('[S7] a manager imports a revoked tablet’s outbox: applied exactly once, orders still the tablet’s', async () => {
    const tablet = await device(venue);
    const manager = await device(venue, 'manager');
    const outbox = new Outbox(tablet.letter, catalog.staff.waiter);
    openWithLine(outbox, catalog);
    await tablet.client.sync.push.mutate(outbox.push());
    await manager.client.devices.revoke.mutate({ deviceId: tablet.deviceId });
    const { orderId } = openWithLine(outbox, catalog, 'Tea');
    outbox.addRaw('order.addLine', {
      orderId,
      lineId: uuidv7(),
      itemId: uuidv7(),
      quantity: 1,
      modifierOptionIds: [],
    });
    expect(await tablet.client.sync.push.mutate(outbox.push(3))).toMatchObject({
      status: 'device_revoked',
    });

    // The exported file holds the whole outbox, confirmed entries included.
    const file = { clientId: outbox.clientId, deviceId: tablet.deviceId, mutations: outbox.all };
    const imported = await manager.client.sync.importOutbox.mutate(file);
    expect(imported).toEqual({
      status: 'ok',
      lastMutationId: 5,
      applied: 2,
      skipped: 2,
      rejected: 1,
      rejections: [expect.objectContaining({ mutationId: 5, reason: 'unknown_item' })],
    });
    const state = await orderState(test.db, venue.venue.id);
    expect(await manager.client.sync.importOutbox.mutate(file)).toMatchObject({
      applied: 0,
      skipped: 5,
    });
    expect(await orderState(test.db, venue.venue.id)).toEqual(state);

    const { rows } = await test.db.query<{ device_id: string }>(
      'SELECT device_id FROM orders WHERE id = $1',
      [orderId],
    );
    expect(rows[0]!.device_id).toBe(tablet.deviceId);
    expect(await clientRow(test.db, venue.venue.id, outbox.clientId)).toMatchObject({
      last_mutation_id: 5,
      pending_mutations: 0,
      device_id: tablet.deviceId,
    });
    const { rows: audit } = await test.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE venue_id = $1 AND action = 'sync.outbox_imported'",
      [venue.venue.id],
    );
    expect(audit).toHaveLength(2);
  });

  it('[S7] an outbox the server never heard of is imported for the tablet named in the file', async () => {
    const tablet = await device(venue);
    const manager = await device(venue, 'owner');
    const outbox = new Outbox(tablet.letter, catalog.staff.waiter);
    const { orderId } = openWithLine(outbox, catalog);
    expect(
      await manager.client.sync.importOutbox.mutate({
        clientId: outbox.clientId,
        deviceId: tablet.deviceId,
        mutations: outbox.all,
      }),
    ).toMatchObject({ status: 'ok', applied: 2 });
    const { rows } = await test.db.query<{ device_id: string }>(
      'SELECT device_id FROM orders WHERE id = $1',
      [orderId],
    );
    expect(rows[0]!.device_id).toBe(tablet.deviceId);
  });

  it('[S7] only a manager of the venue imports: a waiter is refused, another venue’s device is not found', async () => {
    const tablet = await device(venue);
    const waiter = await device(venue, 'waiter');
    const outbox = new Outbox(tablet.letter, catalog.staff.waiter);
    openWithLine(outbox, catalog);
    const file = { clientId: outbox.clientId, deviceId: tablet.deviceId, mutations: outbox.all };
    expect(await failure(waiter.client.sync.importOutbox.mutate(file))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const otherManager = await device(other, 'manager');
    expect(await failure(otherManager.client.sync.importOutbox.mutate(file))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such device at this venue.',
    });
    expect(await clientRow(test.db, venue.venue.id, outbox.clientId)).toBeUndefined();
  });

  it('[S7] a tablet paired again after revocation sends its outbox under the same client; a live tablet’s client cannot be taken', async () => {
    const first = await device(venue);
    const manager = await device(venue, 'manager');
    const outbox = new Outbox(first.letter, catalog.staff.waiter);
    openWithLine(outbox, catalog);
    await first.client.sync.push.mutate(outbox.push(1, 1));

    const intruder = await device(venue);
    expect(await failure(intruder.client.sync.push.mutate(outbox.push()))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/another paired tablet/),
    });

    await manager.client.devices.revoke.mutate({ deviceId: first.deviceId });
    const again = await device(venue);
    expect(await again.client.sync.push.mutate(outbox.push())).toMatchObject({
      status: 'ok',
      applied: 1,
      skipped: 1,
    });
    expect((await clientRow(test.db, venue.venue.id, outbox.clientId))?.device_id).toBe(
      again.deviceId,
    );
  });
});
