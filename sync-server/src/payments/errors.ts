import Stripe from 'stripe';

/** HTTP-ish outcomes the payment paths refuse with; tRPC and the HTTP routes map them alike. */
export type PaymentErrorCode =
  'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'PAYMENT_REQUIRED' | 'BAD_GATEWAY';

export const PAYMENT_ERROR_STATUS: Record<PaymentErrorCode, number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  PAYMENT_REQUIRED: 402,
  BAD_GATEWAY: 502,
};

/** A refusal meant for the person (customer or manager): the message says what to do. */
export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    /** A stable machine name (`nothing_due`, `lines_taken`, `not_paid`, …) for the page. */
    readonly reason: string = code.toLowerCase(),
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}

export const unknownTable = () =>
  new PaymentError(
    'NOT_FOUND',
    'This QR code does not belong to a table any more. Ask the staff for a new one.',
    'unknown_table',
  );

/**
 * A Stripe call that failed, as the person should hear it: Stripe's own message for a request
 * it refused (a card error, an amount below the minimum), "try again" when Stripe is unreachable.
 */
export function fromStripeError(error: unknown): PaymentError | undefined {
  if (error instanceof Stripe.errors.StripeCardError) {
    return new PaymentError('PAYMENT_REQUIRED', error.message, error.code ?? 'card_error');
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return new PaymentError('BAD_REQUEST', error.message, error.code ?? 'invalid_request');
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new PaymentError(
      'BAD_GATEWAY',
      'Payments are not reachable right now. Please try again in a moment.',
      'stripe_unavailable',
    );
  }
  return undefined;
}

/** True when Stripe says the object does not exist (e.g. an emulator restarted since). */
export function isStripeMissing(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing'
  );
}
