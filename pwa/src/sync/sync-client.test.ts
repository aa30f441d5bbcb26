import {
  PROTOCOL_VERSION,
  type LineId,
  type OrderId,
  type PaymentId,
  type StaffId,
} from '@servio/shared';
import { TRPCClientError } from '@trpc/client';
import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { ServioDb } from '../data/db.ts';
import { readMeta, type SyncReport } from '../data/meta.ts';
import { mutateIn, nextOrderNumberIn } from '../data/mutate.ts';
import {
  MemorySyncServer,
  networkError,
  pairedTablet,
  type ConnectionFaults,
} from './testing/memory-sync-server.ts';
import { acknowledgeNotice } from './notices.ts';
import { buildOutboxFile } from './outbox-file.ts';
import { SyncClient } from './sync-client.ts';

async function tablet(
  server: MemorySyncServer,
  options: { letter?: string; staffId?: StaffId; faults?: ConnectionFaults } = {},
) {
  const paired = await pairedTablet(server, options);
  const client = new SyncClient({
    db: paired.db,
    api: server.connect(paired.device.deviceId, options.faults),
  });
  await client.syncOnce();
  return { ...paired, client };
}

async function openWithCola(db: ServioDb, server: MemorySyncServer, quantity = 1) {
  const orderId = server.fx.newId() as OrderId;
  const lineId = server.fx.newId() as LineId;
  const opened = await mutateIn(db, 'order.open', {
    kind: 'table',
    orderId,
    number: await nextOrderNumberIn(db),
    tableId: server.fx.tables.t1,
    covers: 2,
  });
  const added = await mutateIn(db, 'order.addLine', {
    orderId,
    lineId,
    itemId: server.fx.items.cola,
    quantity,
    modifierOptionIds: [],
  });
  expect([opened.ok, added.ok]).toEqual([true, true]);
  return { orderId, lineId };
}

async function addCola(db: ServioDb, server: MemorySyncServer, orderId: OrderId) {
  const lineId = server.fx.newId() as LineId;
  const result = await mutateIn(db, 'order.addLine', {
    orderId,
    lineId,
    itemId: server.fx.items.cola,
    quantity: 1,
    modifierOptionIds: [],
  });
  expect(result.ok).toBe(true);
  return lineId;
}

/** What the tRPC client throws when the server answers with an HTTP 500. */
function serverError(): Error {
  return new TRPCClientError('Internal server error', {
    result: {
      error: {
        code: -32603,
        message: 'Internal server error',
        data: { httpStatus: 500, code: 'INTERNAL_SERVER_ERROR' },
      },
    },
  });
}

/**
 * Make this database's `sync` report writes fail (as a full disk would) whenever `fails` says
 * so for the phase being written.
 */
function failSyncReports(db: ServioDb, fails: (phase: SyncReport['phase']) => boolean) {
  const put = db.meta.put.bind(db.meta);
  vi.spyOn(db.meta, 'put').mockImplementation(((entry: { key: string; value: unknown }) => {
    const phase = (entry.value as Partial<SyncReport> | undefined)?.phase;
    if (entry.key === 'sync' && phase && fails(phase)) {
      return Promise.reject(new Error('Disk is full'));
    }
    return put(entry as never);
  }) as never);
}

/** A client that records its timers instead of running them. */
function timedClient(db: ServioDb, api: ReturnType<MemorySyncServer['connect']>) {
  const delays: number[] = [];
  const timers: (() => void)[] = [];
  const client = new SyncClient({
    db,
    api,
    random: () => 0.5,
    setTimeout: (callback, ms) => {
      delays.push(ms);
      timers.push(callback);
      return timers.length;
    },
    clearTimeout: () => undefined,
  });
  return { client, delays, timers };
}

