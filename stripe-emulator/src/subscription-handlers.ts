import { cardOutcome } from './cards.ts';
import { priceOf } from './catalog.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { pathParam, unixSeconds } from './context.ts';
import { invalidState, paramErrors, StripeApiError } from './errors.ts';
import type { FormObject } from './form.ts';
import type { Price, SubscriptionStatus } from './objects.ts';
import * as p from './params.ts';
import { cardNumberOf, resolvePaymentMethod } from './payment-methods.ts';
import { expand } from './store.ts';
import { SUBSCRIPTION_CREATE_PARAMS, SUBSCRIPTION_UPDATE_PARAMS } from './subscription-params.ts';
import { insertSubscription, subscriptionItem, updateSubscription } from './subscriptions.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

const INLINE_PRICE_PARAMS = [
  'currency',
  'product',
  'product_data',
  'recurring',
  'tax_behavior',
  'unit_amount',
  'unit_amount_decimal',
];

function readItems(
  state: EmulatorState,
  ctx: EventContext,
  params: FormObject,
): { price: Price; quantity: number }[] {
  const items = p.readObjectArray(params, 'items');
  if (items.length === 0) throw paramErrors.missing('items');
  return items.map((item, index) => {
    const path = `items[${index}]`;
    p.assertKnownParams(
      item,
      [
        'billing_thresholds',
        'discounts',
        'metadata',
        'plan',
        'price',
        'price_data',
        'quantity',
        'tax_rates',
      ],
      path,
    );
    const quantity = p.readPositiveInteger(item, 'quantity', `${path}[quantity]`) ?? 1;
    return { price: priceOf(state, ctx, item, path, INLINE_PRICE_PARAMS), quantity };
  });
}

/**
 * The emulator issues no invoices: a new subscription is `trialing` during a trial, otherwise
 * its first payment is decided by the default card's test behaviour, following
 * `payment_behavior` (declined → `incomplete`, or a 402 with `error_if_incomplete`).
 */
function initialStatus(
  state: EmulatorState,
  params: FormObject,
  paymentMethod: string | null,
  trialing: boolean,
): SubscriptionStatus {
  if (trialing) return 'trialing';
  const behaviour =
    p.readEnum(params, 'payment_behavior', [
      'allow_incomplete',
      'default_incomplete',
      'error_if_incomplete',
      'pending_if_incomplete',
    ]) ?? 'allow_incomplete';
  if (behaviour === 'default_incomplete') return 'incomplete';
  if (paymentMethod === null) {
    throw invalidState(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method.',
      'resource_missing',
    );
  }
  const outcome = cardOutcome(cardNumberOf(state, paymentMethod));
  if (outcome.kind === 'succeed') return 'active';
  if (behaviour === 'error_if_incomplete') {
    const declined =
      outcome.kind === 'decline'
        ? outcome
        : {
            code: 'card_declined',
            declineCode: 'authentication_required',
            message: 'Your card was declined. This transaction requires authentication.',
          };
    throw new StripeApiError(402, {
      type: 'card_error',
      code: declined.code,
      ...(declined.declineCode ? { decline_code: declined.declineCode } : {}),
      message: declined.message,
    });
  }
  return 'incomplete';
}

export function createFromParams(state: EmulatorState, ctx: RequestContext): unknown {
  const params = ctx.params;
  p.assertKnownParams(params, SUBSCRIPTION_CREATE_PARAMS);
  const customer = state.store.customers.require(p.requireString(params, 'customer'), 'customer');
  const now = unixSeconds(state);
  const trialDays = p.readInteger(params, 'trial_period_days');
  const trialEndParam = p.readInteger(params, 'trial_end');
  const trialEnd = trialEndParam ?? (trialDays ? now + trialDays * 86_400 : null);
  const pmId = p.readNonEmptyString(params, 'default_payment_method');
  const defaultPaymentMethod =
    pmId !== undefined ? resolvePaymentMethod(state, pmId, 'default_payment_method').id : null;
  const chargedWith = defaultPaymentMethod ?? customer.invoice_settings.default_payment_method;
  const prices = readItems(state, ctx, params);
  const subscription = insertSubscription(state, ctx, {
    customer: customer.id,
    prices,
    metadata: p.createMetadata(params),
    description: p.readNullableString(params, 'description') ?? null,
    defaultPaymentMethod,
    trialEnd,
    status: initialStatus(state, params, chargedWith, trialEnd !== null && trialEnd > now),
    cancelAtPeriodEnd: p.readBoolean(params, 'cancel_at_period_end') ?? false,
  });
  return expand(subscription, p.readExpand(params), state.store);
}

