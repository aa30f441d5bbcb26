import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from './index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './test-webhook-receiver.ts';

// Checkout Sessions, Customers and Subscriptions: enough for a pay-now order through Checkout
// and for the venue's plan (customer.subscription.updated / deleted).
let receiver: WebhookReceiver;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startStripeEmulator({ webhookUrl: receiver.url });
  stripe = new Stripe(emulator.secretKey, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const typesDelivered = () => receiver.received.map((webhook) => webhook.event.type);

const complete = (id: string, params: Record<string, unknown> = {}) =>
  stripe.rawRequest('POST', `/v1/checkout/sessions/${id}/emulator_complete`, params) as Promise<
    Stripe.Checkout.Session & Record<string, unknown>
  >;

function paymentSession(): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Margherita' } },
        quantity: 2,
      },
      {
        price_data: { currency: 'eur', unit_amount: 350, product_data: { name: 'Cola' } },
        quantity: 1,
      },
    ],
    success_url: 'https://pos.example/paid?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://pos.example/cancel',
    metadata: { cart_id: 'cart_1' },
    payment_intent_data: { metadata: { cart_id: 'cart_1' } },
  });
}

async function planPrice(): Promise<Stripe.Price> {
  return stripe.prices.create({
    currency: 'eur',
    unit_amount: 4900,
    recurring: { interval: 'month' },
    product_data: { name: 'Servio Pro' },
  });
}

describe('Checkout Sessions', () => {
  it('creates an open session priced from its line items, with a hosted URL', async () => {
    const session = await paymentSession();
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2850,
      currency: 'eur',
      payment_intent: null,
      metadata: { cart_id: 'cart_1' },
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${emulator.url}/emulator/checkout/${session.id}`);
    const expanded = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items'],
    });
    expect(expanded.line_items?.data.map((item) => [item.description, item.amount_total])).toEqual([
      ['Margherita', 2500],
      ['Cola', 350],
    ]);
  });

  it('completing it pays a PaymentIntent and emits checkout.session.completed', async () => {
    const session = await paymentSession();
    const completed = await complete(session.id);
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const intent = await stripe.paymentIntents.retrieve(completed.payment_intent as string);
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 2850,
      metadata: { cart_id: 'cart_1' },
    });
    await emulator.settle();
    expect(typesDelivered()).toContain('checkout.session.completed');
    const event = receiver.received.find((w) => w.event.type === 'checkout.session.completed');
    expect(event!.event.data.object).toMatchObject({ id: session.id, payment_intent: intent.id });
    expect(typesDelivered().indexOf('payment_intent.succeeded')).toBeLessThan(
      typesDelivered().indexOf('checkout.session.completed'),
    );
  });

  it('a declined card leaves the session open; a second card then completes it', async () => {
    const session = await paymentSession();
    await expect(
      complete(session.id, { payment_method: 'pm_card_chargeDeclined' }),
    ).rejects.toMatchObject({
      statusCode: 402,
      code: 'card_declined',
    });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    const completed = await complete(session.id, { payment_method: 'pm_card_visa' });
    expect(completed.status).toBe('complete');
    await expect(complete(session.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('the hosted page takes a card and redirects to success_url', async () => {
    const session = await paymentSession();
    const pageResponse = await fetch(session.url!);
    expect(pageResponse.status).toBe(200);
    expect(await pageResponse.text()).toContain('€28.50');
    const declined = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams({ card_number: '4000 0000 0000 0002' }),
      redirect: 'manual',
    });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');
    const paid = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams({ card_number: '4242 4242 4242 4242', email: 'guest@example.com' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://pos.example/paid?session=${session.id}`);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });

  it('expiring an open session emits checkout.session.expired', async () => {
    const session = await paymentSession();
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    await emulator.settle();
    expect(typesDelivered()).toContain('checkout.session.expired');
  });

  it('subscription mode starts a subscription for a new customer', async () => {
    const price = await planPrice();
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      customer_email: 'owner@example.com',
      subscription_data: { metadata: { venue_id: 'v1' } },
    });
    const completed = await complete(session.id);
    expect(completed.subscription).toMatch(/^sub_/);
    const subscription = await stripe.subscriptions.retrieve(completed.subscription as string);
    expect(subscription).toMatchObject({
      status: 'active',
      customer: completed.customer,
      metadata: { venue_id: 'v1' },
    });
    expect(
      (await stripe.customers.retrieve(completed.customer as string)) as Stripe.Customer,
    ).toMatchObject({
      email: 'owner@example.com',
    });
  });
});

describe('Customers and Subscriptions', () => {
  it('customers are created, updated (customer.updated with what changed) and retrieved', async () => {
    const customer = await stripe.customers.create({
      email: 'a@example.com',
      metadata: { venue_id: 'v1' },
    });
    expect(customer.id).toMatch(/^cus_/);
    await stripe.customers.update(customer.id, { name: 'Trattoria' });
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({
      name: 'Trattoria',
      email: 'a@example.com',
    });
    await emulator.settle();
    const updated = receiver.received.find((w) => w.event.type === 'customer.updated');
    expect(updated!.event).toMatchObject({ data: { previous_attributes: { name: null } } });
  });

  it('a subscription’s status changes emit customer.subscription.updated; cancelling emits deleted', async () => {
    const price = await planPrice();
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_visa',
      metadata: { venue_id: 'v1' },
    });
    expect(subscription).toMatchObject({ object: 'subscription', status: 'active' });
    expect(subscription.items.data[0]).toMatchObject({ price: { id: price.id }, quantity: 1 });
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    await stripe.rawRequest('POST', `/v1/subscriptions/${subscription.id}/emulator_set_status`, {
      status: 'past_due',
    });
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', ended_at: expect.any(Number) });
    await emulator.settle();
    const subscriptionEvents = receiver.received
      .filter((w) => w.event.type.startsWith('customer.subscription.'))
      .map((w) => ({
        type: w.event.type,
        status: w.event.data.object['status'],
        previous: (w.event.data as { previous_attributes?: Record<string, unknown> })
          .previous_attributes,
      }));
    expect(subscriptionEvents).toEqual([
      { type: 'customer.subscription.created', status: 'active', previous: undefined },
      {
        type: 'customer.subscription.updated',
        status: 'active',
        previous: { cancel_at: null, cancel_at_period_end: false },
      },
      { type: 'customer.subscription.updated', status: 'past_due', previous: { status: 'active' } },
      { type: 'customer.subscription.deleted', status: 'canceled', previous: undefined },
    ]);
  });

  it('a trial starts as trialing; a declining card makes the subscription incomplete', async () => {
    const price = await planPrice();
    const customer = await stripe.customers.create({});
    const trial = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 14,
    });
    expect(trial.status).toBe('trialing');
    const declined = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_chargeDeclined',
    });
    expect(declined.status).toBe('incomplete');
    await expect(
      stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const listed = await stripe.subscriptions.list({ customer: customer.id });
    expect(listed.data.map((sub) => sub.id)).toEqual([declined.id, trial.id]);
  });
});
