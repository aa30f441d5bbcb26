import type { CardOutcome } from './cards.ts';
import type { EmulatorState, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import type { Charge, PaymentIntent, PaymentMethod } from './objects.ts';
import { assertKnownParams, readExpand, readNonEmptyString } from './params.ts';
import { createdFilter, expand, paginate } from './store.ts';

/** The Charge a confirmation attempt leaves behind: `succeeded`, or `failed` on a decline. */
export function createCharge(
  state: EmulatorState,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  outcome: Exclude<CardOutcome, { kind: 'authenticate' }>,
): Charge {
  const succeeded = outcome.kind === 'succeed';
  const charge: Charge = {
    id: newId(state, 'ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    balance_transaction: succeeded ? newId(state, 'txn') : null,
    captured: succeeded,
    created: unixSeconds(state),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    failure_code: succeeded ? null : outcome.code,
    failure_message: succeeded ? null : outcome.message,
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: succeeded
      ? {
          network_status: 'approved_by_network',
          reason: null,
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          network_status: 'declined_by_network',
          reason: outcome.declineCode ?? outcome.code,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: { type: 'card', card: paymentMethod.card },
    refunded: false,
    status: succeeded ? 'succeeded' : 'failed',
  };
  return state.store.charges.insert(charge);
}

export function chargeRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/charges/:id',
      auth: 'secret',
      handle: (ctx) => {
        assertKnownParams(ctx.params, ['expand']);
        const charge = state.store.charges.require(pathParam(ctx, 'id'), 'charge');
        return expand(charge, readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/charges',
      auth: 'secret',
      handle: (ctx) => {
        assertKnownParams(ctx.params, [
          'created',
          'customer',
          'ending_before',
          'expand',
          'limit',
          'payment_intent',
          'starting_after',
          'transfer_group',
        ]);
        const paymentIntent = readNonEmptyString(ctx.params, 'payment_intent');
        const customer = readNonEmptyString(ctx.params, 'customer');
        const charges = state.store.charges
          .newestFirst()
          .filter(
            (charge) => paymentIntent === undefined || charge.payment_intent === paymentIntent,
          )
          .filter((charge) => customer === undefined || charge.customer === customer)
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(charges, ctx.params, '/v1/charges'),
          readExpand(ctx.params),
          state.store,
        );
      },
    },
  ];
}
