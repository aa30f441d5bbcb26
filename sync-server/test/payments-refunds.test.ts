import { randomUUID } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { failure, pairAndSignIn, type TrpcClient } from './support/clients.ts';
import {
  confirmCard,
  openTableOrder,
  orderMoney,
  pairTablet,
  pushAll,
  settled,
  startPayFixture,
  type PayFixture,
  type Tablet,
} from './payments-fixture.ts';

// A bill paid twice (issue 5): cash on an offline tablet and card by QR online are both kept when
// they meet on the server; the order is flagged overpaid, the manager sees it and refunds the card
// part through Stripe (idempotently), and charge.refunded reconciles the books.
describe('double payment, overpaid list and refunds', () => {
  let fx: PayFixture;
  let tablet: Tablet;
  let manager: TrpcClient;
  let waiter: TrpcClient;

  beforeAll(async () => {
    fx = await startPayFixture();
    tablet = await pairTablet(fx);
    const signIn = async (role: string) => {
      const { code } = await createPairingCode(fx.test.db, fx.venue.venue.id, { now: Date.now() });
      const person = fx.venue.staff.find((s) => s.role === role)!;
      return (await pairAndSignIn(fx.server.url, code, { id: person.id, pin: person.pin })).client;
    };
    manager = await signIn('manager');
    waiter = await signIn('waiter');
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function payAllByQr(orderId: string, tableIndex: number) {
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(tableIndex),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    await confirmCard(fx, attempt);
    await settled(fx);
    return attempt;
  }

  async function refundRows(paymentId: string) {
    const { rows } = await fx.test.db.query<{
      amount_minor: number;
      status: string;
      reason: string;
      stripe_refund_id: string | null;
      version: number;
    }>(
      'SELECT amount_minor, status, reason, stripe_refund_id, version FROM refunds WHERE payment_id = $1 ORDER BY id',
      [paymentId],
    );
    return rows;
  }

  it('cash offline + card by QR: flagged overpaid, refunded through Stripe once, reconciled by charge.refunded', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], 0);
    // The tablet is offline: the cash payment waits in its outbox.
    tablet.outbox.add('payment.record', {
      method: 'cash',
      paymentId: uuidv7() as never,
      orderId: orderId as never,
      amountMinor: 1650 as never,
    });
    const card = await payAllByQr(orderId, 0);
    expect(await orderMoney(fx, orderId)).toMatchObject({
      status: 'closed',
      paid_minor: 1650,
      overpaid_minor: 0,
    });

    // Back online: the cash is recorded too (money taken is never refused) and the bill is overpaid.
    await pushAll(tablet);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 3300, overpaid_minor: 1650 });

    const overpaid = await manager.payments.overpaid.query();
    const flagged = overpaid.find((order) => order.orderId === orderId)!;
    expect(flagged).toMatchObject({ overpaidMinor: 1650, totalMinor: 1650, paidMinor: 3300 });
    expect(flagged.payments.map((p) => [p.method, p.amountMinor, p.refundableMinor])).toEqual([
      ['cash', 1650, 0],
      ['stripe', 1650, 1650],
    ]);

    const refundId = randomUUID();
    const request = { refundId, paymentId: card.paymentId, reason: 'Paid twice: cash and card' };
    const refund = await manager.payments.refund.mutate(request);
    expect(refund).toMatchObject({ refundId, amountMinor: 1650, status: 'succeeded' });
    expect(refund.stripeRefundId).toMatch(/^re_/);
    // Sent again (a lost answer, a double tap): the same refund, never a second one at Stripe.
    expect(await manager.payments.refund.mutate(request)).toEqual(refund);
    const atStripe = await fx.stripe.refunds.list({ payment_intent: card.paymentIntentId });
    expect(atStripe.data).toHaveLength(1);
    expect(atStripe.data[0]).toMatchObject({
      amount: 1650,
      reason: 'duplicate',
      metadata: { servio_refund_id: refundId },
    });

    await settled(fx);
    const delivered = fx.emulator.deliveries().filter((d) => d.type === 'charge.refunded' && d.ok);
    expect(delivered).toHaveLength(1);
    expect(await refundRows(card.paymentId)).toEqual([
      expect.objectContaining({
        amount_minor: 1650,
        status: 'succeeded',
        stripe_refund_id: refund.stripeRefundId,
      }),
    ]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 1650, overpaid_minor: 0 });
    expect((await manager.payments.overpaid.query()).map((o) => o.orderId)).not.toContain(orderId);

    const more = await failure(
      manager.payments.refund.mutate({ ...request, refundId: randomUUID() }),
    );
    expect(more).toMatchObject({
      code: 'CONFLICT',
      message: 'This payment is already fully refunded.',
    });
  });

  it('a partial refund made in the Stripe dashboard is recorded when charge.refunded arrives', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], 1);
    const card = await payAllByQr(orderId, 1);
    await fx.stripe.refunds.create({
      payment_intent: card.paymentIntentId,
      amount: 500,
      reason: 'requested_by_customer',
    });
    await settled(fx);
    expect(await refundRows(card.paymentId)).toEqual([
      expect.objectContaining({
        amount_minor: 500,
        status: 'succeeded',
        reason: 'Refunded in Stripe (requested by customer)',
      }),
    ]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 1150 });
    // The same event once more changes nothing.
    const event = fx.emulator
      .events()
      .filter((e) => e.type === 'charge.refunded')
      .at(-1)!;
    const result = await fetch(`${fx.server.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': fx.stripe.webhooks.generateTestHeaderString({
          payload: JSON.stringify(event),
          secret: fx.emulator.webhookSecret,
        }),
      },
      body: JSON.stringify(event),
    });
    expect(await result.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await refundRows(card.paymentId)).toHaveLength(1);
  });

  it('refunds are for managers, and only for card payments made by QR', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Cola', 1]], 2);
    const cashId = uuidv7();
    tablet.outbox.add('payment.record', {
      method: 'cash',
      paymentId: cashId as never,
      orderId: orderId as never,
      amountMinor: 350 as never,
    });
    await pushAll(tablet);
    const byWaiter = await failure(
      waiter.payments.refund.mutate({ refundId: randomUUID(), paymentId: cashId, reason: 'x' }),
    );
    expect(byWaiter).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(waiter.payments.overpaid.query())).toMatchObject({ code: 'FORBIDDEN' });
    const cash = await failure(
      manager.payments.refund.mutate({ refundId: randomUUID(), paymentId: cashId, reason: 'x' }),
    );
    expect(cash).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cash.message).toMatch(/give cash back at the till/);
    const tooMuch = await failure(
      manager.payments.refund.mutate({
        refundId: randomUUID(),
        paymentId: (
          await payAllByQr((await openTableOrder(fx, tablet, [['Cola', 1]], 3)).orderId, 3)
        ).paymentId,
        amountMinor: 351,
        reason: 'too much',
      }),
    );
    expect(tooMuch).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/At most 350/),
    });
  });
});
