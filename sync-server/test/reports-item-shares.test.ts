import { addDays, computeOrderTotals, type Minor, type TotalsLine } from '@servio/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue } from '../src/demo/seed.ts';
import { salesByItem } from '../src/reports/item-sales.ts';
import type { ReportRange } from '../src/reports/report-range.ts';
import { salesFigures } from '../src/reports/sales-figures.ts';
import { seedOrder, seedReportMenu, type MenuItemRef } from './reports-fixture.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';

const discount = fc.option(
  fc.oneof(
    fc.record({
      kind: fc.constant('percent' as const),
      value: fc.integer({ min: 0, max: 10_000 }),
    }),
    fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 6000 }) }),
  ),
  { nil: undefined },
);

const line = fc.record({
  priceMinor: fc.integer({ min: 0, max: 5000 }),
  taxRateBps: fc.constantFrom(0, 550, 1000, 2000),
  quantity: fc.integer({ min: 1, max: 6 }),
  modifierDelta: fc.option(fc.integer({ min: -800, max: 800 }), { nil: undefined }),
  voided: fc.boolean(),
  discount,
});

const order = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 4 }),
  discount,
  serviceChargeBps: fc.constantFrom(0, 1000, 1250),
  taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
});

/**
 * The item table shares each order discount across lines in SQL; `computeOrderTotals` does it
 * in TypeScript for the bill. Both must give every line the same minor unit, whatever the order.
 */
describe('[reports] item figures agree with the bill, line by line', () => {
  let test: TestDb;
  let venueId: string;
  let pool: MenuItemRef[];

  beforeAll(async () => {
    test = await createTestDb();
    venueId = (await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: 0, slug: 'shares' }))
      .venue.id;
    pool = Object.values((await seedReportMenu(test.db, venueId)).items);
  });
  afterAll(() => test?.drop());

  it('gives every line the gross, discount and net computeOrderTotals gives it', async () => {
    let day = '2027-01-01';
    await fc.assert(
      fc.asyncProperty(order, async (spec) => {
        day = addDays(day, 1);
        const lines = spec.lines.map((l, index) => ({
          item: { ...pool[index]!, priceMinor: l.priceMinor, taxRateBps: l.taxRateBps },
          quantity: l.quantity,
          modifiers:
            l.modifierDelta === undefined
              ? []
              : [{ name: 'Option', priceDeltaMinor: l.modifierDelta }],
          status: l.voided ? ('voided' as const) : ('served' as const),
          ...(l.discount ? { discount: l.discount } : {}),
        }));
        await seedOrder(
          test.db,
          { id: venueId, timezone: 'Europe/Paris', cutoff: '04:00', taxMode: spec.taxMode },
          {
            number: `P${day}`,
            covers: 1,
            status: 'closed',
            openedBy: null,
            openedAt: `${day}T12:00:00Z`,
            syncedAt: `${day}T12:00:00Z`,
            serviceChargeBps: spec.serviceChargeBps,
            ...(spec.discount ? { discount: spec.discount } : {}),
            lines,
          },
        );
        const range: ReportRange = { preset: 'custom', from: day, to: day, days: 1, today: day };
        const rows = await salesByItem(test.db, venueId, range);
        const figures = await salesFigures(test.db, venueId, range, spec.taxMode);

        // The bill as the tablet computes it (ids in insertion order, as uuidv7 gives them).
        const totals = computeOrderTotals({
          order: {
            discountKind: spec.discount?.kind ?? null,
            discountValue: spec.discount?.value ?? null,
            serviceChargeBps: spec.serviceChargeBps,
          },
          lines: lines.map((l, index): TotalsLine => ({
            id: `00000000-0000-7000-8000-00000000000${index}` as TotalsLine['id'],
            unitPriceMinor: l.item.priceMinor as Minor,
            modifiers: l.modifiers.map((m) => ({
              groupId: '00000000-0000-7000-8000-000000000000' as never,
              optionId: '00000000-0000-7000-8000-000000000000' as never,
              name: m.name,
              priceDeltaMinor: m.priceDeltaMinor as Minor,
            })),
            quantity: l.quantity,
            status: l.status,
            discountKind: l.discount?.kind ?? null,
            discountValue: l.discount?.value ?? null,
            taxRateBps: l.item.taxRateBps,
          })),
          payments: [],
          taxMode: spec.taxMode,
        });
        lines.forEach((l, index) => {
          const row = rows.find((r) => r.itemId === l.item.id);
          const bill = totals.lines[index]!;
          if (l.status === 'voided') {
            expect(row).toMatchObject({ quantity: 0, netSalesMinor: 0 });
            return;
          }
          expect(row).toMatchObject({
            quantity: l.quantity,
            grossSalesMinor: bill.grossMinor,
            discountsMinor: bill.lineDiscountMinor + bill.orderDiscountShareMinor,
            netSalesMinor: bill.netMinor,
          });
        });
        const itemNet = rows.reduce((sum, row) => sum + row.netSalesMinor, 0);
        expect(itemNet).toBe(figures.netSalesMinor);
        expect(figures.netSalesMinor).toBe(totals.subtotalMinor - totals.discountMinor);
      }),
      {
        numRuns: 60,
        // Ties: equal lines and an odd unit left over — it must go to the earlier line.
        examples: [
          [
            {
              lines: [600, 600, 600].map((priceMinor) => ({
                priceMinor,
                taxRateBps: 1000 as const,
                quantity: 1,
                modifierDelta: undefined,
                voided: false,
                discount: undefined,
              })),
              discount: { kind: 'amount', value: 2 },
              serviceChargeBps: 0,
              taxMode: 'inclusive',
            },
          ],
        ],
      },
    );
  });
});
