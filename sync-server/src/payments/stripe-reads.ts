import type Stripe from 'stripe';
import { isStripeMissing } from './errors.ts';
import {
  ChargeSchema,
  IntentSchema,
  RefundSchema,
  SubscriptionSchema,
  type ChargeFacts,
  type IntentFacts,
  type RefundFacts,
  type SubscriptionFacts,
} from './stripe-objects.ts';

/** The intent as Stripe holds it now. */
export async function readIntent(client: Stripe, id: string): Promise<IntentFacts> {
  return IntentSchema.parse(await client.paymentIntents.retrieve(id));
}

/** An object as Stripe holds it now, or the event's snapshot when Stripe no longer knows it. */
export interface Latest<T> {
  object: T;
  /** False when Stripe did not know the object: then it is the snapshot, and moves no money (W3). */
  confirmed: boolean;
}

/**
 * Events arrive in any order and a signed event is only a claim, so we ask Stripe for the object
 * as it is now rather than trust the snapshot in the event. If Stripe no longer knows the object
 * (an emulator restarted since, a replay long after), the snapshot is all there is: it may
 * confirm what our rows already say, never change them.
 */
export async function latestIntent(
  client: Stripe,
  snapshot: IntentFacts,
): Promise<Latest<IntentFacts>> {
  try {
    return { object: await readIntent(client, snapshot.id), confirmed: true };
  } catch (error) {
    if (isStripeMissing(error)) return { object: snapshot, confirmed: false };
    throw error;
  }
}

export async function latestCharge(
  client: Stripe,
  snapshot: ChargeFacts,
): Promise<Latest<ChargeFacts>> {
  try {
    return {
      object: ChargeSchema.parse(await client.charges.retrieve(snapshot.id)),
      confirmed: true,
    };
  } catch (error) {
    if (isStripeMissing(error)) return { object: snapshot, confirmed: false };
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
