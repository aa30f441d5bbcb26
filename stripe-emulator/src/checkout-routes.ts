import { completeSession } from './checkout-completion.ts';
import { createSession, expireSession, lineItemsOf } from './checkout-sessions.ts';
import type { EmulatorState, Route } from './context.ts';
import { pathParam } from './context.ts';
import type { CheckoutSession } from './objects.ts';
import * as p from './params.ts';
import { createdFilter, expand, paginate } from './store.ts';

function respond(state: EmulatorState, session: CheckoutSession, paths: string[]): unknown {
  return expand(session, paths, state.store, (object, field) =>
    field === 'line_items' && object['object'] === 'checkout.session'
      ? lineItemsOf(state, object as unknown as CheckoutSession)
      : undefined,
  );
}

export function checkoutRoutes(state: EmulatorState): Route[] {
  const require = (id: string) => state.store.checkoutSessions.require(id, 'session');
  return [
    {
      method: 'POST',
      pattern: '/v1/checkout/sessions',
      auth: 'secret',
      handle: (ctx) => respond(state, createSession(state, ctx), p.readExpand(ctx.params)),
    },
    {
      method: 'GET',
      pattern: '/v1/checkout/sessions/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        return respond(state, require(pathParam(ctx, 'id')), p.readExpand(ctx.params));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/checkout/sessions/:id/line_items',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['ending_before', 'expand', 'limit', 'starting_after']);
        const session = require(pathParam(ctx, 'id'));
        const items = lineItemsOf(state, session);
        return expand(
          paginate(items.data, ctx.params, items.url),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
    {
      method: 'GET',
      pattern: '/v1/checkout/sessions',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, [
          'created',
          'customer',
          'customer_account',
          'customer_details',
          'ending_before',
          'expand',
          'limit',
          'payment_intent',
          'payment_link',
          'starting_after',
          'status',
          'subscription',
        ]);
        const customer = p.readNonEmptyString(ctx.params, 'customer');
        const intent = p.readNonEmptyString(ctx.params, 'payment_intent');
        const subscription = p.readNonEmptyString(ctx.params, 'subscription');
        const status = p.readEnum(ctx.params, 'status', ['open', 'complete', 'expired']);
        const sessions = state.store.checkoutSessions
          .newestFirst()
          .filter((session) => customer === undefined || session.customer === customer)
          .filter((session) => intent === undefined || session.payment_intent === intent)
          .filter((session) => subscription === undefined || session.subscription === subscription)
          .filter((session) => status === undefined || session.status === status)
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(sessions, ctx.params, '/v1/checkout/sessions'),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
    {
      method: 'POST',
      pattern: '/v1/checkout/sessions/:id/expire',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const session = require(pathParam(ctx, 'id'));
        expireSession(state, ctx, session);
        return respond(state, session, p.readExpand(ctx.params));
      },
    },
    {
      // Emulator only: the customer paying on the hosted page, for tests driving the SDK.
      method: 'POST',
      pattern: '/v1/checkout/sessions/:id/emulator_complete',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['email', 'expand', 'payment_method']);
        const session = require(pathParam(ctx, 'id'));
        completeSession(state, ctx, session, {
          paymentMethod: p.readNonEmptyString(ctx.params, 'payment_method') ?? 'pm_card_visa',
          email: p.readNonEmptyString(ctx.params, 'email') ?? null,
        });
        return respond(state, session, p.readExpand(ctx.params));
      },
    },
  ];
}
