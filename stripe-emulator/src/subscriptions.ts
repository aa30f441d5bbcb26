import type { EmulatorState, RequestContext } from './context.ts';
import { newId, unixSeconds } from './context.ts';
import { invalidState, paramErrors } from './errors.ts';
import { changedFields, emitEvent } from './events.ts';
import type {
  Price,
  Recurring,
  Subscription,
  SubscriptionItem,
  SubscriptionStatus,
} from './objects.ts';
import type { Metadata } from './params.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

/** The end of the billing period that starts at `start` (calendar months and years, in UTC). */
export function periodEnd(start: number, recurring: Recurring): number {
  const date = new Date(start * 1000);
  const count = recurring.interval_count;
  if (recurring.interval === 'day') date.setUTCDate(date.getUTCDate() + count);
  if (recurring.interval === 'week') date.setUTCDate(date.getUTCDate() + 7 * count);
  if (recurring.interval === 'month') date.setUTCMonth(date.getUTCMonth() + count);
  if (recurring.interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + count);
  return Math.floor(date.getTime() / 1000);
}

export function subscriptionItem(
  state: EmulatorState,
  subscriptionId: string,
  price: Price,
  quantity: number,
  start: number,
): SubscriptionItem {
  if (price.recurring === null) {
    throw paramErrors.invalid(
      'items',
      `The price specified (${price.id}) is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
    );
  }
  return {
    id: newId(state, 'si'),
    object: 'subscription_item',
    created: start,
    current_period_end: periodEnd(start, price.recurring),
    current_period_start: start,
    livemode: false,
    metadata: {},
    price,
    quantity,
    subscription: subscriptionId,
  };
}

export interface NewSubscription {
  customer: string;
  prices: { price: Price; quantity: number }[];
  metadata: Metadata;
  description: string | null;
  defaultPaymentMethod: string | null;
  trialEnd: number | null;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
}

/** Insert a subscription (API create or a completed Checkout) and emit `customer.subscription.created`. */
export function insertSubscription(
  state: EmulatorState,
  ctx: EventContext,
  input: NewSubscription,
): Subscription {
  const now = unixSeconds(state);
  const id = newId(state, 'sub');
  const items = input.prices.map(({ price, quantity }) =>
    subscriptionItem(state, id, price, quantity, now),
  );
  const first = items[0];
  if (!first) throw paramErrors.missing('items');
  if (items.some((item) => item.price.currency !== first.price.currency)) {
    throw paramErrors.invalid('items', 'All prices on a subscription must have the same currency.');
  }
  const subscription: Subscription = {
    id,
    object: 'subscription',
    cancel_at: input.cancelAtPeriodEnd ? first.current_period_end : null,
    cancel_at_period_end: input.cancelAtPeriodEnd,
    canceled_at: null,
    collection_method: 'charge_automatically',
    created: now,
    currency: first.price.currency,
    customer: input.customer,
    default_payment_method: input.defaultPaymentMethod,
    description: input.description,
    ended_at: null,
    items: {
      object: 'list',
      data: items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    start_date: now,
    status: input.status,
    trial_end: input.trialEnd,
    trial_start: input.trialEnd === null ? null : now,
  };
  state.store.subscriptions.insert(subscription);
  emitEvent(state, ctx, 'customer.subscription.created', subscription);
  return subscription;
}

/** Apply a change and emit `customer.subscription.updated` with what changed. */
export function updateSubscription(
  state: EmulatorState,
  ctx: EventContext,
  subscription: Subscription,
  change: (subscription: Subscription) => void,
): void {
  const before = structuredClone(subscription);
  change(subscription);
  const previous = changedFields(before, subscription, [
    'status',
    'cancel_at',
    'cancel_at_period_end',
    'canceled_at',
    'default_payment_method',
    'description',
    'items',
    'metadata',
    'trial_end',
  ]);
  if (previous) emitEvent(state, ctx, 'customer.subscription.updated', subscription, previous);
}

/** Cancel now: `customer.subscription.deleted`, as when Stripe ends a subscription. */
export function cancelSubscription(
  state: EmulatorState,
  ctx: EventContext,
  subscription: Subscription,
): void {
  if (subscription.status === 'canceled') {
    throw invalidState(`This subscription (${subscription.id}) has already been canceled.`);
  }
  const now = unixSeconds(state);
  subscription.status = 'canceled';
  subscription.canceled_at = now;
  subscription.ended_at = now;
  emitEvent(state, ctx, 'customer.subscription.deleted', subscription);
}
