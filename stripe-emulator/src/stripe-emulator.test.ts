import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sequentialIds, startStripeEmulator, type StripeEmulator } from './index.ts';

// PaymentIntents as the product drives them: the server through the official SDK, the
// customer's browser (Stripe.js's role) with the publishable key and the client secret.
let emulator: StripeEmulator;
let stripe: Stripe;

beforeEach(async () => {
  emulator = await startStripeEmulator();
  stripe = new Stripe(emulator.secretKey, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});

afterEach(() => emulator.close());

/** A call from the customer's browser, as Stripe.js makes it. */
async function fromBrowser(path: string, params: Record<string, string>, method = 'POST') {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${emulator.url}${path}${method === 'GET' ? `?${query}` : ''}`, {
    method,
    headers: {
      Authorization: `Bearer ${emulator.publishableKey}`,
      ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(method === 'POST' ? { body: query } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('PaymentIntents', () => {
  it('creates an intent in Stripe’s shape, awaiting a payment method', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 2350,
      currency: 'EUR',
      description: 'Table 4',
      metadata: { order_id: 'ord_1', venue_id: 'v1' },
      automatic_payment_methods: { enabled: true },
    });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 2350,
      currency: 'eur',
      status: 'requires_payment_method',
      description: 'Table 4',
      metadata: { order_id: 'ord_1', venue_id: 'v1' },
      automatic_payment_methods: { enabled: true },
      latest_charge: null,
      livemode: false,
    });
    expect(intent.id).toMatch(/^pi_\w{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_\\w+$`));
    expect(Math.abs(intent.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('4242 4242 4242 4242 succeeds and leaves a succeeded charge', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1200,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
      expand: ['latest_charge'],
    });
    expect(intent.status).toBe('succeeded');
    expect(intent.amount_received).toBe(1200);
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 1200,
      status: 'succeeded',
      paid: true,
      captured: true,
      payment_intent: intent.id,
      amount_refunded: 0,
    });
    expect(charge.id).toMatch(/^ch_/);
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
  });

  it('confirms from the browser with the publishable key, the client secret and raw card data', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 800, currency: 'eur' });
    const confirmed = await fromBrowser(`/v1/payment_intents/${intent.id}/confirm`, {
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4242 4242 4242 4242',
      'payment_method_data[card][exp_month]': '12',
      'payment_method_data[card][exp_year]': '2040',
      'payment_method_data[card][cvc]': '123',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'succeeded',
      latest_charge: expect.stringMatching(/^ch_/),
    });
    const fetched = await fromBrowser(
      `/v1/payment_intents/${intent.id}`,
      { client_secret: intent.client_secret! },
      'GET',
    );
    expect(fetched.body['status']).toBe('succeeded');
  });

  it('answers the browser’s CORS preflight, as api.stripe.com does for Stripe.js', async () => {
    const preflight = await fetch(`${emulator.url}/v1/payment_intents/pi_x/confirm`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type',
    );
  });

  it.each([
    ['4000000000000002', 'generic_decline', 'Your card was declined.'],
    ['4000000000009995', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])(
    '%s is declined (%s) and the intent returns to requires_payment_method',
    async (number, declineCode, message) => {
      const intent = await stripe.paymentIntents.create({ amount: 1500, currency: 'eur' });
      const answer = await fromBrowser(`/v1/payment_intents/${intent.id}/confirm`, {
        client_secret: intent.client_secret!,
        'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': number,
      });
      expect(answer.status).toBe(402);
      expect(answer.body['error']).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: declineCode,
        message,
        payment_intent: { id: intent.id, status: 'requires_payment_method' },
      });
      const after = await stripe.paymentIntents.retrieve(intent.id);
      expect(after.status).toBe('requires_payment_method');
      expect(after.payment_method).toBeNull();
      expect(after.last_payment_error).toMatchObject({
        code: 'card_declined',
        decline_code: declineCode,
      });
      const charge = await stripe.charges.retrieve(after.latest_charge as string);
      expect(charge).toMatchObject({
        status: 'failed',
        paid: false,
        failure_code: 'card_declined',
      });
    },
  );

  it('the SDK raises StripeCardError for a decline, as with Stripe', async () => {
    const failure = stripe.paymentIntents.create({
      amount: 1500,
      currency: 'eur',
      payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
      confirm: true,
    });
    await expect(failure).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
  });

  it.each([
    ['pm_card_visa', 'succeeded'],
    ['pm_card_chargeDeclined', 'requires_payment_method'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'requires_payment_method'],
    ['pm_card_authenticationRequired', 'requires_action'],
  ])('test PaymentMethod %s ends in %s', async (paymentMethod, status) => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: paymentMethod,
    });
    expect(intent.status).toBe('requires_confirmation');
    expect(intent.payment_method).toMatch(/^pm_\w{24}$/);
    await stripe.paymentIntents.confirm(intent.id).catch(() => undefined);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe(status);
  });

  it('4000 0025 0000 3155 needs 3D Secure; authenticating it succeeds the payment', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'eur' });
    const confirmed = await fromBrowser(`/v1/payment_intents/${intent.id}/confirm`, {
      client_secret: intent.client_secret!,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': '4000002500003155',
    });
    expect(confirmed.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk' },
    });
    const authenticated = await fromBrowser(
      `/v1/payment_intents/${intent.id}/emulator_authenticate`,
      { client_secret: intent.client_secret!, outcome: 'success' },
    );
    expect(authenticated.body).toMatchObject({ status: 'succeeded', next_action: null });
    expect(authenticated.body['latest_charge']).toMatch(/^ch_/);
  });

  it('a failed 3D Secure challenge records payment_intent_authentication_failure and charges nothing', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://pos.example/t/abc',
    });
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action?.redirect_to_url?.return_url).toBe('https://pos.example/t/abc');
    const failed = await stripe.rawRequest(
      'POST',
      `/v1/payment_intents/${intent.id}/emulator_authenticate`,
      { outcome: 'failure' },
    );
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      latest_charge: null,
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
  });

  it('the hosted 3D Secure page sends the customer back to return_url with redirect_status', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'eur',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://pos.example/t/abc',
    });
    const challenge = intent.next_action!.redirect_to_url!.url!;
    expect((await fetch(challenge)).status).toBe(200);
    const answer = await fetch(challenge, {
      method: 'POST',
      body: new URLSearchParams({ client_secret: intent.client_secret!, outcome: 'success' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://pos.example/t/abc');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      payment_intent: intent.id,
      payment_intent_client_secret: intent.client_secret,
      redirect_status: 'succeeded',
    });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('updates merge metadata (an empty value removes a key) and a new amount', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      metadata: { order_id: 'o1', share: '1/2' },
    });
    const updated = await stripe.paymentIntents.update(intent.id, {
      amount: 1100,
      metadata: { share: '', tip: '100' },
    });
    expect(updated.amount).toBe(1100);
    expect(updated.metadata).toEqual({ order_id: 'o1', tip: '100' });
  });

  it('cancels an open intent, and refuses to cancel or change a succeeded one', async () => {
    const open = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    const canceled = await stripe.paymentIntents.cancel(open.id, {
      cancellation_reason: 'abandoned',
    });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const paid = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
    await expect(stripe.paymentIntents.update(paid.id, { amount: 2000 })).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    await expect(stripe.paymentIntents.confirm(paid.id)).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('lists newest first with cursor pagination the SDK can auto-paginate', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await stripe.paymentIntents.create({ amount: 100 + i, currency: 'eur' })).id);
    }
    const page = await stripe.paymentIntents.list({ limit: 2 });
    expect(page.data.map((intent) => intent.id)).toEqual([ids[4], ids[3]]);
    expect(page.has_more).toBe(true);
    const all = await stripe.paymentIntents.list({ limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all.map((intent) => intent.id)).toEqual([...ids].reverse());
  });
});

describe('determinism', () => {
  it('takes its clock and ids from the caller', async () => {
    const fixed = await startStripeEmulator({
      now: () => Date.UTC(2030, 0, 1, 12),
      ids: sequentialIds(),
    });
    try {
      const client = new Stripe(fixed.secretKey, {
        host: fixed.host,
        port: fixed.port,
        protocol: 'http',
      });
      const intent = await client.paymentIntents.create({ amount: 1000, currency: 'eur' });
      expect(intent.created).toBe(Date.UTC(2030, 0, 1, 12) / 1000);
      expect(intent.id).toMatch(/^pi_0+\d+$/);
      const next = await client.paymentIntents.create({ amount: 1000, currency: 'eur' });
      expect(next.id > intent.id).toBe(true);
    } finally {
      await fixed.close();
    }
  });
});
