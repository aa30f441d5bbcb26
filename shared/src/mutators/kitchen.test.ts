import { describe, expect, it } from 'vitest';
import { createFixture } from './fixtures.ts';
import { addLine, expectRejected, openOrder } from './test-helpers.ts';

describe('kitchen mutators', () => {
  it('bumps sent lines to ready, then served, and recalls them to sent', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await fx.run('order.send', { orderId });
    const kitchen = { role: 'kitchen' as const };
    await fx.run('kitchen.bump', { orderId, lineIds: [lineId], to: 'ready' }, kitchen);
    expect(await fx.store.getLine(lineId)).toMatchObject({
      status: 'ready',
      readyAt: '2025-03-10T12:00:00.000Z',
    });
    // A second screen bumping to ready again changes nothing.
    await fx.run('kitchen.bump', { orderId, lineIds: [lineId], to: 'ready' }, kitchen);
    expect((await fx.store.getLine(lineId))?.status).toBe('ready');
    await fx.run('kitchen.bump', { orderId, lineIds: [lineId], to: 'served' }, kitchen);
    expect((await fx.store.getLine(lineId))?.status).toBe('served');
    await fx.run('kitchen.recall', { orderId, lineIds: [lineId] }, kitchen);
    expect(await fx.store.getLine(lineId)).toMatchObject({ status: 'sent', readyAt: null });
  });

  it('a line not sent yet cannot be bumped or recalled; voided lines are skipped', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const unsent = await addLine(fx, orderId);
    const kitchen = { role: 'kitchen' as const };
    await expectRejected(
      fx.run('kitchen.bump', { orderId, lineIds: [unsent], to: 'ready' }, kitchen),
      'invalid_transition',
    );
    await expectRejected(
      fx.run('kitchen.recall', { orderId, lineIds: [unsent] }, kitchen),
      'invalid_transition',
    );
    const sent = await addLine(fx, orderId, fx.items.soup);
    await fx.run('order.send', { orderId, lineIds: [sent] });
    await fx.run('order.voidLine', { lineId: unsent, reason: 'x' });
    await fx.run('kitchen.bump', { orderId, lineIds: [sent, unsent], to: 'ready' }, kitchen);
    expect((await fx.store.getLine(sent))?.status).toBe('ready');
    expect((await fx.store.getLine(unsent))?.status).toBe('voided');
  });

  it('waiters cannot bump; lines of another order are not found', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    const other = await openOrder(fx);
    const lineId = await addLine(fx, orderId);
    await fx.run('order.send', { orderId });
    await expectRejected(
      fx.run('kitchen.bump', { orderId, lineIds: [lineId], to: 'ready' }),
      'forbidden',
    );
    await expectRejected(
      fx.run(
        'kitchen.bump',
        { orderId: other, lineIds: [lineId], to: 'ready' },
        { role: 'kitchen' },
      ),
      'not_found',
    );
  });
});
