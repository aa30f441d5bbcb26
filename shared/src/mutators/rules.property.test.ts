import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROW_SCHEMAS } from '../domain/index.ts';
import type { Mutation } from '../mutations.ts';
import { deriveOrderStatus } from '../order-machine.ts';
import { isMutationRejected } from '../rejections.ts';
import { computeOrderTotals, orderTotalsColumns } from '../totals.ts';
import { createFixture, type Fixture } from './fixtures.ts';
import {
  commandArbitrary,
  CommandPlanner,
  orderNumbers,
  type CommandWorld,
} from './property-commands.ts';

const command = commandArbitrary({ items: ['burger', 'cola', 'soup'] as const });

/** The fixture's world: burgers are ordered rare, bumps follow a line to its current order. */
function worldOf(fx: Fixture): CommandWorld<'burger' | 'cola' | 'soup', Mutation> {
  return {
    newId: fx.newId,
    itemId: (item) => fx.items[item],
    modifierOptionIds: (item) => (item === 'burger' ? [fx.options.rare] : []),
    tableId: fx.tables.t1,
    orderNumber: orderNumbers('A'),
    currentOrderOf: (lineId) => fx.store.rows('orderLines').find((l) => l.id === lineId)?.orderId,
    mutation: (name, args, role) => fx.mutation(name, args, { role }),
  };
}

describe('shared rules (model-based)', () => {
  it('[S4][S12] any sequence keeps every order consistent, rejections change nothing, and a replay on another store gives identical rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const fx = createFixture();
        const world = worldOf(fx);
        const planner = new CommandPlanner();
        const applied: Mutation[] = [];
        for (const c of commands) {
          const mutation = planner.plan(c, world);
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
