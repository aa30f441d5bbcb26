import { describe, expect, it } from 'vitest';
import type { OrderId } from '../ids.ts';
import { createFixture } from './fixtures.ts';
import { addLine, expectRejected, openOrder, payCash } from './test-helpers.ts';

describe('order lifecycle mutators', () => {
  it('opens an order with the tablet clock deciding the business day (S11)', async () => {
    const fx = createFixture();
    fx.ctx.deviceId = fx.newId() as never;
    const orderId = fx.newId() as OrderId;
    const late = fx.mutation('order.open', {
      kind: 'table',
      orderId,
      number: 'B-7',
      tableId: fx.tables.t2,
      covers: 3,
    });
    // Taken at 01:30 London time on 10 March, synced days later: still 9 March's business.
    await fx.store.apply(
      { ...late, clientTime: '2025-03-10T01:30:00.000Z' },
      {
        ...fx.ctx,
        now: '2025-03-14T09:00:00.000Z',
      },
    );
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      number: 'B-7',
      kind: 'table',
      tableId: fx.tables.t2,
      covers: 3,
      status: 'open',
      openedBy: fx.staff.waiter,
      openedAt: '2025-03-10T01:30:00.000Z',
      businessDay: '2025-03-09',
      deviceId: fx.ctx.deviceId,
      totalMinor: 0,
    });
  });

  it('[S3] opening the same order id twice creates it once', async () => {
    const fx = createFixture();
    const orderId = fx.newId() as OrderId;
    const args = { kind: 'takeaway' as const, orderId, number: 'A-1', covers: 1 };
    await fx.run('order.open', args);
    const clock = fx.store.clock;
    await fx.run('order.open', args);
    expect(fx.store.rows('orders')).toHaveLength(1);
    expect((await fx.store.getOrder(orderId))?.version).toBeLessThanOrEqual(clock);
  });

  it('refuses a taken order number, an unknown table, and unknown or inactive staff', async () => {
    const fx = createFixture();
    await fx.run('order.open', {
      kind: 'takeaway',
      orderId: fx.newId() as OrderId,
      number: 'A-1',
      covers: 1,
    });
    const open = (number: string, tableId = fx.tables.t1) => ({
      kind: 'table' as const,
      orderId: fx.newId() as OrderId,
      number,
      tableId,
      covers: 2,
    });
    await expectRejected(fx.run('order.open', open('A-1')), 'duplicate_order_number');
    await expectRejected(fx.run('order.open', open('A-2', fx.newId() as never)), 'not_found');
    await expectRejected(
      fx.run('order.open', open('A-3'), { staffId: fx.formerWaiter }),
      'unknown_staff',
    );
    await expectRejected(
      fx.run('order.open', open('A-4'), { staffId: fx.newId() as never }),
      'unknown_staff',
    );
    await expectRejected(fx.run('order.open', open('A-5'), { role: 'kitchen' }), 'forbidden');
  });

  it('moves a takeaway to a table and sets covers', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx, false);
    await fx.run('order.moveTable', { orderId, tableId: fx.tables.t2 });
    await fx.run('order.setCovers', { orderId, covers: 4 });
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      kind: 'table',
      tableId: fx.tables.t2,
      covers: 4,
    });
    await expectRejected(
      fx.run('order.moveTable', { orderId, tableId: fx.newId() as never }),
      'not_found',
    );
  });

  it('merges: lines move to the target, the source is voided and points at it', async () => {
    const fx = createFixture();
    const source = await openOrder(fx);
    const target = await openOrder(fx);
    const lineId = await addLine(fx, source, fx.items.soup);
    await addLine(fx, target);
    await fx.run('order.merge', { sourceOrderId: source, targetOrderId: target });
    expect((await fx.store.getLine(lineId))?.orderId).toBe(target);
    expect(await fx.store.getOrder(source)).toMatchObject({
      status: 'void',
      mergedInto: target,
      totalMinor: 0,
    });
    expect(await fx.store.getOrder(target)).toMatchObject({ totalMinor: 1000, covers: 4 });
    await expectRejected(
      fx.run('order.merge', { sourceOrderId: source, targetOrderId: target }),
      'order_not_editable',
    );
  });

  it('refuses to merge an order into itself', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await expectRejected(
      fx.run('order.merge', { sourceOrderId: orderId, targetOrderId: orderId }),
      'invalid_merge',
    );
  });

  it('refuses to merge away an order that has payments', async () => {
    const fx = createFixture();
    const source = await openOrder(fx);
    const target = await openOrder(fx);
    await addLine(fx, source, fx.items.soup);
    await payCash(fx, source, 100);
    await expectRejected(
      fx.run('order.merge', { sourceOrderId: source, targetOrderId: target }),
      'order_has_payments',
    );
  });

  it('closes only when nothing is due', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId);
    await payCash(fx, orderId, 100);
    await expectRejected(fx.run('order.close', { orderId }), 'not_fully_paid');
    await payCash(fx, orderId, 250);
    await fx.run('order.close', { orderId });
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      status: 'closed',
      closedAt: '2025-03-10T12:00:00.000Z',
    });
    await fx.run('order.close', { orderId });
    await expectRejected(addLine(fx, orderId), 'order_not_editable');
  });

  it('voids an unsent order alone; an order the kitchen has seen needs a manager', async () => {
    const fx = createFixture();
    const unsent = await openOrder(fx);
    const line = await addLine(fx, unsent);
    await fx.run('order.void', { orderId: unsent, reason: 'Walked out' });
    expect(await fx.store.getOrder(unsent)).toMatchObject({
      status: 'void',
      voidReason: 'Walked out',
    });
    expect((await fx.store.getLine(line))?.status).toBe('voided');

    const sent = await openOrder(fx);
    await addLine(fx, sent);
    await fx.run('order.send', { orderId: sent });
    await expectRejected(fx.run('order.void', { orderId: sent, reason: 'x' }), 'approval_required');
    await fx.run('order.void', { orderId: sent, reason: 'Complaint' }, { role: 'manager' });
    expect((await fx.store.getOrder(sent))?.status).toBe('void');
  });

  it('refuses to void an order with payments', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId);
    await payCash(fx, orderId, 100);
    await expectRejected(
      fx.run('order.void', { orderId, reason: 'x' }, { role: 'owner' }),
      'order_has_payments',
    );
  });

  it('a mutation on an order that does not exist is rejected with not_found', async () => {
    const fx = createFixture();
    await expectRejected(
      fx.run('order.setCovers', { orderId: fx.newId() as OrderId, covers: 2 }),
      'not_found',
    );
  });
});
