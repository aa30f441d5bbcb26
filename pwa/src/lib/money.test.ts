import { describe, expect, it } from 'vitest';
import { amountText, money, parseAmount, parsePercent, percent } from './money.ts';

describe('money on manager screens', () => {
  it('reads prices typed in major units as exact minor units', () => {
    expect(parseAmount('18', 'EUR')).toEqual({ ok: true, minor: 1800 });
    expect(parseAmount('16,50', 'EUR')).toEqual({ ok: true, minor: 1650 });
    expect(parseAmount('1200', 'JPY')).toEqual({ ok: true, minor: 1200 });
    expect(parseAmount('', 'EUR')).toMatchObject({ ok: false, message: 'Enter an amount' });
    expect(parseAmount('12.5.0', 'EUR')).toMatchObject({ ok: false });
    expect(parseAmount('-1', 'EUR')).toMatchObject({ ok: false });
  });

  it('shows amounts in the venue’s currency and starts fields from the stored value', () => {
    expect(money(1650, 'EUR')).toMatch(/16\.50/);
    expect(amountText(1650, 'EUR')).toBe('16.50');
    expect(amountText(5, 'EUR')).toBe('0.05');
  });

  it('turns percentages into basis points and back', () => {
    expect(parsePercent('10')).toBe(1000);
    expect(parsePercent('12.5%')).toBe(1250);
    expect(parsePercent('5,5')).toBe(550);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('ten')).toBeNull();
    expect(percent(1250)).toBe('12.5%');
  });
});
