import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn, type TrpcClient } from './support/clients.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { seedOrder, seedReportMenu, type VenueClock } from './reports-fixture.ts';

/**
 * One known business day at a bistro in Paris (UTC+1 in March, day turns over at 04:00), every
 * report figure worked out by hand below. "Now" is 01:00 UTC on 11 March = 02:00 in Paris, so
 * the venue's "today" is still the business day of 10 March.
 *
 * Menu: Burger 15.00 and Salad 12.00 (food, 10 % VAT included); Beer 6.00 and Wine 8.00
 * (drinks, 20 % VAT included). Tax inside a price = amount × rate / (1 + rate), rounded half
 * away from zero, once per rate per order.
 *
 * A1 12:15 Wendy, 2 covers: 2 Burger + cheddar (16.50 each) = 33.00, 2 Beer = 12.00.
 *    gross 4500; tax 3300/11 = 300 + 1200/6 = 200 → 500. Cash 45.00 + tip 5.00.
 * A2 13:05 Wendy, 4 covers, 12.5 % service: Salad 12.00, 3 Wine 24.00, Burger VOIDED (15.00).
 *    Order discount 10.00 shared by largest remainder over 1200 : 2400 → 333.33 / 666.67
 *    → floors 333 + 666 = 999, the left-over unit to the larger remainder (Wine) → 333 / 667.
 *    Nets 867 + 1733 = 2600; service 2600 × 12.5 % = 325; tax 867/11 = 78.8 → 79,
 *    1733/6 = 288.8 → 289 → 368; total 3600 − 1000 + 325 = 2925.
 *    Split: card 14.63 + tip 2.00, QR 14.62 + tip 1.50.
 * A3 18:40 Cass, takeaway, 1 cover: 3 Beer at 50 % off the line (18.00 → 9.00), Salad 12.00.
 *    gross 3000, discounts 900, tax 1200/11 = 109.1 → 109 + 900/6 = 150 → 259, total 2100.
 *    Paid twice (cash 21.00 offline, QR 21.00); the QR payment refunded in full (21.00).
 * A4 21:30 Max, 3 covers: 2 Wine 16.00, Burger 15.00. gross 3100, tax 1500/11 = 136.4 → 136
 *    + 1600/6 = 266.7 → 267 → 403. Paid twice (card 31.00 + tip 3.10, cash 31.00): overpaid
 *    31.00 with a refund of the card payment still pending.
 * A5 19:00 Wendy, 2 covers: VOIDED order, its 2 Beer (12.00) and Burger (15.00) voided.
 * A6 12:20 merged into A1 (void, no lines left): neither a sale nor a voided order.
 * A7 opened 02:10 on 10 March — before the cut-off, so business day 9 March — and synced only at
 *    15:00: a late order from the night before. Beer 6.00 cash. Not in "today".
 * A8 01:30 on 11 March, before the cut-off: business day 10 March. 2 Beer + Wine = 20.00,
 *    tax 2000/6 = 333.3 → 333. QR 20.00 + tip 1.00.
 * A9 22:50 Wendy, 2 covers, still open (sent): Salad 12.00, tax 109; a QR attempt failed.
 * A10 2 March, card 8.00: only in "this month".
 *
 * Day 10 March: orders A1 A2 A3 A4 A8 A9 = 6, covers 2+4+1+3+2+2 = 14.
 *   gross 4500+3600+3000+3100+2000+1200 = 17400; discounts 1000+900 = 1900; net 15500;
 *   service 325; tax 500+368+259+403+333+109 = 1972; net ex tax 13528; billed 15825;
 *   average ticket 15500/6 = 2583.3 → 2583; per cover 15500/14 = 1107.1 → 1107;
 *   voids: 3 lines, quantity 4, value 1500+1200+1500 = 4200, 1 voided order.
 *   cash 4500+2100+3100 = 9700 (3), tips 500; card 1463+3100 = 4563 (2), tips 200+310 = 510;
 *   QR 1462+2100+2000 = 5562 (3), tips 150+100 = 250, refunded 2100 (1).
 *   payments 19825, tips 1260, refunds 2100.
 */
