import {
  byAddedThenId,
  byId,
  byLinkOrder,
  StaffRowSchema,
  type LineId,
  type MenuItemId,
  type MenuItemModifierGroupRow,
  type ModifierOptionId,
  type MutatorRows,
  type MutatorStore,
  type MutatorWriteTable,
  type OrderId,
  type PaymentId,
  type RowOf,
  type StaffId,
  type SyncedTable,
  type TableId,
  type TaxRateId,
} from '@servio/shared';
import type { Queryable, Row } from '../db/index.ts';
import { rowFromSql, selectList, TABLES } from './columns.ts';
import { WriteOverlay } from './overlay.ts';
import { referencedBy } from './prefetch.ts';
import { writeRows } from './write-rows.ts';

type ReferenceTable = 'tables' | 'menuItems' | 'taxRates' | 'modifierGroups' | 'modifierOptions';
type Loaded<T extends MutatorWriteTable> = MutatorRows[T];

const STAFF_FIELDS = Object.keys(StaffRowSchema.shape);

/**
 * The shared rules' storage (`MutatorStore`) over one venue-scoped transaction.
 *
 * Reads go to Postgres once and are kept: menu, staff and tables whole on first use (small, and a
 * push reads them over and over), orders, lines and payments by id or by order. `prefetch` loads
 * everything a batch of mutations names in a few queries, so a push of thousands of mutations does
 * not pay a round trip per read. Writes collect in a `WriteOverlay` stamped with this transaction's
 * clock value (S5) and reach Postgres in bulk on `flush()`. Per mutation, `begin()` / `commit()` /
 * `rollback()` keep or undo its writes (S4).
 *
 * Reads may come before the venue's clock lock; the first `put` takes it (through `stamp`, from
 * `withVenueWrite`), which re-runs the whole write under the lock if anyone committed since the
 * write began. So once something is written, no other writer changes these rows while they are
 * cached.
 */
export class PgStore implements MutatorStore {
  private readonly overlay = new WriteOverlay();
  private readonly reference = new Map<string, Map<string, unknown>>();
  private links: MenuItemModifierGroupRow[] | undefined;
  private readonly linesLoaded = new Set<string>();
  private readonly paymentsLoaded = new Set<string>();
  private readonly numbersChecked = new Set<string>();
  /** Orders known to exist in the database: updated on flush; the others are inserted (S3). */
  private readonly storedOrders = new Set<string>();

  private readonly stamp: () => Promise<number>;

  constructor(
    private readonly tx: Queryable,
    readonly venueId: string,
    /**
     * The clock value every row written through this store carries: a number when the caller
     * already holds the clock lock, or the venue write's `stamp` (taken on the first `put`).
     */
    version: number | (() => Promise<number>),
  ) {
    this.stamp = typeof version === 'number' ? () => Promise.resolve(version) : version;
  }

  /** The shared rules' storage for reading only (menu checks for a QR cart). */
  static reading(tx: Queryable, venueId: string): PgStore {
    return new PgStore(tx, venueId, () =>
      Promise.reject(new Error('this store only reads; write through withVenueWrite')),
    );
  }

  begin(): void {
    this.overlay.begin();
  }

  commit(): void {
    this.overlay.commit();
  }

  rollback(): void {
    this.overlay.rollback();
  }

  /** Loads, in a few queries, every order, line and payment the mutations name (and their orders' lines and payments). */
  async prefetch(mutations: readonly { name: string; args: unknown }[]): Promise<void> {
    const wanted = referencedBy(mutations);
    const orders = await this.query('orders', {
      where: `(id = ANY($2::uuid[]) OR number = ANY($3::text[])
               OR id IN (SELECT order_id FROM order_lines WHERE venue_id = $1 AND id = ANY($4::uuid[]))
               OR id IN (SELECT order_id FROM payments WHERE venue_id = $1 AND id = ANY($5::uuid[])))`,
      params: [wanted.orderIds, wanted.orderNumbers, wanted.lineIds, wanted.paymentIds],
    });
    for (const id of wanted.orderIds) this.overlay.load('orders', id, null);
    for (const number of wanted.orderNumbers) this.numbersChecked.add(number);

    const orderIds = [...new Set([...wanted.orderIds, ...orders.map((order) => order.id)])];
    for (const table of ['orderLines', 'payments'] as const) {
      const ids = table === 'orderLines' ? wanted.lineIds : wanted.paymentIds;
      await this.query(table, {
        where: '(order_id = ANY($2::uuid[]) OR id = ANY($3::uuid[]))',
        params: [orderIds, ids],
      });
      for (const id of ids) this.overlay.load(table, id, null);
      const loaded = table === 'orderLines' ? this.linesLoaded : this.paymentsLoaded;
      for (const id of orderIds) loaded.add(id.toLowerCase());
    }
  }

