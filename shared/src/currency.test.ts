import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, formatMoney, parseMajor, toMajorString } from './currency.ts';
import { minor } from './money.ts';

describe('currency', () => {
  it('knows minor-unit exponents: JPY 0, EUR/USD/GBP 2, KWD 3', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(() => currencyExponent('euro')).toThrow();
  });

  it('writes minor units as a decimal string in major units', () => {
    expect(toMajorString(minor(1234), 'EUR')).toBe('12.34');
    expect(toMajorString(minor(5), 'EUR')).toBe('0.05');
    expect(toMajorString(minor(-5), 'EUR')).toBe('-0.05');
    expect(toMajorString(minor(1234), 'JPY')).toBe('1234');
    expect(toMajorString(minor(1234), 'KWD')).toBe('1.234');
  });

  it('parses typed amounts, with a comma or a point, rounding extra digits by the one rule', () => {
    expect(parseMajor('12.5', 'EUR')).toBe(1250);
    expect(parseMajor('12,50', 'EUR')).toBe(1250);
    expect(parseMajor('12', 'EUR')).toBe(1200);
    expect(parseMajor('0.005', 'EUR')).toBe(1);
    expect(parseMajor('1500', 'JPY')).toBe(1500);
    expect(() => parseMajor('12.3.4', 'EUR')).toThrow(RangeError);
    expect(() => parseMajor('abc', 'EUR')).toThrow(RangeError);
  });

  it('toMajorString and parseMajor are inverse (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (amount, code) => {
          expect(parseMajor(toMajorString(minor(amount), code), code)).toBe(amount);
        },
      ),
    );
  });

  it('formats for display with Intl, using the currency exponent', () => {
    expect(formatMoney(minor(1234), 'EUR', 'en-GB')).toBe('€12.34');
    expect(formatMoney(minor(1234), 'GBP', 'en-GB')).toBe('£12.34');
    expect(formatMoney(minor(1234), 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(minor(123456), 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });
});
