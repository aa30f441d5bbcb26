import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_BROWSER_PREFIX } from '../src/payments/emulator-browser-api.ts';
import { createTestDb } from './support/test-db.ts';
import { startTestServer } from './support/test-server.ts';
import {
  openTableOrder,
  orderMoney,
  pairTablet,
  paymentsOf,
  settled,
  startPayFixture,
  type PayFixture,
  type Tablet,
} from './payments-fixture.ts';

// The customer's page in emulator mode confirms through the server (the emulator listens on
// 127.0.0.1, out of a phone's reach), exactly as Stripe.js would talk to api.stripe.com.
describe('the emulator’s browser API, reached through the server', () => {
  let fx: PayFixture;
  let tablet: Tablet;
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

  const startPayment = (orderId: string, table: number) =>
    fx.phone.pay.createPayment.mutate({
      token: fx.token(table),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });

  /** What the local card form posts: Stripe.js's form fields, publishable key included. */
  function cardForm(clientSecret: string, number: string, key = fx.emulator.publishableKey) {
    return new URLSearchParams({
      key,
      client_secret: clientSecret,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': number,
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 2),
      'payment_method_data[card][cvc]': '123',
    });
  }

  const post = (path: string, form: URLSearchParams) =>
    fetch(`${fx.server.url}${EMULATOR_BROWSER_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });

  it('a card confirmed with the publishable key pays the bill; the status names the card', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 1);
    const attempt = await startPayment(orderId, 1);
    const answer = await post(
      `/v1/payment_intents/${attempt.paymentIntentId}/confirm`,
      cardForm(attempt.clientSecret, '4242 4242 4242 4242'),
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: attempt.paymentIntentId, status: 'succeeded' });
    const status = await fx.phone.pay.paymentStatus.query({
      token: fx.token(1),
      paymentIntentId: attempt.paymentIntentId,
    });
    expect(status).toMatchObject({
      outcome: 'succeeded',
      amountMinor: 3000,
      card: { brand: 'visa', last4: '4242' },
      order: { orderId, status: 'closed', dueMinor: 0 },
    });
    const read = await fetch(
      `${fx.server.url}${EMULATOR_BROWSER_PREFIX}/v1/payment_intents/${attempt.paymentIntentId}?${new URLSearchParams(
        { key: fx.emulator.publishableKey, client_secret: attempt.clientSecret },
      )}`,
    );
    expect(await read.json()).toMatchObject({ status: 'succeeded', amount: 3000 });
  });

  it('a declined card answers 402 with Stripe’s message and records nothing as paid', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 2);
    const attempt = await startPayment(orderId, 2);
    const answer = await post(
      `/v1/payment_intents/${attempt.paymentIntentId}/confirm`,
      cardForm(attempt.clientSecret, '4000000000000002'),
    );
    expect(answer.status).toBe(402);
    expect(await answer.json()).toMatchObject({
      error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' },
    });
    await settled(fx);
    const status = await fx.phone.pay.paymentStatus.query({
      token: fx.token(2),
      paymentIntentId: attempt.paymentIntentId,
    });
    expect(status).toMatchObject({ outcome: 'failed', card: null });
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });
  });

  it('3D Secure: a failed authentication pays nothing; a completed one pays', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 3);
    const first = await startPayment(orderId, 3);
    const confirm = await post(
      `/v1/payment_intents/${first.paymentIntentId}/confirm`,
      cardForm(first.clientSecret, '4000002500003155'),
    );
    expect(await confirm.json()).toMatchObject({ status: 'requires_action' });
    const failed = await post(
      `/v1/payment_intents/${first.paymentIntentId}/emulator_authenticate`,
      new URLSearchParams({
        key: fx.emulator.publishableKey,
        client_secret: first.clientSecret,
        outcome: 'failure',
      }),
    );
    expect(await failed.json()).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
    await settled(fx);
    expect(
      await fx.phone.pay.paymentStatus.query({
        token: fx.token(3),
        paymentIntentId: first.paymentIntentId,
      }),
    ).toMatchObject({ outcome: 'failed' });
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });

    const second = await startPayment(orderId, 3);
    await post(
      `/v1/payment_intents/${second.paymentIntentId}/confirm`,
      cardForm(second.clientSecret, '4000002500003155'),
    );
    const passed = await post(
      `/v1/payment_intents/${second.paymentIntentId}/emulator_authenticate`,
      new URLSearchParams({
        key: fx.emulator.publishableKey,
        client_secret: second.clientSecret,
        outcome: 'success',
      }),
    );
    expect(await passed.json()).toMatchObject({ status: 'succeeded' });
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'closed', paid_minor: 3000 });
    expect((await paymentsOf(fx, orderId)).map((p) => p.status)).toEqual(['failed', 'succeeded']);
  });

  it('only the publishable key, only the browser’s calls, only with the intent’s secret', async () => {
    const { orderId } = await openTableOrder(fx, tablet, LINES, 4);
    const attempt = await startPayment(orderId, 4);
    const confirmPath = `/v1/payment_intents/${attempt.paymentIntentId}/confirm`;
    const withSecretKey = await post(
      confirmPath,
      cardForm(attempt.clientSecret, '4242424242424242', fx.emulator.secretKey),
    );
    expect(withSecretKey.status).toBe(401);
    const form = cardForm(attempt.clientSecret, '4242424242424242');
    form.delete('key');
    expect((await post(confirmPath, form)).status).toBe(401);
    const viaHeader = await fetch(`${fx.server.url}${EMULATOR_BROWSER_PREFIX}${confirmPath}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${fx.emulator.secretKey}`,
      },
      body: form.toString(),
    });
    expect(viaHeader.status).toBe(401);
    const wrongSecret = await post(
      confirmPath,
      cardForm(`${attempt.paymentIntentId}_secret_wrong`, '4242424242424242'),
    );
    expect(wrongSecret.status).toBe(400);
    const key = new URLSearchParams({ key: fx.emulator.publishableKey });
    for (const path of [
      `/v1/payment_intents/${attempt.paymentIntentId}/cancel`,
      '/v1/payment_intents',
      '/v1/refunds',
    ]) {
      expect((await post(path, key)).status).toBe(404);
    }
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });
    expect((await fx.stripe.paymentIntents.retrieve(attempt.paymentIntentId)).status).toBe(
      'requires_payment_method',
    );
  });

  it('does not exist when the server talks to Stripe itself', async () => {
    const test = await createTestDb();
    const server = await startTestServer(test.db, {
      env: { STRIPE_SECRET_KEY: 'sk_test_not_used', STRIPE_PUBLISHABLE_KEY: 'pk_test_not_used' },
    });
    try {
      const answer = await fetch(
        `${server.url}${EMULATOR_BROWSER_PREFIX}/v1/payment_intents/pi_x/confirm`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'key=pk_test_not_used',
        },
      );
      expect(answer.status).toBe(404);
    } finally {
      await server.close();
      await test.drop();
    }
  });
});
