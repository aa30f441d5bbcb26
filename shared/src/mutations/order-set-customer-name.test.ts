import { describe, expect, it } from 'vitest';
import type { OrderId } from '../ids.ts';
import { parseMutation } from '../mutations.ts';
import { createFixture } from '../mutators/fixtures.ts';
import { addLine, expectRejected, openOrder, payCash } from '../mutators/test-helpers.ts';

describe('order.setCustomerName', () => {
  it('names an order, trimmed, and clears the name with null', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx, false);
    expect((await fx.store.getOrder(orderId))?.customerName).toBeNull();

    await fx.run('order.setCustomerName', { orderId, name: '  Ada Lovelace ' });
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      customerName: 'Ada Lovelace',
      updatedAt: fx.ctx.now,
    });

    await fx.run('order.setCustomerName', { orderId, name: null });
    expect((await fx.store.getOrder(orderId))?.customerName).toBeNull();
  });

  it('[S3] giving the name the order already has writes nothing', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx, false);
    await fx.run('order.setCustomerName', { orderId, name: 'Ada' });
    const version = (await fx.store.getOrder(orderId))?.version;
    await fx.run('order.setCustomerName', { orderId, name: 'Ada' });
    expect((await fx.store.getOrder(orderId))?.version).toBe(version);
  });

  it('refuses an empty, blank or overlong name as invalid_args', () => {
    const fx = createFixture();
    const orderId = fx.newId() as OrderId;
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      expect(() => parseMutation(fx.mutation('order.setCustomerName', { orderId, name }))).toThrow(
        expect.objectContaining({ reason: 'invalid_args' }),
      );
    }
    expect(
      parseMutation(fx.mutation('order.setCustomerName', { orderId, name: 'x'.repeat(80) })),
    ).toMatchObject({ args: { name: 'x'.repeat(80) } });
  });

  it('waiters, cashiers and managers may name an order; the kitchen may not', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx, false);
    for (const role of ['waiter', 'cashier', 'manager', 'owner'] as const) {
      await fx.run('order.setCustomerName', { orderId, name: `By ${role}` }, { role });
    }
    await expectRejected(
      fx.run('order.setCustomerName', { orderId, name: 'Chef' }, { role: 'kitchen' }),
      'forbidden',
    );
    expect((await fx.store.getOrder(orderId))?.customerName).toBe('By owner');
  });

  it('a paid order may still be named (collected by name); a closed or void one may not', async () => {
    const fx = createFixture();
    const paid = await openOrder(fx, false);
    await addLine(fx, paid);
    await payCash(fx, paid, (await fx.store.getOrder(paid))?.totalMinor ?? 0);
    expect((await fx.store.getOrder(paid))?.status).toBe('paid');
    await fx.run('order.setCustomerName', { orderId: paid, name: 'Grace' });
    expect((await fx.store.getOrder(paid))?.customerName).toBe('Grace');

    await fx.run('order.close', { orderId: paid });
    await expectRejected(
      fx.run('order.setCustomerName', { orderId: paid, name: 'Someone else' }),
      'order_not_editable',
    );
    const voided = await openOrder(fx, false);
    await fx.run('order.void', { orderId: voided, reason: 'Walked out' });
    await expectRejected(
      fx.run('order.setCustomerName', { orderId: voided, name: 'Ghost' }),
      'order_not_editable',
    );
    expect((await fx.store.getOrder(paid))?.customerName).toBe('Grace');
    expect((await fx.store.getOrder(voided))?.customerName).toBeNull();
  });

  it('refuses an order that does not exist', async () => {
    const fx = createFixture();
    await expectRejected(
      fx.run('order.setCustomerName', { orderId: fx.newId() as OrderId, name: 'Ada' }),
      'not_found',
    );
  });
});
