import { PROTOCOL_VERSION } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { failure, type TrpcClient } from './support/clients.ts';

describe('back office: venue settings and the audit log', () => {
  let world: BackofficeWorld;
  let manager: TrpcClient;
  let owner: TrpcClient;

  beforeAll(async () => {
    world = await startBackofficeWorld('venue');
    manager = (await world.signIn(world.a, 'Max Manager')).client;
    owner = (await world.signIn(world.a, 'Olivia Owner')).client;
    await world.test.db.query(`UPDATE venues SET subscription_status = 'active' WHERE id = $1`, [
      world.a.venue.id,
    ]);
  });
  afterAll(() => world?.close());

  it('shows the settings and the subscription status to a manager', async () => {
    expect(await manager.backoffice.venue.get.query()).toEqual({
      id: world.a.venue.id,
      name: 'Servio Demo Bistro',
      slug: 'venue-a',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      businessDayCutoff: '04:00',
      taxMode: 'inclusive',
      serviceChargeBps: 0,
      tipPresetsBps: [1000, 1250, 1500],
      subscriptionStatus: 'active',
      version: expect.any(Number),
    });
  });

  it('lets only the owner change settings, which then reach the tablets', async () => {
    expect(
      await failure(manager.backoffice.venue.update.mutate({ serviceChargeBps: 1000 })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const cursor = await world.venueClock(world.a);
    const updated = await owner.backoffice.venue.update.mutate({
      name: 'Bistro Olivia',
      timezone: 'America/New_York',
      businessDayCutoff: '05:30',
      taxMode: 'exclusive',
      serviceChargeBps: 1250,
      tipPresetsBps: [0, 1500, 2000],
    });
    expect(updated).toMatchObject({
      name: 'Bistro Olivia',
      timezone: 'America/New_York',
      businessDayCutoff: '05:30',
      taxMode: 'exclusive',
      serviceChargeBps: 1250,
      tipPresetsBps: [0, 1500, 2000],
      version: cursor + 1,
    });
    const tablet = (await world.signIn(world.a, 'Wendy Waiter')).client;
    const pulled = await tablet.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: uuidv7(),
      cursor,
      pendingCount: 0,
    });
    if (pulled.status !== 'ok') throw new Error(pulled.status);
    expect(pulled.rows.venues?.upserts).toEqual([
      expect.objectContaining({ name: 'Bistro Olivia', serviceChargeBps: 1250 }),
    ]);
    const { rows } = await world.test.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE venue_id = $1 AND action = 'venue.settings_changed'`,
      [world.a.venue.id],
    );
    expect(rows[0]?.details).toMatchObject({
      service_charge_bps: { from: 0, to: 1250 },
      business_day_cutoff: { from: '04:00', to: '05:30' },
    });
    // The report range follows the new zone and cut-off at once.
    const range = await owner.reports.resolveRange.query({ preset: 'today' });
    expect(range).toMatchObject({ timezone: 'America/New_York', businessDayCutoff: '05:30' });
  });

  it('refuses unknown timezones and malformed settings with 400, changing nothing', async () => {
    const before = await owner.backoffice.venue.get.query();
    for (const call of [
      () => owner.backoffice.venue.update.mutate({ timezone: 'Mars/Olympus_Mons' }),
      () => owner.backoffice.venue.update.mutate({ businessDayCutoff: '25:00' }),
      () => owner.backoffice.venue.update.mutate({ currency: 'euro' }),
      () => owner.backoffice.venue.update.mutate({ serviceChargeBps: -5 }),
      () => owner.backoffice.venue.update.mutate({ tipPresetsBps: [1000, 20_000] }),
      () => owner.backoffice.venue.update.mutate({ taxMode: 'both' as 'inclusive' }),
      () => owner.backoffice.venue.update.mutate({}),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    }
    expect(await owner.backoffice.venue.get.query()).toEqual(before);
  });

  it('changes the currency only before the first order', async () => {
    const fresh = await world.signIn(world.b, 'Olivia Owner');
    await expect(
      fresh.client.backoffice.venue.update.mutate({ currency: 'GBP' }),
    ).resolves.toMatchObject({ currency: 'GBP' });
    await world.test.db.query(
      `INSERT INTO orders (venue_id, id, number, kind, opened_at, business_day)
       VALUES ($1, gen_random_uuid(), 'A1', 'takeaway', now(), '2026-05-04')`,
      [world.b.venue.id],
    );
    expect(
      await failure(fresh.client.backoffice.venue.update.mutate({ currency: 'USD' })),
    ).toMatchObject({ code: 'CONFLICT' });
    // Venue A's settings were never touched by B's owner.
    expect((await owner.backoffice.venue.get.query()).currency).toBe('EUR');
  });

  it('shows the owner every back-office action, newest first, a page at a time', async () => {
    expect(await failure(manager.backoffice.audit.list.query({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await manager.backoffice.tables.create.mutate({ name: 'Audit 1' });
    await manager.backoffice.tables.create.mutate({ name: 'Audit 2' });
    await manager.backoffice.tables.create.mutate({ name: 'Audit 3' });

    const first = await owner.backoffice.audit.list.query({ limit: 2, action: 'table.' });
    expect(first.entries.map((e) => e.details)).toEqual([
      { name: 'Audit 3', area: 'Main' },
      { name: 'Audit 2', area: 'Main' },
    ]);
    expect(first.entries[0]).toMatchObject({
      action: 'table.created',
      actor: { name: 'Max Manager', role: 'manager' },
      deviceId: expect.any(String),
      at: expect.any(String),
    });
    const second = await owner.backoffice.audit.list.query({
      limit: 2,
      action: 'table.',
      cursor: first.nextCursor!,
    });
    expect(second.entries.map((e) => e.details)).toEqual([{ name: 'Audit 1', area: 'Main' }]);
    expect(second.nextCursor).toBeNull();

    const everything = await owner.backoffice.audit.list.query({ limit: 200 });
    const actions = everything.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['venue.settings_changed', 'table.created']));
    // Venue B's owner changed B's currency: that row is B's alone.
    expect(everything.entries.every((e) => e.target !== world.b.venue.id)).toBe(true);
    expect(await failure(owner.backoffice.audit.list.query({ cursor: 'garbage' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
