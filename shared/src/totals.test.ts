import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  sequentialIdSource,
  type LineId,
  type ModifierGroupId,
  type ModifierOptionId,
} from './ids.ts';
import type { LineStatus } from './domain/index.ts';
import { minor } from './money.ts';
import { computeOrderTotals, lineAmounts, type TotalsLine, type TotalsPayment } from './totals.ts';

const nextId = sequentialIdSource(0x70);
const cheese = {
  groupId: nextId() as ModifierGroupId,
  optionId: nextId() as ModifierOptionId,
  name: 'Cheese',
  priceDeltaMinor: minor(100),
};

function line(
  unit: number,
  quantity: number,
  taxRateBps: number,
  extra: Partial<TotalsLine> = {},
): TotalsLine {
  return {
    id: nextId() as LineId,
    unitPriceMinor: minor(unit),
    modifiers: [],
    quantity,
    status: 'sent',
    discountKind: null,
    discountValue: null,
    taxRateBps,
    ...extra,
  };
}

function payment(amount: number, extra: Partial<TotalsPayment> = {}): TotalsPayment {
  return {
    status: 'succeeded',
    amountMinor: minor(amount),
    tipMinor: minor(0),
    refundedMinor: minor(0),
    ...extra,
  };
}

const noDiscount = { discountKind: null, discountValue: null, serviceChargeBps: 0 };

