import {
  applyMutation,
  isMutationRejected,
  SYNCED_TABLES,
  type LineId,
  type Mutation,
  type OrderId,
  type PaymentId,
  type StaffRole,
} from '@servio/shared';
import { createFixture, type Fixture } from '@servio/shared/mutators/fixtures';
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

type Command =
  | { op: 'open'; table: boolean; reuseNumber: boolean }
  | { op: 'add'; order: number; item: 'burger' | 'cola' | 'soup' | 'fries'; quantity: number }
  | { op: 'update'; line: number; quantity: number }
  | { op: 'send'; order: number }
  | { op: 'voidLine'; line: number; role: StaffRole }
  | { op: 'pay'; order: number; amount: number }
  | { op: 'discount'; order: number; bps: number; role: StaffRole }
  | { op: 'close'; order: number }
  | { op: 'void'; order: number; role: StaffRole }
  | { op: 'bump'; line: number }
  | { op: 'merge'; source: number; target: number };

const index = fc.nat({ max: 5 });
const role = fc.constantFrom<StaffRole>('waiter', 'manager');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant('open' as const),
    table: fc.boolean(),
    reuseNumber: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('add' as const),
    order: index,
    item: fc.constantFrom('burger' as const, 'cola' as const, 'soup' as const, 'fries' as const),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    op: fc.constant('update' as const),
    line: index,
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ op: fc.constant('send' as const), order: index }),
  fc.record({ op: fc.constant('voidLine' as const), line: index, role }),
  fc.record({
    op: fc.constant('pay' as const),
    order: index,
    amount: fc.integer({ min: 1, max: 3000 }),
  }),
  fc.record({
    op: fc.constant('discount' as const),
    order: index,
    bps: fc.integer({ min: 1, max: 10_000 }),
    role,
  }),
  fc.record({ op: fc.constant('close' as const), order: index }),
  fc.record({ op: fc.constant('void' as const), order: index, role }),
  fc.record({ op: fc.constant('bump' as const), line: index }),
  fc.record({ op: fc.constant('merge' as const), source: index, target: index }),
);

function toMutation(fx: Fixture, c: Command, orders: OrderId[], lines: LineId[]): Mutation | null {
  const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  switch (c.op) {
    case 'open': {
      const orderId = fx.newId() as OrderId;
      // Reusing a number is refused as a duplicate by both stores.
      const number = `A-${c.reuseNumber && orders.length > 0 ? orders.length : orders.length + 1}`;
      orders.push(orderId);
      return c.table
        ? fx.mutation('order.open', {
            kind: 'table',
            orderId,
            number,
            tableId: fx.tables.t1,
            covers: 2,
          })
        : fx.mutation('order.open', { kind: 'takeaway', orderId, number, covers: 1 });
    }
    case 'add': {
      const orderId = pick(orders, c.order);
      if (!orderId) return null;
      const lineId = fx.newId() as LineId;
      lines.push(lineId);
      return fx.mutation('order.addLine', {
        orderId,
        lineId,
        itemId: fx.items[c.item],
        quantity: c.quantity,
        modifierOptionIds: c.item === 'burger' ? [fx.options.rare, fx.options.cheese] : [],
      });
    }
    case 'update': {
      const lineId = pick(lines, c.line);
      return lineId ? fx.mutation('order.updateLine', { lineId, quantity: c.quantity }) : null;
    }
    case 'send': {
      const orderId = pick(orders, c.order);
      return orderId ? fx.mutation('order.send', { orderId }) : null;
    }
    case 'voidLine': {
      const lineId = pick(lines, c.line);
      return lineId
        ? fx.mutation('order.voidLine', { lineId, reason: 'Guest changed mind' }, { role: c.role })
        : null;
    }
    case 'pay': {
      const orderId = pick(orders, c.order);
      return orderId
        ? fx.mutation(
            'payment.record',
            {
              method: 'cash',
              paymentId: fx.newId() as PaymentId,
              orderId,
              amountMinor: c.amount as never,
            },
            { role: 'cashier' },
          )
        : null;
    }
    case 'discount': {
      const orderId = pick(orders, c.order);
      return orderId
        ? fx.mutation(
            'order.applyDiscount',
            { orderId, discount: { kind: 'percent', bps: c.bps }, reason: 'Regular' },
            { role: c.role },
          )
        : null;
    }
    case 'close': {
      const orderId = pick(orders, c.order);
      return orderId ? fx.mutation('order.close', { orderId }, { role: 'cashier' }) : null;
    }
    case 'void': {
      const orderId = pick(orders, c.order);
      return orderId
        ? fx.mutation('order.void', { orderId, reason: 'Mistake' }, { role: c.role })
        : null;
    }
    case 'bump': {
      const lineId = pick(lines, c.line);
      if (!lineId) return null;
      const orderId = fx.store.rows('orderLines').find((line) => line.id === lineId)?.orderId;
      return orderId
        ? fx.mutation(
            'kitchen.bump',
            { orderId, lineIds: [lineId], to: 'ready' },
            { role: 'kitchen' },
          )
        : null;
    }
    case 'merge': {
      const sourceOrderId = pick(orders, c.source);
      const targetOrderId = pick(orders, c.target);
      return sourceOrderId && targetOrderId
        ? fx.mutation('order.merge', { sourceOrderId, targetOrderId })
        : null;
    }
  }
}

describe('DexieStore (the tablet’s MutatorStore)', () => {
  it('[S1] behaves exactly like the shared MemoryStore: same outcomes, same rows, for any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const fx = createFixture();
        const db = await dexieLike(fx);
        const orders: OrderId[] = [];
        const lines: LineId[] = [];
        try {
          for (const c of commands) {
            const mutation = toMutation(fx, c, orders, lines);
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
