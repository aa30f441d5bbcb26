import type Stripe from 'stripe';
import { isStripeMissing } from './errors.ts';
import {
  IntentSchema,
  RefundSchema,
  SubscriptionSchema,
  type IntentFacts,
  type RefundFacts,
  type SubscriptionFacts,
} from './stripe-objects.ts';

/** The intent as Stripe holds it now. */
export async function readIntent(client: Stripe, id: string): Promise<IntentFacts> {
  return IntentSchema.parse(await client.paymentIntents.retrieve(id));
}

/**
 * Events arrive in any order, so when the order matters we ask Stripe for the object as it is
 * now rather than trust the snapshot in the event. If Stripe no longer knows the object (an
 * emulator restarted since, a replay long after), the event's own snapshot is all there is.
 */
export async function latestIntent(client: Stripe, snapshot: IntentFacts): Promise<IntentFacts> {
  try {
    return await readIntent(client, snapshot.id);
  } catch (error) {
    if (isStripeMissing(error)) return snapshot;
    throw error;
  }
}

export async function latestSubscription(
  client: Stripe,
  snapshot: SubscriptionFacts,
): Promise<SubscriptionFacts> {
  try {
    return SubscriptionSchema.parse(await client.subscriptions.retrieve(snapshot.id));
  } catch (error) {
    if (isStripeMissing(error)) return snapshot;
    throw error;
  }
}

/** Every refund of an intent's charges (to reconcile refunds made outside Servio). */
export async function refundsOfIntent(
  client: Stripe,
  paymentIntentId: string,
): Promise<RefundFacts[] | undefined> {
  try {
    const list = await client.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
    return list.data.map((refund) => RefundSchema.parse(refund));
  } catch (error) {
    if (isStripeMissing(error)) return undefined;
    throw error;
  }
}