  /** Writes every row put since the last flush; returns how many. */
  async flush(): Promise<number> {
    const dirty = this.overlay.dirtyRows();
    const created = dirty.orders.filter((order) => !this.storedOrders.has(order.id.toLowerCase()));
    const changed = dirty.orders.filter((order) => this.storedOrders.has(order.id.toLowerCase()));
    await writeRows(this.tx, 'orders', created, 'insert');
    await writeRows(this.tx, 'orders', changed, 'upsert');
    await writeRows(this.tx, 'orderLines', dirty.orderLines, 'upsert');
    await writeRows(this.tx, 'payments', dirty.payments, 'upsert');
    for (const order of dirty.orders) this.storedOrders.add(order.id.toLowerCase());
    this.overlay.markClean();
    return dirty.orders.length + dirty.orderLines.length + dirty.payments.length;
  }

  async put<T extends MutatorWriteTable>(table: T, row: MutatorRows[T]): Promise<void> {
    this.overlay.put(table, { ...row, version: await this.stamp() });
  }

  async getOrder(id: OrderId) {
    if (!this.overlay.has('orders', id)) {
      await this.query('orders', { where: 'id = $2', params: [id] });
      this.overlay.load('orders', id, null);
    }
    return this.overlay.get('orders', id) ?? undefined;
  }

  async findOrderByNumber(number: string) {
    if (!this.numbersChecked.has(number)) {
      await this.query('orders', { where: 'number = $2', params: [number] });
      this.numbersChecked.add(number);
    }
    const id = this.overlay.orderIdWithNumber(number);
    return id ? (this.overlay.get('orders', id) ?? undefined) : undefined;
  }

  async getLine(id: LineId) {
    return this.byId('orderLines', id);
  }

  async getLines(orderId: OrderId) {
    return (await this.ofOrder('orderLines', orderId)).sort(byAddedThenId);
  }

  async getPayment(id: PaymentId) {
    return this.byId('payments', id);
  }

  async getPayments(orderId: OrderId) {
    return (await this.ofOrder('payments', orderId)).sort(byId);
  }

  async getTable(id: TableId) {
    return (await this.all('tables')).get(id.toLowerCase());
  }

  async getStaff(id: StaffId) {
    return (await this.all('staff')).get(id.toLowerCase());
  }

  async getMenuItem(id: MenuItemId) {
    return (await this.all('menuItems')).get(id.toLowerCase());
  }

  async getTaxRate(id: TaxRateId) {
    return (await this.all('taxRates')).get(id.toLowerCase());
  }

  async getModifierGroupsForItem(itemId: MenuItemId) {
    this.links ??= await this.query('menuItemModifierGroups', {});
    const groups = await this.all('modifierGroups');
    const item = itemId.toLowerCase();
    return this.links
      .filter((link) => link.itemId === item && link.deletedAt === null)
      .sort(byLinkOrder)
      .flatMap((link) => {
        const group = groups.get(link.groupId);
        return group ? [group] : [];
      });
  }

  async getModifierOptions(ids: readonly ModifierOptionId[]) {
    const options = await this.all('modifierOptions');
    return ids.flatMap((id) => {
      const option = options.get(id.toLowerCase());
      return option ? [option] : [];
    });
  }

  private async byId<T extends 'orderLines' | 'payments'>(table: T, id: string) {
    if (!this.overlay.has(table, id)) {
      await this.query(table, { where: 'id = $2', params: [id] });
      this.overlay.load(table, id, null);
    }
    return this.overlay.get(table, id) ?? undefined;
  }

  private async ofOrder<T extends 'orderLines' | 'payments'>(
    table: T,
    orderId: string,
  ): Promise<Loaded<T>[]> {
    const loaded = table === 'orderLines' ? this.linesLoaded : this.paymentsLoaded;
    if (!loaded.has(orderId.toLowerCase())) {
      await this.query(table, { where: 'order_id = $2', params: [orderId] });
      loaded.add(orderId.toLowerCase());
    }
    return this.overlay
      .idsOfOrder(table, orderId)
      .flatMap((id) => this.overlay.get(table, id) ?? []) as Loaded<T>[];
  }

  /** Every row of a reference table of the venue, by id (loaded once). */
  private async all<T extends ReferenceTable | 'staff'>(table: T): Promise<Map<string, RowOf<T>>> {
    let rows = this.reference.get(table);
    if (!rows) {
      const list = await this.query(table, {}, table === 'staff' ? STAFF_FIELDS : undefined);
      rows = new Map(list.map((row) => [(row as { id: string }).id, row]));
      this.reference.set(table, rows);
    }
    return rows as Map<string, RowOf<T>>;
  }

  /** Selects rows of the venue; rows of the written tables also land in the overlay. */
  private async query<T extends SyncedTable>(
    table: T,
    filter: { where?: string; params?: readonly unknown[] },
    fields?: readonly string[],
  ): Promise<RowOf<T>[]> {
    const mapping = TABLES[table];
    const { rows } = await this.tx.query<Row>(
      `SELECT ${selectList(table, fields ? { fields } : {})} FROM ${mapping.sql}
        WHERE venue_id = $1${filter.where ? ` AND ${filter.where}` : ''}`,
      [this.venueId, ...(filter.params ?? [])],
    );
    const result = rows.map((row) => rowFromSql(table, row, fields));
    if (table === 'orders' || table === 'orderLines' || table === 'payments') {
      for (const row of result as Loaded<MutatorWriteTable>[]) {
        this.overlay.load(table, row.id, row);
        if (table === 'orders') this.storedOrders.add(row.id);
      }
    }
    return result;
  }
}
