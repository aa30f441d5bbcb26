import { minor, type LineTotals } from '@servio/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToPay, tipFor, type PayableState } from '../src/payments/pay-amount.ts';

// [S12] What a phone is charged is computed from the bill, never taken from the phone.
function state(
  total: number,
  paid = 0,
  reserved = 0,
  lines: [string, number][] = [],
  claimed: string[] = [],
): PayableState {
  return {
    totals: {
      totalMinor: minor(total),
      paidMinor: minor(paid),
      lines: lines.map(
        ([id, payable]) => ({ lineId: id, payableMinor: minor(payable) }) as LineTotals,
      ),
    },
    reservedMinor: reserved,
    claimedLineIds: new Set(claimed),
  };
}

describe('amountToPay', () => {
  it('even shares 1..N of a bill add up to the bill exactly (largest remainder)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 50 }),
        (total, parts) => {
          let paid = 0;
          for (let share = 1; share <= parts; share += 1) {
            const decision = amountToPay({ kind: 'share', parts, share }, state(total, paid));
            if (!decision.ok) {
              expect(paid).toBe(total);
              continue;
            }
            paid += decision.amountMinor;
          }
          expect(paid).toBe(total);
        },
      ),
    );
  });

  it('never lets succeeded, pending and new payments together exceed the bill', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        (total, requests) => {
          let reserved = 0;
          for (const amountMinor of requests) {
            const decision = amountToPay(
              { kind: 'amount', amountMinor },
              state(total, 0, reserved),
            );
            if (decision.ok) {
              expect(decision.amountMinor).toBeLessThanOrEqual(amountMinor);
              expect(decision.capped).toBe(decision.amountMinor < amountMinor);
              reserved += decision.amountMinor;
            } else {
              expect(decision.reason).toBe('nothing_due');
            }
            expect(reserved).toBeLessThanOrEqual(total);
          }
        },
      ),
    );
  });

  it('pays chosen lines at their exact share, refusing lines someone else covers', () => {
    const bill = state(
      3000,
      0,
      0,
      [
        ['a', 1650],
        ['b', 700],
        ['c', 650],
      ],
      ['c'],
    );
    expect(amountToPay({ kind: 'items', lineIds: ['a', 'b', 'a'] }, bill)).toEqual({
      ok: true,
      requestedMinor: 2350,
      amountMinor: 2350,
      capped: false,
      lineIds: ['a', 'b'],
    });
    expect(amountToPay({ kind: 'items', lineIds: ['c'] }, bill)).toMatchObject({
      ok: false,
      reason: 'lines_taken',
    });
    expect(amountToPay({ kind: 'items', lineIds: ['z'] }, bill)).toMatchObject({
      ok: false,
      reason: 'unknown_lines',
    });
  });

  it('says why nothing can be paid: all paid, or the rest is being paid right now', () => {
    expect(amountToPay({ kind: 'all' }, state(1000, 1000))).toMatchObject({
      ok: false,
      message: 'Nothing is left to pay on this bill.',
    });
    expect(amountToPay({ kind: 'all' }, state(1000, 400, 600))).toMatchObject({
      ok: false,
      message: 'The rest of this bill is being paid by someone else right now.',
    });
  });
});

describe('tipFor', () => {
  it('applies a venue preset by the one rounding rule and refuses others', () => {
    expect(tipFor({ kind: 'preset', bps: 1250 }, 1005, [1000, 1250])).toEqual({
      ok: true,
      tipMinor: 126,
    });
    expect(tipFor({ kind: 'preset', bps: 2000 }, 1005, [1000, 1250])).toMatchObject({ ok: false });
    expect(tipFor({ kind: 'custom', amountMinor: 300 }, 1005, [])).toEqual({
      ok: true,
      tipMinor: 300,
    });
    expect(tipFor({ kind: 'custom', amountMinor: 1006 }, 1005, [])).toMatchObject({ ok: false });
    expect(tipFor({ kind: 'none' }, 1005, [])).toEqual({ ok: true, tipMinor: 0 });
  });
});
