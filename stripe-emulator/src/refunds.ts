import type { EmulatorState, RequestContext, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import { invalidState, paramErrors } from './errors.ts';
import { emitEvent } from './events.ts';
import type { Charge, Refund } from './objects.ts';
import * as p from './params.ts';
import { createdFilter, expand, paginate } from './store.ts';

const CREATE_PARAMS = [
  'amount',
  'charge',
  'currency',
  'customer',
  'expand',
  'instructions_email',
  'metadata',
  'origin',
  'payment_intent',
  'reason',
  'refund_application_fee',
  'reverse_transfer',
];

/** The charge a refund applies to: named directly, or the PaymentIntent's successful charge. */
function chargeToRefund(state: EmulatorState, ctx: RequestContext): Charge {
  const chargeId = p.readNonEmptyString(ctx.params, 'charge');
  const intentId = p.readNonEmptyString(ctx.params, 'payment_intent');
  if (chargeId === undefined && intentId === undefined) {
    throw paramErrors.invalid(
      'payment_intent',
      'One of the following params should be provided for this request: payment_intent or charge.',
      'parameter_missing',
    );
  }
  if (chargeId !== undefined) {
    const charge = state.store.charges.require(chargeId, 'charge');
    if (intentId !== undefined && charge.payment_intent !== intentId) {
      throw paramErrors.invalid(
        'payment_intent',
        `The charge ${chargeId} does not belong to the PaymentIntent ${intentId}.`,
      );
    }
    return charge;
  }
  const intent = state.store.paymentIntents.require(intentId as string, 'payment_intent');
  const charge = intent.latest_charge ? state.store.charges.get(intent.latest_charge) : undefined;
  if (intent.status !== 'succeeded' || !charge || charge.status !== 'succeeded') {
    throw invalidState(
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      'charge_not_refundable',
      'payment_intent',
    );
  }
  return charge;
}

/**
 * A refund, full (no `amount`) or partial, of at most what is left on the charge. Stripe refunds
 * cards at once in test mode, so the refund is `succeeded`; `refund.created` and
 * `charge.refunded` (with the charge's new `amount_refunded`) follow.
 */
function create(state: EmulatorState, ctx: RequestContext): unknown {
  p.assertKnownParams(ctx.params, CREATE_PARAMS);
  const charge = chargeToRefund(state, ctx);
  const amount = p.readPositiveInteger(ctx.params, 'amount');
  const reason = p.readEnum(ctx.params, 'reason', [
    'duplicate',
    'fraudulent',
    'requested_by_customer',
  ]);
  const metadata = p.createMetadata(ctx.params);
  if (charge.status !== 'succeeded') {
    throw invalidState(
      `Charge ${charge.id} has not succeeded, so it cannot be refunded.`,
      'charge_not_refundable',
      'charge',
    );
  }
  const refundable = charge.amount - charge.amount_refunded;
  if (refundable === 0) {
    throw invalidState(
      `Charge ${charge.id} has already been refunded.`,
      'charge_already_refunded',
      'charge',
    );
  }
  const refundAmount = amount ?? refundable;
  if (refundAmount > refundable) {
    throw invalidState(
      `Refund amount (${refundAmount}) is greater than unrefunded amount on charge (${refundable})`,
      undefined,
      'amount',
    );
  }
  const refund: Refund = {
    id: newId(state, 're'),
    object: 'refund',
    amount: refundAmount,
    balance_transaction: newId(state, 'txn'),
    charge: charge.id,
    created: unixSeconds(state),
    currency: charge.currency,
    livemode: false,
    metadata,
    payment_intent: charge.payment_intent,
    reason: reason ?? null,
    status: 'succeeded',
  };
  state.store.refunds.insert(refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += refundAmount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emitEvent(state, ctx, 'refund.created', refund);
  emitEvent(state, ctx, 'charge.refunded', charge, previous);
  return expand(refund, p.readExpand(ctx.params), state.store);
}

export function refundRoutes(state: EmulatorState): Route[] {
  return [
    { method: 'POST', pattern: '/v1/refunds', auth: 'secret', handle: (ctx) => create(state, ctx) },
    {
      method: 'GET',
      pattern: '/v1/refunds/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const refund = state.store.refunds.require(pathParam(ctx, 'id'), 'refund');
        return expand(refund, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'POST',
      pattern: '/v1/refunds/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand', 'metadata']);
        const refund = state.store.refunds.require(pathParam(ctx, 'id'), 'refund');
        const previous = { metadata: refund.metadata };
        refund.metadata = p.mergeMetadata(refund.metadata, p.readMetadata(ctx.params));
        emitEvent(state, ctx, 'refund.updated', refund, previous);
        return expand(refund, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/refunds',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, [
          'charge',
          'created',
          'ending_before',
          'expand',
          'limit',
          'payment_intent',
          'starting_after',
        ]);
        const charge = p.readNonEmptyString(ctx.params, 'charge');
        const intent = p.readNonEmptyString(ctx.params, 'payment_intent');
        const refunds = state.store.refunds
          .newestFirst()
          .filter((refund) => charge === undefined || refund.charge === charge)
          .filter((refund) => intent === undefined || refund.payment_intent === intent)
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(refunds, ctx.params, '/v1/refunds'),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
  ];
}
