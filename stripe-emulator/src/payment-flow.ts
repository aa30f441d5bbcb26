import { cardOutcome } from './cards.ts';
import { createCharge } from './charges.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { newId, unixSeconds } from './context.ts';
import { invalidState, StripeApiError } from './errors.ts';
import { emitEvent } from './events.ts';
import type {
  LastPaymentError,
  PaymentIntent,
  PaymentIntentStatus,
  PaymentMethod,
} from './objects.ts';
import { cardNumberOf } from './payment-methods.ts';
import { snapshot } from './store.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

const CONFIRMABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

type IntentFields = Pick<PaymentIntent, 'amount' | 'currency'> &
  Partial<
    Pick<
      PaymentIntent,
      | 'automatic_payment_methods'
      | 'capture_method'
      | 'confirmation_method'
      | 'customer'
      | 'description'
      | 'metadata'
      | 'payment_method'
      | 'payment_method_types'
      | 'receipt_email'
      | 'statement_descriptor'
    >
  >;

/**
 * A new PaymentIntent (API create, or a Checkout Session being paid): requires_payment_method,
 * or requires_confirmation once it has a payment method. Emits `payment_intent.created`.
 */
export function insertPaymentIntent(
  state: EmulatorState,
  ctx: EventContext,
  fields: IntentFields,
): PaymentIntent {
  const id = newId(state, 'pi');
  const paymentMethod = fields.payment_method ?? null;
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: fields.automatic_payment_methods ?? null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: fields.capture_method ?? 'automatic_async',
    client_secret: `${id}_secret_${state.ids()}`,
    confirmation_method: fields.confirmation_method ?? 'automatic',
    created: unixSeconds(state),
    currency: fields.currency,
    customer: fields.customer ?? null,
    description: fields.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: fields.metadata ?? {},
    next_action: null,
    payment_method: paymentMethod,
    payment_method_types: fields.payment_method_types ?? ['card'],
    receipt_email: fields.receipt_email ?? null,
    statement_descriptor: fields.statement_descriptor ?? null,
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
  };
  state.store.paymentIntents.insert(intent);
  emitEvent(state, ctx, 'payment_intent.created', intent);
  return intent;
}

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code}`;
}

/** The 3D Secure page the local card form (or a redirect) sends the customer to. */
function threeDSecureUrl(state: EmulatorState, intent: PaymentIntent): string {
  return `${state.baseUrl()}/emulator/three_d_secure/${intent.id}?client_secret=${encodeURIComponent(intent.client_secret)}`;
}

function succeed(
  state: EmulatorState,
  ctx: EventContext,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
): void {
  const charge = createCharge(state, intent, paymentMethod, { kind: 'succeed' });
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  emitEvent(state, ctx, 'charge.succeeded', charge);
  emitEvent(state, ctx, 'payment_intent.succeeded', intent);
}

/** A failed attempt returns the intent to requires_payment_method, detached from the card. */
function fail(
  state: EmulatorState,
  ctx: EventContext,
  intent: PaymentIntent,
  error: LastPaymentError,
): void {
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_payment_error = error;
  emitEvent(state, ctx, 'payment_intent.payment_failed', intent);
}

/**
 * Confirm `intent` with its payment method, as Stripe does for a card: the test card decides
 * between success, a decline (402 card_error; the intent is left in requires_payment_method with
 * `last_payment_error`) and 3D Secure (requires_action with `next_action`).
 */
export function confirmIntent(
  state: EmulatorState,
  ctx: EventContext,
  intent: PaymentIntent,
  returnUrl: string | null,
): void {
  if (intent.status === 'succeeded') {
    throw invalidState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      'payment_intent_unexpected_state',
    );
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw invalidState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
      'payment_intent_unexpected_state',
    );
  }
  if (intent.payment_method === null) {
    throw invalidState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_intent_unexpected_state',
    );
  }
  const paymentMethod = state.store.paymentMethods.require(intent.payment_method, 'payment_method');
  const outcome = cardOutcome(cardNumberOf(state, paymentMethod.id));
  if (outcome.kind === 'succeed') {
    succeed(state, ctx, intent, paymentMethod);
    return;
  }
  if (outcome.kind === 'authenticate') {
    intent.status = 'requires_action';
    intent.next_action = returnUrl
      ? {
          type: 'redirect_to_url',
          redirect_to_url: { url: threeDSecureUrl(state, intent), return_url: returnUrl },
        }
      : {
          type: 'use_stripe_sdk',
          use_stripe_sdk: {
            type: 'three_d_secure_redirect',
            stripe_js: threeDSecureUrl(state, intent),
            source: paymentMethod.id,
          },
        };
    emitEvent(state, ctx, 'payment_intent.requires_action', intent);
    return;
  }
  const charge = createCharge(state, intent, paymentMethod, outcome);
  intent.latest_charge = charge.id;
  emitEvent(state, ctx, 'charge.failed', charge);
  const lastError: LastPaymentError = {
    type: 'card_error',
    code: outcome.code,
    ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
    message: outcome.message,
    doc_url: docUrl(outcome.code),
    charge: charge.id,
    payment_method: snapshot(paymentMethod),
  };
  fail(state, ctx, intent, lastError);
  throw new StripeApiError(402, {
    type: 'card_error',
    code: outcome.code,
    ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
    message: outcome.message,
    charge: charge.id,
    payment_intent: snapshot(intent),
    payment_method: snapshot(paymentMethod),
  });
}

/**
 * The customer's answer to the 3D Secure challenge. Success charges the card; failure leaves
 * the intent in requires_payment_method with `payment_intent_authentication_failure`.
 */
export function completeAuthentication(
  state: EmulatorState,
  ctx: EventContext,
  intent: PaymentIntent,
  outcome: 'success' | 'failure',
): void {
  if (intent.status !== 'requires_action' || intent.payment_method === null) {
    throw invalidState(
      `This PaymentIntent has a status of ${intent.status}; only a PaymentIntent in requires_action can be authenticated.`,
      'payment_intent_unexpected_state',
    );
  }
  const paymentMethod = state.store.paymentMethods.require(intent.payment_method, 'payment_method');
  if (outcome === 'success') {
    succeed(state, ctx, intent, paymentMethod);
    return;
  }
  fail(state, ctx, intent, {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    message:
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    doc_url: docUrl('payment_intent_authentication_failure'),
    payment_method: snapshot(paymentMethod),
  });
}
