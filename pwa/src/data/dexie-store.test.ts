import {
  applyMutation,
  isMutationRejected,
  SYNCED_TABLES,
  type LineId,
  type Mutation,
  type OrderId,
} from '@servio/shared';
import { createFixture, type Fixture } from '@servio/shared/mutators/fixtures';
import {
  commandArbitrary,
  CommandPlanner,
  orderNumbers,
  type CommandWorld,
} from '@servio/shared/mutators/property-commands';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { ServioDb } from './db.ts';
import { DexieStore, mutatorTables } from './dexie-store.ts';

/** A Dexie database holding exactly the fixture's seeded rows. */
async function dexieLike(fx: Fixture): Promise<ServioDb> {
  const db = new ServioDb(`store-${uuidv7()}`);
  const dump = fx.store.dump();
  for (const table of SYNCED_TABLES) await db.table(table).bulkPut(dump[table]);
  return db;
}

/** Apply on Dexie as the tablet does: one transaction, rolled back whole on any throw. */
async function applyOnDexie(db: ServioDb, fx: Fixture, mutation: Mutation): Promise<'ok' | string> {
  try {
    // An async scope: Dexie keeps its transaction across the rules' native awaits.
    await db.transaction('rw', mutatorTables(db), async () => {
      await applyMutation(new DexieStore(db), mutation, fx.ctx);
    });
    return 'ok';
  } catch (error) {
    if (isMutationRejected(error)) return error.reason;
    throw error;
  }
}

async function applyOnMemory(fx: Fixture, mutation: Mutation): Promise<'ok' | string> {
  try {
    await fx.store.apply(mutation, fx.ctx);
    return 'ok';
  } catch (error) {
    if (isMutationRejected(error)) return error.reason;
    throw error;
  }
}

/** Order rows of both stores, without `version` (only the server stamps versions). */
async function orderTables(db: ServioDb, fx: Fixture) {
  const strip = <T extends { version: number }>(rows: T[]) =>
    rows
      .map(({ version: _version, ...rest }) => rest)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    dexie: {
      orders: strip(await db.orders.toArray()),
      orderLines: strip(await db.orderLines.toArray()),
      payments: strip(await db.payments.toArray()),
    },
    memory: {
      orders: strip(fx.store.rows('orders')),
      orderLines: strip(fx.store.rows('orderLines')),
      payments: strip(fx.store.rows('payments')),
    },
  };
}

type Item = 'burger' | 'cola' | 'soup' | 'fries';
const command = commandArbitrary<Item>({ items: ['burger', 'cola', 'soup', 'fries'] });

/** The fixture's world: burgers come rare with cheese, fries are unavailable (refused). */
function worldOf(fx: Fixture): CommandWorld<Item, Mutation> {
  return {
    newId: fx.newId,
    itemId: (item) => fx.items[item],
    modifierOptionIds: (item) => (item === 'burger' ? [fx.options.rare, fx.options.cheese] : []),
    tableId: fx.tables.t1,
    orderNumber: orderNumbers('A'),
    currentOrderOf: (lineId) =>
      fx.store.rows('orderLines').find((line) => line.id === lineId)?.orderId,
    mutation: (name, args, role) => fx.mutation(name, args, { role }),
  };
}

describe('DexieStore (the tablet’s MutatorStore)', () => {
  it('[S1] behaves exactly like the shared MemoryStore: same outcomes, same rows, for any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const fx = createFixture();
        const db = await dexieLike(fx);
        const world = worldOf(fx);
        const planner = new CommandPlanner();
        try {
          for (const c of commands) {
            const mutation = planner.plan(c, world);
            if (!mutation) continue;
            const onDexie = await applyOnDexie(db, fx, mutation);
            const onMemory = await applyOnMemory(fx, mutation);
            expect(onDexie, `${mutation.name} outcome`).toBe(onMemory);
          }
          const { dexie, memory } = await orderTables(db, fx);
          expect(dexie).toEqual(memory);
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads like the memory store: lines by time added, live modifier links only, options that exist', async () => {
    const fx = createFixture();
    const db = await dexieLike(fx);
    const store = new DexieStore(db);
    await db.menuItemModifierGroups.update([fx.items.burger, fx.groups.extras], {
      deletedAt: '2025-03-10T10:00:00.000Z',
    });
    const groups = await store.getModifierGroupsForItem(fx.items.burger);
    expect(groups.map((group) => group.id)).toEqual([fx.groups.doneness]);
    const missing = uuidv7() as never;
    const options = await store.getModifierOptions([fx.options.bacon, missing, fx.options.rare]);
    expect(options.map((option) => option.id)).toEqual([fx.options.bacon, fx.options.rare]);
    expect(await store.findOrderByNumber('A-404')).toBeUndefined();
  });

  it('keeps the server’s copy of a row before its first local write, and can undo a refused mutation', async () => {
    const fx = createFixture();
    const db = await dexieLike(fx);
    const orderId = fx.newId() as OrderId;
    const open = fx.mutation('order.open', {
      kind: 'table',
      orderId,
      number: 'A-1',
      tableId: fx.tables.t1,
      covers: 2,
    });
    await applyOnDexie(db, fx, open);
    expect(await db.shadows.get(`orders:${orderId}`)).toMatchObject({ row: null });

    await db.transaction('rw', mutatorTables(db), async () => {
      const store = new DexieStore(db);
      await applyMutation(
        store,
        fx.mutation('order.addLine', {
          orderId,
          lineId: fx.newId() as LineId,
          itemId: fx.items.cola,
          quantity: 2,
          modifierOptionIds: [],
        }),
        fx.ctx,
      );
      expect(await db.orderLines.count()).toBe(1);
      await store.undo();
    });
    expect(await db.orderLines.count()).toBe(0);
    expect((await db.orders.get(orderId))?.subtotalMinor).toBe(0);
  });
});
