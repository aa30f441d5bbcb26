import type { LineId, MenuItemId, OrderId } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import { MemorySyncServer, pairedTablet } from '../sync/testing/memory-sync-server.ts';
import { SyncClient } from '../sync/sync-client.ts';
import { mutateIn, nextOrderNumberIn } from './mutate.ts';
import { readMeta } from './meta.ts';
import type { ServioDb } from './db.ts';

/** A tablet with the venue synced (first pull done). */
async function syncedTablet(server = new MemorySyncServer()) {
  const tablet = await pairedTablet(server);
  const client = new SyncClient({ db: tablet.db, api: server.connect(tablet.device.deviceId) });
  await client.syncOnce();
  return { server, ...tablet, client };
}

async function openOrder(db: ServioDb, server: MemorySyncServer) {
  const orderId = server.fx.newId() as OrderId;
  const result = await mutateIn(db, 'order.open', {
    kind: 'table',
    orderId,
    number: await nextOrderNumberIn(db),
    tableId: server.fx.tables.t1,
    covers: 2,
  });
  expect(result.ok).toBe(true);
  return orderId;
}

describe('mutate', () => {
  it('[S1] applies the change and queues the mutation in one transaction, ids increasing by one', async () => {
    const { db, server } = await syncedTablet();
    const orderId = await openOrder(db, server);
    const lineId = server.fx.newId() as LineId;
    const added = await mutateIn(db, 'order.addLine', {
      orderId,
      lineId,
      itemId: server.fx.items.cola,
      quantity: 2,
      modifierOptionIds: [],
    });
    expect(added).toEqual({ ok: true, mutationId: 2 });

    const order = await db.orders.get(orderId);
    expect(order).toMatchObject({ number: 'A-1', status: 'open', subtotalMinor: 700 });
    expect(await db.orderLines.get(lineId)).toMatchObject({ name: 'Cola', quantity: 2 });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((entry) => [entry.id, entry.mutation.name, entry.orderId])).toEqual([
      [1, 'order.open', orderId],
      [2, 'order.addLine', orderId],
    ]);
    const clientId = await readMeta(db, 'clientId');
    expect(outbox.every((entry) => entry.mutation.clientId === clientId)).toBe(true);
    expect(outbox[1]?.mutation.staffId).toBe(server.fx.staff.waiter);
  });

  it('[S4] a change a rule refuses writes nothing: no rows, no outbox entry, no id used', async () => {
    const { db, server } = await syncedTablet();
    const orderId = await openOrder(db, server);
    const before = {
      orders: await db.orders.toArray(),
      lines: await db.orderLines.count(),
      outbox: await db.outbox.count(),
      shadows: await db.shadows.count(),
    };
    const refused = await mutateIn(db, 'order.addLine', {
      orderId,
      lineId: server.fx.newId() as LineId,
      itemId: server.fx.items.fries, // not available
      quantity: 1,
      modifierOptionIds: [],
    });
    expect(refused).toMatchObject({ ok: false, reason: 'item_unavailable' });
    expect(await db.orders.toArray()).toEqual(before.orders);
    expect(await db.orderLines.count()).toBe(before.lines);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await db.shadows.count()).toBe(before.shadows);
    expect(await readMeta(db, 'lastIssuedMutationId')).toBe(1);
  });

  it('[S1] when the outbox write fails, the optimistic change is rolled back too', async () => {
    const { db, server } = await syncedTablet();
    // Something already sits at the next mutation id: adding the outbox entry fails.
    await db.outbox.add({
      id: 1,
      mutation: {
        clientId: 'x',
        id: 1,
        name: 'x',
        args: {},
        clientTime: '',
        staffId: 'x',
      } as never,
      orderId: null,
      queuedAt: '',
    });
    await expect(openOrder(db, server)).rejects.toThrow();
    expect(await db.orders.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
  });

  it('refuses clearly when nobody is signed in', async () => {
    const { db, server } = await syncedTablet();
    await db.meta.delete('session');
    const result = await mutateIn(db, 'order.open', {
      kind: 'takeaway',
      orderId: server.fx.newId() as OrderId,
      number: 'A-1',
      covers: 1,
    });
    expect(result).toEqual({
      ok: false,
      reason: 'unknown_staff',
      message: 'Sign in with your PIN first.',
    });
  });

  it('passes a manager’s on-the-spot approval with the mutation', async () => {
    const { db, server } = await syncedTablet();
    const orderId = await openOrder(db, server);
    await mutateIn(db, 'order.addLine', {
      orderId,
      lineId: server.fx.newId() as LineId,
      itemId: server.fx.items.burger as MenuItemId,
      quantity: 1,
      modifierOptionIds: [server.fx.options.rare],
    });
    const alone = await mutateIn(db, 'order.applyDiscount', {
      orderId,
      discount: { kind: 'percent', bps: 1000 },
      reason: 'Regular',
    });
    expect(alone).toMatchObject({ ok: false, reason: 'approval_required' });
    const approved = await mutateIn(
      db,
      'order.applyDiscount',
      { orderId, discount: { kind: 'percent', bps: 1000 }, reason: 'Regular' },
      { approvedBy: server.fx.staff.manager },
    );
    expect(approved.ok).toBe(true);
    const entry = await db.outbox.orderBy('id').last();
    expect(entry?.mutation.approvedBy).toBe(server.fx.staff.manager);
  });

  it('numbers orders with the device letter and never reuses a number', async () => {
    const { db, server } = await syncedTablet();
    expect(await nextOrderNumberIn(db)).toBe('A-1');
    expect(await nextOrderNumberIn(db)).toBe('A-2');
    const orderId = await openOrder(db, server);
    expect((await db.orders.get(orderId))?.number).toBe('A-3');
    // An order of this device the server already has (the tablet was wiped and restored):
    // the counter continues after it.
    const existing = (await db.orders.get(orderId))!;
    await db.orders.put({ ...existing, id: server.fx.newId() as OrderId, number: 'A-41' });
    expect(await nextOrderNumberIn(db)).toBe('A-42');
  });
});

describe('storage failures', () => {
  it('a full disk is thrown as a storage error saying what to do, not as a refusal', async () => {
    const { db, server } = await syncedTablet();
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    db.outbox.hook('creating', () => {
      throw full;
    });
    await expect(openOrder(db, server)).rejects.toThrow(/storage is full/);
    expect(await db.orders.count()).toBe(0);
  });
});
