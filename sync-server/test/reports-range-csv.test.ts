import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionCsv } from '../src/reports/report-csv.ts';
import { resolveRange } from '../src/reports/report-range.ts';
import { REPORT_SECTION_NAMES } from '../src/reports/report-summary.ts';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { seedOrder, seedReportMenu } from './reports-fixture.ts';
import { failure, type TrpcClient } from './support/clients.ts';

const paris = { timezone: 'Europe/Paris', businessDayCutoff: '04:00' };

describe('report ranges', () => {
  it('[S11] resolves presets from the venue clock, with the cut-off deciding "today"', () => {
    // Sunday 1 March 2026, 03:30 in Paris: still Saturday's business day (28 February).
    const early = new Date('2026-03-01T02:30:00Z');
    expect(resolveRange({ preset: 'today' }, paris, early)).toMatchObject({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    expect(resolveRange({ preset: 'thisMonth' }, paris, early)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      days: 28,
    });
    expect(resolveRange({ preset: 'thisWeek' }, paris, early)).toMatchObject({
      from: '2026-02-23',
      to: '2026-02-28',
    });
    // Sunday 1 March at 12:00: the week still starts on Monday 23 February.
    const sunday = new Date('2026-03-01T11:00:00Z');
    expect(resolveRange({ preset: 'thisWeek' }, paris, sunday)).toMatchObject({
      from: '2026-02-23',
      to: '2026-03-01',
      days: 7,
    });
    expect(resolveRange({ preset: 'yesterday' }, paris, sunday)).toMatchObject({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    expect(resolveRange({ preset: 'last7Days' }, paris, sunday)).toMatchObject({
      from: '2026-02-23',
      to: '2026-03-01',
    });
    expect(
      resolveRange({ preset: 'custom', from: '2025-12-30', to: '2026-01-02' }, paris, sunday),
    ).toMatchObject({ from: '2025-12-30', to: '2026-01-02', days: 4 });
  });
});

describe('report ranges, validation and CSV over HTTP', () => {
  let world: BackofficeWorld;
  let manager: TrpcClient;

  beforeAll(async () => {
    world = await startBackofficeWorld('reports-csv');
    manager = (await world.signIn(world.a, 'Max Manager')).client;
    // Venue A switches to prices before tax with a 10 % service charge for this suite.
    await world.test.db.query(`UPDATE venues SET tax_mode = 'exclusive' WHERE id = $1`, [
      world.a.venue.id,
    ]);
    const { items } = await seedReportMenu(world.test.db, world.a.venue.id);
    const venue = {
      id: world.a.venue.id,
      timezone: 'Europe/Paris',
      cutoff: '04:00',
      taxMode: 'exclusive' as const,
    };
    await seedOrder(world.test.db, venue, {
      number: 'A1',
      covers: 2,
      status: 'closed',
      openedBy: null,
      openedAt: '2026-05-04T08:00:00Z',
      syncedAt: '2026-05-04T08:30:00Z',
      serviceChargeBps: 1000,
      lines: [
        { item: items.burger, quantity: 1 },
        { item: { ...items.beer, name: '=HYPERLINK("http://evil")' }, quantity: 1 },
      ],
      payments: [{ method: 'card', amountMinor: 2580, tipMinor: 20 }],
    });
  });
  afterAll(() => world?.close());

  it('follows daylight saving: a business day across the March change is 23 hours', async () => {
    const range = await manager.reports.resolveRange.query({
      preset: 'custom',
      from: '2026-03-29',
      to: '2026-03-29',
    });
    // 04:00 CEST (UTC+2) on 29 March to 04:00 CEST on the 30th.
    expect(range).toMatchObject({
      startsAt: '2026-03-29T02:00:00.000Z',
      endsAt: '2026-03-30T02:00:00.000Z',
    });
    const across = await manager.reports.resolveRange.query({
      preset: 'custom',
      from: '2026-03-28',
      to: '2026-03-29',
    });
    // 04:00 CET (UTC+1) on the 28th: 47 hours to the end of the 29th.
    expect(across.startsAt).toBe('2026-03-28T03:00:00.000Z');
  });

  it('answers a malformed range with 400', async () => {
    for (const input of [
      { preset: 'custom' as const, from: '2026-05-01' },
      { preset: 'custom' as const, from: '2026-05-04', to: '2026-05-01' },
      { preset: 'custom' as const, from: '2025-01-01', to: '2026-05-01' },
      { preset: 'custom' as const, from: '2026-02-30', to: '2026-03-01' },
      { preset: 'today' as const, from: '2026-05-01' },
      { preset: 'fortnight' as 'today' },
    ]) {
      expect(await failure(manager.reports.summary.query(input))).toMatchObject({
        code: 'BAD_REQUEST',
        httpStatus: 400,
      });
    }
  });

  it('reports a tax-exclusive venue: tax and service on top of net', async () => {
    // Burger 15.00 at 10 % → 1.50, Beer 6.00 at 20 % → 1.20: tax 270.
    // Net 2100, service 10 % = 210, billed 2100 + 210 + 270 = 2580.
    const { figures } = await manager.reports.summary.query({ preset: 'today' });
    expect(figures).toMatchObject({
      orders: 1,
      grossSalesMinor: 2100,
      netSalesMinor: 2100,
      netSalesExTaxMinor: 2100,
      serviceChargeMinor: 210,
      taxMinor: 270,
      totalBilledMinor: 2580,
      paymentsMinor: 2580,
      tipsMinor: 20,
    });
  });

  it('exports every table as CSV that parses back to the report’s numbers', async () => {
    const report = await manager.reports.summary.query({ preset: 'today' });
    for (const section of REPORT_SECTION_NAMES) {
      const exported = await manager.reports.csv.query({ preset: 'today', section });
      expect(exported.contentType).toBe('text/csv; charset=utf-8');
      expect(exported.filename).toMatch(/^servio-[a-z-]+-2026-05-04\.csv$/);
      const parsed = Papa.parse<Record<string, string>>(exported.csv, { header: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields?.length).toBeGreaterThan(1);
    }
    const figures = Papa.parse<{ Figure: string; Value: string }>(
      (await manager.reports.csv.query({ preset: 'today', section: 'figures' })).csv,
      { header: true },
    ).data;
    const value = (name: string) => figures.find((row) => row.Figure === name)?.Value;
    expect(value('Net sales (EUR)')).toBe('21.00');
    expect(value('Total billed (EUR)')).toBe('25.80');
    expect(value('Tips (EUR)')).toBe('0.20');
    expect(value('Orders')).toBe(String(report.figures.orders));

    const items = Papa.parse<Record<string, string>>(
      (await manager.reports.csv.query({ preset: 'today', section: 'byItem' })).csv,
      { header: true },
    ).data;
    expect(items.map((row) => [row.Item, row['Net sales (EUR)']])).toEqual([
      ['Report Burger', '15.00'],
      ['Report Beer', '6.00'],
    ]);
    const days = Papa.parse<Record<string, string>>(
      (await manager.reports.csv.query({ preset: 'last7Days', section: 'byDay' })).csv,
      { header: true },
    ).data;
    expect(days.map((row) => row['Business day'])).toHaveLength(7);
  });

  it('defuses spreadsheet formulas in names but keeps negative numbers as numbers', () => {
    const csv = sectionCsv(
      'byCategory',
      [
        {
          categoryId: null,
          category: '=HYPERLINK("http://evil")',
          quantity: 1,
          grossSalesMinor: -1250 as never,
          discountsMinor: 0 as never,
          netSalesMinor: -1250 as never,
        },
      ],
      'EUR',
    );
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(row).toMatchObject({
      Category: `'=HYPERLINK("http://evil")`,
      'Net sales (EUR)': '-12.50',
    });
  });
});
