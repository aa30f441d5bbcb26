import { formatMoney } from '@servio/shared/currency';
import { minor } from '@servio/shared/money';

/** Minor units in the venue's currency, as people read money: 1650 EUR → "€16.50". */
export function money(amount: number, currency: string): string {
  return formatMoney(minor(amount), currency);
}

/** A function bound to one currency, for screens that show many amounts. */
export function moneyIn(currency: string): (amount: number) => string {
  return (amount) => money(amount, currency);
}

/** The currency's sign in this locale ("€", "$", "CHF"), for an amount field's prefix. */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat(undefined, { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}
