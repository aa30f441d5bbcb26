import { intl } from '../../../i18n/intl.ts';

/**
 * The local card form's fields (emulator mode), checked on the phone before anything is sent,
 * the way Stripe's own card field catches a typo: the number's check digit, an expiry in the
 * future, a 3- or 4-digit security code. The card itself is judged by Stripe (the emulator).
 */

export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
}

export interface CardData {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export type CardFieldErrors = Partial<Record<keyof CardFields, string>>;

export function cardDigits(input: string): string {
  return input.replace(/\D/g, '');
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'card';

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^6(011|5)/.test(digits)) return 'discover';
  return 'card';
}

/** Brand names stay as the brands write them; only the generic "Card" is a word to translate. */
export const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  card: intl.formatMessage({ id: 'customer.card.brandCard', defaultMessage: 'Card' }),
};

export function brandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** "4242424242424242" → "4242 4242 4242 4242" (Amex: 4-6-5), as the person types. */
export function formatCardNumber(input: string): string {
  const digits = cardDigits(input).slice(0, 19);
  const groups = cardBrand(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** "1228" or "12/28" → "12 / 28"; a lone first digit above 1 is a month ("4" → "04 / "). */
export function formatExpiry(input: string): string {
  let digits = cardDigits(input).slice(0, 4);
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`;
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

/**
 * The fields as the emulator's confirm call needs them, or what is wrong with each, in words
 * for the person. `now` is injected so the expiry check is testable.
 */
export function readCard(
  fields: CardFields,
  now: Date,
): { ok: true; card: CardData } | { ok: false; errors: CardFieldErrors } {
  const errors: CardFieldErrors = {};
  const number = cardDigits(fields.number);
  if (number.length === 0)
    errors.number = intl.formatMessage({
      id: 'customer.card.enterNumber',
      defaultMessage: 'Enter the card number.',
    });
  else if (number.length < 12 || !luhnValid(number))
    errors.number = intl.formatMessage({
      id: 'customer.card.numberInvalid',
      defaultMessage: 'This card number is not valid.',
    });

  const expiry = cardDigits(fields.expiry);
  const month = Number(expiry.slice(0, 2));
  const year = 2000 + Number(expiry.slice(2, 4));
  if (expiry.length === 0)
    errors.expiry = intl.formatMessage({
      id: 'customer.card.enterExpiry',
      defaultMessage: 'Enter the expiry date.',
    });
  else if (expiry.length !== 4 || month < 1 || month > 12) {
    errors.expiry = intl.formatMessage({
      id: 'customer.card.expiryFormat',
      defaultMessage: 'Enter the expiry date as MM / YY.',
    });
  } else if (
    year < now.getFullYear() ||
    (year === now.getFullYear() && month < now.getMonth() + 1)
  ) {
    errors.expiry = intl.formatMessage({
      id: 'customer.card.expired',
      defaultMessage: 'This card has expired.',
    });
  }

  const cvc = cardDigits(fields.cvc);
  const cvcLength = cardBrand(number) === 'amex' ? 4 : 3;
  if (cvc.length === 0)
    errors.cvc = intl.formatMessage({
      id: 'customer.card.enterCvc',
      defaultMessage: 'Enter the security code.',
    });
  else if (cvc.length !== cvcLength) {
    errors.cvc = intl.formatMessage(
      {
        id: 'customer.card.cvcLength',
        defaultMessage: 'The security code has {cvcLength} digits.',
      },
      { cvcLength },
    );
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, card: { number, expMonth: month, expYear: year, cvc } };
}
