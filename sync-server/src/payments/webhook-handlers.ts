import type Stripe from 'stripe';
import type { Queryable } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { isStripeMissing } from './errors.ts';
import { chargeClaimProblems, intentClaimProblems, StripeMismatchError } from './intent-checks.ts';
import { settleIntent } from './intent-settlement.ts';
import { reconcileCharge } from './refund-reconcile.ts';
import {
  ChargeSchema,
  CheckoutSessionSchema,
  IntentSchema,
  SubscriptionSchema,
  type ChargeFacts,
  type CheckoutSessionFacts,
  type IntentFacts,
  type RefundFacts,
  type StripeEventFacts,
  type SubscriptionFacts,
} from './stripe-objects.ts';
import {
  latestCharge,
  latestIntent,
  latestSubscription,
  readIntent,
  refundsOfIntent,
} from './stripe-reads.ts';
import { applySubscription, type AppliedEvent } from './subscriptions.ts';

/** The events the runbook tells operators to send us, plus their close relatives. */
export const HANDLED_EVENT_TYPES = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'charge.refunded',
] as const;

/**
 * An event with what Stripe says now, fetched before the database transaction opens (no lock
 * is held across a network call).
 */
export type PreparedEvent =
  | { kind: 'intent'; intent: IntentFacts; confirmed: boolean }
  | { kind: 'subscription'; subscription: SubscriptionFacts; venueHint: string | null }
  | {
      kind: 'refund';
      charge: ChargeFacts;
      confirmed: boolean;
      refunds: RefundFacts[] | undefined;
    }
  | { kind: 'unhandled' };

/** A subscription a Checkout Session started, when Stripe cannot be asked about it. */
function subscriptionFromSession(session: CheckoutSessionFacts): SubscriptionFacts | undefined {
  if (!session.subscription || !session.customer) return undefined;
  return {
    id: session.subscription,
    object: 'subscription',
    customer: session.customer,
    status: session.payment_status === 'paid' ? 'active' : 'trialing',
    metadata: session.metadata,
  };
}

export async function prepareEvent(
  client: Stripe,
  event: StripeEventFacts,
): Promise<PreparedEvent> {
  const object = event.data.object;
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled': {
      // W3: the event is a claim. Act on the intent as Stripe holds it now (order matters too:
      // a later success may exist), and refuse an event that disagrees with it.
      const claim = IntentSchema.parse(object);
      const latest = await latestIntent(client, claim);
      const problems = latest.confirmed
        ? intentClaimProblems(event.type, claim, latest.object)
        : [];
      if (problems.length > 0) throw new StripeMismatchError(claim.id, problems);
      return { kind: 'intent', intent: latest.object, confirmed: latest.confirmed };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const snapshot = SubscriptionSchema.parse(object);
      return {
        kind: 'subscription',
        subscription: await latestSubscription(client, snapshot),
        venueHint: null,
      };
    }
    case 'checkout.session.completed': {
      const session = CheckoutSessionSchema.parse(object);
      if (session.mode === 'payment' && session.payment_intent) {
        try {
          return {
            kind: 'intent',
            intent: await readIntent(client, session.payment_intent),
            confirmed: true,
          };
        } catch (error) {
          if (isStripeMissing(error)) return { kind: 'unhandled' };
          throw error;
        }
      }
      const fallback = subscriptionFromSession(session);
      if (session.mode !== 'subscription' || !fallback) return { kind: 'unhandled' };
      return {
        kind: 'subscription',
        subscription: await latestSubscription(client, fallback),
        venueHint: session.client_reference_id ?? session.metadata['venue_id'] ?? null,
      };
    }
    case 'charge.refunded': {
      // W4: as for intents, Stripe's charge now, never more refunded than Stripe says.
      const claim = ChargeSchema.parse(object);
      const latest = await latestCharge(client, claim);
      const problems = latest.confirmed ? chargeClaimProblems(claim, latest.object) : [];
      if (problems.length > 0) throw new StripeMismatchError(claim.id, problems);
      const charge = latest.object;
      const refunds = charge.payment_intent
        ? await refundsOfIntent(client, charge.payment_intent)
        : undefined;
      return { kind: 'refund', charge, confirmed: latest.confirmed, refunds };
    }
    default:
      return { kind: 'unhandled' };
  }
}

/** Applies a prepared event inside the caller's transaction (which also marks the event). */
export async function applyEvent(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock' | 'metrics'>,
  prepared: PreparedEvent,
): Promise<AppliedEvent> {
  switch (prepared.kind) {
    case 'intent': {
      const outcome = await settleIntent(tx, deps, prepared.intent, {
        confirmed: prepared.confirmed,
      });
      return outcome.kind === 'unknown'
        ? { handled: false, venueId: null }
        : { handled: true, venueId: outcome.venueId };
    }
    case 'subscription':
      return applySubscription(tx, deps, prepared.subscription, prepared.venueHint);
    case 'refund':
      return reconcileCharge(tx, deps, prepared.charge, prepared.refunds, {
        confirmed: prepared.confirmed,
      });
    case 'unhandled':
      return { handled: false, venueId: null };
  }
}
