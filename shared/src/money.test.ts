import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cashChange,
  discountAmount,
  discountFromColumns,
  discountToColumns,
  minor,
  mulDiv,
  percentOf,
  serviceCharge,
  taxInGross,
  taxOf,
  taxOnNet,
} from './money.ts';

describe('money', () => {
  it('minor refuses floats and unsafe integers', () => {
    expect(minor(1250)).toBe(1250);
    expect(() => minor(12.5)).toThrow(RangeError);
    expect(() => minor(2 ** 53)).toThrow(RangeError);
  });

  it('the one rounding rule rounds half away from zero', () => {
    expect(mulDiv(5, 1, 2)).toBe(3); // 2.5 -> 3
    expect(mulDiv(-5, 1, 2)).toBe(-3); // -2.5 -> -3
    expect(mulDiv(7, 1, 3)).toBe(2); // 2.33 -> 2
    expect(mulDiv(8, 1, 3)).toBe(3); // 2.67 -> 3
    expect(mulDiv(-8, 1, 3)).toBe(-3);
  });

  it('mulDiv stays exact where a float product would lose digits', () => {
    // 2^53 - 1 minor units × 10 000 bps overflows doubles; BigInt does not.
    expect(mulDiv(Number.MAX_SAFE_INTEGER, 10_000, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('mulDiv is within half a unit of the exact quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (amount, num, den) => {
          const result = mulDiv(amount, num, den);
          const exact = (amount * num) / den;
          expect(Math.abs(result - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        },
      ),
    );
  });

  it('percentOf takes basis points: 12.5 % of 1000 is 125', () => {
    expect(percentOf(1000, 1250)).toBe(125);
    expect(percentOf(999, 1000)).toBe(100); // 99.9 -> 100
  });

  it('tax exclusive adds on top of the net; tax inclusive finds the tax inside the gross', () => {
    expect(taxOnNet(1000, 2000)).toBe(200);
    expect(taxInGross(1200, 2000)).toBe(200);
    expect(taxInGross(1000, 2000)).toBe(167); // 166.67
    expect(taxInGross(650, 500)).toBe(31); // 30.95
    expect(taxOf(1000, 2000, 'exclusive')).toBe(200);
    expect(taxOf(1000, 2000, 'inclusive')).toBe(167);
  });

  it('inclusive tax never exceeds the gross and net + tax rebuilds the gross (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 10_000 }),
        (g, r) => {
          const tax = taxInGross(g, r);
          expect(tax).toBeGreaterThanOrEqual(0);
          expect(tax).toBeLessThanOrEqual(g);
        },
      ),
    );
  });

  it('a discount is never negative and never more than the amount it is taken from', () => {
    expect(discountAmount(1000, { kind: 'percent', bps: 1000 })).toBe(100);
    expect(discountAmount(1000, { kind: 'amount', amountMinor: minor(300) })).toBe(300);
    expect(discountAmount(200, { kind: 'amount', amountMinor: minor(300) })).toBe(200);
    expect(discountAmount(0, { kind: 'percent', bps: 5000 })).toBe(0);
    expect(discountAmount(500, null)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.oneof(
          fc.record({
            kind: fc.constant('percent' as const),
            bps: fc.integer({ min: 0, max: 10_000 }),
          }),
          fc.record({
            kind: fc.constant('amount' as const),
            amountMinor: fc.integer({ min: 0, max: 2e9 }).map(minor),
          }),
        ),
        (base, discount) => {
          const off = discountAmount(base, discount);
          expect(off).toBeGreaterThanOrEqual(0);
          expect(off).toBeLessThanOrEqual(base);
        },
      ),
    );
  });

  it('discounts round-trip through the two stored columns', () => {
    const percent = { kind: 'percent', bps: 1500 } as const;
    const amount = { kind: 'amount', amountMinor: minor(250) } as const;
    for (const discount of [percent, amount]) {
      const columns = discountToColumns(discount);
      expect(discountFromColumns(columns.discountKind, columns.discountValue)).toEqual(discount);
    }
    expect(discountToColumns(null)).toEqual({ discountKind: null, discountValue: null });
    expect(discountFromColumns(null, null)).toBeNull();
  });

  it('service charge is a rounded share of the amount, zero on nothing', () => {
    expect(serviceCharge(4550, 1250)).toBe(569); // 568.75
    expect(serviceCharge(0, 1250)).toBe(0);
  });

  it('cash change: applied is capped at what is due, the rest goes back', () => {
    expect(cashChange(1730, 2000)).toEqual({ applied: 1730, change: 270, remaining: 0 });
    expect(cashChange(1730, 1000)).toEqual({ applied: 1000, change: 0, remaining: 730 });
    expect(cashChange(0, 500)).toEqual({ applied: 0, change: 500, remaining: 0 });
    expect(() => cashChange(100, -1)).toThrow(RangeError);
  });
});
