import { PROTOCOL_VERSION } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POKE_CHANNEL } from '../src/sync/poke.ts';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { seedOrder } from './reports-fixture.ts';
import { failure, type TrpcClient } from './support/clients.ts';

describe('back office: the menu', () => {
  let world: BackofficeWorld;
  let manager: TrpcClient;
  let tablet: TrpcClient;

  beforeAll(async () => {
    world = await startBackofficeWorld('menu');
    manager = (await world.signIn(world.a, 'Max Manager')).client;
    tablet = (await world.signIn(world.a, 'Wendy Waiter')).client;
  });
  afterAll(() => world?.close());

  const pull = (cursor: number) =>
    tablet.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: uuidv7(),
      cursor,
      pendingCount: 0,
    });

  /** Resolves with the first poke for venue A whose clock reaches `clock`. */
  async function pokeReaching(): Promise<{ next: Promise<number>; stop: () => Promise<void> }> {
    let resolve!: (clock: number) => void;
    const next = new Promise<number>((r) => (resolve = r));
    const stop = await world.test.db.listen(POKE_CHANNEL, (payload) => {
      const message = JSON.parse(payload) as { venueId: string; clock: number };
      if (message.venueId === world.a.venue.id) resolve(message.clock);
    });
    return { next, stop };
  }

  it('[S5][S9] a price change never alters lines already sold, and the next pull and poke carry it', async () => {
    const menu = await manager.backoffice.menu.list.query();
    const item = menu.items.find((i) => i.priceMinor > 0)!;
    const rate = menu.taxRates.find((r) => r.id === item.taxRateId)!;
    const orderId = await seedOrder(
      world.test.db,
      { id: world.a.venue.id, timezone: 'Europe/Paris', cutoff: '04:00', taxMode: 'inclusive' },
      {
        number: 'A1',
        covers: 2,
        status: 'sent',
        openedBy: null,
        openedAt: '2026-05-04T09:30:00Z',
        syncedAt: '2026-05-04T09:31:00Z',
        lines: [
          {
            item: { ...item, taxRateBps: rate.rateBps },
            quantity: 2,
            status: 'sent',
          },
        ],
      },
    );
    const snapshot = async () => ({
      lines: (await world.test.db.query('SELECT * FROM order_lines WHERE order_id = $1', [orderId]))
        .rows,
      order: (await world.test.db.query('SELECT * FROM orders WHERE id = $1', [orderId])).rows,
    });
    const before = await snapshot();
    const cursor = await world.venueClock(world.a);
    const poke = await pokeReaching();

    const updated = await manager.backoffice.menu.updateItem.mutate({
      id: item.id,
      priceMinor: item.priceMinor + 250,
      available: false,
    });

    expect(updated).toMatchObject({ priceMinor: item.priceMinor + 250, available: false });
    expect(updated.version).toBe(cursor + 1);
    expect(await world.venueClock(world.a)).toBe(cursor + 1);
    expect(await snapshot()).toEqual(before);
    expect(before.lines[0]).toMatchObject({
      unit_price_minor: item.priceMinor,
      line_total_minor: item.priceMinor * 2,
    });

    const pulled = await pull(cursor);
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    expect(pulled.rows.menuItems?.upserts).toEqual([
      expect.objectContaining({ id: item.id, priceMinor: item.priceMinor + 250, available: false }),
    ]);
    expect(pulled.rows.orderLines).toBeUndefined();
    expect(await poke.next).toBe(cursor + 1);
    await poke.stop();

    const { rows } = await world.test.db.query<{ action: string; target: string; details: object }>(
      `SELECT action, target, details FROM audit_log WHERE venue_id = $1 AND action = 'menu.item_updated'`,
      [world.a.venue.id],
    );
    expect(rows).toEqual([
      {
        action: 'menu.item_updated',
        target: item.id,
        details: {
          name: item.name,
          price_minor: { from: item.priceMinor, to: item.priceMinor + 250 },
          available: { from: true, to: false },
        },
      },
    ]);
  });

  it('builds a category, tax rate, item, modifier group with options and links, each audited', async () => {
    const actionsBefore = (await world.auditActions(world.a)).length;
    const category = await manager.backoffice.menu.createCategory.mutate({ name: 'Brunch' });
    const rate = await manager.backoffice.menu.createTaxRate.mutate({
      name: 'Reduced',
      rateBps: 550,
    });
    const item = await manager.backoffice.menu.createItem.mutate({
      categoryId: category.id,
      name: 'Eggs Benedict',
      priceMinor: 1350,
      taxRateId: rate.id,
      kitchenStation: 'kitchen',
    });
    const group = await manager.backoffice.menu.createModifierGroup.mutate({
      name: 'Eggs',
      minChoices: 1,
      maxChoices: 2,
    });
    const option = await manager.backoffice.menu.createModifierOption.mutate({
      groupId: group.id,
      name: 'Extra egg',
      priceDeltaMinor: 200,
    });
    await manager.backoffice.menu.linkModifierGroup.mutate({ itemId: item.id, groupId: group.id });

    const menu = await manager.backoffice.menu.list.query();
    expect(menu.items.find((i) => i.id === item.id)).toMatchObject({
      categoryId: category.id,
      taxRateId: rate.id,
      priceMinor: 1350,
      available: true,
    });
    expect(menu.modifierGroups.find((g) => g.id === group.id)).toMatchObject({
      minChoices: 1,
      maxChoices: 2,
      options: [expect.objectContaining({ id: option.id, priceDeltaMinor: 200 })],
    });
    expect(menu.links).toContainEqual(
      expect.objectContaining({ itemId: item.id, groupId: group.id }),
    );
    expect((await world.auditActions(world.a)).slice(actionsBefore)).toEqual([
      'menu.category_created',
      'menu.tax_rate_created',
      'menu.item_created',
      'menu.modifier_group_created',
      'menu.modifier_option_created',
      'menu.modifier_group_linked',
    ]);

    // A category or rate still in use stays; deleting the item first frees both.
    expect(
      await failure(manager.backoffice.menu.deleteCategory.mutate({ id: category.id })),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await failure(manager.backoffice.menu.deleteTaxRate.mutate({ id: rate.id })),
    ).toMatchObject({ code: 'CONFLICT' });
    const cursor = await world.venueClock(world.a);
    await manager.backoffice.menu.deleteItem.mutate({ id: item.id });
    await manager.backoffice.menu.deleteModifierGroup.mutate({ id: group.id });
    await manager.backoffice.menu.deleteCategory.mutate({ id: category.id });
    await manager.backoffice.menu.deleteTaxRate.mutate({ id: rate.id });
    const after = await manager.backoffice.menu.list.query();
    expect(after.items.some((i) => i.id === item.id)).toBe(false);
    expect(after.links.some((l) => l.itemId === item.id)).toBe(false);

    // [S5] deletions are tombstones, so a tablet's pull learns about them.
    const pulled = await pull(cursor);
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    expect(pulled.rows.menuItems?.tombstones).toContainEqual(
      expect.objectContaining({ id: item.id }),
    );
    expect(pulled.rows.modifierOptions?.tombstones).toContainEqual(
      expect.objectContaining({ id: option.id }),
    );
    expect(pulled.rows.menuItemModifierGroups?.tombstones).toContainEqual(
      expect.objectContaining({ itemId: item.id, groupId: group.id }),
    );
  });

  it('keeps min ≤ max on a modifier group, checked against the stored values too', async () => {
    const group = await manager.backoffice.menu.createModifierGroup.mutate({
      name: 'Sauce',
      minChoices: 0,
      maxChoices: 1,
    });
    expect(
      await failure(
        manager.backoffice.menu.updateModifierGroup.mutate({ id: group.id, minChoices: 2 }),
      ),
    ).toMatchObject({ httpStatus: 400, message: expect.stringMatching(/minChoices/) });
    expect(
      await failure(
        manager.backoffice.menu.createModifierGroup.mutate({
          name: 'Bad',
          minChoices: 3,
          maxChoices: 1,
        }),
      ),
    ).toMatchObject({ httpStatus: 400 });
  });

  it('answers malformed input with 400 and changes nothing (no version, no audit row)', async () => {
    const menu = await manager.backoffice.menu.list.query();
    const item = menu.items[0]!;
    const clock = await world.venueClock(world.a);
    const audits = (await world.auditActions(world.a)).length;
    const bad = [
      () => manager.backoffice.menu.updateItem.mutate({ id: item.id, priceMinor: -1 }),
      () => manager.backoffice.menu.updateItem.mutate({ id: item.id, priceMinor: 12.5 }),
      () => manager.backoffice.menu.updateItem.mutate({ id: 'not-a-uuid', name: 'x' }),
      () => manager.backoffice.menu.updateItem.mutate({ id: item.id, name: '' }),
      () => manager.backoffice.menu.createTaxRate.mutate({ name: 'Too much', rateBps: 10_001 }),
      () => manager.backoffice.menu.createCategory.mutate({ name: 'x'.repeat(61) }),
      () =>
        manager.backoffice.menu.updateItem.mutate({ id: item.id, kitchenStation: 'DROP TABLE' }),
    ];
    for (const call of bad) {
      expect(await failure(call())).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    }
    expect(await world.venueClock(world.a)).toBe(clock);
    expect((await world.auditActions(world.a)).length).toBe(audits);
    expect((await manager.backoffice.menu.list.query()).items[0]).toEqual(item);
  });

  it('answers NOT_FOUND for another venue’s ids and leaves that venue untouched', async () => {
    const other = await world.signIn(world.b, 'Max Manager');
    const theirs = await other.client.backoffice.menu.list.query();
    const theirItem = theirs.items[0]!;
    const mine = await manager.backoffice.menu.list.query();
    const clock = await world.venueClock(world.b);
    const attempts = [
      () => manager.backoffice.menu.updateItem.mutate({ id: theirItem.id, priceMinor: 1 }),
      () => manager.backoffice.menu.deleteItem.mutate({ id: theirItem.id }),
      () =>
        manager.backoffice.menu.updateCategory.mutate({ id: theirs.categories[0]!.id, name: 'x' }),
      () =>
        manager.backoffice.menu.createItem.mutate({
          categoryId: theirs.categories[0]!.id,
          name: 'Smuggled',
          priceMinor: 100,
          taxRateId: mine.taxRates[0]!.id,
        }),
      () =>
        manager.backoffice.menu.createItem.mutate({
          categoryId: mine.categories[0]!.id,
          name: 'Smuggled',
          priceMinor: 100,
          taxRateId: theirs.taxRates[0]!.id,
        }),
      () =>
        manager.backoffice.menu.createModifierOption.mutate({
          groupId: theirs.modifierGroups[0]!.id,
          name: 'Smuggled',
        }),
      () =>
        manager.backoffice.menu.linkModifierGroup.mutate({
          itemId: mine.items[0]!.id,
          groupId: theirs.modifierGroups[0]!.id,
        }),
    ];
    for (const attempt of attempts) {
      expect(await failure(attempt())).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await other.client.backoffice.menu.list.query()).toEqual(theirs);
    expect(await world.venueClock(world.b)).toBe(clock);
    expect((await manager.backoffice.menu.list.query()).items.map((i) => i.name)).not.toContain(
      'Smuggled',
    );
  });
});
