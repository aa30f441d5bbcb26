import { describe, expect, it } from 'vitest';
import type { PaymentId } from '../ids.ts';
import { createFixture } from './fixtures.ts';
import { addLine, expectRejected, openOrder, payCash } from './test-helpers.ts';

describe('payment.record', () => {
  it('records cash with the change and moves the order to part_paid, then paid', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId, fx.items.soup, 2); // 1300
    const paymentId = fx.newId() as PaymentId;
    await fx.run('payment.record', {
      method: 'cash',
      paymentId,
      orderId,
      amountMinor: 1000 as never,
      tipMinor: 100 as never,
      tenderedMinor: 2000 as never,
    });
    expect(await fx.store.getPayment(paymentId)).toMatchObject({
      method: 'cash',
      status: 'succeeded',
      amountMinor: 1000,
      tipMinor: 100,
      tenderedMinor: 2000,
      changeMinor: 900,
      recordedBy: fx.staff.waiter,
      clientTime: '2025-03-10T12:00:00.000Z',
    });
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      status: 'part_paid',
      paidMinor: 1000,
      tipMinor: 100,
    });
    await fx.run(
      'payment.record',
      { method: 'card', paymentId: fx.newId() as PaymentId, orderId, amountMinor: 300 as never },
      { role: 'cashier' },
    );
    expect(await fx.store.getOrder(orderId)).toMatchObject({ status: 'paid', paidMinor: 1300 });
  });

  it('refuses cash handed over that does not cover the amount and tip', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId);
    await expectRejected(
      fx.run('payment.record', {
        method: 'cash',
        paymentId: fx.newId() as PaymentId,
        orderId,
        amountMinor: 350 as never,
        tenderedMinor: 300 as never,
      }),
      'invalid_amount',
    );
  });

  it('money already taken is never refused: a second payment on a paid order shows as overpaid', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId);
    await payCash(fx, orderId, 350);
    await fx.run('order.close', { orderId });
    // A tablet that was offline took cash for the same bill.
    await payCash(fx, orderId, 350);
    expect(await fx.store.getOrder(orderId)).toMatchObject({
      status: 'closed',
      paidMinor: 700,
      overpaidMinor: 350,
    });
  });

  it('[S3] the same payment id recorded twice counts once', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await addLine(fx, orderId);
    const args = {
      method: 'card' as const,
      paymentId: fx.newId() as PaymentId,
      orderId,
      amountMinor: 200 as never,
    };
    await fx.run('payment.record', args);
    await fx.run('payment.record', args);
    expect((await fx.store.getOrder(orderId))?.paidMinor).toBe(200);
  });

  it('kitchen staff cannot take payments', async () => {
    const fx = createFixture();
    const orderId = await openOrder(fx);
    await expectRejected(
      fx.run(
        'payment.record',
        { method: 'card', paymentId: fx.newId() as PaymentId, orderId, amountMinor: 1 as never },
        { role: 'kitchen' },
      ),
      'forbidden',
    );
  });
});
