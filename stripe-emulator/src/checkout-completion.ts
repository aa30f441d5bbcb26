import { cardOutcome } from './cards.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { invalidState, StripeApiError } from './errors.ts';
import { emitEvent } from './events.ts';
import type { CheckoutSession, PaymentIntent } from './objects.ts';
import { completeAuthentication, confirmIntent, insertPaymentIntent } from './payment-flow.ts';
import { cardNumberOf, resolvePaymentMethod } from './payment-methods.ts';
import { createCustomer } from './customers.ts';
import { insertSubscription } from './subscriptions.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

export interface CompletionInput {
  /** A `pm_…` id or test alias (`pm_card_visa`, `pm_card_chargeDeclined`, …). */
  paymentMethod: string;
  email: string | null;
}

/** The hosted page authenticates 3D Secure cards itself, so they succeed there. */
function payIntent(state: EmulatorState, ctx: EventContext, intent: PaymentIntent): void {
  confirmIntent(state, ctx, intent, null);
  if (intent.status === 'requires_action') completeAuthentication(state, ctx, intent, 'success');
}

function completePayment(
  state: EmulatorState,
  ctx: EventContext,
  session: CheckoutSession,
  input: CompletionInput,
): void {
  const details = state.store.checkoutDetails.get(session.id);
  const paymentMethod = resolvePaymentMethod(state, input.paymentMethod).id;
  // A retry after a decline reuses the session's PaymentIntent, as Checkout does.
  const existing = session.payment_intent
    ? state.store.paymentIntents.get(session.payment_intent)
    : undefined;
  const intent =
    existing ??
    insertPaymentIntent(state, ctx, {
      amount: session.amount_total,
      currency: session.currency,
      customer: session.customer,
      description: details?.paymentIntentData.description ?? null,
      metadata: { ...(details?.paymentIntentData.metadata ?? {}) },
      receipt_email: input.email ?? session.customer_email,
    });
  session.payment_intent = intent.id;
  intent.payment_method = paymentMethod;
  intent.status = 'requires_confirmation';
  payIntent(state, ctx, intent);
  session.payment_status = 'paid';
}

function completeSubscription(
  state: EmulatorState,
  ctx: EventContext,
  session: CheckoutSession,
  input: CompletionInput,
): void {
  const details = state.store.checkoutDetails.get(session.id);
  const paymentMethod = resolvePaymentMethod(state, input.paymentMethod);
  const outcome = cardOutcome(cardNumberOf(state, paymentMethod.id));
  if (outcome.kind === 'decline') {
    // Nothing is created: the customer stays on the page and may try another card.
    throw new StripeApiError(402, {
      type: 'card_error',
      code: outcome.code,
      ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
      message: outcome.message,
    });
  }
  const email = input.email ?? session.customer_email;
  const customer = session.customer ?? createCustomer(state, ctx, email ? { email } : {}).id;
  paymentMethod.customer = customer;
  const trialDays = details?.subscriptionData.trialPeriodDays ?? null;
  const now = Math.floor(state.now() / 1000);
  const recurring = (details?.lineItems ?? []).filter((item) => item.price.recurring !== null);
  const subscription = insertSubscription(state, ctx, {
    customer,
    prices: recurring.map((item) => ({ price: item.price, quantity: item.quantity })),
    metadata: { ...(details?.subscriptionData.metadata ?? {}) },
    description: details?.subscriptionData.description ?? null,
    defaultPaymentMethod: paymentMethod.id,
    trialEnd: trialDays === null ? null : now + trialDays * 86_400,
    status: trialDays === null ? 'active' : 'trialing',
    cancelAtPeriodEnd: false,
  });
  session.customer = customer;
  session.subscription = subscription.id;
  session.payment_status = trialDays === null ? 'paid' : 'no_payment_required';
}

/**
 * The customer pays on the hosted page: payment mode charges a PaymentIntent, subscription
 * mode starts a Subscription; then `checkout.session.completed`. A declined card answers 402
 * and leaves the session open.
 */
export function completeSession(
  state: EmulatorState,
  ctx: EventContext,
  session: CheckoutSession,
  input: CompletionInput,
): void {
  if (session.status !== 'open') {
    throw invalidState(
      `This Checkout Session is no longer open (status: ${session.status}).`,
      'checkout_session_unexpected_state',
    );
  }
  if (session.mode === 'payment') completePayment(state, ctx, session, input);
  else completeSubscription(state, ctx, session, input);
  session.status = 'complete';
  session.url = null;
  emitEvent(state, ctx, 'checkout.session.completed', session);
}