describe('computeOrderTotals', () => {
  it('[S12] tax inclusive: tax is found inside the prices, once per rate', () => {
    const totals = computeOrderTotals({
      order: noDiscount,
      lines: [
        line(1200, 2, 2000, { modifiers: [cheese] }), // (1200 + 100) × 2 = 2600
        line(650, 1, 500), // 650
        line(350, 1, 2000, { status: 'voided' }), // counts zero
      ],
      payments: [],
      taxMode: 'inclusive',
    });
    expect(totals.subtotalMinor).toBe(3250);
    expect(totals.taxes).toEqual([
      { rateBps: 500, baseMinor: 650, taxMinor: 31 }, // 650 × 5/105 = 30.95
      { rateBps: 2000, baseMinor: 2600, taxMinor: 433 }, // 2600 × 20/120 = 433.33
    ]);
    expect(totals.taxMinor).toBe(464);
    expect(totals.totalMinor).toBe(3250);
    expect(totals.dueMinor).toBe(3250);
    expect(totals.lines.map((l) => l.lineTotalMinor)).toEqual([2600, 650, 0]);
  });

  it('[S12] tax inclusive with line and order discounts and a service charge', () => {
    const lines = [
      line(1200, 2, 2000, { modifiers: [cheese], discountKind: 'percent', discountValue: 1000 }),
      line(650, 1, 500),
      line(350, 2, 2000, { discountKind: 'amount', discountValue: 100 }),
    ];
    const totals = computeOrderTotals({
      order: { discountKind: 'percent', discountValue: 1000, serviceChargeBps: 1250 },
      lines,
      payments: [],
      taxMode: 'inclusive',
    });
    // Line totals 2340 (2600 − 10 %), 650, 600 (700 − 100) = 3590; order discount 10 % = 359,
    // shared 234 / 65 / 60; nets 2106 / 585 / 540 = 3231; service 12.5 % = 403.875 -> 404.
    expect(totals.lines.map((l) => l.lineTotalMinor)).toEqual([2340, 650, 600]);
    expect(totals.lines.map((l) => l.orderDiscountShareMinor)).toEqual([234, 65, 60]);
    expect(totals.lines.map((l) => l.netMinor)).toEqual([2106, 585, 540]);
    expect(totals.subtotalMinor).toBe(3950);
    expect(totals.lineDiscountMinor).toBe(360);
    expect(totals.orderDiscountMinor).toBe(359);
    expect(totals.discountMinor).toBe(719);
    expect(totals.serviceChargeMinor).toBe(404);
    // 20 %: (2106 + 540) × 20/120 = 441; 5 %: 585 × 5/105 = 27.86 -> 28.
    expect(totals.taxes).toEqual([
      { rateBps: 500, baseMinor: 585, taxMinor: 28 },
      { rateBps: 2000, baseMinor: 2646, taxMinor: 441 },
    ]);
    expect(totals.lines.map((l) => l.taxMinor)).toEqual([351, 28, 90]);
    // Inclusive: tax is inside, total = 3950 − 719 + 404.
    expect(totals.totalMinor).toBe(3635);
    // Service shares of 404 by 2106:585:540 = 263.33 / 73.15 / 67.52 -> 263 / 73 / 68.
    expect(totals.lines.map((l) => l.payableMinor)).toEqual([2369, 658, 608]);
  });

  it('[S12] tax exclusive: tax goes on top; paid, tips, refunds, due', () => {
    const totals = computeOrderTotals({
      order: { discountKind: 'amount', discountValue: 500, serviceChargeBps: 1000 },
      lines: [line(1200, 1, 800), line(650, 2, 500), line(350, 1, 800, { status: 'voided' })],
      payments: [
        payment(1000, { tipMinor: minor(100) }),
        payment(1500, { refundedMinor: minor(200) }),
        payment(999, { status: 'failed' }),
      ],
      taxMode: 'exclusive',
    });
    // Line totals 1200 / 1300 / 0; order discount 500 shared 240 / 260 / 0; nets 960 / 1040.
    expect(totals.lines.map((l) => l.netMinor)).toEqual([960, 1040, 0]);
    expect(totals.serviceChargeMinor).toBe(200);
    // 8 % of 960 = 76.8 -> 77; 5 % of 1040 = 52.
    expect(totals.taxes).toEqual([
      { rateBps: 500, baseMinor: 1040, taxMinor: 52 },
      { rateBps: 800, baseMinor: 960, taxMinor: 77 },
    ]);
    expect(totals.totalMinor).toBe(2329); // 2500 − 500 + 200 + 129
    expect(totals.lines.map((l) => l.payableMinor)).toEqual([1133, 1196, 0]);
    expect(totals.paidMinor).toBe(2300); // 1000 + (1500 − 200); the failed one does not count
    expect(totals.tipMinor).toBe(100);
    expect(totals.dueMinor).toBe(29);
    expect(totals.overpaidMinor).toBe(0);
  });

  it('paying more than the total shows as overpaid, never as a negative due', () => {
    const totals = computeOrderTotals({
      order: noDiscount,
      lines: [line(1000, 1, 2000)],
      payments: [payment(700), payment(700)],
      taxMode: 'inclusive',
    });
    expect(totals.dueMinor).toBe(0);
    expect(totals.overpaidMinor).toBe(400);
  });

  it('an order discount larger than the order takes it to zero, not below', () => {
    const totals = computeOrderTotals({
      order: { discountKind: 'amount', discountValue: 99_999, serviceChargeBps: 1000 },
      lines: [line(1000, 1, 2000)],
      payments: [],
      taxMode: 'exclusive',
    });
    expect(totals.orderDiscountMinor).toBe(1000);
    expect(totals.totalMinor).toBe(0);
    expect(totals.taxMinor).toBe(0);
  });

  it('a negative modifier can never make a line negative', () => {
    const minus = { ...cheese, priceDeltaMinor: minor(-500) };
    expect(lineAmounts(line(300, 2, 0, { modifiers: [minus] })).lineTotalMinor).toBe(0);
  });

  const arbitraryLine = fc.record({
    unit: fc.integer({ min: 0, max: 50_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    rate: fc.constantFrom(0, 500, 800, 2000),
    status: fc.constantFrom<LineStatus>('new', 'sent', 'served', 'voided'),
    discount: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  });

  it('[S12] line shares add up to the total, and totals do not depend on line order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryLine, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('inclusive' as const, 'exclusive' as const),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.integer({ min: 0, max: 2000 }),
        (specs, taxMode, orderPercent, serviceChargeBps) => {
          const lines = specs.map((s) =>
            line(s.unit, s.quantity, s.rate, {
              status: s.status,
              discountKind: s.discount === null ? null : 'percent',
              discountValue: s.discount,
            }),
          );
          const order = {
            discountKind: orderPercent === null ? null : ('percent' as const),
            discountValue: orderPercent,
            serviceChargeBps,
          };
          const totals = computeOrderTotals({ order, lines, payments: [], taxMode });
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          expect(sum(totals.lines.map((l) => l.payableMinor))).toBe(totals.totalMinor);
          expect(sum(totals.lines.map((l) => l.taxMinor))).toBe(totals.taxMinor);
          expect(totals.totalMinor).toBeGreaterThanOrEqual(0);
          expect(totals.discountMinor).toBeLessThanOrEqual(totals.subtotalMinor);
          for (const l of totals.lines) expect(l.payableMinor).toBeGreaterThanOrEqual(0);

          const reversed = computeOrderTotals({
            order,
            lines: [...lines].reverse(),
            payments: [],
            taxMode,
          });
          expect(reversed.totalMinor).toBe(totals.totalMinor);
          expect([...reversed.lines].reverse()).toEqual(totals.lines);
        },
      ),
    );
  });
});