const strip = <T extends { version: number }>(rows: T[]) =>
  rows
    .map(({ version: _version, ...rest }) => rest)
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('sync client', () => {
  it('[S5] the first pull brings the venue, its staff (with PIN hashes), tables and menu', async () => {
    const server = new MemorySyncServer();
    const { db } = await tablet(server);
    expect(await db.venues.get(server.venue.id)).toMatchObject({ name: 'Test Bistro' });
    expect(await db.staff.count()).toBe(server.rows('staff').length);
    expect((await db.staff.get(server.fx.staff.manager))?.pinHash).toBeTruthy();
    expect(await db.diningTables.count()).toBe(2);
    expect(await db.menuItems.count()).toBe(4);
    expect(
      await db.menuItemModifierGroups.where('itemId').equals(server.fx.items.burger).count(),
    ).toBe(2);
    expect(await readMeta(db, 'cursor')).toBe(server.clock);
  });

  it('[S2][S6] pushes the outbox in order, drops confirmed entries and holds the server’s rows', async () => {
    const server = new MemorySyncServer();
    const { db, client } = await tablet(server);
    for (let i = 0; i < 5; i += 1) await openWithCola(db, server, i + 1);
    expect(await db.outbox.count()).toBe(10);

    const outcome = await client.syncOnce();
    expect(outcome).toMatchObject({ pushed: 10, confirmed: 10, pending: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(server.rows('orders')).toHaveLength(5);
    // The tablet shows exactly the server's rows, versions included.
    expect(await db.orders.orderBy('id').toArray()).toEqual(server.rows('orders'));
    expect(await db.orderLines.orderBy('id').toArray()).toEqual(server.rows('orderLines'));
  });

  it('[S3] a push whose answer was lost is sent again and applied once', async () => {
    const server = new MemorySyncServer();
    let loseAnswer = true;
    const { db, client } = await tablet(server, {
      faults: {
        afterPush: () => {
          if (loseAnswer) {
            loseAnswer = false;
            throw networkError();
          }
        },
      },
    });
    const { orderId } = await openWithCola(db, server, 2);
    await mutateIn(db, 'payment.record', {
      method: 'cash',
      paymentId: server.fx.newId() as PaymentId,
      orderId,
      amountMinor: 700 as never,
    });

    await expect(client.syncOnce()).rejects.toThrow(/could not be reached/);
    // The server applied it; the tablet does not know and keeps the outbox (S7).
    expect(server.rows('payments')).toHaveLength(1);
    expect(await db.outbox.count()).toBe(3);

    await client.syncOnce();
    expect(server.rows('orders')).toHaveLength(1);
    expect(server.rows('orderLines')).toHaveLength(1);
    expect(server.rows('payments')).toHaveLength(1);
    expect(server.rows('orders')[0]).toMatchObject({ paidMinor: 700, status: 'paid' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('[S6] rebases pending changes on the server’s new rows, and a confirmed change never disappears', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B' });
    const { orderId } = await openWithCola(a.db, server);
    await a.client.syncOnce();
    await b.client.syncOnce();

    // B adds a line and syncs; A, offline, adds its own line.
    await addCola(b.db, server, orderId);
    await b.client.syncOnce();
    const pendingLine = await addCola(a.db, server, orderId);

    // Watch what A's screens would see while the pull lands.
    const seen: number[] = [];
    const watch = liveQuery(() =>
      a.db.orderLines.where('orderId').equals(orderId).count(),
    ).subscribe((count) => seen.push(count));
    const pull = await a.client.syncOnce();
    watch.unsubscribe();

    expect(pull.confirmed).toBe(1);
    expect(await a.db.orderLines.where('orderId').equals(orderId).count()).toBe(3);
    expect(await a.db.orderLines.get(pendingLine)).toBeTruthy();
    // Never fewer lines than before the pull: nothing confirmed or pending vanished meanwhile.
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(2);
    expect((await a.db.orders.get(orderId))?.subtotalMinor).toBe(3 * 350);
    expect(strip(await a.db.orderLines.toArray())).toEqual(strip(server.rows('orderLines')));
  });

  it('[S6] a pull while changes are still unpushed keeps them on screen and in the outbox', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B' });
    const { orderId } = await openWithCola(a.db, server);
    await a.client.syncOnce();
    await b.client.syncOnce();
    // A adds a line but only pulls (its push fails); meanwhile B's line reaches the server.
    const pendingLine = await addCola(a.db, server, orderId);
    await addCola(b.db, server, orderId);
    await b.client.syncOnce();

    const pulled = await server.pull(
      {
        protocolVersion: 1,
        clientId: (await readMeta(a.db, 'clientId'))!,
        cursor: (await readMeta(a.db, 'cursor'))!,
        pendingCount: 1,
      },
      a.device.deviceId,
    );
    const { applyPull } = await import('./apply-pull.ts');
    if (pulled.status !== 'ok') throw new Error('pull failed');
    const applied = await applyPull(a.db, pulled);
    expect(applied).toMatchObject({ confirmed: 0, rebased: 1, refusedLocally: 0 });
    expect(await a.db.orderLines.where('orderId').equals(orderId).count()).toBe(3);
    expect(await a.db.orderLines.get(pendingLine)).toBeTruthy();
    expect(await a.db.outbox.count()).toBe(1);
    // The order's totals are the rules' result over server rows plus the pending line.
    expect((await a.db.orders.get(orderId))?.subtotalMinor).toBe(3 * 350);
  });

  it('[S8] an older pull answer that arrives after a newer one was applied changes nothing', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B' });
    const clientId = (await readMeta(a.db, 'clientId'))!;
    const askedAt = (await readMeta(a.db, 'cursor'))!;
    // A slow cycle asks from the current cursor…
    const older = await server.pull(
      { protocolVersion: 1, clientId, cursor: askedAt, pendingCount: 0 },
      a.device.deviceId,
    );
    if (older.status !== 'ok') throw new Error('pull failed');
    // …while another cycle brings B's new order in and moves the cursor on.
    const { orderId } = await openWithCola(b.db, server);
    await b.client.syncOnce();
    await a.client.syncOnce();
    const cursor = (await readMeta(a.db, 'cursor'))!;
    expect(cursor).toBeGreaterThan(askedAt);

    const { applyPull } = await import('./apply-pull.ts');
    const applied = await applyPull(a.db, older, undefined, { cursor: askedAt, clientId });
    expect(applied.stale).toBe(true);
    expect(await readMeta(a.db, 'cursor')).toBe(cursor);
    expect(await a.db.orders.get(orderId)).toBeTruthy();
  });

  it('[S4] a change the server refuses becomes a notice on its order for the person who made it, and its effect goes', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B', staffId: server.fx.staff.cashier });
    const { orderId } = await openWithCola(a.db, server);
    await a.client.syncOnce();
    await b.client.syncOnce();

    // B takes the full payment; A, not yet knowing, adds two colas.
    await mutateIn(b.db, 'payment.record', {
      method: 'cash',
      paymentId: server.fx.newId() as PaymentId,
      orderId,
      amountMinor: 350 as never,
    });
    await b.client.syncOnce();
    const refusedLine = await addCola(a.db, server, orderId);

    const outcome = await a.client.syncOnce();
    expect(outcome.rejections).toBe(1);
    expect(await a.db.orderLines.get(refusedLine)).toBeUndefined();
    expect((await a.db.orders.get(orderId))?.status).toBe('paid');
    expect(await a.db.outbox.count()).toBe(0);

    const notices = await a.db.notices
      .where('[orderId+acknowledged]')
      .equals([orderId, 0])
      .toArray();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      orderId,
      attempted: 'Add 1 × Cola',
      reason: 'order_not_editable',
      staffId: server.fx.staff.waiter,
    });
    // B made no refused change: nothing to tell there.
    expect(await b.db.notices.count()).toBe(0);

    // The same pull again (a retried response) makes no second notice.
    await a.db.meta.put({ key: 'cursor', value: 0 });
    await a.client.syncOnce();
    expect(await a.db.notices.count()).toBe(1);

    await acknowledgeNotice(notices[0]!.id, a.db);
    expect(await a.db.notices.where('[orderId+acknowledged]').equals([orderId, 0]).count()).toBe(0);
  });

  it('[S2] a long offline outbox goes in batches and arrives whole', async () => {
    const server = new MemorySyncServer();
    const { db, client } = await tablet(server);
    const { orderId } = await openWithCola(db, server);
    for (let i = 0; i < 30; i += 1) {
      await mutateIn(db, 'order.setCovers', { orderId, covers: i + 1 });
    }
    await client.syncOnce();
    expect(await db.outbox.count()).toBe(0);
    expect(server.rows('orders')[0]?.covers).toBe(30);
  });

  it('retries failures with exponential backoff and jitter, and says when', async () => {
    const server = new MemorySyncServer();
    const paired = await pairedTablet(server);
    const delays: number[] = [];
    let down = true;
    const timers: (() => void)[] = [];
    const client = new SyncClient({
      db: paired.db,
      api: server.connect(paired.device.deviceId, {
        beforePull: () => {
          if (down) throw networkError();
        },
      }),
      random: () => 0.5,
      setTimeout: (callback, ms) => {
        delays.push(ms);
        timers.push(callback);
        return timers.length;
      },
      clearTimeout: () => undefined,
    });
    const stop = client.start();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect.poll(() => delays.length).toBe(attempt + 1);
      timers[attempt]!();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    const report = await readMeta(paired.db, 'sync');
    expect(report).toMatchObject({
      phase: 'failing',
      error: expect.stringMatching(/could not be reached/),
    });
    expect(report?.retryAt).toBeTruthy();

    down = false;
    client.reconnected();
    await expect.poll(async () => (await readMeta(paired.db, 'sync'))?.phase).toBe('idle');
    expect(await readMeta(paired.db, 'sync')).toMatchObject({ error: null, retryAt: null });
    stop();
  });

  it('keeps syncing when the “syncing” report cannot be stored: the cycle fails, retries and recovers', async () => {
    const server = new MemorySyncServer();
    const paired = await pairedTablet(server);
    let diskFull = true;
    failSyncReports(paired.db, (phase) => diskFull && phase === 'syncing');
    const { client, delays, timers } = timedClient(
      paired.db,
      server.connect(paired.device.deviceId),
    );
    const stop = client.start();
    // The failed cycle is over (not stuck) and a retry is armed with backoff.
    await expect.poll(() => delays).toEqual([1000]);
    expect(await readMeta(paired.db, 'sync')).toMatchObject({
      phase: 'failing',
      error: 'Disk is full',
    });
    expect(await paired.db.staff.count()).toBe(0);

    diskFull = false;
    timers[0]!();
    await expect.poll(async () => (await readMeta(paired.db, 'sync'))?.phase).toBe('idle');
    expect(await paired.db.staff.count()).toBe(server.rows('staff').length);
    // A later request is not swallowed by a stuck cycle either.
    const { orderId } = await openWithCola(paired.db, server);
    client.requestSync();
    await expect.poll(() => server.rows('orders').map((order) => order.id)).toEqual([orderId]);
    stop();
  });

  it('still arms the retry when the failure itself cannot be reported', async () => {
    const server = new MemorySyncServer();
    const paired = await pairedTablet(server);
    failSyncReports(paired.db, (phase) => phase === 'failing');
    let down = true;
    const { client, delays, timers } = timedClient(
      paired.db,
      server.connect(paired.device.deviceId, {
        beforePull: () => {
          if (down) throw networkError();
        },
      }),
    );
    const stop = client.start();
    await expect.poll(() => delays).toEqual([1000]);
    down = false;
    timers[0]!();
    await expect.poll(async () => (await readMeta(paired.db, 'sync'))?.phase).toBe('idle');
    expect(await paired.db.staff.count()).toBe(server.rows('staff').length);
    stop();
  });

  it('pulls other tablets’ changes even while the server fails on this tablet’s push every time', async () => {
    const server = new MemorySyncServer();
    let pushFails = false;
    const a = await tablet(server, {
      letter: 'A',
      faults: {
        beforePush: () => {
          if (pushFails) throw serverError();
        },
      },
    });
    const b = await tablet(server, { letter: 'B' });
    pushFails = true;
    const stuck = await openWithCola(a.db, server);
    const other = await openWithCola(b.db, server);
    await b.client.syncOnce();

    // The cycle still fails (so it retries with backoff and shows why)…
    await expect(a.client.syncOnce()).rejects.toThrow(/server failed \(500\)/);
    // …but B's order arrived, and A's unsynced change is still on screen and in the outbox.
    expect(await a.db.orders.get(other.orderId)).toMatchObject({ id: other.orderId });
    expect(await a.db.orders.get(stuck.orderId)).toBeTruthy();
    expect(await a.db.outbox.count()).toBe(2);
    expect(server.rows('orders').map((order) => order.id)).toEqual([other.orderId]);

    pushFails = false;
    await a.client.syncOnce();
    expect(await a.db.outbox.count()).toBe(0);
    expect(server.rows('orders')).toHaveLength(2);
  });

  it('does not pull past a push the server blocks', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B' });
    const api = server.connect(a.device.deviceId);
    let pulls = 0;
    const client = new SyncClient({
      db: a.db,
      api: {
        ...api,
        push: async () => ({
          status: 'device_revoked',
          message: 'This device was revoked by a manager.',
        }),
        pull: async (request, signal) => {
          pulls += 1;
          return api.pull(request, signal);
        },
      },
    });
    await openWithCola(a.db, server);
    await openWithCola(b.db, server);
    await b.client.syncOnce();
    await expect(client.syncOnce()).rejects.toThrow('revoked');
    expect(pulls).toBe(0);
    expect(await a.db.orders.count()).toBe(1);
  });

  it('[S9] pulls when poked with a newer clock', async () => {
    const server = new MemorySyncServer();
    const a = await tablet(server, { letter: 'A' });
    const b = await tablet(server, { letter: 'B' });
    const stop = b.client.start();
    const { orderId } = await openWithCola(a.db, server);
    await a.client.syncOnce();
    await expect.poll(() => b.db.orders.get(orderId)).toBeTruthy();
    stop();
  });

  it('[S7] exports the unsynced outbox as a file the server’s import accepts, and keeps it', async () => {
    const server = new MemorySyncServer();
    const { db, device } = await tablet(server);
    await openWithCola(db, server);
    const file = await buildOutboxFile(db, () => new Date('2025-03-10T12:00:00Z'));
    expect(file).toMatchObject({
      protocolVersion: PROTOCOL_VERSION,
      clientId: await readMeta(db, 'clientId'),
      deviceId: device.deviceId,
      letter: 'A',
    });
    expect(file?.mutations.map((m) => m.id)).toEqual([1, 2]);
    expect(await db.outbox.count()).toBe(2);
    // What the server's import does with it: the same push path.
    const result = await server.push(
      {
        protocolVersion: 1,
        clientId: file!.clientId as never,
        mutations: file!.mutations,
        pendingCount: 2,
      },
      device.deviceId,
    );
    expect(result).toMatchObject({ status: 'ok', applied: 2 });
  });

  it('stops syncing when the device is revoked, and says so', async () => {
    const server = new MemorySyncServer();
    const paired = await pairedTablet(server);
    const api = server.connect(paired.device.deviceId);
    const client = new SyncClient({
      db: paired.db,
      api: {
        ...api,
        pull: async () => ({
          status: 'device_revoked',
          message: 'This device was revoked by a manager.',
        }),
      },
    });
    await expect(client.syncOnce()).rejects.toThrow('revoked');
    expect(await readMeta(paired.db, 'syncBlock')).toMatchObject({ kind: 'device_revoked' });
    await expect(client.syncOnce()).rejects.toThrow('revoked');
  });
});
