import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ServioDb } from './db.ts';

describe('tablet database upgrades', () => {
  it('[S7] version 2 gives orders synced before it a null customerName and keeps the outbox', async () => {
    const name = `servio-upgrade-${crypto.randomUUID()}`;
    const before = new Dexie(name);
    before.version(1).stores({
      orders: 'id, tableId, status, businessDay, number',
      shadows: 'key',
      outbox: 'id',
    });
    await before.table('orders').put({ id: 'o1', number: 'A-1', status: 'open' });
    await before.table('shadows').bulkPut([
      { key: 'orders:o1', table: 'orders', rowId: 'o1', row: { id: 'o1', number: 'A-1' } },
      { key: 'orders:o2', table: 'orders', rowId: 'o2', row: null },
      { key: 'orderLines:l1', table: 'orderLines', rowId: 'l1', row: { id: 'l1' } },
    ]);
    await before.table('outbox').put({ id: 1, mutation: { name: 'order.open' } });
    before.close();

    const db = new ServioDb(name);
    expect(await db.orders.get('o1' as never)).toMatchObject({ id: 'o1', customerName: null });
    expect((await db.shadows.get('orders:o1'))?.row).toMatchObject({ customerName: null });
    expect((await db.shadows.get('orders:o2'))?.row).toBeNull();
    expect((await db.shadows.get('orderLines:l1'))?.row).not.toHaveProperty('customerName');
    expect(await db.outbox.count()).toBe(1);
    expect(db.verno).toBe(2);
    db.close();
    await Dexie.delete(name);
  });
});
