import type { EmulatorState, RequestContext, Route } from './context.ts';
import { pathParam, unixSeconds } from './context.ts';
import { invalidState, paramErrors } from './errors.ts';
import { emitEvent } from './events.ts';
import type { FormObject } from './form.ts';
import type { PaymentIntent, PaymentIntentStatus } from './objects.ts';
import * as p from './params.ts';
import { completeAuthentication, confirmIntent, insertPaymentIntent } from './payment-flow.ts';
import { createCardPaymentMethod, resolvePaymentMethod } from './payment-methods.ts';
import {
  checkClientSecret,
  CONFIRM_PARAMS,
  CREATE_PARAMS,
  readAmount,
  readPaymentMethodTypes,
  UPDATE_PARAMS,
} from './payment-intent-params.ts';
import { createdFilter, expand, paginate } from './store.ts';

const UPDATABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];
const CANCELABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

/** `payment_method` or `payment_method_data` → the id to attach (never both). */
function readPaymentMethod(state: EmulatorState, params: FormObject): string | undefined {
  const id = p.readNonEmptyString(params, 'payment_method');
  const data = p.readObject(params, 'payment_method_data');
  if (id !== undefined && data !== undefined) {
    throw paramErrors.invalid(
      'payment_method_data',
      'You cannot provide both payment_method and payment_method_data.',
      'parameters_exclusive',
    );
  }
  if (data !== undefined) return createCardPaymentMethod(state, data, 'payment_method_data').id;
  if (id !== undefined) return resolvePaymentMethod(state, id).id;
  return undefined;
}

function respond(state: EmulatorState, ctx: RequestContext, intent: PaymentIntent): unknown {
  return expand(intent, p.readExpand(ctx.params), state.store);
}

function create(state: EmulatorState, ctx: RequestContext): unknown {
  const params = ctx.params;
  p.assertKnownParams(params, CREATE_PARAMS);
  const currency = p.requireCurrency(params);
  const amount = readAmount(params, currency, true);
  const captureMethod = p.readEnum(params, 'capture_method', [
    'automatic',
    'automatic_async',
    'manual',
  ]);
  if (captureMethod === 'manual') {
    throw paramErrors.invalid(
      'capture_method',
      'The local Stripe emulator supports automatic capture only.',
    );
  }
  const customer = p.readNonEmptyString(params, 'customer');
  if (customer !== undefined) state.store.customers.require(customer, 'customer');
  const automatic = p.readObject(params, 'automatic_payment_methods');
  if (automatic)
    p.assertKnownParams(automatic, ['enabled', 'allow_redirects'], 'automatic_payment_methods');
  const confirm = p.readBoolean(params, 'confirm') ?? false;
  const confirmationMethod = p.readEnum(params, 'confirmation_method', ['automatic', 'manual']);
  const types = readPaymentMethodTypes(params);
  const metadata = p.createMetadata(params);
  const returnUrl = p.readNonEmptyString(params, 'return_url') ?? null;
  const paymentMethod = readPaymentMethod(state, params);
  const allowRedirects =
    automatic && automatic['allow_redirects'] !== undefined
      ? p.readEnum(automatic, 'allow_redirects', ['always', 'never'])
      : undefined;
  const intent = insertPaymentIntent(state, ctx, {
    amount,
    currency,
    automatic_payment_methods: automatic
      ? {
          enabled:
            p.readBoolean(automatic, 'enabled', 'automatic_payment_methods[enabled]') ?? false,
          ...(allowRedirects ? { allow_redirects: allowRedirects } : {}),
        }
      : null,
    capture_method: captureMethod ?? 'automatic_async',
    confirmation_method: confirmationMethod ?? 'automatic',
    customer: customer ?? null,
    description: p.readNullableString(params, 'description') ?? null,
    metadata,
    payment_method: paymentMethod ?? null,
    payment_method_types: types ?? ['card'],
    receipt_email: p.readNullableString(params, 'receipt_email') ?? null,
    statement_descriptor: p.readNullableString(params, 'statement_descriptor') ?? null,
  });
  if (confirm) confirmIntent(state, ctx, intent, returnUrl);
  return respond(state, ctx, intent);
}

