import type { RequestContext } from './context.ts';
import { paramErrors, StripeApiError } from './errors.ts';
import type { FormObject } from './form.ts';
import type { PaymentIntent } from './objects.ts';
import { readArray, readInteger, readString } from './params.ts';

/** Every top-level create parameter Stripe's API knows (unknown ones are rejected, as Stripe does). */
export const CREATE_PARAMS = [
  'amount',
  'currency',
  'allowed_payment_method_types',
  'amount_details',
  'application_fee_amount',
  'automatic_payment_methods',
  'capture_method',
  'confirm',
  'confirmation_method',
  'confirmation_token',
  'customer',
  'customer_account',
  'description',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'metadata',
  'off_session',
  'on_behalf_of',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
  'use_stripe_sdk',
] as const;
export const CONFIRM_PARAMS = [
  'allowed_payment_method_types',
  'amount_details',
  'amount_to_confirm',
  'capture_method',
  'client_secret',
  'confirmation_token',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'off_session',
  'payment_details',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'use_stripe_sdk',
] as const;
export const UPDATE_PARAMS = [
  'allowed_payment_method_types',
  'amount',
  'amount_details',
  'application_fee_amount',
  'capture_method',
  'currency',
  'customer',
  'customer_account',
  'description',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'metadata',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
] as const;
/**
 * Stripe's minimum charge per currency, in minor units (https://docs.stripe.com/currencies,
 * "Minimum and maximum charge amounts"); others default to the common 50.
 */
const MINIMUM_AMOUNT: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  chf: 50,
  cad: 50,
  aud: 50,
  nzd: 50,
  sgd: 50,
  jpy: 50,
  dkk: 250,
  nok: 300,
  sek: 300,
  pln: 200,
  czk: 1500,
  huf: 17500,
  hkd: 400,
  mxn: 1000,
};
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const MAXIMUM_AMOUNT = 99_999_999;

export function minimumAmount(currency: string): number {
  return MINIMUM_AMOUNT[currency] ?? 50;
}

function formatMinor(amount: number, currency: string): string {
  const major = ZERO_DECIMAL.has(currency) ? String(amount) : (amount / 100).toFixed(2);
  return `${major} ${currency}`;
}

/** `amount` in minor units, within Stripe's limits for the currency. */
export function readAmount(params: FormObject, currency: string, required: boolean): number {
  const amount = readInteger(params, 'amount');
  if (amount === undefined) {
    if (required) throw paramErrors.missing('amount');
    return 0;
  }
  const minimum = minimumAmount(currency);
  if (amount < minimum) {
    throw paramErrors.invalid(
      'amount',
      `Amount must be at least ${formatMinor(minimum, currency)}`,
      'amount_too_small',
    );
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw paramErrors.invalid(
      'amount',
      `Amount must be no more than ${formatMinor(MAXIMUM_AMOUNT, currency)}`,
      'amount_too_large',
    );
  }
  return amount;
}

/** Only cards are emulated, so `payment_method_types` may name only `card`. */
export function readPaymentMethodTypes(params: FormObject): string[] | undefined {
  const types = readArray(params, 'payment_method_types');
  if (types === undefined) return undefined;
  return types.map((type, index) => {
    if (type !== 'card') {
      throw paramErrors.invalid(
        `payment_method_types[${index}]`,
        `The payment method type "${String(type)}" is not supported by the local Stripe emulator (only card).`,
        'payment_intent_invalid_parameter',
      );
    }
    return type;
  });
}

/**
 * Stripe.js reaches a PaymentIntent with the publishable key plus the intent's `client_secret`;
 * with the secret key the client secret is optional (but must still match when sent).
 */
export function checkClientSecret(ctx: RequestContext, intent: PaymentIntent): void {
  const clientSecret = readString(ctx.params, 'client_secret');
  if (clientSecret === undefined) {
    if (ctx.auth === 'publishable') throw paramErrors.missing('client_secret');
    return;
  }
  if (clientSecret !== intent.client_secret) {
    throw new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'payment_intent_invalid_parameter',
        message:
          'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
        param: 'client_secret',
      },
      { beforeExecution: true },
    );
  }
}
