import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minor } from './money.ts';
import { allocateByWeights, splitByAmounts, splitEvenly } from './splits.ts';

const sum = (parts: readonly number[]) => parts.reduce((a, b) => a + b, 0);

describe('splits', () => {
  it('splits evenly with the extra units going to the first parts', () => {
    expect(splitEvenly(minor(1000), 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(minor(2), 3)).toEqual([1, 1, 0]);
    expect(splitEvenly(minor(-1000), 3)).toEqual([-334, -333, -333]);
    expect(() => splitEvenly(minor(100), 0)).toThrow(RangeError);
  });

  it('even splits add up to the whole, are never negative and differ by at most 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 60 }), (t, n) => {
        const parts = splitEvenly(minor(t), n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(t);
        expect(Math.min(...parts)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('allocates by weights with the largest remainder', () => {
    // 100 by 1:1:1 -> 33.33 each; one extra unit to the first.
    expect(allocateByWeights(minor(100), [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 by 3:3:4 -> 3, 3, 4 exactly.
    expect(allocateByWeights(minor(10), [3, 3, 4])).toEqual([3, 3, 4]);
    // 100 by 1200:350:650 -> 54.5, 15.9, 29.5: floors 54+15+29 = 98, remainders .545, .909,
    // .545 -> the 2 extra units go to the second part, then the first (tie broken by index).
    expect(allocateByWeights(minor(100), [1200, 350, 650])).toEqual([55, 16, 29]);
    expect(allocateByWeights(minor(5), [0, 0])).toEqual([3, 2]);
    expect(allocateByWeights(minor(7), [0, 4])).toEqual([0, 7]);
    expect(() => allocateByWeights(minor(5), [])).toThrow(RangeError);
    expect(() => allocateByWeights(minor(5), [-1, 2])).toThrow(RangeError);
  });

  it('weighted parts add up to the whole, are never negative and stay within 1 of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (t, weights) => {
          const parts = allocateByWeights(minor(t), weights);
          expect(sum(parts)).toBe(t);
          expect(Math.min(...parts)).toBeGreaterThanOrEqual(0);
          const weightSum = sum(weights);
          if (weightSum > 0) {
            parts.forEach((part, i) => {
              const exact = (t * (weights[i] ?? 0)) / weightSum;
              expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
            });
          }
        },
      ),
    );
  });

  it('a split by amounts keeps the named amounts and adds the rest as the last part', () => {
    expect(splitByAmounts(minor(5000), [minor(2000), minor(1000)])).toEqual([2000, 1000, 2000]);
    expect(splitByAmounts(minor(3000), [minor(2000), minor(1000)])).toEqual([2000, 1000]);
    expect(() => splitByAmounts(minor(1000), [minor(2000)])).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 1e6 }),
        (named, extra) => {
          const total = minor(sum(named) + extra);
          expect(sum(splitByAmounts(total, named.map(minor)))).toBe(total);
        },
      ),
    );
  });
});
