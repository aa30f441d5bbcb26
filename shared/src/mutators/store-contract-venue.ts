import { uuidv7 } from 'uuidv7';
import {
  ROW_SCHEMAS,
  StaffRowSchema,
  SYNCED_TABLES,
  type RowOf,
  type SyncedTable,
} from '../domain/index.ts';
import type {
  LineId,
  ModifierGroupId,
  ModifierOptionId,
  OrderId,
  PaymentId,
  StaffId,
  VenueId,
} from '../ids.ts';
import { createFixture } from './fixtures.ts';

// The rows the MutatorStore contract (`store-contract.ts`) starts each test from. Test support only.

/** Rows of every synced table, as a store should hold them at the start of a test. */
export type SeedRows = { [T in SyncedTable]: RowOf<T>[] };

const AT = '2025-03-10T11:00:00.000Z';

/**
 * The venue every test starts from: the shared fixture's menu, staff and tables, plus orders,
 * lines and payments shaped to pin down the contract's edges (ties, instants spelled
 * differently, tombstones, moved rows). Rows are built through the shared rules and then
 * edited, so a column added to a row schema needs no edit here.
 */
export async function contractVenue() {
  const fx = createFixture();
  const venueId = uuidv7() as VenueId;
  const open = async (number: string, kind: 'table' | 'takeaway') => {
    const orderId = fx.newId() as OrderId;
    await fx.run(
      'order.open',
      kind === 'table'
        ? { kind, orderId, number, tableId: fx.tables.t1, covers: 2 }
        : { kind, orderId, number, covers: 1 },
    );
    return orderId;
  };
  const add = async (orderId: OrderId) => {
    const lineId = fx.newId() as LineId;
    await fx.run('order.addLine', {
      orderId,
      lineId,
      itemId: fx.items.cola,
      quantity: 1,
      modifierOptionIds: [],
    });
    return lineId;
  };
  const pay = async (orderId: OrderId) => {
    const paymentId = fx.newId() as PaymentId;
    await fx.run(
      'payment.record',
      { method: 'cash', paymentId, orderId, amountMinor: 100 as never },
      { role: 'cashier' },
    );
    return paymentId;
  };

  const main = await open('A-1', 'table');
  const takeaway = await open('A-2', 'takeaway');
  const gone = await open('A-3', 'takeaway');
  // Ids rise in the order they are made; the instants below put the lines in another order.
  const lines = {
    lateText: await add(main),
    earlyText: await add(main),
    tieA: await add(main),
    tieB: await add(main),
    voided: await add(main),
    tombstoned: await add(main),
    ofTakeaway: await add(takeaway),
  };
  await fx.run('order.voidLine', { lineId: lines.voided, reason: 'test' }, { role: 'manager' });
  const payments = {
    first: await pay(main),
    second: await pay(main),
    tombstoned: await pay(main),
    ofTakeaway: await pay(takeaway),
  };
  const groups = {
    ...fx.groups,
    sauces: fx.newId() as ModifierGroupId,
    sides: fx.newId() as ModifierGroupId,
  };
  const staffId = fx.staff.waiter;

  const rows = fx.store.dump();
  const addedAt: Partial<Record<LineId, string>> = {
    // As text '…00.500Z' < '…00Z' < '…01Z'; as instants '…00Z' comes first.
    [lines.lateText]: '2025-03-10T12:00:00.500Z',
    [lines.earlyText]: '2025-03-10T12:00:00Z',
    // One instant spelled two ways: a tie, broken by id.
    [lines.tieA]: '2025-03-10T13:05:00+01:00',
    [lines.tieB]: '2025-03-10T12:05:00.000Z',
    [lines.voided]: '2025-03-10T12:07:00.000Z',
    [lines.tombstoned]: '2025-03-10T11:59:00.000Z',
  };
  rows.orderLines = rows.orderLines.map((line) => ({
    ...line,
    addedAt: addedAt[line.id] ?? line.addedAt,
    deletedAt: line.id === lines.tombstoned ? AT : line.deletedAt,
  }));
  rows.orders = rows.orders.map((order) =>
    order.id === gone ? { ...order, deletedAt: AT } : order,
  );
  rows.payments = rows.payments.map((payment) =>
    payment.id === payments.tombstoned ? { ...payment, deletedAt: AT } : payment,
  );
  rows.tables = rows.tables.map((table) =>
    table.id === fx.tables.t2 ? { ...table, deletedAt: AT } : table,
  );
  rows.modifierOptions = rows.modifierOptions.map((option) =>
    option.id === fx.options.egg ? { ...option, deletedAt: AT } : option,
  );
  const [doneness] = rows.modifierGroups;
  if (!doneness) throw new Error('the fixture has modifier groups');
  rows.modifierGroups.push(
    // A tombstoned group behind a live link is still returned (the rules skip it).
    { ...doneness, id: groups.sauces, name: 'Sauces', deletedAt: AT },
    { ...doneness, id: groups.sides, name: 'Sides' },
  );
  const [link] = rows.menuItemModifierGroups;
  if (!link) throw new Error('the fixture links modifier groups');
  rows.menuItemModifierGroups = [
    // Burger: extras and sauces tie on sortOrder (group id decides), doneness last, sides unlinked.
    ...rows.menuItemModifierGroups.map((l) =>
      l.groupId === groups.doneness ? { ...l, sortOrder: 5 } : l,
    ),
    { ...link, groupId: groups.sauces, sortOrder: 1 },
    { ...link, groupId: groups.sides, sortOrder: 0, deletedAt: AT },
  ];

  return {
    rows: withVenue(rows, venueId),
    venueId,
    orders: { main, takeaway, gone },
    lines,
    payments,
    groups,
    items: fx.items,
    options: fx.options,
    tables: fx.tables,
    taxRate: fx.taxRates.standard,
    staffId: staffId as StaffId,
    newId: fx.newId,
  };
}

