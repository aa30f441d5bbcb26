import { z } from 'zod';

/**
 * The parts of Stripe's objects we read, parsed once at the boundary (webhook payloads, stored
 * events, SDK answers) and typed after. Unknown fields pass through untouched.
 */

const metadata = z.record(z.string(), z.string()).default({});

export const StripeEventSchema = z.looseObject({
  id: z.string().regex(/^evt_/, 'a Stripe event id (evt_…)'),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.int(),
  livemode: z.boolean().default(false),
  data: z.looseObject({ object: z.looseObject({ id: z.string().optional() }) }),
});
export type StripeEventFacts = z.infer<typeof StripeEventSchema>;

export const IntentSchema = z.looseObject({
  id: z.string().regex(/^pi_/),
  object: z.literal('payment_intent'),
  status: z.enum([
    'requires_payment_method',
    'requires_confirmation',
    'requires_action',
    'processing',
    'requires_capture',
    'canceled',
    'succeeded',
  ]),
  amount: z.int(),
  amount_received: z.int().default(0),
  currency: z.string(),
  metadata,
  last_payment_error: z
    .looseObject({ message: z.string().nullish(), code: z.string().nullish() })
    .nullish()
    .transform((value) => value ?? null),
});
export type IntentFacts = z.infer<typeof IntentSchema>;

export const ChargeSchema = z.looseObject({
  id: z.string().regex(/^ch_|^py_/),
  object: z.literal('charge'),
  amount: z.int(),
  amount_refunded: z.int(),
  currency: z.string(),
  payment_intent: z.string().nullable(),
});
export type ChargeFacts = z.infer<typeof ChargeSchema>;

export const SubscriptionSchema = z.looseObject({
  id: z.string().regex(/^sub_/),
  object: z.literal('subscription'),
  customer: z
    .union([z.string(), z.looseObject({ id: z.string() })])
    .transform((c) => (typeof c === 'string' ? c : c.id)),
  status: z.string().min(1),
  metadata,
});
export type SubscriptionFacts = z.infer<typeof SubscriptionSchema>;

export const CheckoutSessionSchema = z.looseObject({
  id: z.string().regex(/^cs_/),
  object: z.literal('checkout.session'),
  mode: z.enum(['payment', 'subscription', 'setup']),
  client_reference_id: z.string().nullish(),
  customer: z
    .union([z.string(), z.looseObject({ id: z.string() })])
    .nullish()
    .transform((c) => (c == null ? null : typeof c === 'string' ? c : c.id)),
  payment_intent: z
    .union([z.string(), z.looseObject({ id: z.string() })])
    .nullish()
    .transform((p) => (p == null ? null : typeof p === 'string' ? p : p.id)),
  subscription: z
    .union([z.string(), z.looseObject({ id: z.string() })])
    .nullish()
    .transform((s) => (s == null ? null : typeof s === 'string' ? s : s.id)),
  payment_status: z.string(),
  metadata,
});
export type CheckoutSessionFacts = z.infer<typeof CheckoutSessionSchema>;

export const RefundSchema = z.looseObject({
  id: z.string().regex(/^re_|^pyr_/),
  object: z.literal('refund'),
  amount: z.int(),
  status: z.string().nullable(),
  reason: z.string().nullable().default(null),
  metadata,
});
export type RefundFacts = z.infer<typeof RefundSchema>;
