import { formatMoney, parseMajor, toMajorString, type CurrencyCode } from '@servio/shared/currency';
import type { Minor } from '@servio/shared/money';
import { defineMessage, defineMessages } from 'react-intl';
import { FORMAT_LOCALE, intl } from '../i18n/intl.ts';

const messages = defineMessages({
  empty: { id: 'money.amount.empty', defaultMessage: 'Enter an amount' },
  negative: { id: 'money.amount.negative', defaultMessage: 'The amount cannot be negative' },
});
const notAnAmount = defineMessage<{ currency: string }>({
  id: 'money.amount.invalid',
  defaultMessage: 'Not an amount in {currency}, such as 12.50',
});

/**
 * Money for people, on every screen (tablet, kitchen, manager, the customer's phone): integer
 * minor units in, the venue's currency out, through the shared `formatMoney` the receipts use.
 * 1650 EUR → "€16.50".
 */
export function money(amount: number, currency: CurrencyCode): string {
  return formatMoney(amount as Minor, currency, FORMAT_LOCALE);
}

/** A function bound to one currency, for screens that show many amounts. */
export function moneyIn(currency: CurrencyCode): (amount: number) => string {
  return (amount) => money(amount, currency);
}

/** The currency's sign in this locale ("€", "$", "CHF"), for an amount field's prefix. */
export function currencySymbol(currency: CurrencyCode): string {
  const parts = new Intl.NumberFormat(FORMAT_LOCALE, { style: 'currency', currency }).formatToParts(
    0,
  );
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** An amount typed in major units ("12.50") as minor units, or the reason it is not one. */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
): { ok: true; minor: number } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: intl.formatMessage(messages.empty) };
  try {
    const value = parseMajor(text, currency);
    if (value < 0) return { ok: false, message: intl.formatMessage(messages.negative) };
    return { ok: true, minor: value };
  } catch {
    return { ok: false, message: intl.formatMessage(notAnAmount, { currency }) };
  }
}

/** Minor units as the text a price field starts with ("12.50"). */
export function amountText(amount: number, currency: CurrencyCode): string {
  return toMajorString(amount as Minor, currency);
}

/** Basis points as a percentage for people: 1000 → "10%", 1250 → "12.5%". */
export function percent(bps: number): string {
  return `${(bps / 100).toLocaleString(FORMAT_LOCALE, { maximumFractionDigits: 2 })}%`;
}

/** "12.5" (percent) → 1250 bps, or null when it is not a percentage from 0 to 100. */
export function parsePercent(text: string): number | null {
  const trimmed = text.trim().replace(',', '.').replace(/%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  const bps = Math.round(Number(trimmed) * 100);
  return bps >= 0 && bps <= 10_000 ? bps : null;
}
