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

type Tables = { [T in SyncedTable]: Map<string, RowOf<T>> };

function emptyTables(): Tables {
  return Object.fromEntries(SYNCED_TABLES.map((table) => [table, new Map()])) as Tables;
}

function copyTables(tables: Tables): Tables {
  const copy: Record<string, Map<string, unknown>> = {};
  for (const table of SYNCED_TABLES) copy[table] = new Map<string, unknown>(tables[table]);
  return copy as Tables;
}

function byAddedThenId(a: RowOf<'orderLines'>, b: RowOf<'orderLines'>): number {
  // Parsed, not compared as text: as text '…:00Z' sorts after '…:00.500Z' (PgStore parses too).
  const at = Date.parse(a.addedAt) - Date.parse(b.addedAt);
  if (at !== 0) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
  async apply(mutation: unknown, ctx: MutatorContext): Promise<Mutation> {
    const before = copyTables(this.tables);
    this.pendingClock = this.clock + 1;
    try {
      const applied = await applyMutation(this, mutation, ctx);
      this.clock = this.pendingClock;
      return applied;
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
    return this.rows('payments').filter((payment) => payment.orderId === orderId);
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
      .sort((a, b) => a.sortOrder - b.sortOrder);
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
