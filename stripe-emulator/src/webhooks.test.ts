import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from './index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './test-webhook-receiver.ts';

// Webhook delivery as Stripe does it (signed, retried with backoff on failure) and the ways it
// misbehaves that our endpoint must survive: duplicates, reordering, delay, failures, pauses.
let receiver: WebhookReceiver;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startStripeEmulator({
    webhookUrl: receiver.url,
    behaviour: { retryBaseDelayMs: 20, maxAttempts: 4 },
  });
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

const pay = (paymentMethod = 'pm_card_visa') =>
  stripe.paymentIntents.create({
    amount: 1200,
    currency: 'eur',
    payment_method: paymentMethod,
    confirm: true,
  });

const receivedTypes = () => receiver.received.map((webhook) => webhook.event.type);

describe('signed delivery', () => {
  it('every event arrives with a Stripe-Signature that stripe.webhooks.constructEvent accepts', async () => {
    const intent = await pay();
    await emulator.settle();
    expect(receivedTypes()).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    for (const webhook of receiver.received) {
      expect(webhook.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = stripe.webhooks.constructEvent(
        webhook.rawBody,
        webhook.signature,
        emulator.webhookSecret,
      );
      expect(event.id).toBe(webhook.event.id);
    }
    const succeeded = receiver.received[2]!.event;
    expect(succeeded).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: { object: { id: intent.id, object: 'payment_intent', status: 'succeeded' } },
    });
    expect(succeeded.id).toMatch(/^evt_/);
  });

  it('a tampered body or another secret fails constructEvent', async () => {
    await pay();
    await emulator.settle();
    const webhook = receiver.received[2]!;
    const tampered = webhook.rawBody.replace('"amount": 1200', '"amount": 1');
    expect(tampered).not.toBe(webhook.rawBody);
    expect(() =>
      stripe.webhooks.constructEvent(tampered, webhook.signature, emulator.webhookSecret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() =>
      stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, 'whsec_someone_else'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('events are retrievable and listable by type, snapshotted when they happened', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    await stripe.paymentIntents.update(intent.id, { metadata: { later: 'yes' } });
    const created = await stripe.events.list({ type: 'payment_intent.created' });
    expect(created.data).toHaveLength(1);
    const event = await stripe.events.retrieve(created.data[0]!.id);
    expect((event.data.object as Stripe.PaymentIntent).metadata).toEqual({});
    expect(event.request).toMatchObject({ id: expect.stringMatching(/^req_/) });
    const all = await stripe.events.list({ type: 'payment_intent.*' });
    expect(all.data.map((item) => item.type)).toEqual(['payment_intent.created']);
  });
});

describe('retries', () => {
  it('retries a failing endpoint with exponential backoff and stops once it answers 2xx', async () => {
    receiver.respondWith((_, index) => (index < 2 ? 500 : 200));
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    await emulator.settle();
    const attempts = emulator.deliveries();
    expect(attempts.map(({ attempt, status, ok }) => ({ attempt, status, ok }))).toEqual([
      { attempt: 1, status: 500, ok: false },
      { attempt: 2, status: 500, ok: false },
      { attempt: 3, status: 200, ok: true },
    ]);
    expect(receiver.received.map((webhook) => webhook.event.data.object['id'])).toEqual([
      customer.id,
      customer.id,
      customer.id,
    ]);
    // Backoff: 20 ms before the 2nd attempt, 40 ms before the 3rd (timers may round by 1 ms).
    const [first, second, third] = receiver.received.map((webhook) => webhook.receivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(19);
    expect(third! - second!).toBeGreaterThanOrEqual(39);
  });

  it('gives up after maxAttempts', async () => {
    receiver.respondWith(() => 503);
    await stripe.customers.create({});
    await emulator.settle();
    expect(emulator.deliveries().map((record) => record.attempt)).toEqual([1, 2, 3, 4]);
    expect(receiver.received).toHaveLength(4);
  });

  it('treats an unreachable endpoint as a failure and retries it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    emulator.setWebhookUrl(`http://127.0.0.1:${port}/hook`);
    await stripe.customers.create({});
    await emulator.settle();
    const attempts = emulator.deliveries();
    expect(attempts).toHaveLength(4);
    expect(attempts.every((record) => record.status === null && record.error !== null)).toBe(true);
  });
});

describe('behaviour switches', () => {
  it('duplicate: every event is delivered twice, each copy verifiable', async () => {
    emulator.behaviour.duplicate = true;
    await stripe.customers.create({});
    await emulator.settle();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(a!.event.id).toBe(b!.event.id);
    for (const webhook of receiver.received) {
      stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, emulator.webhookSecret);
    }
    expect(emulator.deliveries().map((record) => record.copy)).toEqual([1, 2]);
  });

  it('outOfOrder: the events of one request arrive newest first', async () => {
    emulator.behaviour.outOfOrder = true;
    await pay();
    await emulator.settle();
    expect(receivedTypes()).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
  });

  it('paused + outOfOrder: held events are released newest first (succeeded before the earlier failure)', async () => {
    emulator.behaviour.paused = true;
    emulator.behaviour.outOfOrder = true;
    const intent = await stripe.paymentIntents.create({ amount: 1200, currency: 'eur' });
    await stripe.paymentIntents
      .confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' })
      .catch(() => undefined);
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await emulator.settle();
    expect(receiver.received).toHaveLength(0);
    emulator.behaviour.paused = false;
    await emulator.settle();
    const intentEvents = receivedTypes().filter((type) => type.startsWith('payment_intent.'));
    expect(intentEvents).toEqual([
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'payment_intent.created',
    ]);
  });

  it('paused: nothing is delivered until resumed, then everything in order', async () => {
    emulator.behaviour.paused = true;
    await pay();
    await emulator.settle();
    expect(emulator.deliveries()).toHaveLength(0);
    emulator.behaviour.paused = false;
    await emulator.settle();
    expect(receivedTypes()).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
  });

  it('failFirstAttempts: the first N attempts fail without being sent, then delivery succeeds', async () => {
    emulator.behaviour.failFirstAttempts = 2;
    await stripe.customers.create({});
    await emulator.settle();
    expect(
      emulator.deliveries().map(({ attempt, status, ok }) => ({ attempt, status, ok })),
    ).toEqual([
      { attempt: 1, status: null, ok: false },
      { attempt: 2, status: null, ok: false },
      { attempt: 3, status: 200, ok: true },
    ]);
    expect(receiver.received).toHaveLength(1);
  });

  it('delayMs: the first attempt waits at least that long after the event', async () => {
    emulator.behaviour.delayMs = 80;
    const before = Date.now();
    await stripe.customers.create({});
    await emulator.settle();
    expect(receiver.received[0]!.receivedAt - before).toBeGreaterThanOrEqual(79);
  });

  it('without a webhook URL events are recorded but not delivered', async () => {
    const quiet = await startStripeEmulator();
    try {
      const client = new Stripe(quiet.secretKey, {
        host: quiet.host,
        port: quiet.port,
        protocol: 'http',
      });
      await client.customers.create({});
      await quiet.settle();
      expect(quiet.deliveries()).toEqual([]);
      expect(quiet.events().map((event) => [event.type, event.pending_webhooks])).toEqual([
        ['customer.created', 0],
      ]);
    } finally {
      await quiet.close();
    }
  });
});
