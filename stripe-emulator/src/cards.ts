import type { CardDetails } from './objects.ts';

/**
 * Stripe's documented test cards (https://docs.stripe.com/testing) and what a payment with each
 * one does. Any other number that passes the Luhn check is a real card number, which test mode
 * declines (`test_mode_live_card`); one that fails it is `incorrect_number`.
 */
export type CardOutcome =
  | { kind: 'succeed' }
  | { kind: 'authenticate' }
  | { kind: 'decline'; code: string; declineCode?: string; message: string };

interface TestCard {
  brand: string;
  funding: CardDetails['funding'];
  outcome: CardOutcome;
}

const succeed: CardOutcome = { kind: 'succeed' };
const declined = (declineCode: string, message = 'Your card was declined.'): CardOutcome => ({
  kind: 'decline',
  code: 'card_declined',
  declineCode,
  message,
});

const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', outcome: succeed },
  '4000056655665556': { brand: 'visa', funding: 'debit', outcome: succeed },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', outcome: succeed },
  '378282246310005': { brand: 'amex', funding: 'credit', outcome: succeed },
  '4000000000000002': { brand: 'visa', funding: 'credit', outcome: declined('generic_decline') },
  '4000000000009995': {
    brand: 'visa',
    funding: 'credit',
    outcome: declined('insufficient_funds', 'Your card has insufficient funds.'),
  },
  '4000000000009987': {
    brand: 'visa',
    funding: 'credit',
    outcome: declined('lost_card'),
  },
  '4000000000000069': {
    brand: 'visa',
    funding: 'credit',
    outcome: { kind: 'decline', code: 'expired_card', message: 'Your card has expired.' },
  },
  '4000000000000127': {
    brand: 'visa',
    funding: 'credit',
    outcome: {
      kind: 'decline',
      code: 'incorrect_cvc',
      message: "Your card's security code is incorrect.",
    },
  },
  '4000000000000119': {
    brand: 'visa',
    funding: 'credit',
    outcome: {
      kind: 'decline',
      code: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
  // 3D Secure: the payment waits in requires_action until the customer authenticates.
  '4000002500003155': { brand: 'visa', funding: 'credit', outcome: { kind: 'authenticate' } },
  '4000002760003184': { brand: 'visa', funding: 'credit', outcome: { kind: 'authenticate' } },
};

/** Stripe's test PaymentMethod aliases, usable wherever a `pm_…` id is accepted. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_visa_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_threeDSecure2Required: '4000002500003155',
};

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'unknown';
}

export function cardOutcome(number: string): CardOutcome {
  const known = TEST_CARDS[number];
  if (known) return known.outcome;
  return declined(
    'test_mode_live_card',
    'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  );
}

export function cardDetails(number: string, expMonth: number, expYear: number): CardDetails {
  const known = TEST_CARDS[number];
  const brand = known?.brand ?? brandOf(number);
  return {
    brand,
    display_brand: brand,
    country: 'US',
    exp_month: expMonth,
    exp_year: expYear,
    funding: known?.funding ?? 'credit',
    last4: number.slice(-4),
  };
}
