import type {
  LineId,
  MenuItemId,
  ModifierOptionId,
  OrderId,
  PaymentId,
  StaffId,
  TableId,
  TaxRateId,
} from '../ids.ts';
import {
  rowKey,
  SYNCED_TABLES,
  type ModifierGroupRow,
  type RowKeyOf,
  type RowOf,
  type SyncedTable,
} from '../domain/index.ts';
import type { Mutation } from '../mutations.ts';
import { applyMutation } from './apply.ts';
import type { MutatorContext } from './context.ts';
import type { MutatorRows, MutatorStore, MutatorWriteTable } from './store.ts';
import { byAddedThenId, byId, byLinkOrder } from './store-order.ts';

type Tables = { [T in SyncedTable]: Map<string, RowOf<T>> };

function emptyTables(): Tables {
  return Object.fromEntries(SYNCED_TABLES.map((table) => [table, new Map()])) as Tables;
}

function copyTables(tables: Tables): Tables {
  const copy: Record<string, Map<string, unknown>> = {};
  for (const table of SYNCED_TABLES) copy[table] = new Map<string, unknown>(tables[table]);
  return copy as Tables;
}

/**
 * An in-memory `MutatorStore` for tests (shared, server and tablet suites alike). It
 * behaves like the real ones: one change clock advanced once per applied mutation, every
 * written row stamped with it (S5), and a rejected or failed mutation rolled back whole.
 */
export class MemoryStore implements MutatorStore {
  private tables: Tables = emptyTables();
  /** The change clock: the version of the last write. */
  clock = 0;
  private pendingClock: number | null = null;

  /** Insert rows as they are (seeding). Each seed call advances the clock once. */
  seed<T extends SyncedTable>(table: T, rows: readonly RowOf<T>[]): void {
    this.clock += 1;
    for (const row of rows) {
      this.tables[table].set(rowKey(table, row as RowKeyOf<T>), { ...row, version: this.clock });
    }
  }

  /** Every row of a table, in key order. */
  rows<T extends SyncedTable>(table: T): RowOf<T>[] {
    return [...this.tables[table].entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }

  /** A plain copy of every table, for comparing two stores' states. */
  dump(): { [T in SyncedTable]: RowOf<T>[] } {
    return Object.fromEntries(SYNCED_TABLES.map((table) => [table, this.rows(table)])) as {
      [T in SyncedTable]: RowOf<T>[];
    };
  }

  /**
   * Apply a mutation as one transaction: on any throw (a rejection included) every write
   * is undone and the clock stays where it was; then the error is rethrown.
   */
  apply(mutation: unknown, ctx: MutatorContext): Promise<Mutation> {
    return this.transaction((store) => applyMutation(store, mutation, ctx));
  }

  /**
   * Run `fn` as one transaction: every row it puts carries one new clock value, and on any
   * throw every write is undone and the clock stays where it was.
   */
  async transaction<T>(fn: (store: MutatorStore) => Promise<T>): Promise<T> {
    const before = copyTables(this.tables);
    this.pendingClock = this.clock + 1;
    try {
      const result = await fn(this);
      this.clock = this.pendingClock;
      return result;
    } catch (error) {
      this.tables = before;
      throw error;
    } finally {
      this.pendingClock = null;
    }
  }

  private get<T extends SyncedTable>(table: T, key: string): RowOf<T> | undefined {
    return this.tables[table].get(key);
  }

  async put<T extends MutatorWriteTable>(table: T, row: MutatorRows[T]): Promise<void> {
    const version = this.pendingClock ?? (this.clock += 1);
    const map = this.tables[table] as Map<string, MutatorRows[T]>;
    map.set(row.id, { ...row, version });
  }

  async getOrder(id: OrderId) {
    return this.get('orders', id);
  }

  async findOrderByNumber(number: string) {
    return this.rows('orders').find((order) => order.number === number);
  }

  async getLine(id: LineId) {
    return this.get('orderLines', id);
  }

  async getLines(orderId: OrderId) {
    return this.rows('orderLines')
      .filter((line) => line.orderId === orderId)
      .sort(byAddedThenId);
  }

  async getPayment(id: PaymentId) {
    return this.get('payments', id);
  }

  async getPayments(orderId: OrderId) {
    return this.rows('payments')
      .filter((payment) => payment.orderId === orderId)
      .sort(byId);
  }

  async getTable(id: TableId) {
    return this.get('tables', id);
  }

  async getStaff(id: StaffId) {
    return this.get('staff', id);
  }

  async getMenuItem(id: MenuItemId) {
    return this.get('menuItems', id);
  }

  async getTaxRate(id: TaxRateId) {
    return this.get('taxRates', id);
  }

  async getModifierGroupsForItem(itemId: MenuItemId) {
    const links = this.rows('menuItemModifierGroups')
      .filter((link) => link.itemId === itemId && link.deletedAt === null)
      .sort(byLinkOrder);
    const groups: ModifierGroupRow[] = [];
    for (const link of links) {
      const group = this.get('modifierGroups', link.groupId);
      if (group) groups.push(group);
    }
    return groups;
  }

  async getModifierOptions(ids: readonly ModifierOptionId[]) {
    return ids.flatMap((id) => {
      const option = this.get('modifierOptions', id);
      return option ? [option] : [];
    });
  }
}
