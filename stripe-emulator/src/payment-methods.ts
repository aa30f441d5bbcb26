import { cardDetails, luhnValid, TEST_PAYMENT_METHODS } from './cards.ts';
import type { EmulatorState, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import { paramErrors, StripeApiError } from './errors.ts';
import type { FormObject } from './form.ts';
import type { PaymentMethod } from './objects.ts';
import {
  assertKnownParams,
  createMetadata,
  readExpand,
  readObject,
  readString,
  requireString,
} from './params.ts';
import { expand } from './store.ts';

function cardError(code: string, message: string, param: string): StripeApiError {
  return new StripeApiError(402, { type: 'card_error', code, message, param });
}

function readExpiry(card: FormObject, path: string, nowMs: number): [number, number] {
  const now = new Date(nowMs);
  const monthText = readString(card, 'exp_month', `${path}[exp_month]`);
  const yearText = readString(card, 'exp_year', `${path}[exp_year]`);
  // The local card form always sends an expiry; callers that only name a test number get a
  // valid one, as Stripe's test PaymentMethods have.
  if (monthText === undefined && yearText === undefined) {
    return [12, now.getUTCFullYear() + 3];
  }
  const month = Number(monthText);
  if (!/^\d{1,2}$/.test(monthText ?? '') || month < 1 || month > 12) {
    throw cardError(
      'invalid_expiry_month',
      "Your card's expiration month is invalid.",
      `${path}[exp_month]`,
    );
  }
  let year = Number(yearText);
  if (!/^\d{2}(\d{2})?$/.test(yearText ?? '')) {
    throw cardError(
      'invalid_expiry_year',
      "Your card's expiration year is invalid.",
      `${path}[exp_year]`,
    );
  }
  if (year < 100) year += 2000;
  const currentYear = now.getUTCFullYear();
  const currentMonth = now.getUTCMonth() + 1;
  if (year < currentYear || (year === currentYear && month < currentMonth)) {
    throw cardError(
      'invalid_expiry_year',
      "Your card's expiration year is invalid.",
      `${path}[exp_year]`,
    );
  }
  return [month, year];
}

function insertCard(
  state: EmulatorState,
  number: string,
  month: number,
  year: number,
): PaymentMethod {
  const paymentMethod: PaymentMethod = {
    id: newId(state, 'pm'),
    object: 'payment_method',
    type: 'card',
    card: cardDetails(number, month, year),
    billing_details: { email: null, name: null, phone: null },
    customer: null,
    created: unixSeconds(state),
    livemode: false,
    metadata: {},
  };
  state.store.paymentMethods.insert(paymentMethod);
  state.store.cardNumbers.set(paymentMethod.id, number);
  return paymentMethod;
}

/**
 * A card PaymentMethod from `payment_method_data` (or `POST /v1/payment_methods`) parameters:
 * `type=card`, `card[number]`, optional `card[exp_month]`, `card[exp_year]`, `card[cvc]`.
 */
export function createCardPaymentMethod(
  state: EmulatorState,
  data: FormObject,
  /** Where the fields sit in the request (`payment_method_data`), or '' at the top level. */
  path: string,
  extraParams: readonly string[] = [],
): PaymentMethod {
  const at = (key: string) => (path ? `${path}[${key}]` : key);
  assertKnownParams(data, ['type', 'card', 'billing_details', 'metadata', ...extraParams], path);
  const type = requireString(data, 'type', at('type'));
  if (type !== 'card') {
    throw paramErrors.invalid(
      at('type'),
      `The payment method type provided: ${type} is not supported by the local Stripe emulator (only card).`,
      'payment_method_invalid_parameter',
    );
  }
  const card = readObject(data, 'card', at('card'));
  if (!card) throw paramErrors.missing(at('card'));
  assertKnownParams(card, ['number', 'exp_month', 'exp_year', 'cvc'], at('card'));
  const number = requireString(card, 'number', `${at('card')}[number]`).replace(/[\s-]/g, '');
  if (!luhnValid(number)) {
    throw cardError('incorrect_number', 'Your card number is incorrect.', `${at('card')}[number]`);
  }
  const cvc = readString(card, 'cvc', `${at('card')}[cvc]`);
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) {
    throw cardError('invalid_cvc', "Your card's security code is invalid.", `${at('card')}[cvc]`);
  }
  const [month, year] = readExpiry(card, at('card'), state.now());
  const paymentMethod = insertCard(state, number, month, year);
  const billing = readObject(data, 'billing_details', at('billing_details'));
  if (billing) {
    assertKnownParams(billing, ['email', 'name', 'phone', 'address'], at('billing_details'));
    paymentMethod.billing_details = {
      email: readString(billing, 'email') ?? null,
      name: readString(billing, 'name') ?? null,
      phone: readString(billing, 'phone') ?? null,
    };
  }
  paymentMethod.metadata = createMetadata(data);
  return paymentMethod;
}

/**
 * A `payment_method` parameter: an existing `pm_…` id, or one of Stripe's test aliases
 * (`pm_card_visa`), which — as in Stripe test mode — creates a fresh PaymentMethod each time.
 */
export function resolvePaymentMethod(
  state: EmulatorState,
  id: string,
  param = 'payment_method',
): PaymentMethod {
  const alias = TEST_PAYMENT_METHODS[id];
  if (alias) {
    const year = new Date(state.now()).getUTCFullYear() + 3;
    return insertCard(state, alias, 12, year);
  }
  return state.store.paymentMethods.require(id, param);
}

export function cardNumberOf(state: EmulatorState, paymentMethodId: string): string {
  const number = state.store.cardNumbers.get(paymentMethodId);
  if (number === undefined) throw new Error(`no card number for ${paymentMethodId}`);
  return number;
}

export function paymentMethodRoutes(state: EmulatorState): Route[] {
  return [
    {
      // Stripe.js creates PaymentMethods with the publishable key.
      method: 'POST',
      pattern: '/v1/payment_methods',
      auth: 'publishable',
      handle: (ctx) => {
        const paymentMethod = createCardPaymentMethod(state, ctx.params, '', ['expand']);
        return expand(paymentMethod, readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/payment_methods/:id',
      auth: 'secret',
      handle: (ctx) => {
        assertKnownParams(ctx.params, ['expand']);
        const paymentMethod = state.store.paymentMethods.require(pathParam(ctx, 'id'));
        return expand(paymentMethod, readExpand(ctx.params), state.store);
      },
    },
  ];
}
