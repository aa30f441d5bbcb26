import { describe, expect, it } from 'vitest';
import type { OrderId } from '../ids.ts';
import { ROW_SCHEMAS } from '../domain/index.ts';
import { createFixture } from './fixtures.ts';
import { addLine, expectRejected, openOrder } from './test-helpers.ts';

describe('MemoryStore', () => {
  it('[S5] stamps every row a mutation writes with one new clock value', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const before = fx.store.clock;
    const lineId = await addLine(fx, orderId);
    expect(fx.store.clock).toBe(before + 1);
    expect((await fx.store.getLine(lineId))?.version).toBe(before + 1);
    expect((await fx.store.getOrder(orderId))?.version).toBe(before + 1);
  });

  it('[S4] a rejected mutation leaves every row and the clock as they were', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const before = fx.store.dump();
    const clock = fx.store.clock;
    await expectRejected(addLine(fx, orderId, fx.items.fries), 'item_unavailable');
    expect(fx.store.dump()).toEqual(before);
    expect(fx.store.clock).toBe(clock);
  });

  it('a malformed mutation is rejected before anything is read', async () => {
    const fx = createFixture();
    await expectRejected(fx.store.apply({ name: 'order.open', args: {} }, fx.ctx), 'invalid_args');
  });

  it('every row the rules write is a valid row of its table', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId, fx.items.burger, 2, [fx.options.rare, fx.options.cheese]);
    await fx.run('order.send', { orderId });
    await fx.run('payment.record', {
      method: 'card',
      paymentId: fx.newId() as never,
      orderId: orderId as OrderId,
      amountMinor: 500 as never,
    });
    for (const table of ['orders', 'orderLines', 'payments'] as const) {
      for (const row of fx.store.rows(table))
        expect(() => ROW_SCHEMAS[table].strict().parse(row)).not.toThrow();
    }
  });
});
