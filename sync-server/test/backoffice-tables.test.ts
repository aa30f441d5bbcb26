import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { failure, trpcClient, type TrpcClient } from './support/clients.ts';

describe('back office: tables and their QR codes', () => {
  let world: BackofficeWorld;
  let manager: TrpcClient;

  beforeAll(async () => {
    world = await startBackofficeWorld('tables', { PUBLIC_URL: 'https://pos.example.com' });
    manager = (await world.signIn(world.a, 'Max Manager')).client;
  });
  afterAll(() => world?.close());

  it('creates, renames, moves and re-seats a table, each change versioned and audited', async () => {
    const clock = await world.venueClock(world.a);
    const table = await manager.backoffice.tables.create.mutate({ name: 'Bar 1', area: 'Bar' });
    expect(table).toMatchObject({ name: 'Bar 1', area: 'Bar', seats: 4, version: clock + 1 });
    const moved = await manager.backoffice.tables.update.mutate({
      id: table.id,
      name: 'Window 1',
      area: 'Terrace',
      seats: 2,
      sortOrder: 20,
    });
    expect(moved).toMatchObject({
      name: 'Window 1',
      area: 'Terrace',
      seats: 2,
      sortOrder: 20,
      version: clock + 2,
    });
    const list = await manager.backoffice.tables.list.query();
    expect(list.find((t) => t.id === table.id)).toMatchObject({ name: 'Window 1' });
    expect((await world.auditActions(world.a)).slice(-2)).toEqual([
      'table.created',
      'table.updated',
    ]);
  });

  it('prints one QR code per table that opens that table’s pay page', async () => {
    const sheet = await manager.backoffice.tables.qrSheet.query();
    const tables = await manager.backoffice.tables.list.query();
    expect(sheet.baseUrl).toBe('https://pos.example.com');
    expect(sheet.tables).toHaveLength(tables.length);
    for (const entry of sheet.tables) {
      const table = tables.find((t) => t.id === entry.tableId)!;
      expect(entry.payUrl).toBe(`https://pos.example.com/t/${table.qrToken}`);
      expect(entry.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
    }
    // The seed's table T1 is on the sheet with the token its printed code carries.
    expect(sheet.tables.find((t) => t.tableId === world.a.tables[0]!.id)?.payUrl).toBe(
      `https://pos.example.com/t/${world.a.tables[0]!.qrToken}`,
    );
  });

  it('reissues a table’s token: the old printed code stops opening the bill', async () => {
    const t1 = world.a.tables[0]!;
    const customer = trpcClient(world.server.url);
    await expect(customer.pay.bill.query({ token: t1.qrToken })).resolves.toMatchObject({
      table: { name: t1.name },
    });
    const clock = await world.venueClock(world.a);
    const reissued = await manager.backoffice.tables.reissueToken.mutate({ id: t1.id });
    expect(reissued.qrToken).not.toBe(t1.qrToken);
    expect(reissued.qrToken.length).toBeGreaterThanOrEqual(24);
    expect(reissued.version).toBe(clock + 1);

    expect(await failure(customer.pay.bill.query({ token: t1.qrToken }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(customer.pay.bill.query({ token: reissued.qrToken })).resolves.toMatchObject({
      table: { name: t1.name },
    });
    const { rows } = await world.test.db.query(
      'SELECT details FROM audit_log WHERE venue_id = $1 AND action = $2',
      [world.a.venue.id, 'table.token_reissued'],
    );
    expect(JSON.stringify(rows)).not.toContain(reissued.qrToken);
  });

  it('builds the pay URL from the request origin when PUBLIC_URL is not set', async () => {
    const local = await startBackofficeWorld('tables-origin');
    try {
      const other = await local.signIn(local.a, 'Olivia Owner');
      const sheet = await other.client.backoffice.tables.qrSheet.query();
      expect(sheet.baseUrl).toBe(local.server.url);
      expect(sheet.tables[0]!.payUrl).toMatch(
        new RegExp(`^${local.server.url.replace(/[.]/g, '\\.')}/t/[\\w-]{24}$`),
      );
    } finally {
      await local.close();
    }
  });

  it('keeps a table with an open order, and deletes one without', async () => {
    const spare = await manager.backoffice.tables.create.mutate({ name: 'Spare' });
    await world.test.db.query(
      `INSERT INTO orders (venue_id, id, number, kind, table_id, opened_at, business_day)
       VALUES ($1, gen_random_uuid(), 'A900', 'table', $2, now(), '2026-05-04')`,
      [world.a.venue.id, spare.id],
    );
    expect(await failure(manager.backoffice.tables.delete.mutate({ id: spare.id }))).toMatchObject({
      code: 'CONFLICT',
    });
    const empty = await manager.backoffice.tables.create.mutate({ name: 'Empty' });
    await manager.backoffice.tables.delete.mutate({ id: empty.id });
    expect((await manager.backoffice.tables.list.query()).map((t) => t.id)).not.toContain(empty.id);
  });

  it('answers malformed input with 400, and another venue’s tables with NOT_FOUND', async () => {
    const clock = await world.venueClock(world.a);
    for (const call of [
      () => manager.backoffice.tables.create.mutate({ name: '' }),
      () => manager.backoffice.tables.create.mutate({ name: 'Big', seats: 0 }),
      () => manager.backoffice.tables.update.mutate({ id: world.a.tables[1]!.id, seats: 101 }),
      () => manager.backoffice.tables.reissueToken.mutate({ id: 'T2' }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    }
    expect(await world.venueClock(world.a)).toBe(clock);

    const theirs = world.b.tables[0]!;
    for (const call of [
      () => manager.backoffice.tables.update.mutate({ id: theirs.id, name: 'Mine now' }),
      () => manager.backoffice.tables.reissueToken.mutate({ id: theirs.id }),
      () => manager.backoffice.tables.delete.mutate({ id: theirs.id }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND' });
    }
    const { rows } = await world.test.db.query<{ name: string; qr_token: string }>(
      'SELECT name, qr_token FROM tables WHERE id = $1',
      [theirs.id],
    );
    expect(rows[0]).toEqual({ name: theirs.name, qr_token: theirs.qrToken });
    const sheet = await manager.backoffice.tables.qrSheet.query();
    expect(sheet.tables.some((t) => t.tableId === theirs.id)).toBe(false);
  });
});
