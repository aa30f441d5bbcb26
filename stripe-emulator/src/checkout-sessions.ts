import { priceOf } from './catalog.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { newId, unixSeconds } from './context.ts';
import { invalidState, paramErrors } from './errors.ts';
import { emitEvent } from './events.ts';
import type { CheckoutDetails, CheckoutLineItem, CheckoutSession } from './objects.ts';
import * as p from './params.ts';
import { minimumAmount } from './payment-intent-params.ts';
import { CHECKOUT_CREATE_PARAMS, readIntentData, readSubscriptionData } from './checkout-params.ts';

const INLINE_PRICE_PARAMS = [
  'currency',
  'product',
  'product_data',
  'recurring',
  'tax_behavior',
  'unit_amount',
  'unit_amount_decimal',
];

function readLineItems(
  state: EmulatorState,
  ctx: RequestContext,
  mode: CheckoutSession['mode'],
): CheckoutLineItem[] {
  const items = p.readObjectArray(ctx.params, 'line_items');
  if (items.length === 0) throw paramErrors.missing('line_items');
  return items.map((item, index) => {
    const path = `line_items[${index}]`;
    p.assertKnownParams(
      item,
      [
        'adjustable_quantity',
        'dynamic_tax_rates',
        'metadata',
        'price',
        'price_data',
        'quantity',
        'tax_rates',
      ],
      path,
    );
    const quantity = p.readPositiveInteger(item, 'quantity', `${path}[quantity]`);
    if (quantity === undefined) throw paramErrors.missing(`${path}[quantity]`);
    const price = priceOf(state, ctx, item, path, INLINE_PRICE_PARAMS);
    if (mode === 'payment' && price.recurring !== null) {
      throw paramErrors.invalid(
        path,
        'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      );
    }
    const product = state.store.products.get(price.product);
    const amount = price.unit_amount * quantity;
    return {
      id: newId(state, 'li'),
      object: 'item',
      amount_subtotal: amount,
      amount_total: amount,
      currency: price.currency,
      description: product?.name ?? price.product,
      price,
      quantity,
    };
  });
}

/** `POST /v1/checkout/sessions`: a hosted payment page for line items (payment or subscription). */
export function createSession(state: EmulatorState, ctx: RequestContext): CheckoutSession {
  const params = ctx.params;
  p.assertKnownParams(params, CHECKOUT_CREATE_PARAMS);
  const mode = p.readEnum(params, 'mode', ['payment', 'setup', 'subscription']);
  if (mode === undefined) throw paramErrors.missing('mode');
  if (mode === 'setup')
    throw paramErrors.invalid(
      'mode',
      'The local Stripe emulator supports payment and subscription mode only.',
    );
  const uiMode = p.readEnum(params, 'ui_mode', ['custom', 'embedded', 'hosted']);
  if (uiMode !== undefined && uiMode !== 'hosted')
    throw paramErrors.invalid('ui_mode', 'The local Stripe emulator offers the hosted page only.');
  const customer = p.readNonEmptyString(params, 'customer');
  const customerEmail = p.readNonEmptyString(params, 'customer_email');
  if (customer !== undefined && customerEmail !== undefined) {
    throw paramErrors.invalid(
      'customer_email',
      'You may only specify one of these parameters: customer, customer_email.',
      'parameters_exclusive',
    );
  }
  if (customer !== undefined) state.store.customers.require(customer, 'customer');
  const now = unixSeconds(state);
  const expiresAt = p.readInteger(params, 'expires_at') ?? now + 24 * 3600;
  if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600) {
    throw paramErrors.invalid(
      'expires_at',
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
    );
  }
  const details: CheckoutDetails = {
    lineItems: [],
    paymentIntentData: readIntentData(params),
    subscriptionData: readSubscriptionData(params),
  };
  const metadata = p.createMetadata(params);
  const successUrl = p.readNonEmptyString(params, 'success_url') ?? null;
  const cancelUrl = p.readNonEmptyString(params, 'cancel_url') ?? null;
  const clientReferenceId = p.readNonEmptyString(params, 'client_reference_id') ?? null;
  details.lineItems = readLineItems(state, ctx, mode);
  const currency = details.lineItems[0]?.currency ?? 'usd';
  if (details.lineItems.some((item) => item.currency !== currency)) {
    throw paramErrors.invalid('line_items', 'All line items must have the same currency.');
  }
  const total = details.lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  if (mode === 'payment' && total < minimumAmount(currency)) {
    throw paramErrors.invalid(
      'line_items',
      `The Checkout Session's total amount due must add up to at least ${minimumAmount(currency)} (minor units of ${currency}).`,
      'amount_too_small',
    );
  }
  const id = `cs_test_${state.ids()}`;
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    amount_subtotal: total,
    amount_total: total,
    cancel_url: cancelUrl,
    client_reference_id: clientReferenceId,
    created: now,
    currency,
    customer: customer ?? null,
    customer_email: customerEmail ?? null,
    expires_at: expiresAt,
    livemode: false,
    metadata,
    mode,
    payment_intent: null,
    payment_status: 'unpaid',
    status: 'open',
    subscription: null,
    success_url: successUrl,
    ui_mode: 'hosted',
    url: `${state.baseUrl()}/emulator/checkout/${id}`,
  };
  state.store.checkoutSessions.insert(session);
  state.store.checkoutDetails.set(id, details);
  return session;
}

/** Checkout's `line_items` exist only when asked for (`expand[]=line_items` or the sub-list). */
export function lineItemsOf(state: EmulatorState, session: CheckoutSession) {
  const items = state.store.checkoutDetails.get(session.id)?.lineItems ?? [];
  return {
    object: 'list' as const,
    data: items,
    has_more: false,
    url: `/v1/checkout/sessions/${session.id}/line_items`,
  };
}

export function expireSession(
  state: EmulatorState,
  ctx: RequestContext,
  session: CheckoutSession,
): void {
  if (session.status !== 'open') {
    throw invalidState(
      `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of ${session.status}.`,
    );
  }
  session.status = 'expired';
  session.url = null;
  emitEvent(state, ctx, 'checkout.session.expired', session);
}