export function updateFromParams(state: EmulatorState, ctx: RequestContext): unknown {
  const params = ctx.params;
  p.assertKnownParams(params, SUBSCRIPTION_UPDATE_PARAMS);
  const subscription = state.store.subscriptions.require(pathParam(ctx, 'id'), 'subscription');
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidState(`You cannot update a subscription that is \`${subscription.status}\`.`);
  }
  const cancelAtPeriodEnd = p.readBoolean(params, 'cancel_at_period_end');
  const description = p.readNullableString(params, 'description');
  const metadata = p.readMetadata(params);
  const pmId = p.readNullableString(params, 'default_payment_method');
  const paymentMethod = pmId
    ? resolvePaymentMethod(state, pmId, 'default_payment_method').id
    : pmId;
  const trialEnd = p.readString(params, 'trial_end');
  const itemUpdates = p.readObjectArray(params, 'items');
  updateSubscription(state, ctx, subscription, (sub) => {
    const periodEndAt = sub.items.data[0]?.current_period_end ?? null;
    if (cancelAtPeriodEnd !== undefined) {
      sub.cancel_at_period_end = cancelAtPeriodEnd;
      sub.cancel_at = cancelAtPeriodEnd ? periodEndAt : null;
    }
    if (description !== undefined) sub.description = description;
    sub.metadata = p.mergeMetadata(sub.metadata, metadata);
    if (paymentMethod !== undefined) sub.default_payment_method = paymentMethod;
    if (trialEnd === 'now' && sub.status === 'trialing') {
      sub.trial_end = unixSeconds(state);
      sub.status = 'active';
    }
    itemUpdates.forEach((item, index) => {
      const path = `items[${index}]`;
      p.assertKnownParams(
        item,
        [
          'billing_thresholds',
          'clear_usage',
          'deleted',
          'discounts',
          'id',
          'metadata',
          'plan',
          'price',
          'price_data',
          'quantity',
          'tax_rates',
        ],
        path,
      );
      const itemId = p.readNonEmptyString(item, 'id', `${path}[id]`);
      const existing =
        itemId === undefined
          ? undefined
          : sub.items.data.find((candidate) => candidate.id === itemId);
      if (itemId !== undefined && !existing)
        throw paramErrors.invalid(
          `${path}[id]`,
          `No such subscription item: '${itemId}'`,
          'resource_missing',
        );
      if (existing && p.readBoolean(item, 'deleted', `${path}[deleted]`)) {
        sub.items.data = sub.items.data.filter((candidate) => candidate !== existing);
        return;
      }
      const quantity = p.readPositiveInteger(item, 'quantity', `${path}[quantity]`);
      const hasPrice = item['price'] !== undefined || item['price_data'] !== undefined;
      const price = hasPrice ? priceOf(state, ctx, item, path, INLINE_PRICE_PARAMS) : undefined;
      if (existing) {
        if (price) existing.price = price;
        if (quantity !== undefined) existing.quantity = quantity;
      } else if (price) {
        sub.items.data.push(
          subscriptionItem(state, sub.id, price, quantity ?? 1, unixSeconds(state)),
        );
      } else throw paramErrors.missing(`${path}[price]`);
    });
  });
  return expand(subscription, p.readExpand(params), state.store);
}
