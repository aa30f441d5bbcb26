import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import {
  confirmCard,
  openTableOrder,
  orderMoney,
  pairTablet,
  paymentsOf,
  settled,
  startPayFixture,
  webhookRows,
  type PayFixture,
  type Tablet,
} from './payments-fixture.ts';
import { itemId } from './support/sync-outbox.ts';

// Issue 10, finding 7: a signed webhook is a claim, not a fact. The signature's time is bounded
// both ways, anything verification refuses is a 400, and no event changes money unless both the
// event and the intent as Stripe holds it now agree with our payment row (docs/ARCHITECTURE.md,
// W1–W4).
describe('webhooks are checked before they move money', () => {
  let fx: PayFixture;
  let tablet: Tablet;
  let other: DemoSeed;

  beforeAll(async () => {
    fx = await startPayFixture();
    tablet = await pairTablet(fx);
    other = await seedDemoVenue(fx.test.db, {
      baseUrl: 'http://other.test',
      now: Date.now(),
      slug: 'other-venue',
      name: 'Other venue',
    });
  });
  afterEach(async () => {
    // A test that failed while holding webhooks back must not hold them for the next one.
    if (fx?.emulator.behaviour.paused) await releaseHeldWebhooks();
  });
  afterAll(async () => {
    await fx?.close();
  });

  const post = (body: string, signature: string) =>
    fetch(`${fx.server.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body,
    });
  const sign = (payload: string, timestamp?: number) =>
    fx.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: fx.emulator.webhookSecret,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const eventId = () => `evt_${randomUUID().replaceAll('-', '')}`;
  const storedEvent = async (id: string) => (await webhookRows(fx)).find((row) => row.id === id);
  /** An event as an attacker holding the signing secret would send it. */
  const forgedEvent = (type: string, object: Record<string, unknown>) => ({
    id: eventId(),
    object: 'event',
    type,
    created: nowSeconds(),
    livemode: false,
    data: { object },
  });

  async function pendingPayment(tableIndex: number) {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], tableIndex);
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(tableIndex),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    return { orderId, attempt };
  }

  /** A table bill really paid on Stripe, its webhooks held back for the test. */
  async function paidWithHeldWebhooks(tableIndex: number) {
    const { orderId, attempt } = await pendingPayment(tableIndex);
    fx.emulator.behaviour.paused = true;
    await confirmCard(fx, attempt);
    const succeeded = fx.emulator
      .events()
      .find(
        (e) =>
          e.type === 'payment_intent.succeeded' &&
          (e.data.object as { id: string }).id === attempt.paymentIntentId,
      )!;
    return { orderId, attempt, intent: succeeded.data.object as Record<string, unknown> };
  }

  async function releaseHeldWebhooks() {
    fx.emulator.behaviour.paused = false;
    await settled(fx);
  }

  it('[W1] refuses a signature timestamped beyond the tolerance in the future with 400, and stores nothing', async () => {
    const event = forgedEvent('invoice.created', { id: 'in_future' });
    const payload = JSON.stringify(event);
    // Well past the 300 s tolerance, so a slow machine's seconds between signing and checking
    // cannot bring it back within it.
    const ahead = await post(payload, sign(payload, nowSeconds() + 360));
    expect(ahead.status).toBe(400);
    expect(await ahead.json()).toMatchObject({
      error: 'invalid_signature',
      message: expect.stringMatching(/tolerance/),
    });
    expect(await storedEvent(event.id)).toBeUndefined();
    // A clock a little ahead, within the tolerance, is still taken.
    const skewed = await post(payload, sign(payload, nowSeconds() + 200));
    expect(skewed.status).toBe(200);
    expect(await skewed.json()).toMatchObject({ eventId: event.id, outcome: 'ignored' });
  });

  it('[W1] answers 400 to a correctly signed body that is not JSON, and stores nothing', async () => {
    const before = (await webhookRows(fx)).length;
    for (const body of ['this is not json', '{"id": "evt_1", ', '\u0000']) {
      const response = await post(body, sign(body));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'bad_request',
        message: 'The body is not JSON.',
      });
    }
    expect((await webhookRows(fx)).length).toBe(before);
  });

  it('[W2] a signed payment_intent.succeeded for amount 1 is refused and kept; only the genuine event settles', async () => {
    const { orderId, intent } = await paidWithHeldWebhooks(0);
    const event = forgedEvent('payment_intent.succeeded', {
      ...intent,
      amount: 1,
      amount_received: 1,
    });
    const payload = JSON.stringify(event);
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'event_refused', eventId: event.id });
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });
    // Kept for an operator, as a failure is, saying why.
    expect(await storedEvent(event.id)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/^refused: .*amount 1\b.*1650/),
    });
    await releaseHeldWebhooks();
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_minor: 1650 }),
    ]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'closed', paid_minor: 1650 });
  });

  it('[W2] a signed event carrying another venue’s metadata is refused and settles nothing', async () => {
    const { orderId, intent } = await paidWithHeldWebhooks(1);
    const metadata = { ...(intent['metadata'] as object), venue_id: other.venue.id };
    const event = forgedEvent('payment_intent.succeeded', { ...intent, metadata });
    const payload = JSON.stringify(event);
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(422);
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await storedEvent(event.id)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining(`metadata.venue_id is ${other.venue.id}`),
    });
    await releaseHeldWebhooks();
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded' }),
    ]);
  });

  it('[W3] a payment_intent.succeeded whose intent has not succeeded on Stripe is refused', async () => {
    const { orderId, attempt } = await pendingPayment(2);
    const onStripe = await fx.stripe.paymentIntents.retrieve(attempt.paymentIntentId);
    expect(onStripe.status).toBe('requires_payment_method');
    const event = forgedEvent('payment_intent.succeeded', {
      ...onStripe,
      status: 'succeeded',
      amount_received: onStripe.amount,
    });
    const payload = JSON.stringify(event);
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(422);
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await storedEvent(event.id)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/Stripe says .* requires_payment_method/),
    });
  });

  it('[W2][W3] an intent changed on Stripe behind our back never settles its payment, however often delivered', async () => {
    const { orderId, attempt } = await pendingPayment(3);
    await fx.stripe.paymentIntents.update(attempt.paymentIntentId, { amount: 100 });
    await confirmCard(fx, attempt);
    await settled(fx);
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });
    const delivered = fx.emulator
      .deliveries()
      .filter(
        (d) =>
          d.type === 'payment_intent.succeeded' &&
          d.url.endsWith('/webhook') &&
          fx.emulator
            .events()
            .some(
              (e) =>
                e.id === d.eventId &&
                (e.data.object as { id: string }).id === attempt.paymentIntentId,
            ),
      );
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((d) => d.status === 422)).toBe(true);
    expect(await storedEvent(delivered[0]!.eventId)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/^refused: .*amount 100 .*1650/),
    });
    // The customer's page asking does not settle it either.
    const status = await fx.phone.pay.paymentStatus
      .query({ token: fx.token(3), paymentIntentId: attempt.paymentIntentId })
      .catch((error: unknown) => error);
    expect(status).toMatchObject({ data: { code: 'CONFLICT' } });
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('[W2][W3] a QR pay-now intent whose metadata was changed on Stripe makes no order', async () => {
    const started = await fx.phone.pay.startOrder.mutate({
      token: fx.token(4),
      attemptId: randomUUID(),
      items: [{ itemId: itemId(fx.catalog, 'Cola'), quantity: 1, optionIds: [] }],
      tip: { kind: 'none' },
    });
    await fx.stripe.paymentIntents.update(started.paymentIntentId, {
      metadata: { venue_id: other.venue.id },
    });
    await confirmCard(fx, started);
    await settled(fx);
    const { rows } = await fx.test.db.query<{ status: string }>(
      'SELECT status FROM qr_checkouts WHERE payment_intent_id = $1',
      [started.paymentIntentId],
    );
    expect(rows).toEqual([{ status: 'awaiting_payment' }]);
    const refused = (await webhookRows(fx)).filter(
      (row) => row.type === 'payment_intent.succeeded' && row.last_error?.includes('venue_id'),
    );
    expect(refused.length).toBeGreaterThan(0);
  });

  it('[W4] a signed charge.refunded larger than what Stripe says was refunded changes nothing', async () => {
    const { orderId, attempt } = await paidWithHeldWebhooks(5);
    await releaseHeldWebhooks();
    const intent = await fx.stripe.paymentIntents.retrieve(attempt.paymentIntentId);
    const chargeId = String(intent.latest_charge);
    const charge = await fx.stripe.charges.retrieve(chargeId);
    const event = forgedEvent('charge.refunded', {
      ...charge,
      amount_refunded: charge.amount,
      refunded: true,
    });
    const payload = JSON.stringify(event);
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(422);
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', refunded_minor: 0 }),
    ]);
    expect(await storedEvent(event.id)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/^refused: .*refunded/),
    });
  });
});
