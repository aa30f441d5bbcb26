import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LineId, OrderId, PaymentId } from '../ids.ts';
import { ROW_SCHEMAS, type StaffRole } from '../domain/index.ts';
import type { Mutation } from '../mutations.ts';
import { deriveOrderStatus } from '../order-machine.ts';
import { isMutationRejected } from '../rejections.ts';
import { computeOrderTotals, orderTotalsColumns } from '../totals.ts';
import { createFixture, type Fixture } from './fixtures.ts';

/** Commands refer to orders and lines by index into what was created so far. */
type Command =
  | { op: 'open'; table: boolean }
  | { op: 'add'; order: number; item: 'burger' | 'cola' | 'soup'; quantity: number }
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
  fc.record({ op: fc.constant('open' as const), table: fc.boolean() }),
  fc.record({
    op: fc.constant('add' as const),
    order: index,
    item: fc.constantFrom('burger' as const, 'cola' as const, 'soup' as const),
    quantity: fc.integer({ min: 1, max: 4 }),
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

/** Turn a command into a mutation, or null when it refers to nothing created yet. */
function toMutation(fx: Fixture, c: Command, orders: OrderId[], lines: LineId[]): Mutation | null {
  const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  switch (c.op) {
    case 'open': {
      const orderId = fx.newId() as OrderId;
      orders.push(orderId);
      const number = `A-${orders.length}`;
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
      const modifierOptionIds = c.item === 'burger' ? [fx.options.rare] : [];
      const itemId = fx.items[c.item];
      return fx.mutation('order.addLine', {
        orderId,
        lineId,
        itemId,
        quantity: c.quantity,
        modifierOptionIds,
      });
    }
    case 'send':
    case 'close': {
      const orderId = pick(orders, c.order);
      return orderId
        ? fx.mutation(c.op === 'send' ? 'order.send' : 'order.close', { orderId })
        : null;
    }
    case 'voidLine': {
      const lineId = pick(lines, c.line);
      return lineId
        ? fx.mutation('order.voidLine', { lineId, reason: 'test' }, { role: c.role })
        : null;
    }
    case 'pay': {
      const orderId = pick(orders, c.order);
      if (!orderId) return null;
      const paymentId = fx.newId() as PaymentId;
      return fx.mutation('payment.record', {
        method: 'cash',
        paymentId,
        orderId,
        amountMinor: c.amount as never,
      });
    }
    case 'discount': {
      const orderId = pick(orders, c.order);
      const discount = { kind: 'percent' as const, bps: c.bps };
      return orderId
        ? fx.mutation('order.applyDiscount', { orderId, discount }, { role: c.role })
        : null;
    }
    case 'void': {
      const orderId = pick(orders, c.order);
      return orderId
        ? fx.mutation('order.void', { orderId, reason: 'test' }, { role: c.role })
        : null;
    }
    case 'bump': {
      const lineId = pick(lines, c.line);
      const line = lineId ? fx.store.rows('orderLines').find((l) => l.id === lineId) : undefined;
      if (!line) return null;
      return fx.mutation(
        'kitchen.bump',
        { orderId: line.orderId, lineIds: [line.id], to: 'ready' },
        { role: 'kitchen' },
      );
    }
    case 'merge': {
      const sourceOrderId = pick(orders, c.source);
      const targetOrderId = pick(orders, c.target);
      if (!sourceOrderId || !targetOrderId || sourceOrderId === targetOrderId) return null;
      return fx.mutation('order.merge', { sourceOrderId, targetOrderId });
    }
  }
}

describe('shared rules (model-based)', () => {
  it('[S4][S12] any sequence keeps every order consistent, rejections change nothing, and a replay on another store gives identical rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const fx = createFixture();
        const orders: OrderId[] = [];
        const lines: LineId[] = [];
        const applied: Mutation[] = [];
        for (const c of commands) {
          const mutation = toMutation(fx, c, orders, lines);
          if (!mutation) continue;
          applied.push(mutation);
          const before = fx.store.dump();
          try {
            await fx.store.apply(mutation, fx.ctx);
          } catch (error) {
            if (!isMutationRejected(error)) throw error;
            expect(fx.store.dump()).toEqual(before);
          }
        }

        for (const order of fx.store.rows('orders')) {
          ROW_SCHEMAS.orders.strict().parse(order);
          const own = fx.store.rows('orderLines').filter((l) => l.orderId === order.id);
          const payments = fx.store.rows('payments').filter((p) => p.orderId === order.id);
          const totals = computeOrderTotals({
            order,
            lines: own,
            payments,
            taxMode: fx.ctx.venue.taxMode,
          });
          expect(order).toMatchObject(orderTotalsColumns(totals));
          expect(own.map((l) => l.lineTotalMinor)).toEqual(
            totals.lines.map((l) => l.lineTotalMinor),
          );
          const derived = deriveOrderStatus({
            status: order.status,
            lineStatuses: own.map((l) => l.status),
            totalMinor: totals.totalMinor,
            paidMinor: totals.paidMinor,
          });
          expect(order.status).toBe(derived);
          // Cash taken after a void is recorded, never refused, and shows as overpaid.
          if (order.status === 'void') expect(order.overpaidMinor).toBe(totals.paidMinor);
        }
        for (const line of fx.store.rows('orderLines')) ROW_SCHEMAS.orderLines.strict().parse(line);

        // The tablet and the server run the same rules on the same mutations: same rows.
        const replica = createFixture();
        for (const mutation of applied) {
          await replica.store.apply(mutation, replica.ctx).catch((error: unknown) => {
            if (!isMutationRejected(error)) throw error;
          });
        }
        expect(replica.store.dump()).toEqual(fx.store.dump());
      }),
      { numRuns: 60 },
    );
  });
});
