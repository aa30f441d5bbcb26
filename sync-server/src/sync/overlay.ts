import type { MutatorRows, MutatorWriteTable } from '@servio/shared';

/** `null` records that the database has no such row, so it is not asked again. */
type Entry<T extends MutatorWriteTable> = MutatorRows[T] | null;

interface JournalEntry {
  table: MutatorWriteTable;
  id: string;
  before: Entry<MutatorWriteTable> | undefined;
  wasDirty: boolean;
}

const WRITE_TABLES: readonly MutatorWriteTable[] = ['orders', 'orderLines', 'payments'];

// Postgres compares uuids without regard to case; the overlay must too, or an id sent in capitals
// would miss a row the database would find.
const k = (id: string) => id.toLowerCase();

/**
 * The rows of the tables mutators write (orders, lines, payments) as one push sees them: what was
 * read from the database plus what earlier mutations of the push wrote, not yet flushed. Each
 * mutation runs between `begin()` and `commit()`/`rollback()`; a rollback restores every row the
 * mutation touched, which is how a rejection "changes nothing else" (S4) without a database
 * savepoint per mutation.
 */
export class WriteOverlay {
  private readonly rows: { [T in MutatorWriteTable]: Map<string, Entry<T>> } = {
    orders: new Map(),
    orderLines: new Map(),
    payments: new Map(),
  };
  private readonly dirty: { [T in MutatorWriteTable]: Set<string> } = {
    orders: new Set(),
    orderLines: new Set(),
    payments: new Set(),
  };
  // Secondary indexes, kept in step with `rows` by `set`.
  private readonly byOrder = {
    orderLines: new Map<string, Set<string>>(),
    payments: new Map<string, Set<string>>(),
  };
  private readonly orderByNumber = new Map<string, string>();
  private journal: JournalEntry[] | null = null;
  private readonly journaled = new Set<string>();

  has(table: MutatorWriteTable, id: string): boolean {
    return this.rows[table].has(k(id));
  }

  get<T extends MutatorWriteTable>(table: T, id: string): Entry<T> | undefined {
    return this.rows[table].get(k(id)) as Entry<T> | undefined;
  }

  /** A row read from the database; ignored when the overlay already holds the row (it is newer). */
  load<T extends MutatorWriteTable>(table: T, id: string, row: Entry<T>): void {
    if (!this.rows[table].has(k(id))) this.set(table, id, row);
  }

  put<T extends MutatorWriteTable>(table: T, row: MutatorRows[T]): void {
    const id = k(row.id);
    const key = `${table}:${id}`;
    if (this.journal && !this.journaled.has(key)) {
      this.journaled.add(key);
      this.journal.push({
        table,
        id,
        before: this.rows[table].get(id),
        wasDirty: this.dirty[table].has(id),
      });
    }
    this.set(table, id, row);
    this.dirty[table].add(id);
  }

  /** Ids of the lines or payments that currently belong to the order. */
  idsOfOrder(table: 'orderLines' | 'payments', orderId: string): string[] {
    return [...(this.byOrder[table].get(k(orderId)) ?? [])];
  }

  orderIdWithNumber(number: string): string | undefined {
    return this.orderByNumber.get(number);
  }

  begin(): void {
    this.journal = [];
    this.journaled.clear();
  }

  commit(): void {
    this.journal = null;
    this.journaled.clear();
  }

  /** Undo every write since `begin()`. */
  rollback(): void {
    for (const entry of (this.journal ?? []).reverse()) {
      if (entry.before === undefined) this.unset(entry.table, entry.id);
      else this.set(entry.table, entry.id, entry.before);
      if (entry.wasDirty) this.dirty[entry.table].add(entry.id);
      else this.dirty[entry.table].delete(entry.id);
    }
    this.commit();
  }

  /** Rows written and not flushed yet, per table. */
  dirtyRows(): { [T in MutatorWriteTable]: MutatorRows[T][] } {
    const pick = <T extends MutatorWriteTable>(table: T) =>
      [...this.dirty[table]].map((id) => this.rows[table].get(id) as MutatorRows[T]);
    return { orders: pick('orders'), orderLines: pick('orderLines'), payments: pick('payments') };
  }

  markClean(): void {
    for (const table of WRITE_TABLES) this.dirty[table].clear();
  }

  private set<T extends MutatorWriteTable>(table: T, anyCaseId: string, row: Entry<T>): void {
    const id = k(anyCaseId);
    this.unset(table, id);
    (this.rows[table] as Map<string, Entry<T>>).set(id, row);
    if (!row) return;
    if (table === 'orders') this.orderByNumber.set((row as MutatorRows['orders']).number, id);
    else {
      const orderId = k((row as MutatorRows['orderLines' | 'payments']).orderId);
      const index = this.byOrder[table as 'orderLines' | 'payments'];
      let ids = index.get(orderId);
      if (!ids) index.set(orderId, (ids = new Set()));
      ids.add(id);
    }
  }

  private unset(table: MutatorWriteTable, id: string): void {
    const previous = this.rows[table].get(id);
    this.rows[table].delete(id);
    if (!previous) return;
    if (table === 'orders') {
      const number = (previous as MutatorRows['orders']).number;
      if (this.orderByNumber.get(number) === id) this.orderByNumber.delete(number);
    } else {
      const orderId = k((previous as MutatorRows['orderLines' | 'payments']).orderId);
      this.byOrder[table as 'orderLines' | 'payments'].get(orderId)?.delete(id);
    }
  }
}
