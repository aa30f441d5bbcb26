import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type ClientId } from '@servio/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from './support/clients.ts';
import {
  confirmCard,
  openTableOrder,
  orderMoney,
  pairTablet,
  paymentsOf,
  settled,
  startPayFixture,
  type PayFixture,
  type Tablet,
  webhookRows,
} from './payments-fixture.ts';

// Customer QR pay at the table (issue 5): the bill comes from the server, the server computes
// every amount, phones paying at once never pay more than the bill, and a payment is recorded
// once whether the webhook or the page reports it first.
describe('QR pay at the table', () => {
  let fx: PayFixture;
  let tablet: Tablet;
  // Fish and chips 16.50 + 2 × Cola 3.50 + Tomato soup 6.50 = 30.00 (tax inclusive, no service).
  const LINES = [
    ['Fish and chips', 1],
    ['Cola', 2],
    ['Tomato soup', 1],
  ] as const;

  beforeAll(async () => {
    fx = await startPayFixture();
    tablet = await pairTablet(fx);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const pay = (
    orderId: string,
    selection: Parameters<PayFixture['phone']['pay']['createPayment']['mutate']>[0]['selection'],
    extra: {
      tip?: { kind: 'preset'; bps: number } | { kind: 'custom'; amountMinor: number };
      table?: number;
    } = {},
  ) =>
    fx.phone.pay.createPayment.mutate({
      token: fx.token(extra.table ?? 0),
      orderId,
      selection,
      ...(extra.tip ? { tip: extra.tip } : {}),
      attemptId: randomUUID(),
    });

  it('[S12] shows the open bill from the server rows, with the venue and its Stripe key', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 1);
    const view = await fx.phone.pay.bill.query({ token: fx.token(1) });
    expect(view.venue).toEqual({
      name: 'Servio Demo Bistro',
      currency: 'EUR',
      tipPresetsBps: [1000, 1250, 1500],
      stripe: { mode: 'emulator', publishableKey: fx.emulator.publishableKey },
    });
    expect(view.table).toEqual({ name: 'T2' });
    expect(view.bills).toHaveLength(1);
    const bill = view.bills[0]!;
    expect(bill).toMatchObject({
      orderId,
      status: 'sent',
      totalMinor: 3000,
      paidMinor: 0,
      pendingMinor: 0,
      dueMinor: 3000,
      taxIncluded: true,
    });
    expect(bill.lines.map((line) => [line.name, line.quantity, line.lineTotalMinor])).toEqual([
      ['Fish and chips', 1, 1650],
      ['Cola', 2, 700],
      ['Tomato soup', 1, 650],
    ]);
    expect(bill.lines.reduce((sum, line) => sum + line.payableMinor, 0)).toBe(3000);
    expect(bill.taxMinor).toBeGreaterThan(0);
  });

  it('an unknown table token answers 404 and reveals nothing', async () => {
    const refused = await failure(fx.phone.pay.bill.query({ token: 'not-a-real-table-token' }));
    expect(refused).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });

  it('pays an even share plus tip with 4242…: recorded by the webhook, the order part paid; the rest closes it', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 2);
    const before = await orderMoney(fx, orderId);
    const share = await pay(
      orderId,
      { kind: 'share', parts: 2, share: 1 },
      {
        tip: { kind: 'preset', bps: 1000 },
        table: 2,
      },
    );
    expect(share).toMatchObject({
      amountMinor: 1500,
      tipMinor: 150,
      chargeMinor: 1650,
      capped: false,
    });
    expect(share.clientSecret).toMatch(/^pi_.+_secret_/);
    const intent = await fx.stripe.paymentIntents.retrieve(share.paymentIntentId);
    expect(intent).toMatchObject({
      amount: 1650,
      currency: 'eur',
      status: 'requires_payment_method',
    });
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ method: 'stripe', status: 'pending', amount_minor: 1500 }),
    ]);

    expect(await confirmCard(fx, share)).toMatchObject({ status: 'succeeded' });
    await settled(fx);
    const partly = await orderMoney(fx, orderId);
    expect(partly).toMatchObject({ status: 'part_paid', paid_minor: 1500, tip_minor: 150 });
    // [S5] stamped with a newer version, so the tablets pull it.
    expect(partly.version).toBeGreaterThan(before.version);
    const pulled = await tablet.client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: tablet.outbox.clientId as ClientId,
      cursor: before.version,
      pendingCount: 0,
    });
    expect(JSON.stringify(pulled)).toContain(share.paymentId);

    const rest = await pay(orderId, { kind: 'all' }, { table: 2 });
    expect(rest).toMatchObject({ amountMinor: 1500, tipMinor: 0 });
    expect(await confirmCard(fx, rest)).toMatchObject({ status: 'succeeded' });
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toMatchObject({
      status: 'closed',
      paid_minor: 3000,
      overpaid_minor: 0,
    });
    const view = await fx.phone.pay.bill.query({ token: fx.token(2) });
    expect(view.bills).toHaveLength(0);
  });

  it('a declined card (pm_card_chargeDeclined) shows an error and records nothing as paid', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 3);
    const attempt = await pay(orderId, { kind: 'all' }, { table: 3 });
    const declined = await confirmCard(fx, attempt, 'pm_card_chargeDeclined');
    expect(declined).toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    await settled(fx);
    const status = await fx.phone.pay.paymentStatus.query({
      token: fx.token(3),
      paymentIntentId: attempt.paymentIntentId,
    });
    expect(status).toMatchObject({ outcome: 'failed', errorMessage: 'Your card was declined.' });
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'sent', paid_minor: 0 });
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'failed', amount_minor: 3000 }),
    ]);
    // The failed attempt holds nothing back: the whole bill can be paid again.
    const view = await fx.phone.pay.bill.query({ token: fx.token(3) });
    expect(view.bills[0]).toMatchObject({ dueMinor: 3000, pendingMinor: 0, paidMinor: 0 });
  });

  it('several phones paying at once never pay more than the bill', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 4);
    fx.emulator.behaviour.apiLatencyMs = 30;
    const attempts = await Promise.allSettled([
      pay(orderId, { kind: 'share', parts: 2, share: 1 }, { table: 4 }),
      pay(orderId, { kind: 'share', parts: 2, share: 2 }, { table: 4 }),
      pay(orderId, { kind: 'share', parts: 2, share: 1 }, { table: 4 }),
      pay(orderId, { kind: 'amount', amountMinor: 1000 }, { table: 4 }),
      pay(orderId, { kind: 'all' }, { table: 4 }),
    ]);
    fx.emulator.behaviour.apiLatencyMs = 0;
    const created = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
    expect(created.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(3000);
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) expect(String(reason)).toMatch(/being paid|Nothing is left/);
    await Promise.all(created.map((attempt) => confirmCard(fx, attempt)));
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toMatchObject({
      status: 'closed',
      paid_minor: 3000,
      overpaid_minor: 0,
    });
  });

  it('pays chosen items; the same item cannot be paid twice', async () => {
    const { orderId, lineIds } = await openTableOrder(fx, tablet, LINES, 5);
    const fish = await pay(orderId, { kind: 'items', lineIds: [lineIds[0]!] }, { table: 5 });
    expect(fish).toMatchObject({ amountMinor: 1650 });
    const again = await failure(
      pay(orderId, { kind: 'items', lineIds: [lineIds[0]!] }, { table: 5 }),
    );
    expect(again).toMatchObject({ code: 'CONFLICT' });
    expect(again.message).toMatch(/already paid \(or is paying\)/);
    await confirmCard(fx, fish);
    await settled(fx);
    const view = await fx.phone.pay.bill.query({ token: fx.token(5) });
    expect(view.bills[0]!.lines.find((line) => line.id === lineIds[0])).toMatchObject({
      paid: true,
    });
    expect(view.bills[0]).toMatchObject({ paidMinor: 1650, dueMinor: 1350 });
  });

  it('the same attempt sent twice gets the same intent and reserves once', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 6);
    const input = {
      token: fx.token(6),
      orderId,
      selection: { kind: 'share' as const, parts: 3, share: 1 },
      attemptId: randomUUID(),
    };
    const [first, second] = await Promise.all([
      fx.phone.pay.createPayment.mutate(input),
      fx.phone.pay.createPayment.mutate(input),
    ]);
    expect(second.paymentIntentId).toBe(first.paymentIntentId);
    expect(second.paymentId).toBe(first.paymentId);
    expect(await paymentsOf(fx, orderId)).toHaveLength(1);
    expect(first.amountMinor).toBe(1000);
  });

  it('the page confirming first records the payment once; the late webhook changes nothing', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 7);
    fx.emulator.behaviour.paused = true;
    const attempt = await pay(orderId, { kind: 'all' }, { table: 7 });
    await confirmCard(fx, attempt);
    const status = await fx.phone.pay.paymentStatus.query({
      token: fx.token(7),
      paymentIntentId: attempt.paymentIntentId,
    });
    expect(status).toMatchObject({
      outcome: 'succeeded',
      intentStatus: 'succeeded',
      amountMinor: 3000,
      order: { orderId, status: 'closed', dueMinor: 0 },
    });
    const recorded = await orderMoney(fx, orderId);
    fx.emulator.behaviour.paused = false;
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toEqual(recorded);
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_minor: 3000 }),
    ]);
  });

  it('every event Stripe sent was stored once and processed or ignored, none failed', async () => {
    await settled(fx);
    const rows = await webhookRows(fx);
    const events = fx.emulator.events();
    expect(rows.map((row) => row.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(rows.filter((row) => row.status === 'failed' || row.status === 'received')).toEqual([]);
    expect(rows.filter((row) => row.type === 'payment_intent.succeeded')).not.toHaveLength(0);
    for (const row of rows.filter((r) => r.type.startsWith('payment_intent.s'))) {
      expect(row.status).toBe('processed');
    }
  });

  it('a customer who gives up frees their part at once; the intent can no longer be paid', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 9);
    const half = await pay(orderId, { kind: 'share', parts: 2, share: 1 }, { table: 9 });
    expect((await fx.phone.pay.bill.query({ token: fx.token(9) })).bills[0]).toMatchObject({
      pendingMinor: 1500,
      dueMinor: 1500,
    });
    const canceled = await fx.phone.pay.cancelPayment.mutate({
      token: fx.token(9),
      paymentIntentId: half.paymentIntentId,
    });
    expect(canceled).toMatchObject({ outcome: 'canceled', intentStatus: 'canceled' });
    expect((await fx.phone.pay.bill.query({ token: fx.token(9) })).bills[0]).toMatchObject({
      pendingMinor: 0,
      dueMinor: 3000,
    });
    expect(await confirmCard(fx, half)).toMatchObject({ type: 'StripeInvalidRequestError' });
    // Another table's token cannot see or cancel it.
    const foreign = await failure(
      fx.phone.pay.paymentStatus.query({
        token: fx.token(8),
        paymentIntentId: half.paymentIntentId,
      }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a payment left pending past the hold is canceled at Stripe before its part is paid again', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 10);
    const abandoned = await pay(orderId, { kind: 'all' }, { table: 10 });
    // The phone was put away twenty minutes ago.
    await fx.test.db.query(
      "UPDATE payments SET created_at = created_at - interval '20 minutes' WHERE stripe_payment_intent_id = $1",
      [abandoned.paymentIntentId],
    );
    const fresh = await pay(orderId, { kind: 'all' }, { table: 10 });
    expect(fresh).toMatchObject({ amountMinor: 3000, capped: false });
    expect((await fx.stripe.paymentIntents.retrieve(abandoned.paymentIntentId)).status).toBe(
      'canceled',
    );
    expect(await confirmCard(fx, abandoned)).toMatchObject({ type: 'StripeInvalidRequestError' });
    await confirmCard(fx, fresh);
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 3000, overpaid_minor: 0 });
    expect((await paymentsOf(fx, orderId)).map((p) => p.status)).toEqual(['canceled', 'succeeded']);
  });

  it('a tip preset the venue does not offer is refused', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 8);
    const refused = await failure(
      pay(orderId, { kind: 'all' }, { tip: { kind: 'preset', bps: 9000 }, table: 8 }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
