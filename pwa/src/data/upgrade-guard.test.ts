import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { ServioDb } from './db.ts';
import { guardUpgrades } from './upgrade-guard.ts';

/** The next app version's database: one more version, one more table, nothing removed. */
class NextServioDb extends ServioDb {
  constructor(name: string) {
    super(name);
    this.version(2).stores({ printJobs: 'id' });
  }
}

describe('database upgrades across open tabs', () => {
  it('[S7] an older tab lets the upgrade through, asks for a reload, and the outbox survives', async () => {
    const name = `upgrade-${uuidv7()}`;
    const oldTab = new ServioDb(name);
    const watch = guardUpgrades(oldTab);
    await oldTab.outbox.add({
      id: 1,
      mutation: {
        clientId: 'c',
        id: 1,
        name: 'order.open',
        args: {},
        clientTime: '',
        staffId: 's',
      } as never,
      orderId: null,
      queuedAt: '2025-03-10T12:00:00.000Z',
    });

    const newTab = new NextServioDb(name);
    // Opening the new version does not hang: the old tab closed its connection.
    expect(await newTab.outbox.toArray()).toHaveLength(1);
    expect(watch.getSnapshot()).toMatchObject({ kind: 'reload-needed' });
    // The old tab does not quietly reopen under its old code.
    await expect(oldTab.outbox.count()).rejects.toThrow();
    newTab.close();
  });
});
