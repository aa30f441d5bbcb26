import type { EmulatorState, RequestContext, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import { changedFields, emitEvent } from './events.ts';
import type { FormObject } from './form.ts';
import type { Customer } from './objects.ts';
import * as p from './params.ts';
import { resolvePaymentMethod } from './payment-methods.ts';
import { createdFilter, expand, paginate } from './store.ts';
import { cancelSubscription } from './subscriptions.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

const CREATE_PARAMS = [
  'address',
  'balance',
  'business_name',
  'cash_balance',
  'description',
  'email',
  'expand',
  'individual_name',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'next_invoice_sequence',
  'payment_method',
  'phone',
  'preferred_locales',
  'shipping',
  'source',
  'tax',
  'tax_exempt',
  'tax_id_data',
  'test_clock',
  'validate',
];
const UPDATE_PARAMS = [
  'address',
  'balance',
  'business_name',
  'cash_balance',
  'default_source',
  'description',
  'email',
  'expand',
  'individual_name',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'next_invoice_sequence',
  'phone',
  'preferred_locales',
  'shipping',
  'source',
  'tax',
  'tax_exempt',
  'validate',
];

/** `invoice_settings[default_payment_method]`: the card subscriptions are charged with. */
function readDefaultPaymentMethod(
  state: EmulatorState,
  params: FormObject,
): string | null | undefined {
  const settings = p.readObject(params, 'invoice_settings');
  if (!settings) return undefined;
  p.assertKnownParams(
    settings,
    ['custom_fields', 'default_payment_method', 'footer', 'rendering_options'],
    'invoice_settings',
  );
  const path = 'invoice_settings[default_payment_method]';
  const id = p.readNullableString(settings, 'default_payment_method', path);
  if (id === undefined || id === null) return id;
  return resolvePaymentMethod(state, id, path).id;
}

export function createCustomer(
  state: EmulatorState,
  ctx: EventContext,
  params: FormObject,
): Customer {
  const attached = p.readNonEmptyString(params, 'payment_method');
  const customer: Customer = {
    id: newId(state, 'cus'),
    object: 'customer',
    created: unixSeconds(state),
    description: p.readNullableString(params, 'description') ?? null,
    email: p.readNullableString(params, 'email') ?? null,
    invoice_settings: { default_payment_method: readDefaultPaymentMethod(state, params) ?? null },
    livemode: false,
    metadata: p.createMetadata(params),
    name: p.readNullableString(params, 'name') ?? null,
    phone: p.readNullableString(params, 'phone') ?? null,
  };
  if (attached !== undefined) {
    const paymentMethod = resolvePaymentMethod(state, attached);
    paymentMethod.customer = customer.id;
  }
  state.store.customers.insert(customer);
  emitEvent(state, ctx, 'customer.created', customer);
  return customer;
}

function update(state: EmulatorState, ctx: RequestContext): unknown {
  p.assertKnownParams(ctx.params, UPDATE_PARAMS);
  const customer = state.store.customers.require(pathParam(ctx, 'id'), 'customer');
  const before = structuredClone(customer);
  const params = ctx.params;
  const text = (key: 'description' | 'email' | 'name' | 'phone') => {
    const value = p.readNullableString(params, key);
    if (value !== undefined) customer[key] = value;
  };
  text('description');
  text('email');
  text('name');
  text('phone');
  const defaultPaymentMethod = readDefaultPaymentMethod(state, params);
  if (defaultPaymentMethod !== undefined) {
    customer.invoice_settings = { default_payment_method: defaultPaymentMethod };
  }
  customer.metadata = p.mergeMetadata(customer.metadata, p.readMetadata(params));
  const previous = changedFields(before, customer, [
    'description',
    'email',
    'name',
    'phone',
    'invoice_settings',
    'metadata',
  ]);
  // Stripe sends customer.updated only when something changed.
  if (previous) emitEvent(state, ctx, 'customer.updated', customer, previous);
  return expand(customer, p.readExpand(params), state.store);
}

export function customerRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/customers',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, CREATE_PARAMS);
        return expand(
          createCustomer(state, ctx, ctx.params),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
    {
      method: 'GET',
      pattern: '/v1/customers/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const customer = state.store.customers.require(pathParam(ctx, 'id'), 'customer');
        return expand(customer, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'POST',
      pattern: '/v1/customers/:id',
      auth: 'secret',
      handle: (ctx) => update(state, ctx),
    },
    {
      method: 'DELETE',
      pattern: '/v1/customers/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, []);
        const customer = state.store.customers.require(pathParam(ctx, 'id'), 'customer');
        // Deleting a customer cancels its subscriptions, as on Stripe.
        for (const subscription of state.store.subscriptions.newestFirst()) {
          if (subscription.customer === customer.id && subscription.status !== 'canceled') {
            cancelSubscription(state, ctx, subscription);
          }
        }
        state.store.customers.delete(customer.id);
        emitEvent(state, ctx, 'customer.deleted', customer);
        return { id: customer.id, object: 'customer', deleted: true };
      },
    },
    {
      method: 'GET',
      pattern: '/v1/customers',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, [
          'created',
          'email',
          'ending_before',
          'expand',
          'limit',
          'starting_after',
          'test_clock',
        ]);
        const email = p.readNonEmptyString(ctx.params, 'email');
        const customers = state.store.customers
          .newestFirst()
          .filter((customer) => email === undefined || customer.email === email)
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(customers, ctx.params, '/v1/customers'),
          p.readExpand(ctx.params),
          state.store,
        );
      },
    },
  ];
}