export type ContractVenue = Awaited<ReturnType<typeof contractVenue>>;

function withVenue(rows: SeedRows, venueId: VenueId): SeedRows {
  const out = {} as Record<SyncedTable, unknown[]>;
  for (const table of SYNCED_TABLES) {
    out[table] = rows[table].map((row) =>
      table === 'venues' ? { ...row, id: venueId } : { ...row, venueId },
    );
  }
  return out as SeedRows;
}

/**
 * Another venue with the same ids and other contents (every name changed), plus rows of its
 * own on the same order ids: what leaks shows up as a wrong name or an extra row.
 */
export function otherVenueOf(v: ContractVenue): SeedRows {
  const rows = withVenue(v.rows, uuidv7() as VenueId);
  const rename = <T extends object>(row: T): T =>
    'name' in row && typeof row.name === 'string' ? { ...row, name: `${row.name} elsewhere` } : row;
  const renamed = Object.fromEntries(
    SYNCED_TABLES.map((table) => [table, (rows[table] as object[]).map(rename)]),
  ) as SeedRows;
  const [line] = renamed.orderLines;
  const [payment] = renamed.payments;
  const [order] = renamed.orders;
  const [option] = renamed.modifierOptions;
  if (!line || !payment || !order || !option) throw new Error('seeded above');
  renamed.orderLines.push({ ...line, id: v.newId() as LineId, orderId: v.orders.main });
  renamed.payments.push({ ...payment, id: v.newId() as PaymentId, orderId: v.orders.main });
  renamed.orders.push({ ...order, id: v.newId() as OrderId, number: 'B-1' });
  // Here the burger's link to "sides" is live.
  renamed.menuItemModifierGroups = renamed.menuItemModifierGroups.map((l) =>
    l.groupId === v.groups.sides ? { ...l, deletedAt: null } : l,
  );
  renamed.modifierOptions.push({ ...option, id: v.newId() as ModifierOptionId });
  return renamed;
}

/** Seeds go to the store in reverse key order, so no list comes out right by insertion order. */
export function reversed(rows: SeedRows): SeedRows {
  return Object.fromEntries(
    SYNCED_TABLES.map((table) => [table, [...rows[table]].reverse()]),
  ) as SeedRows;
}

/** A row as the schema defines it, instants by value, without `version`: what stores agree on. */
export function comparable<T extends SyncedTable>(table: T, row: unknown): Record<string, unknown> {
  // `getStaff` promises a `StaffRow`: PgStore leaves the PIN hash out, the tablet's and the
  // memory store return the one they hold.
  const schema = table === 'staff' ? StaffRowSchema : ROW_SCHEMAS[table];
  const parsed = schema.parse(row) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'version') continue;
    out[key] =
      typeof value === 'string' && (key.endsWith('At') || key === 'clientTime')
        ? new Date(value).toISOString()
        : value;
  }
  return out;
}

export function seeded<T extends SyncedTable>(v: ContractVenue, table: T, id: string) {
  const row = (v.rows[table] as { id?: string }[]).find((r) => r.id === id);
  if (!row) throw new Error(`no seeded ${table} ${id}`);
  return comparable(table, row);
}
