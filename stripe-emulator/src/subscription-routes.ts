import type { EmulatorState, Route } from './context.ts';
import { pathParam } from './context.ts';
import { invalidState, paramErrors } from './errors.ts';
import { emitEvent } from './events.ts';
import type { SubscriptionStatus } from './objects.ts';
import * as p from './params.ts';
import { createdFilter, expand, paginate } from './store.ts';
import { createFromParams, updateFromParams } from './subscription-handlers.ts';
import { cancelSubscription, updateSubscription } from './subscriptions.ts';

/** Statuses a test may move a subscription to (cancel it with DELETE instead). */
const SETTABLE: readonly SubscriptionStatus[] = [
  'active',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
];

export function subscriptionRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/subscriptions',
      auth: 'secret',
      handle: (ctx) => createFromParams(state, ctx),
    },
    {
      method: 'GET',
      pattern: '/v1/subscriptions/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const subscription = state.store.subscriptions.require(
          pathParam(ctx, 'id'),
          'subscription',
        );
        return expand(subscription, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'POST',
      pattern: '/v1/subscriptions/:id',
      auth: 'secret',
      handle: (ctx) => updateFromParams(state, ctx),
    },
    {
      method: 'DELETE',
      pattern: '/v1/subscriptions/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, [
          'cancellation_details',
          'expand',
          'invoice_now',
          'prorate',
        ]);
        const subscription = state.store.subscriptions.require(
          pathParam(ctx, 'id'),
          'subscription',
        );
        cancelSubscription(state, ctx, subscription);
        return expand(subscription, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/subscriptions',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, [
          'automatic_tax',
          'collection_method',
          'created',
          'current_period_end',
          'current_period_start',
          'customer',
          'customer_account',
          'ending_before',
          'expand',
          'limit',
          'plan',
          'price',
          'starting_after',
          'status',
          'test_clock',
        ]);
        const customer = p.readNonEmptyString(ctx.params, 'customer');
        const price = p.readNonEmptyString(ctx.params, 'price');
        // Stripe lists every status except canceled unless asked (`status=all`).
        const status = p.readEnum(ctx.params, 'status', [...SETTABLE, 'canceled', 'ended', 'all']);
        const subscriptions = state.store.subscriptions
          .newestFirst()
          .filter((sub) => customer === undefined || sub.customer === customer)
          .filter(
            (sub) => price === undefined || sub.items.data.some((item) => item.price.id === price),
          )
          .filter((sub) => {
            if (status === 'all') return true;
            if (status === undefined) return sub.status !== 'canceled';
            if (status === 'ended')
              return sub.status === 'canceled' || sub.status === 'incomplete_expired';
            return sub.status === status;
          })
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(subscriptions, ctx.params, '/v1/subscriptions'),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
    {
      // Emulator only: what Stripe Billing would do over time (a failed renewal → past_due, …).
      method: 'POST',
      pattern: '/v1/subscriptions/:id/emulator_set_status',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand', 'status']);
        const subscription = state.store.subscriptions.require(
          pathParam(ctx, 'id'),
          'subscription',
        );
        const status = p.readEnum(ctx.params, 'status', SETTABLE);
        if (status === undefined) throw paramErrors.missing('status');
        if (subscription.status === 'canceled') {
          throw invalidState(
            `Subscription ${subscription.id} is canceled; its status can no longer change.`,
          );
        }
        const wasPaused = subscription.status === 'paused';
        updateSubscription(state, ctx, subscription, (sub) => {
          sub.status = status;
        });
        if (status === 'paused' && !wasPaused)
          emitEvent(state, ctx, 'customer.subscription.paused', subscription);
        if (wasPaused && status !== 'paused')
          emitEvent(state, ctx, 'customer.subscription.resumed', subscription);
        return expand(subscription, p.readExpand(ctx.params), state.store);
      },
    },
  ];
}
