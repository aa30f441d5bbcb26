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
import type {
  MenuItemRow,
  ModifierGroupRow,
  ModifierOptionRow,
  OrderLineRow,
  OrderRow,
  PaymentRow,
  StaffRow,
  TableRow,
  TaxRateRow,
} from '../domain/index.ts';

/** The tables the mutators write. Everything else (menu, staff, tables) is read only here. */
export type MutatorWriteTable = 'orders' | 'orderLines' | 'payments';

export interface MutatorRows {
  orders: OrderRow;
  orderLines: OrderLineRow;
  payments: PaymentRow;
}

/**
 * What the shared business rules need from storage. The server implements it over
 * Postgres (inside the push transaction, scoped to the device's venue), the tablet over
 * Dexie (inside the same Dexie transaction as the outbox write, S1), tests over memory
 * (`memory-store.ts`). All reads are scoped to one venue by the implementation.
 *
 * Contract:
 * - Getters return the row, or `undefined` when there is none. They may return
 *   tombstoned rows (`deletedAt` set); the mutators treat those as absent.
 * - A read after a `put` in the same mutation sees the written row.
 * - `put` inserts or replaces the row by key. The implementation stamps `version` (the
 *   server: the venue's clock for this transaction, S5); the value the mutator passes is
 *   the row's previous version (0 for a new row). The tablet's Dexie store keeps the value
 *   passed: only the server stamps versions (S5).
 * - Ids are lowercase UUIDs (as the protocol's schemas produce them). PgStore also finds an
 *   id spelled in capitals (Postgres compares uuids by value); the others do not.
 * - Lists come in one order on every store (S12), the comparators of `store-order.ts`:
 *   lines by `addedAt` as an instant, then id; payments by id; modifier groups by their link's
 *   `sortOrder`, then group id; modifier options in the order the ids were asked for.
 * - Reads see only the store's venue. The server's store is given the venue and filters by
 *   it; the tablet's and the memory store hold one venue's rows only.
 *
 * `store-contract.ts` holds the suite every implementation passes.
 */
export interface MutatorStore {
  getOrder(id: OrderId): Promise<OrderRow | undefined>;
  findOrderByNumber(number: string): Promise<OrderRow | undefined>;
  getLine(id: LineId): Promise<OrderLineRow | undefined>;
  /** Every line of the order, voided and tombstoned ones included, by `addedAt` then id. */
  getLines(orderId: OrderId): Promise<OrderLineRow[]>;
  getPayment(id: PaymentId): Promise<PaymentRow | undefined>;
  /** Every payment of the order, failed and tombstoned ones included, by id. */
  getPayments(orderId: OrderId): Promise<PaymentRow[]>;
  getTable(id: TableId): Promise<TableRow | undefined>;
  getStaff(id: StaffId): Promise<StaffRow | undefined>;
  getMenuItem(id: MenuItemId): Promise<MenuItemRow | undefined>;
  getTaxRate(id: TaxRateId): Promise<TaxRateRow | undefined>;
  /**
   * The groups linked to the item through live (not tombstoned) links, by the link's
   * `sortOrder` then group id. A tombstoned group behind a live link is returned.
   */
  getModifierGroupsForItem(itemId: MenuItemId): Promise<ModifierGroupRow[]>;
  /**
   * The options with these ids that exist, in the order asked for (missing ids are simply
   * absent; an id asked for twice comes back twice).
   */
  getModifierOptions(ids: readonly ModifierOptionId[]): Promise<ModifierOptionRow[]>;
  put<T extends MutatorWriteTable>(table: T, row: MutatorRows[T]): Promise<void>;
}
