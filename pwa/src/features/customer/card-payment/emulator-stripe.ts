import { intl } from '../../../i18n/intl.ts';
import type { CardData } from './card-input.ts';

/**
 * Emulator mode: the calls Stripe.js makes to api.stripe.com, made to the local Stripe emulator
 * through the server (`/api/stripe-emulator`, same origin, so a phone on the venue's Wi-Fi
 * reaches it). Form-encoded, with the publishable key and the intent's client secret, exactly
 * as Stripe.js sends them; the card goes to "Stripe", never to our server's own routes.
 */
export const EMULATOR_BROWSER_API = '/api/stripe-emulator';

export interface IntentRef {
  paymentIntentId: string;
  clientSecret: string;
}

/** What confirming (or answering 3D Secure) came to, for the page to act on. */
export type ConfirmOutcome =
  /** Stripe took it (succeeded or still processing): ask the server to record it. */
  | { kind: 'confirmed' }
  /** The bank wants the customer to authenticate (3D Secure). */
  | { kind: 'requires_action' }
  /** The card was refused or authentication failed: nothing was charged. */
  | { kind: 'declined'; message: string }
  /** Nothing is known to have happened (network, server): the same attempt may be tried again. */
  | { kind: 'error'; message: string };

interface StripeErrorBody {
  error?: { type?: string; code?: string; message?: string };
}

interface IntentBody {
  id?: string;
  status?: string;
  last_payment_error?: { message?: string | null } | null;
}

async function post(path: string, fields: Record<string, string>): Promise<ConfirmOutcome> {
  let response: Response;
  try {
    response = await fetch(`${EMULATOR_BROWSER_API}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return {
      kind: 'error',
      message: intl.formatMessage({
        id: 'customer.card.notSent',
        defaultMessage:
          'The payment could not be sent. Check your phone’s connection and try again.',
      }),
    };
  }
  const body = (await response.json().catch(() => ({}))) as StripeErrorBody & IntentBody;
  if (response.ok) return outcomeOfIntent(body);
  if (response.status === 402 || body.error?.type === 'card_error') {
    return {
      kind: 'declined',
      message:
        body.error?.message ??
        intl.formatMessage({
          id: 'customer.card.declined',
          defaultMessage: 'Your card was declined.',
        }),
    };
  }
  // Confirming an intent that already succeeded (a retry after a lost answer): the server
  // knows the truth and is asked next.
  if (body.error?.code === 'payment_intent_unexpected_state') return { kind: 'confirmed' };
  return {
    kind: 'error',
    message:
      body.error?.message ??
      intl.formatMessage(
        {
          id: 'customer.card.failedWithStatus',
          defaultMessage: 'The payment could not be made (error {status}).',
        },
        { status: String(response.status) },
      ),
  };
}

function outcomeOfIntent(intent: IntentBody): ConfirmOutcome {
  switch (intent.status) {
    case 'succeeded':
    case 'processing':
      return { kind: 'confirmed' };
    case 'requires_action':
      return { kind: 'requires_action' };
    case 'requires_payment_method':
      return {
        kind: 'declined',
        message:
          intent.last_payment_error?.message ??
          intl.formatMessage({
            id: 'customer.card.notCompletedTryAgain',
            defaultMessage: 'The payment was not completed. Try again or use another card.',
          }),
      };
    default:
      return { kind: 'confirmed' };
  }
}

/** `POST /v1/payment_intents/:id/confirm` with the card as `payment_method_data`. */
export function confirmCardPayment(
  publishableKey: string,
  intent: IntentRef,
  card: CardData,
): Promise<ConfirmOutcome> {
  return post(`/v1/payment_intents/${encodeURIComponent(intent.paymentIntentId)}/confirm`, {
    key: publishableKey,
    client_secret: intent.clientSecret,
    'payment_method_data[type]': 'card',
    'payment_method_data[card][number]': card.number,
    'payment_method_data[card][exp_month]': String(card.expMonth),
    'payment_method_data[card][exp_year]': String(card.expYear),
    'payment_method_data[card][cvc]': card.cvc,
  });
}

/** The customer's answer to the (emulated) bank's 3D Secure challenge. */
export function answerAuthentication(
  publishableKey: string,
  intent: IntentRef,
  outcome: 'success' | 'failure',
): Promise<ConfirmOutcome> {
  return post(
    `/v1/payment_intents/${encodeURIComponent(intent.paymentIntentId)}/emulator_authenticate`,
    { key: publishableKey, client_secret: intent.clientSecret, outcome },
  );
}
