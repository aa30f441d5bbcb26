import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from './index.ts';

// Stripe's documented idempotency (https://docs.stripe.com/api/idempotent_requests): the first
// result for a key is saved once the endpoint runs, errors included, and replayed for the same
// parameters; other parameters or another endpoint are an idempotency_error; a request that
// fails validation or overlaps another with the same key saves nothing.
let clock: number;
let emulator: StripeEmulator;
let stripe: Stripe;

function client(retries: number): Stripe {
  return new Stripe(emulator.secretKey, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: retries,
  });
}

beforeEach(async () => {
  clock = Date.now();
  emulator = await startStripeEmulator({ now: () => clock });
  stripe = client(0);
});

afterEach(() => emulator.close());

const payment = { amount: 2000, currency: 'eur', metadata: { order_id: 'ord_9', share: '1/3' } };

async function intentCount(): Promise<number> {
  return (await stripe.paymentIntents.list({ limit: 100 })).data.length;
}

function headerOf(object: { lastResponse: { headers: Record<string, unknown> } }, name: string) {
  return object.lastResponse.headers[name];
}

describe('Idempotency-Key', () => {
  it('the same key and parameters replay the first response, marked Idempotent-Replayed', async () => {
    const first = await stripe.paymentIntents.create(payment, { idempotencyKey: 'pay-ord_9-1/3' });
    const again = await stripe.paymentIntents.create(
      // The same parameters in another order are the same request.
      { metadata: { share: '1/3', order_id: 'ord_9' }, currency: 'eur', amount: 2000 },
      { idempotencyKey: 'pay-ord_9-1/3' },
    );
    expect(again.id).toBe(first.id);
    expect(again.client_secret).toBe(first.client_secret);
    expect(headerOf(first, 'idempotent-replayed')).toBeUndefined();
    expect(headerOf(again, 'idempotent-replayed')).toBe('true');
    expect(headerOf(again, 'original-request')).toBe(first.lastResponse.requestId);
    expect(await intentCount()).toBe(1);
    const created = emulator.events().filter((event) => event.type === 'payment_intent.created');
    expect(created).toHaveLength(1);
  });

  it('the same key with different parameters is an idempotency_error (400), creating nothing', async () => {
    await stripe.paymentIntents.create(payment, { idempotencyKey: 'key-1' });
    const reuse = stripe.paymentIntents.create(
      { ...payment, amount: 2500 },
      { idempotencyKey: 'key-1' },
    );
    await expect(reuse).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(reuse).rejects.toMatchObject({
      statusCode: 400,
      rawType: 'idempotency_error',
      message: expect.stringContaining('same parameters'),
    });
    expect(await intentCount()).toBe(1);
  });

  it('the same key on another endpoint is an idempotency_error', async () => {
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'key-2' });
    await expect(
      stripe.paymentIntents.create(payment, { idempotencyKey: 'key-2' }),
    ).rejects.toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
  });

  it('a declined payment is saved too: the replay is the same 402 and charges nothing more', async () => {
    const declined = { ...payment, payment_method: 'pm_card_chargeDeclined', confirm: true };
    const first = await stripe.paymentIntents
      .create(declined, { idempotencyKey: 'decline' })
      .catch((error: Stripe.errors.StripeCardError) => error);
    const second = await stripe.paymentIntents
      .create(declined, { idempotencyKey: 'decline' })
      .catch((error: Stripe.errors.StripeCardError) => error);
    expect(first).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(second).toMatchObject({ statusCode: 402, code: 'card_declined' });
    const raw = (error: unknown) =>
      (error as Stripe.errors.StripeCardError).raw as { charge: string };
    expect(raw(second).charge).toBe(raw(first).charge);
    expect((second as Stripe.errors.StripeCardError).headers?.['idempotent-replayed']).toBe('true');
    expect((await stripe.charges.list()).data).toHaveLength(1);
  });

  it('a request that fails validation saves nothing: the key may be retried with fixed parameters', async () => {
    await expect(
      stripe.rawRequest(
        'POST',
        '/v1/payment_intents',
        { currency: 'eur' },
        { idempotencyKey: 'fix-me' },
      ),
    ).rejects.toMatchObject({ code: 'parameter_missing' });
    const fixed = await stripe.paymentIntents.create(payment, { idempotencyKey: 'fix-me' });
    expect(headerOf(fixed, 'idempotent-replayed')).toBeUndefined();
    expect(fixed.amount).toBe(2000);
  });

  it('keys are scoped to the API key that sent them', async () => {
    const intent = await stripe.paymentIntents.create({
      ...payment,
      payment_method: 'pm_card_visa',
    });
    const confirmWith = (apiKey: string) =>
      fetch(`${emulator.url}/v1/payment_intents/${intent.id}/confirm`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiKey}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Idempotency-Key': 'confirm-1',
        },
        body: new URLSearchParams({ client_secret: intent.client_secret! }),
      });
    const browser = await confirmWith(emulator.publishableKey);
    expect(browser.status).toBe(200);
    // The secret key's 'confirm-1' is a different key: it executes (and the intent has already
    // succeeded), instead of replaying the publishable key's answer.
    const server = await confirmWith(emulator.secretKey);
    expect(server.status).toBe(400);
    expect(server.headers.get('idempotent-replayed')).toBeNull();
    expect(((await server.json()) as { error: { code: string } }).error.code).toBe(
      'payment_intent_unexpected_state',
    );
  });

  it('concurrent requests with one key never create two objects (409 idempotency_key_in_use while the first runs)', async () => {
    emulator.behaviour.apiLatencyMs = 100;
    const results = await Promise.allSettled([
      stripe.paymentIntents.create(payment, { idempotencyKey: 'together' }),
      stripe.paymentIntents.create(payment, { idempotencyKey: 'together' }),
    ]);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      statusCode: 409,
      rawType: 'idempotency_error',
      code: 'idempotency_key_in_use',
    });
    expect(await intentCount()).toBe(1);
  });

  it('the SDK’s retry of a 409 gets the first request’s object', async () => {
    emulator.behaviour.apiLatencyMs = 100;
    const retrying = client(2);
    const [a, b] = await Promise.all([
      retrying.paymentIntents.create(payment, { idempotencyKey: 'retry-me' }),
      retrying.paymentIntents.create(payment, { idempotencyKey: 'retry-me' }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await intentCount()).toBe(1);
  });

  it('keys are pruned after 24 hours', async () => {
    await stripe.paymentIntents.create(payment, { idempotencyKey: 'old-key' });
    clock += 24 * 60 * 60 * 1000 + 1000;
    const fresh = await stripe.paymentIntents.create(
      { ...payment, amount: 3000 },
      { idempotencyKey: 'old-key' },
    );
    expect(fresh.amount).toBe(3000);
    expect(await intentCount()).toBe(2);
  });

  it('GET requests ignore the header', async () => {
    const intent = await stripe.paymentIntents.create(payment);
    const response = await fetch(`${emulator.url}/v1/payment_intents/${intent.id}`, {
      headers: { Authorization: `Bearer ${emulator.secretKey}`, 'Idempotency-Key': 'create-1' },
    });
    expect(response.status).toBe(200);
    const other = await stripe.customers.create({}, { idempotencyKey: 'create-1' });
    expect(headerOf(other, 'idempotent-replayed')).toBeUndefined();
  });
});
