import type { FormObject } from './form.ts';
import type { CheckoutDetails } from './objects.ts';
import * as p from './params.ts';

/** Every top-level parameter Stripe's API knows for creating a Checkout Session. */
export const CHECKOUT_CREATE_PARAMS = [
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'allowed_payment_method_types',
  'automatic_tax',
  'billing_address_collection',
  'branding_settings',
  'cancel_url',
  'client_reference_id',
  'consent_collection',
  'currency',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_email',
  'customer_update',
  'discounts',
  'excluded_payment_method_types',
  'expand',
  'expires_at',
  'integration_identifier',
  'invoice_creation',
  'line_items',
  'locale',
  'managed_payments',
  'metadata',
  'mode',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_intent_data',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'permissions',
  'phone_number_collection',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'shipping_address_collection',
  'shipping_options',
  'submit_type',
  'subscription_data',
  'success_url',
  'tax_id_collection',
  'ui_mode',
  'wallet_options',
];

/** `payment_intent_data[metadata|description]`: copied onto the PaymentIntent when paid. */
export function readIntentData(params: FormObject): CheckoutDetails['paymentIntentData'] {
  const data = p.readObject(params, 'payment_intent_data');
  if (!data) return { metadata: {}, description: null };
  p.assertKnownParams(
    data,
    [
      'application_fee_amount',
      'capture_method',
      'description',
      'metadata',
      'on_behalf_of',
      'receipt_email',
      'setup_future_usage',
      'shipping',
      'statement_descriptor',
      'statement_descriptor_suffix',
      'transfer_data',
      'transfer_group',
    ],
    'payment_intent_data',
  );
  return {
    metadata: p.createMetadata(data),
    description:
      p.readNullableString(data, 'description', 'payment_intent_data[description]') ?? null,
  };
}

/** `subscription_data[metadata|description|trial_period_days]`: for the Subscription it creates. */
export function readSubscriptionData(params: FormObject): CheckoutDetails['subscriptionData'] {
  const data = p.readObject(params, 'subscription_data');
  if (!data) return { metadata: {}, description: null, trialPeriodDays: null };
  p.assertKnownParams(
    data,
    [
      'application_fee_percent',
      'billing_cycle_anchor',
      'billing_mode',
      'default_tax_rates',
      'description',
      'invoice_settings',
      'metadata',
      'on_behalf_of',
      'proration_behavior',
      'transfer_data',
      'trial_end',
      'trial_period_days',
      'trial_settings',
    ],
    'subscription_data',
  );
  return {
    metadata: p.createMetadata(data),
    description:
      p.readNullableString(data, 'description', 'subscription_data[description]') ?? null,
    trialPeriodDays:
      p.readPositiveInteger(data, 'trial_period_days', 'subscription_data[trial_period_days]') ??
      null,
  };
}
