import {
  byAddedThenId,
  byId,
  byLinkOrder,
  type LineId,
  type MenuItemId,
  type ModifierGroupRow,
  type ModifierOptionId,
  type MutatorRows,
  type MutatorStore,
  type MutatorWriteTable,
  type OrderId,
  type PaymentId,
  type StaffId,
  type TableId,
  type TaxRateId,
} from '@servio/shared';
import type { ServioDb, ShadowRow } from './db.ts';

/** The tables a mutation may touch: read them all, write the order tables and the shadows. */
export function mutatorTables(db: ServioDb) {
  return [
    db.staff,
    db.diningTables,
    db.taxRates,
    db.menuItems,
    db.modifierGroups,
    db.modifierOptions,
    db.menuItemModifierGroups,
    db.orders,
    db.orderLines,
    db.payments,
    db.shadows,
  ];
}

/**
 * The shared rules' storage on the tablet (S1): the same `MutatorStore` contract as the
 * server's Postgres store and the shared `MemoryStore`, over the Dexie tables. Must be used
 * inside a Dexie read-write transaction over `mutatorTables(db)` (plus the outbox), so a
 * rejected mutation rolls back every row it wrote.
 *
 * A row written here is an optimistic change the server has not confirmed. Before its first
 * local write, the row as the server last sent it (or "no row") is kept in `shadows`, so a
 * pull can put the server's rows back and re-run the still-pending mutations on top (S6).
 */
export class DexieStore implements MutatorStore {
  /** What each row and shadow was before this store first wrote it, to undo a rejected mutation. */
  private readonly undoLog = new Map<string, { table: string; id: string; before: unknown }>();

  constructor(private readonly db: ServioDb) {}

  /**
   * Put back every row this store wrote. IndexedDB has no savepoints, so a mutation refused
   * half-way inside a larger transaction (the rebase runs many in one) is undone by hand.
   */
  async undo(): Promise<void> {
    for (const { table, id, before } of [...this.undoLog.values()].reverse()) {
      if (before === undefined) await this.db.table(table).delete(id);
      else await this.db.table(table).put(before);
    }
    this.undoLog.clear();
  }

  /** Whether the undo log still lacks this row (it keeps the first state only). */
  private unremembered(table: string, id: string): boolean {
    return !this.undoLog.has(`${table}:${id}`);
  }

  private async remember(table: string, id: string): Promise<void> {
    this.undoLog.set(`${table}:${id}`, { table, id, before: await this.db.table(table).get(id) });
  }

  getOrder(id: OrderId) {
    return this.db.orders.get(id);
  }

  findOrderByNumber(number: string) {
    return this.db.orders.where('number').equals(number).first();
  }

  getLine(id: LineId) {
    return this.db.orderLines.get(id);
  }

  async getLines(orderId: OrderId) {
    const lines = await this.db.orderLines.where('orderId').equals(orderId).toArray();
    return lines.sort(byAddedThenId);
  }

  getPayment(id: PaymentId) {
    return this.db.payments.get(id);
  }

  async getPayments(orderId: OrderId) {
    const payments = await this.db.payments.where('orderId').equals(orderId).toArray();
    return payments.sort(byId);
  }

  getTable(id: TableId) {
    return this.db.diningTables.get(id);
  }

  getStaff(id: StaffId) {
    return this.db.staff.get(id);
  }

  getMenuItem(id: MenuItemId) {
    return this.db.menuItems.get(id);
  }

  getTaxRate(id: TaxRateId) {
    return this.db.taxRates.get(id);
  }

  async getModifierGroupsForItem(itemId: MenuItemId) {
    const links = (await this.db.menuItemModifierGroups.where('itemId').equals(itemId).toArray())
      .filter((link) => link.deletedAt === null)
      .sort(byLinkOrder);
    const groups: ModifierGroupRow[] = [];
    for (const link of links) {
      const group = await this.db.modifierGroups.get(link.groupId);
      if (group) groups.push(group);
    }
    return groups;
  }

  async getModifierOptions(ids: readonly ModifierOptionId[]) {
    const options = await this.db.modifierOptions.bulkGet([...ids]);
    return options.filter((option) => option !== undefined);
  }

  async put<T extends MutatorWriteTable>(table: T, row: MutatorRows[T]): Promise<void> {
    const key = `${table}:${row.id}`;
    // Await only promises that come from Dexie: awaiting one that did not (an async helper
    // that returned without touching Dexie) can drop Dexie's transaction zone, and then every
    // read and write after it runs outside the mutation's transaction (the store contract's
    // "put replaces the row by key" caught it).
    if (this.unremembered(table, row.id)) await this.remember(table, row.id);
    if ((await this.db.shadows.get(key)) === undefined) {
      if (this.unremembered('shadows', key)) await this.remember('shadows', key);
      const current = (await this.db.table(table).get(row.id)) as ShadowRow['row'] | undefined;
      await this.db.shadows.put({ key, table, rowId: row.id, row: current ?? null });
    }
    // The local copy keeps the version it was based on: only the server stamps versions (S5).
    await this.db.table(table).put(row);
  }
}
