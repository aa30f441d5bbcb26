import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from './index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './test-webhook-receiver.ts';

// Refunds as the manager's "refund the card part of an overpaid bill" needs them.
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

async function paidIntent(amount = 3000): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount,
    currency: 'eur',
    payment_method: 'pm_card_visa',
    confirm: true,
  });
}

describe('Refunds', () => {
  it('a partial refund on a PaymentIntent emits refund.created and charge.refunded with amount_refunded', async () => {
    const intent = await paidIntent(3000);
    await emulator.settle();
    receiver.received.length = 0;
    const refund = await stripe.refunds.create(
      {
        payment_intent: intent.id,
        amount: 1000,
        reason: 'duplicate',
        metadata: { order_id: 'o1' },
      },
      { idempotencyKey: `refund-${intent.id}-1000` },
    );
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 1000,
      currency: 'eur',
      status: 'succeeded',
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason: 'duplicate',
      metadata: { order_id: 'o1' },
    });
    expect(refund.id).toMatch(/^re_/);
    await emulator.settle();
    expect(receiver.received.map((webhook) => webhook.event.type)).toEqual([
      'refund.created',
      'charge.refunded',
    ]);
    const refunded = stripe.webhooks.constructEvent(
      receiver.received[1]!.rawBody,
      receiver.received[1]!.signature,
      emulator.webhookSecret,
    );
    expect(refunded.data.object).toMatchObject({
      id: intent.latest_charge,
      amount: 3000,
      amount_refunded: 1000,
      refunded: false,
    });
    expect(refunded.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
  });

  it('refunds the rest by default and marks the charge refunded; nothing is left to refund', async () => {
    const intent = await paidIntent(3000);
    await stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    const rest = await stripe.refunds.create({ charge: intent.latest_charge as string });
    expect(rest.amount).toBe(2000);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 3000, refunded: true });
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
    });
  });

  it('refuses more than the refundable amount', async () => {
    const intent = await paidIntent(3000);
    await stripe.refunds.create({ payment_intent: intent.id, amount: 2500 });
    await expect(
      stripe.refunds.create({ payment_intent: intent.id, amount: 600 }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'amount' });
  });

  it('refuses an intent that has not succeeded, and needs a charge or a payment_intent', async () => {
    const open = await stripe.paymentIntents.create({ amount: 3000, currency: 'eur' });
    await expect(stripe.refunds.create({ payment_intent: open.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_not_refundable',
    });
    await expect(stripe.refunds.create({})).rejects.toMatchObject({
      code: 'parameter_missing',
    });
  });

  it('retrieves and lists refunds by payment_intent', async () => {
    const intent = await paidIntent(3000);
    const first = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    const second = await stripe.refunds.create({ payment_intent: intent.id, amount: 700 });
    await paidIntent(1000);
    expect((await stripe.refunds.retrieve(first.id)).amount).toBe(500);
    const listed = await stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((refund) => refund.id)).toEqual([second.id, first.id]);
  });
});
