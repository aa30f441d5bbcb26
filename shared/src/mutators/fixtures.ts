import type {
  ClientId,
  MenuCategoryId,
  MenuItemId,
  ModifierGroupId,
  ModifierOptionId,
  StaffId,
  TableId,
  TaxRateId,
  VenueId,
} from '../ids.ts';
import { sequentialIdSource } from '../ids.ts';
import type { StaffRole } from '../domain/index.ts';
import { minor } from '../money.ts';
import type { Mutation, MutationArgs, MutationName } from '../mutations.ts';
import type { MutatorContext } from './context.ts';
import { MemoryStore } from './memory-store.ts';

/**
 * A seeded venue for tests of the rules (here, and in the server and tablet suites):
 * a small menu with two tax rates and modifier groups, two tables and one staff
 * member per role. Ids are deterministic.
 */
export function createFixture(settings: { taxMode?: 'inclusive' | 'exclusive' } = {}) {
  const id = sequentialIdSource(0xf1);
  const at = '2025-03-10T09:00:00.000Z';
  const base = { version: 0, deletedAt: null, createdAt: at, updatedAt: at };
  const venueId = id() as VenueId;
  const store = new MemoryStore();

  const ctx: MutatorContext = {
    venue: {
      id: venueId,
      currency: 'EUR',
      timezone: 'Europe/London',
      businessDayCutoff: '04:00',
      taxMode: settings.taxMode ?? 'inclusive',
      serviceChargeBps: 0,
    },
    deviceId: null,
    now: '2025-03-10T12:00:00.000Z',
  };

  const roles: StaffRole[] = ['waiter', 'cashier', 'kitchen', 'manager', 'owner'];
  const staff = Object.fromEntries(roles.map((role) => [role, id() as StaffId])) as Record<
    StaffRole,
    StaffId
  >;
  const formerWaiter = id() as StaffId;
  store.seed('staff', [
    ...roles.map((role) => ({
      ...base,
      venueId,
      id: staff[role],
      name: `${role[0]?.toUpperCase()}${role.slice(1)}`,
      role,
      active: true,
      deactivatedAt: null,
      pinHash: 'scrypt$test',
    })),
    {
      ...base,
      venueId,
      id: formerWaiter,
      name: 'Former',
      role: 'waiter',
      active: false,
      deactivatedAt: at,
      pinHash: 'x',
    },
  ]);

  const taxRates = { standard: id() as TaxRateId, reduced: id() as TaxRateId };
  store.seed('taxRates', [
    { ...base, venueId, id: taxRates.standard, name: 'Standard', rateBps: 2000 },
    { ...base, venueId, id: taxRates.reduced, name: 'Reduced', rateBps: 500 },
  ]);
  const categoryId = id() as MenuCategoryId;
  store.seed('menuCategories', [{ ...base, venueId, id: categoryId, name: 'Food', sortOrder: 0 }]);

  const items = {
    burger: id() as MenuItemId,
    cola: id() as MenuItemId,
    soup: id() as MenuItemId,
    fries: id() as MenuItemId,
  };
  const item = (itemId: MenuItemId, name: string, price: number, tax: TaxRateId) => ({
    ...base,
    venueId,
    id: itemId,
    categoryId,
    name,
    description: '',
    priceMinor: minor(price),
    taxRateId: tax,
    kitchenStation: name === 'Cola' ? 'bar' : 'kitchen',
    available: name !== 'Fries',
    sortOrder: 0,
  });
  store.seed('menuItems', [
    item(items.burger, 'Burger', 1200, taxRates.standard),
    item(items.cola, 'Cola', 350, taxRates.standard),
    item(items.soup, 'Soup', 650, taxRates.reduced),
    item(items.fries, 'Fries', 400, taxRates.standard),
  ]);

  const groups = { doneness: id() as ModifierGroupId, extras: id() as ModifierGroupId };
  store.seed('modifierGroups', [
    { ...base, venueId, id: groups.doneness, name: 'Doneness', minChoices: 1, maxChoices: 1 },
    { ...base, venueId, id: groups.extras, name: 'Extras', minChoices: 0, maxChoices: 2 },
  ]);
  const options = {
    rare: id() as ModifierOptionId,
    medium: id() as ModifierOptionId,
    cheese: id() as ModifierOptionId,
    bacon: id() as ModifierOptionId,
    egg: id() as ModifierOptionId,
  };
  const option = (
    optionId: ModifierOptionId,
    groupId: ModifierGroupId,
    name: string,
    delta: number,
  ) => ({
    ...base,
    venueId,
    id: optionId,
    groupId,
    name,
    priceDeltaMinor: minor(delta),
    available: name !== 'Egg',
    sortOrder: 0,
  });
  store.seed('modifierOptions', [
    option(options.rare, groups.doneness, 'Rare', 0),
    option(options.medium, groups.doneness, 'Medium', 0),
    option(options.cheese, groups.extras, 'Cheese', 100),
    option(options.bacon, groups.extras, 'Bacon', 150),
    option(options.egg, groups.extras, 'Egg', 80),
  ]);
  store.seed('menuItemModifierGroups', [
    {
      venueId,
      itemId: items.burger,
      groupId: groups.doneness,
      sortOrder: 0,
      version: 0,
      deletedAt: null,
    },
    {
      venueId,
      itemId: items.burger,
      groupId: groups.extras,
      sortOrder: 1,
      version: 0,
      deletedAt: null,
    },
  ]);

  const tables = { t1: id() as TableId, t2: id() as TableId };
  store.seed('tables', [
    {
      ...base,
      venueId,
      id: tables.t1,
      name: 'T1',
      area: 'Main',
      seats: 4,
      sortOrder: 0,
    },
    {
      ...base,
      venueId,
      id: tables.t2,
      name: 'T2',
      area: 'Main',
      seats: 2,
      sortOrder: 1,
    },
  ]);

  const clientId = id() as ClientId;
  let mutationId = 0;

  /** A mutation envelope from this fixture's client, by the given role (waiter by default). */
  function mutation<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
    by: { role?: StaffRole; staffId?: StaffId; approvedBy?: StaffRole } = {},
  ): Mutation {
    mutationId += 1;
    return {
      clientId,
      id: mutationId,
      name,
      args,
      clientTime: '2025-03-10T12:00:00.000Z',
      staffId: by.staffId ?? staff[by.role ?? 'waiter'],
      ...(by.approvedBy ? { approvedBy: staff[by.approvedBy] } : {}),
    } as Mutation;
  }

  /** Build and apply a mutation; resolves to the applied mutation or rejects. */
  function run<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
    by: { role?: StaffRole; staffId?: StaffId; approvedBy?: StaffRole } = {},
  ): Promise<Mutation> {
    return store.apply(mutation(name, args, by), ctx);
  }

  return {
    store,
    ctx,
    venueId,
    staff,
    formerWaiter,
    taxRates,
    items,
    groups,
    options,
    tables,
    clientId,
    newId: id,
    mutation,
    run,
  };
}

export type Fixture = ReturnType<typeof createFixture>;
