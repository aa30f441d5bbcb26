import { describe, expect, it } from 'vitest';
import { ROW_SCHEMAS } from '../domain/index.ts';
import type { LineId } from '../ids.ts';
import { createFixture } from './fixtures.ts';
import { addLine, expectRejected, openOrder, payCash } from './test-helpers.ts';

describe('line mutators', () => {
  it('[S12] a line snapshots name, price, tax rate, station and modifiers from the menu', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId, fx.items.burger, 2, [
      fx.options.rare,
      fx.options.cheese,
    ]);
    const line = await fx.store.getLine(lineId);
    expect(line).toMatchObject({
      name: 'Burger',
      unitPriceMinor: 1200,
      taxRateBps: 2000,
      kitchenStation: 'kitchen',
      status: 'new',
      quantity: 2,
      lineTotalMinor: 2600,
      modifiers: [
        {
          groupId: fx.groups.doneness,
          optionId: fx.options.rare,
          name: 'Rare',
          priceDeltaMinor: 0,
        },
        {
          groupId: fx.groups.extras,
          optionId: fx.options.cheese,
          name: 'Cheese',
          priceDeltaMinor: 100,
        },
      ],
    });
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      subtotalMinor: 2600,
      totalMinor: 2600,
      taxMinor: 433,
    });
  });

  it('[S4] an unknown menu item is rejected with unknown_item', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await expectRejected(addLine(fx, orderId, fx.newId() as never), 'unknown_item');
    expect(await fx.store.getLines(orderId)).toEqual([]);
  });

  it('an unavailable item is rejected with item_unavailable', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await expectRejected(addLine(fx, orderId, fx.items.fries), 'item_unavailable');
  });

  it('modifier min/max, foreign, unavailable and repeated options are rejected', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const { burger, cola } = fx.items;
    const { rare, medium, cheese, bacon, egg } = fx.options;
    // Doneness needs exactly one; extras at most two.
    await expectRejected(addLine(fx, orderId, burger, 1, []), 'invalid_modifiers');
    await expectRejected(addLine(fx, orderId, burger, 1, [rare, medium]), 'invalid_modifiers');
    await expectRejected(
      addLine(fx, orderId, burger, 1, [rare, cheese, bacon, egg]),
      'invalid_modifiers',
    );
    await expectRejected(addLine(fx, orderId, burger, 1, [rare, egg]), 'invalid_modifiers');
    await expectRejected(
      addLine(fx, orderId, burger, 1, [rare, cheese, cheese]),
      'invalid_modifiers',
    );
    await expectRejected(addLine(fx, orderId, cola, 1, [cheese]), 'invalid_modifiers');
    await addLine(fx, orderId, burger, 1, [medium, cheese, bacon]);
  });

  it('[S3] adding the same line id twice adds it once', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = fx.newId() as LineId;
    const args = { orderId, lineId, itemId: fx.items.cola, quantity: 1, modifierOptionIds: [] };
    await fx.run('order.addLine', args);
    await fx.run('order.addLine', args);
    expect(await fx.store.getLines(orderId)).toHaveLength(1);
  });

  it('a new line can be changed; a sent one cannot (line_not_editable)', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId, fx.items.burger, 1, [fx.options.rare]);
    await fx.run('order.updateLine', {
      lineId,
      quantity: 3,
      modifierOptionIds: [fx.options.medium, fx.options.bacon],
      note: 'no onions',
    });
    expect(await fx.store.getLine(lineId)).toMatchObject({
      quantity: 3,
      note: 'no onions',
      lineTotalMinor: 4050, // (1200 + 150) × 3
    });
    // The stored row is exactly a synced row: no working figures leak into it.
    expect(() =>
      ROW_SCHEMAS.orderLines.strict().parse(fx.store.rows('orderLines')[0]),
    ).not.toThrow();
    expect((await fx.store.getOrder(orderId))?.totalMinor).toBe(4050);

    await fx.run('order.send', { orderId });
    await expectRejected(fx.run('order.updateLine', { lineId, quantity: 1 }), 'line_not_editable');
  });

  it('send moves new lines to sent and the order to sent', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const first = await addLine(fx, orderId);
    const second = await addLine(fx, orderId, fx.items.soup);
    await fx.run('order.send', { orderId, lineIds: [first] });
    expect((await fx.store.getLine(first))?.status).toBe('sent');
    expect((await fx.store.getLine(second))?.status).toBe('new');
    expect((await fx.store.getOrder(orderId))?.status).toBe('sent');
    await fx.run('order.send', { orderId });
    expect((await fx.store.getLine(second))?.sentAt).toBe('2025-03-10T12:00:00.000Z');
  });

  it('a waiter voids a new line alone', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await fx.run('order.voidLine', { lineId, reason: 'Wrong table' });
    expect(await fx.store.getLine(lineId)).toMatchObject({
      status: 'voided',
      lineTotalMinor: 0,
      voidedBy: fx.staff.waiter,
    });
    expect((await fx.store.getOrder(orderId))?.totalMinor).toBe(0);
  });

  it('[S4] a waiter voiding a sent line is rejected; with a manager PIN it is allowed', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await fx.run('order.send', { orderId });
    const before = fx.store.dump();
    await expectRejected(fx.run('order.voidLine', { lineId, reason: 'Cold' }), 'approval_required');
    expect(fx.store.dump()).toEqual(before);
    await expectRejected(
      fx.run('order.voidLine', { lineId, reason: 'Cold' }, { approvedBy: 'cashier' }),
      'invalid_approval',
    );
    await fx.run('order.voidLine', { lineId, reason: 'Cold' }, { approvedBy: 'manager' });
    expect((await fx.store.getLine(lineId))?.status).toBe('voided');
  });

  it('a manager voids a sent line alone', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await fx.run('order.send', { orderId });
    await fx.run('order.voidLine', { lineId, reason: 'Cold' }, { role: 'manager' });
    expect((await fx.store.getOrder(orderId))?.status).toBe('open');
  });

  it('discounts need a manager, then change the totals', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId, fx.items.soup, 2); // 1300
    await addLine(fx, orderId); // 350
    const tenPercent = { kind: 'percent' as const, bps: 1000 };
    await expectRejected(
      fx.run('order.applyDiscount', { orderId, discount: tenPercent }),
      'approval_required',
    );
    await expectRejected(
      fx.run('order.applyDiscount', { orderId, discount: tenPercent }, { role: 'kitchen' }),
      'forbidden',
    );
    await fx.run(
      'order.applyDiscount',
      { orderId, lineId, discount: { kind: 'amount', amountMinor: 300 as never } },
      { role: 'manager' },
    );
    expect((await fx.store.getLine(lineId))?.lineTotalMinor).toBe(1000);
    await fx.run(
      'order.applyDiscount',
      { orderId, discount: tenPercent, reason: 'Regular' },
      { approvedBy: 'owner' },
    );
    // (1000 + 350) − 10 % = 1215; discounts 300 + 135.
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      discountKind: 'percent',
      discountValue: 1000,
      discountReason: 'Regular',
      discountMinor: 435,
      totalMinor: 1215,
    });
    await fx.run('order.applyDiscount', { orderId, discount: null }, { role: 'manager' });
    expect((await fx.store.getOrder(orderId))?.totalMinor).toBe(1350);
  });

  it('[S4] an edit to a paid order is rejected with order_not_editable, nothing changed', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await payCash(fx, orderId, 350);
    expect((await fx.store.getOrder(orderId))?.status).toBe('paid');
    const before = fx.store.dump();
    const clock = fx.store.clock;
    await expectRejected(addLine(fx, orderId), 'order_not_editable');
    await expectRejected(fx.run('order.voidLine', { lineId, reason: 'x' }), 'order_not_editable');
    await expectRejected(fx.run('order.setCovers', { orderId, covers: 5 }), 'order_not_editable');
    expect(fx.store.dump()).toEqual(before);
    expect(fx.store.clock).toBe(clock);
  });
});