function update(state: EmulatorState, ctx: RequestContext): unknown {
  const params = ctx.params;
  p.assertKnownParams(params, UPDATE_PARAMS);
  const intent = state.store.paymentIntents.require(pathParam(ctx, 'id'), 'intent');
  const changesPayment = [
    'amount',
    'currency',
    'payment_method',
    'payment_method_data',
    'customer',
  ].some((key) => params[key] !== undefined);
  if (changesPayment && !UPDATABLE.includes(intent.status)) {
    throw invalidState(
      `You cannot update this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be updated: ${UPDATABLE.join(', ')}.`,
      'payment_intent_unexpected_state',
    );
  }
  const currency = p.readCurrency(params) ?? intent.currency;
  const amount =
    params['amount'] !== undefined ? readAmount(params, currency, true) : intent.amount;
  const customer = p.readNonEmptyString(params, 'customer');
  if (customer !== undefined) state.store.customers.require(customer, 'customer');
  const paymentMethod = readPaymentMethod(state, params);
  intent.currency = currency;
  intent.amount = amount;
  intent.metadata = p.mergeMetadata(intent.metadata, p.readMetadata(params));
  const description = p.readNullableString(params, 'description');
  if (description !== undefined) intent.description = description;
  const receiptEmail = p.readNullableString(params, 'receipt_email');
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  if (customer !== undefined) intent.customer = customer;
  const types = readPaymentMethodTypes(params);
  if (types) intent.payment_method_types = types;
  if (paymentMethod !== undefined) intent.payment_method = paymentMethod;
  // A changed payment (or new card) needs a fresh confirmation, as on Stripe.
  if (changesPayment && intent.payment_method !== null) {
    intent.status = 'requires_confirmation';
    intent.next_action = null;
  }
  return respond(state, ctx, intent);
}

function confirm(state: EmulatorState, ctx: RequestContext): unknown {
  const params = ctx.params;
  p.assertKnownParams(params, CONFIRM_PARAMS);
  const intent = state.store.paymentIntents.require(pathParam(ctx, 'id'), 'intent');
  checkClientSecret(ctx, intent);
  const paymentMethod = readPaymentMethod(state, params);
  if (
    paymentMethod !== undefined &&
    intent.status !== 'succeeded' &&
    intent.status !== 'canceled'
  ) {
    intent.payment_method = paymentMethod;
  }
  const receiptEmail = p.readNullableString(params, 'receipt_email');
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  confirmIntent(state, ctx, intent, p.readNonEmptyString(params, 'return_url') ?? null);
  return respond(state, ctx, intent);
}

function cancel(state: EmulatorState, ctx: RequestContext): unknown {
  p.assertKnownParams(ctx.params, ['cancellation_reason', 'expand']);
  const intent = state.store.paymentIntents.require(pathParam(ctx, 'id'), 'intent');
  const reason = p.readEnum(ctx.params, 'cancellation_reason', [
    'duplicate',
    'fraudulent',
    'requested_by_customer',
    'abandoned',
  ]);
  if (!CANCELABLE.includes(intent.status)) {
    throw invalidState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      'payment_intent_unexpected_state',
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = unixSeconds(state);
  intent.cancellation_reason = reason ?? null;
  intent.next_action = null;
  emitEvent(state, ctx, 'payment_intent.canceled', intent);
  return respond(state, ctx, intent);
}

export function paymentIntentRoutes(state: EmulatorState): Route[] {
  const route = (
    method: Route['method'],
    pattern: string,
    handle: (state: EmulatorState, ctx: RequestContext) => unknown,
    auth: Route['auth'] = 'secret',
  ): Route => ({ method, pattern, auth, handle: (ctx) => handle(state, ctx) });
  return [
    route('POST', '/v1/payment_intents', create),
    route('GET', '/v1/payment_intents', (s, ctx) => {
      p.assertKnownParams(ctx.params, [
        'created',
        'customer',
        'ending_before',
        'expand',
        'limit',
        'starting_after',
      ]);
      const customer = p.readNonEmptyString(ctx.params, 'customer');
      const intents = s.store.paymentIntents
        .newestFirst()
        .filter((intent) => customer === undefined || intent.customer === customer)
        .filter(createdFilter(ctx.params));
      return expand(
        paginate(intents, ctx.params, '/v1/payment_intents'),
        p.readExpand(ctx.params),
        s.store,
      );
    }),
    route(
      'GET',
      '/v1/payment_intents/:id',
      (s, ctx) => {
        p.assertKnownParams(ctx.params, ['client_secret', 'expand']);
        const intent = s.store.paymentIntents.require(pathParam(ctx, 'id'), 'intent');
        checkClientSecret(ctx, intent);
        return respond(s, ctx, intent);
      },
      'client_secret',
    ),
    route('POST', '/v1/payment_intents/:id', update),
    route('POST', '/v1/payment_intents/:id/confirm', confirm, 'client_secret'),
    route('POST', '/v1/payment_intents/:id/cancel', cancel),
    // Emulator only: the customer's answer to 3D Secure, sent by the local card form.
    route(
      'POST',
      '/v1/payment_intents/:id/emulator_authenticate',
      (s, ctx) => {
        p.assertKnownParams(ctx.params, ['client_secret', 'expand', 'outcome']);
        const intent = s.store.paymentIntents.require(pathParam(ctx, 'id'), 'intent');
        checkClientSecret(ctx, intent);
        const outcome = p.readEnum(ctx.params, 'outcome', ['success', 'failure']);
        if (outcome === undefined) throw paramErrors.missing('outcome');
        completeAuthentication(s, ctx, intent, outcome);
        return respond(s, ctx, intent);
      },
      'client_secret',
    ),
  ];
}