describe('[reports] a known day, every figure to the minor unit', () => {
  let test: TestDb;
  let server: TestServer;
  let a: DemoSeed;
  let b: DemoSeed;
  let manager: TrpcClient;
  let clockAtRead = 0;
  const now = Date.parse('2026-03-11T01:00:00Z');
  const staffOf = (seed: DemoSeed, name: string) => seed.staff.find((s) => s.name === name)!;

  beforeAll(async () => {
    test = await createTestDb();
    a = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now, slug: 'reports-a' });
    b = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now, slug: 'reports-b' });
    const venue: VenueClock = {
      id: a.venue.id,
      timezone: 'Europe/Paris',
      cutoff: '04:00',
      taxMode: 'inclusive',
    };
    const { items: m } = await seedReportMenu(test.db, a.venue.id);
    const wendy = staffOf(a, 'Wendy Waiter').id;
    const cass = staffOf(a, 'Cass Cashier').id;
    const max = staffOf(a, 'Max Manager').id;
    const table = (n: number) => a.tables[n - 1]!.id;

    const a1 = await seedOrder(test.db, venue, {
      number: 'A1',
      tableId: table(1),
      covers: 2,
      status: 'closed',
      openedBy: wendy,
      openedAt: '2026-03-10T11:15:00Z',
      syncedAt: '2026-03-10T13:00:00Z',
      lines: [
        { item: m.burger, quantity: 2, modifiers: [{ name: 'Cheddar', priceDeltaMinor: 150 }] },
        { item: m.beer, quantity: 2 },
      ],
      payments: [{ method: 'cash', amountMinor: 4500, tipMinor: 500 }],
    });
    await seedOrder(test.db, venue, {
      number: 'A2',
      tableId: table(2),
      covers: 4,
      status: 'closed',
      openedBy: wendy,
      openedAt: '2026-03-10T12:05:00Z',
      syncedAt: '2026-03-10T14:30:00Z',
      serviceChargeBps: 1250,
      discount: { kind: 'amount', value: 1000 },
      lines: [
        { item: m.salad, quantity: 1 },
        { item: m.wine, quantity: 3 },
        { item: m.burger, quantity: 1, status: 'voided' },
      ],
      payments: [
        { method: 'card', amountMinor: 1463, tipMinor: 200 },
        { method: 'stripe', amountMinor: 1462, tipMinor: 150 },
      ],
    });
    await seedOrder(test.db, venue, {
      number: 'A3',
      kind: 'takeaway',
      covers: 1,
      status: 'closed',
      openedBy: cass,
      openedAt: '2026-03-10T17:40:00Z',
      syncedAt: '2026-03-10T18:00:00Z',
      lines: [
        { item: m.beer, quantity: 3, discount: { kind: 'percent', value: 5000 } },
        { item: m.salad, quantity: 1 },
      ],
      payments: [
        { method: 'cash', amountMinor: 2100 },
        {
          method: 'stripe',
          amountMinor: 2100,
          refunds: [{ amountMinor: 2100, status: 'succeeded' }],
        },
      ],
    });
    await seedOrder(test.db, venue, {
      number: 'A4',
      tableId: table(3),
      covers: 3,
      status: 'closed',
      openedBy: max,
      openedAt: '2026-03-10T20:30:00Z',
      syncedAt: '2026-03-10T22:00:00Z',
      lines: [
        { item: m.wine, quantity: 2 },
        { item: m.burger, quantity: 1 },
      ],
      payments: [
        {
          method: 'card',
          amountMinor: 3100,
          tipMinor: 310,
          refunds: [{ amountMinor: 3100, status: 'pending' }],
        },
        { method: 'cash', amountMinor: 3100 },
      ],
    });
    await seedOrder(test.db, venue, {
      number: 'A5',
      tableId: table(4),
      covers: 2,
      status: 'void',
      openedBy: wendy,
      openedAt: '2026-03-10T18:00:00Z',
      syncedAt: '2026-03-10T18:30:00Z',
      lines: [
        { item: m.beer, quantity: 2, status: 'voided' },
        { item: m.burger, quantity: 1, status: 'voided' },
      ],
    });
    await seedOrder(test.db, venue, {
      number: 'A6',
      tableId: table(5),
      covers: 1,
      status: 'void',
      openedBy: wendy,
      openedAt: '2026-03-10T11:20:00Z',
      syncedAt: '2026-03-10T12:00:00Z',
      mergedInto: a1,
      lines: [],
    });
    await seedOrder(test.db, venue, {
      number: 'A7',
      tableId: table(6),
      covers: 2,
      status: 'closed',
      openedBy: wendy,
      openedAt: '2026-03-10T01:10:00Z',
      syncedAt: '2026-03-10T14:00:00Z',
      lines: [{ item: m.beer, quantity: 1 }],
      payments: [{ method: 'cash', amountMinor: 600 }],
    });
    await seedOrder(test.db, venue, {
      number: 'A8',
      tableId: table(7),
      covers: 2,
      status: 'closed',
      openedBy: wendy,
      openedAt: '2026-03-11T00:30:00Z',
      syncedAt: '2026-03-11T00:45:00Z',
      lines: [
        { item: m.beer, quantity: 2 },
        { item: m.wine, quantity: 1 },
      ],
      payments: [{ method: 'stripe', amountMinor: 2000, tipMinor: 100 }],
    });
    await seedOrder(test.db, venue, {
      number: 'A9',
      tableId: table(8),
      covers: 2,
      status: 'sent',
      openedBy: wendy,
      openedAt: '2026-03-10T21:50:00Z',
      syncedAt: '2026-03-10T23:55:00Z',
      lines: [{ item: m.salad, quantity: 1, status: 'sent' }],
      payments: [{ method: 'stripe', status: 'failed', amountMinor: 1200 }],
    });
    await seedOrder(test.db, venue, {
      number: 'A10',
      kind: 'takeaway',
      covers: 1,
      status: 'closed',
      openedBy: cass,
      openedAt: '2026-03-02T19:00:00Z',
      syncedAt: '2026-03-02T19:05:00Z',
      lines: [{ item: m.wine, quantity: 1 }],
      payments: [{ method: 'card', amountMinor: 800 }],
    });

    // Venue B trades the same day, with bigger numbers and an open order: none of it may show.
    const { items: mb } = await seedReportMenu(test.db, b.venue.id);
    for (const [number, status] of [
      ['B1', 'closed'],
      ['B2', 'open'],
    ] as const) {
      await seedOrder(
        test.db,
        { ...venue, id: b.venue.id },
        {
          number,
          covers: 9,
          status,
          openedBy: staffOf(b, 'Wendy Waiter').id,
          openedAt: '2026-03-10T19:00:00Z',
          syncedAt: '2026-03-11T00:59:00Z',
          lines: [{ item: mb.burger, quantity: 10 }],
          payments: status === 'closed' ? [{ method: 'card', amountMinor: 15000 }] : [],
        },
      );
    }

    // Two tablets: one still holds 3 unsynced changes, the other has pushed everything.
    for (const [letter, pending] of [
      ['Y', 0],
      ['Z', 3],
    ] as const) {
      const deviceId = uuidv7();
      await test.db.query(
        `INSERT INTO devices (venue_id, id, name, letter, token_hash, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, '2026-03-10T23:40:00Z')`,
        [a.venue.id, deviceId, `Tablet ${letter}`, letter, randomBytes(16).toString('hex')],
      );
      await test.db.query(
        `INSERT INTO clients (venue_id, id, device_id, pending_mutations, last_push_at)
         VALUES ($1, $2, $3, $4, '2026-03-10T23:30:00Z')`,
        [a.venue.id, uuidv7(), deviceId, pending],
      );
    }

    server = await startTestServer(test.db, { clock: { now: () => now } });
    manager = (await pairAndSignIn(server.url, a.pairingCode.code, staffOf(a, 'Max Manager')))
      .client;
    const { rows } = await test.db.query<{ clock: number }>(
      'SELECT clock FROM venue_clocks WHERE venue_id = $1',
      [a.venue.id],
    );
    clockAtRead = rows[0]!.clock;
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('[S11] "today" at 02:00 is still the business day that started on 10 March', async () => {
    const range = await manager.reports.resolveRange.query({ preset: 'today' });
    expect(range).toEqual({
      preset: 'today',
      from: '2026-03-10',
      to: '2026-03-10',
      days: 1,
      today: '2026-03-10',
      timezone: 'Europe/Paris',
      businessDayCutoff: '04:00',
      startsAt: '2026-03-10T03:00:00.000Z',
      endsAt: '2026-03-11T03:00:00.000Z',
    });
  });

  it('adds up every headline figure of the day by hand', async () => {
    const report = await manager.reports.summary.query({ preset: 'today' });
    expect(report.venue).toEqual({
      name: 'Servio Demo Bistro',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      businessDayCutoff: '04:00',
      taxMode: 'inclusive',
    });
    expect(report.figures).toEqual({
      orders: 6,
      covers: 14,
      grossSalesMinor: 17400,
      discountsMinor: 1900,
      netSalesMinor: 15500,
      netSalesExTaxMinor: 13528,
      serviceChargeMinor: 325,
      taxMinor: 1972,
      totalBilledMinor: 15825,
      averageTicketMinor: 2583,
      averagePerCoverMinor: 1107,
      voids: { lines: 3, quantity: 4, valueMinor: 4200, orders: 1 },
      paymentsMinor: 19825,
      tipsMinor: 1260,
      refunds: 1,
      refundsMinor: 2100,
    });
  });

  it('splits the money by payment method (failed and pending money counts nothing)', async () => {
    const { byPaymentMethod } = await manager.reports.summary.query({ preset: 'today' });
    expect(byPaymentMethod).toEqual([
      {
        method: 'cash',
        label: 'Cash',
        payments: 3,
        amountMinor: 9700,
        tipsMinor: 500,
        takenMinor: 10200,
        refunds: 0,
        refundsMinor: 0,
        netTakenMinor: 10200,
      },
      {
        method: 'card',
        label: 'Card',
        payments: 2,
        amountMinor: 4563,
        tipsMinor: 510,
        takenMinor: 5073,
        refunds: 0,
        refundsMinor: 0,
        netTakenMinor: 5073,
      },
      {
        method: 'stripe',
        label: 'QR (Stripe)',
        payments: 3,
        amountMinor: 5562,
        tipsMinor: 250,
        takenMinor: 5812,
        refunds: 1,
        refundsMinor: 2100,
        netTakenMinor: 3712,
      },
    ]);
  });

  it('puts each sale in its local hour, the after-midnight trade at the end of the day', async () => {
    const { byHour, byDay } = await manager.reports.summary.query({ preset: 'today' });
    expect(byHour.map((row) => row.hour)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3,
    ]);
    expect(byHour.filter((row) => row.orders > 0)).toEqual([
      { hour: 12, orders: 1, covers: 2, netSalesMinor: 4500 },
      { hour: 13, orders: 1, covers: 4, netSalesMinor: 2600 },
      { hour: 18, orders: 1, covers: 1, netSalesMinor: 2100 },
      { hour: 21, orders: 1, covers: 3, netSalesMinor: 3100 },
      { hour: 22, orders: 1, covers: 2, netSalesMinor: 1200 },
      { hour: 1, orders: 1, covers: 2, netSalesMinor: 2000 },
    ]);
    expect(byDay).toEqual([
      {
        businessDay: '2026-03-10',
        orders: 6,
        covers: 14,
        grossSalesMinor: 17400,
        discountsMinor: 1900,
        netSalesMinor: 15500,
        serviceChargeMinor: 325,
        taxMinor: 1972,
        tipsMinor: 1260,
      },
    ]);
  });

  it('shares the order discount across items exactly as the bill did (items add up to net)', async () => {
    const { byItem, byCategory } = await manager.reports.summary.query({ preset: 'today' });
    expect(byItem.map(({ itemId: _id, categoryId: _category, ...row }) => row)).toEqual([
      {
        name: 'Report Burger',
        category: 'Report food',
        quantity: 3,
        grossSalesMinor: 4800,
        discountsMinor: 0,
        netSalesMinor: 4800,
        voidedQuantity: 2,
        voidedMinor: 3000,
      },
      {
        name: 'Report Wine',
        category: 'Report drinks',
        quantity: 6,
        grossSalesMinor: 4800,
        discountsMinor: 667,
        netSalesMinor: 4133,
        voidedQuantity: 0,
        voidedMinor: 0,
      },
      {
        name: 'Report Beer',
        category: 'Report drinks',
        quantity: 7,
        grossSalesMinor: 4200,
        discountsMinor: 900,
        netSalesMinor: 3300,
        voidedQuantity: 2,
        voidedMinor: 1200,
      },
      {
        name: 'Report Salad',
        category: 'Report food',
        quantity: 3,
        grossSalesMinor: 3600,
        discountsMinor: 333,
        netSalesMinor: 3267,
        voidedQuantity: 0,
        voidedMinor: 0,
      },
    ]);
    expect(byCategory.map(({ categoryId: _id, ...row }) => row)).toEqual([
      {
        category: 'Report food',
        quantity: 6,
        grossSalesMinor: 8400,
        discountsMinor: 333,
        netSalesMinor: 8067,
      },
      {
        category: 'Report drinks',
        quantity: 13,
        grossSalesMinor: 9000,
        discountsMinor: 1567,
        netSalesMinor: 7433,
      },
    ]);
  });

  it('credits each order (and its tips) to whoever opened it', async () => {
    const { byStaff } = await manager.reports.summary.query({ preset: 'today' });
    expect(byStaff).toEqual([
      {
        staffId: staffOf(a, 'Wendy Waiter').id,
        name: 'Wendy Waiter',
        orders: 4,
        covers: 10,
        netSalesMinor: 10300,
        averageTicketMinor: 2575,
        tipsMinor: 950,
      },
      {
        staffId: staffOf(a, 'Max Manager').id,
        name: 'Max Manager',
        orders: 1,
        covers: 3,
        netSalesMinor: 3100,
        averageTicketMinor: 3100,
        tipsMinor: 310,
      },
      {
        staffId: staffOf(a, 'Cass Cashier').id,
        name: 'Cass Cashier',
        orders: 1,
        covers: 1,
        netSalesMinor: 2100,
        averageTicketMinor: 2100,
        tipsMinor: 0,
      },
    ]);
  });

  it('lists the open orders and the money to give back, of this venue only', async () => {
    const report = await manager.reports.summary.query({ preset: 'today' });
    expect(report.openOrders).toEqual([
      {
        orderId: expect.any(String),
        number: 'A9',
        kind: 'table',
        table: 'T8',
        status: 'sent',
        covers: 2,
        openedAt: '2026-03-10T21:50:00.000Z',
        businessDay: '2026-03-10',
        openedBy: 'Wendy Waiter',
        totalMinor: 1200,
        paidMinor: 0,
        dueMinor: 1200,
      },
    ]);
    expect(report.attention).toEqual([
      {
        orderId: expect.any(String),
        number: 'A4',
        table: 'T3',
        status: 'closed',
        businessDay: '2026-03-10',
        totalMinor: 3100,
        paidMinor: 6200,
        overpaidMinor: 3100,
        refundPendingMinor: 3100,
        refundsPending: 1,
      },
    ]);
    expect(await manager.reports.openOrders.query()).toEqual(report.openOrders);
    expect(await manager.reports.attention.query()).toEqual(report.attention);
  });

  it('says how fresh it is and which tablet still holds unsynced work', async () => {
    const { freshness } = await manager.reports.summary.query({ preset: 'today' });
    expect(freshness).toEqual({
      asOf: '2026-03-11T00:45:00.000Z',
      clock: clockAtRead,
      generatedAt: '2026-03-11T01:00:00.000Z',
      complete: false,
      pendingMutations: 3,
      devicesWithUnsyncedWork: [
        {
          deviceId: expect.any(String),
          name: 'Tablet Z',
          letter: 'Z',
          pendingMutations: 3,
          lastSeenAt: '2026-03-10T23:40:00.000Z',
          revoked: false,
        },
      ],
    });
    expect(await manager.reports.freshness.query()).toEqual(freshness);
  });

  it('[S11] puts the late-synced order from the night before on yesterday', async () => {
    const report = await manager.reports.summary.query({ preset: 'yesterday' });
    expect(report.range).toMatchObject({ from: '2026-03-09', to: '2026-03-09' });
    expect(report.figures).toMatchObject({
      orders: 1,
      covers: 2,
      grossSalesMinor: 600,
      netSalesMinor: 600,
      taxMinor: 100,
      paymentsMinor: 600,
    });
    expect(report.byHour.filter((row) => row.orders > 0)).toEqual([
      { hour: 2, orders: 1, covers: 2, netSalesMinor: 600 },
    ]);
  });

  it('resolves the longer presets from the venue clock and reports each day', async () => {
    const week = await manager.reports.summary.query({ preset: 'thisWeek' });
    expect(week.range).toMatchObject({ from: '2026-03-09', to: '2026-03-10', days: 2 });
    expect(week.figures).toMatchObject({ orders: 7, netSalesMinor: 16100 });
    expect(week.byDay.map((day) => [day.businessDay, day.orders, day.netSalesMinor])).toEqual([
      ['2026-03-09', 1, 600],
      ['2026-03-10', 6, 15500],
    ]);
    const last7 = await manager.reports.summary.query({ preset: 'last7Days' });
    expect(last7.range).toMatchObject({ from: '2026-03-04', to: '2026-03-10', days: 7 });
    expect(last7.byDay).toHaveLength(7);
    expect(last7.figures).toMatchObject({ orders: 7, netSalesMinor: 16100 });
    const month = await manager.reports.summary.query({ preset: 'thisMonth' });
    expect(month.range).toMatchObject({ from: '2026-03-01', to: '2026-03-10', days: 10 });
    expect(month.figures).toMatchObject({ orders: 8, netSalesMinor: 16900, paymentsMinor: 21225 });
  });

  it('never mixes venues: venue B’s manager sees only B’s two orders', async () => {
    const other = await pairAndSignIn(server.url, b.pairingCode.code, staffOf(b, 'Max Manager'));
    const report = await other.client.reports.summary.query({ preset: 'today' });
    expect(report.figures).toMatchObject({ orders: 2, covers: 18, grossSalesMinor: 30000 });
    expect(report.openOrders.map((order) => order.number)).toEqual(['B2']);
    expect(report.attention).toEqual([]);
    expect(report.freshness.devicesWithUnsyncedWork).toEqual([]);
  });
});
