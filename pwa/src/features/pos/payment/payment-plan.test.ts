import { type LineId, type Minor, type OrderTotals } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import { cashSuggestions, evenShare, itemsAmount, tipFromBps } from './payment-plan.ts';

const m = (value: number) => value as Minor;

describe('payment plan', () => {
  it('even shares of what is due add up exactly as each guest pays in turn', () => {
    let due = m(10_000);
    const paid: number[] = [];
    for (let guestsLeft = 3; guestsLeft > 0; guestsLeft -= 1) {
      const share = evenShare(due, guestsLeft);
      paid.push(share);
      due = m(due - share);
    }
    expect(paid).toEqual([3334, 3333, 3333]);
    expect(due).toBe(0);
  });

  it('items pay their exact share, capped at what is still due', () => {
    const totals = {
      dueMinor: m(1_000),
      lines: [
        { lineId: 'a' as LineId, payableMinor: m(700) },
        { lineId: 'b' as LineId, payableMinor: m(600) },
      ],
    } as Pick<OrderTotals, 'lines' | 'dueMinor'>;
    expect(itemsAmount(totals, new Set(['a' as LineId]))).toBe(700);
    expect(itemsAmount(totals, new Set(['a', 'b'] as LineId[]))).toBe(1_000);
    expect(itemsAmount(totals, new Set())).toBe(0);
  });

  it('tips are a percentage of the amount paid, rounded by the one rule', () => {
    expect(tipFromBps(m(2_345), 1_000)).toBe(235);
    expect(tipFromBps(m(0), 1_500)).toBe(0);
  });

  it('suggests the exact amount and the next round notes for cash', () => {
    expect(cashSuggestions(m(2_345), 'EUR')).toEqual([2_345, 2_500, 3_000, 4_000]);
    expect(cashSuggestions(m(5_000), 'EUR')).toEqual([5_000, 6_000, 10_000, 20_000]);
    expect(cashSuggestions(m(1_250), 'JPY')).toEqual([1_250, 1_500, 2_000, 5_000]);
    expect(cashSuggestions(m(0), 'EUR')).toEqual([]);
  });
});
