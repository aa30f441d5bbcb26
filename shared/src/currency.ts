import { z } from 'zod';
import { minor, mulDiv, type Minor } from './money.ts';

export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like EUR');
export type CurrencyCode = string;

/**
 * ISO 4217 minor-unit exponents that differ from 2, pinned here rather than read from
 * Intl: the tablet's browser and the server's Node can ship different ICU data (ICU
 * says ISK has 0 digits, ISO says 0; older ICU said 2), and both sides must agree on
 * what one minor unit is.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/** Digits after the decimal point for a currency: JPY 0, EUR/USD/GBP 2, KWD 3. */
export function currencyExponent(code: CurrencyCode): number {
  CurrencyCodeSchema.parse(code);
  return EXPONENTS[code] ?? 2;
}

/** Minor units as a plain decimal string in major units: 1234 EUR -> "12.34". */
export function toMajorString(amount: Minor, code: CurrencyCode): string {
  const exponent = currencyExponent(code);
  const negative = amount < 0;
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Parse a decimal string typed in major units ("12.5", "12,50") into minor units.
 * Extra digits beyond the currency's exponent go through the one rounding rule.
 */
export function parseMajor(input: string, code: CurrencyCode): Minor {
  const exponent = currencyExponent(code);
  const text = input.trim().replace(',', '.');
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: "${input}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > 6) throw new RangeError(`Too many decimals: "${input}"`);
  const scale = 10 ** fraction.length;
  const asScaledInteger = Number(whole) * scale + Number(fraction || '0');
  const value = mulDiv(asScaledInteger, 10 ** exponent, scale);
  return minor(sign ? -value : value);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Money for display with the locale's symbol and grouping: 1234 EUR -> "€12.34". */
export function formatMoney(amount: Minor, code: CurrencyCode, locale?: string): string {
  const exponent = currencyExponent(code);
  const key = `${locale ?? ''}|${code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  // Exact for every amount up to 2^53 minor units: x / 10^e is the closest double to the
  // decimal, and Intl rounds it back to exactly e digits.
  return formatter.format(amount / 10 ** exponent);
}
