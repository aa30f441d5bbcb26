import type {
  MutationName,
  RawMutation,
  RejectionReason,
  RowOf,
  SyncedTable,
} from '@servio/shared';
import { Dexie, type EntityTable, type Table } from 'dexie';
import { guardUpgrades } from './upgrade-guard.ts';

/**
 * The tablet's browser database (S1): a copy of the venue's synced rows, exactly as
 * `RowOf<T>` from @servio/shared, plus the tablet's own bookkeeping: the outbox of
 * mutations the server has not confirmed, the pristine server copy of rows those mutations
 * changed (for the rebase, S6), rejection notices, and a key/value `meta` table (device,
 * cursor, counters, the signed-in staff member).
 *
 * Screens read the synced tables with `useLiveQuery`; rows with `deletedAt` set are
 * tombstones and are filtered by the reader. Only `data/mutate.ts` (through the shared
 * rules) and the sync client write them.
 */

/** S1: one local change, as it will be pushed. Kept until the server confirms it (S7). */
export interface OutboxEntry {
  /** The mutation id (increasing by one per client). */
  id: number;
  mutation: RawMutation;
  /** The order the change is about, so a rejection can be shown on it. */
  orderId: string | null;
  /** When it was queued (ISO), for the export file and the details panel. */
  queuedAt: string;
}

/** The server's copy of a row a pending mutation changed; `row: null` = the row did not exist. */
export interface ShadowRow {
  /** `${table}:${id}` */
  key: string;
  table: 'orders' | 'orderLines' | 'payments';
  rowId: string;
  row: RowOf<'orders'> | RowOf<'orderLines'> | RowOf<'payments'> | null;
}

/** S4: a change the server refused, shown on the affected order until someone acknowledges it. */
export interface RejectionNotice {
  /** `${clientId}:${mutationId}`: the same rejection arriving twice is one notice. */
  id: string;
  mutationId: number;
  orderId: string | null;
  name: MutationName | string;
  /** A short description of what was attempted ("Add 2 × Cola"). */
  attempted: string;
  reason: RejectionReason;
  message: string;
  /** Who made the change (staff id), so the screen can say whose change it was. */
  staffId: string;
  receivedAt: string;
  /** 0 until acknowledged, then 1 (IndexedDB cannot index booleans). */
  acknowledged: 0 | 1;
  acknowledgedAt: string | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

type IdTable<T extends SyncedTable> = EntityTable<RowOf<T>, 'id' & keyof RowOf<T>>;

export const DB_NAME = 'servio';

export class ServioDb extends Dexie {
  // `declare`: Dexie creates these properties itself when the schema is declared.
  declare venues: IdTable<'venues'>;
  declare staff: IdTable<'staff'>;
  declare taxRates: IdTable<'taxRates'>;
  declare menuCategories: IdTable<'menuCategories'>;
  declare menuItems: IdTable<'menuItems'>;
  declare modifierGroups: IdTable<'modifierGroups'>;
  declare modifierOptions: IdTable<'modifierOptions'>;
  declare menuItemModifierGroups: Table<RowOf<'menuItemModifierGroups'>, [string, string]>;
  declare orders: IdTable<'orders'>;
  declare orderLines: IdTable<'orderLines'>;
  declare payments: IdTable<'payments'>;
  declare refunds: IdTable<'refunds'>;

  declare outbox: EntityTable<OutboxEntry, 'id'>;
  declare shadows: EntityTable<ShadowRow, 'key'>;
  declare notices: EntityTable<RejectionNotice, 'id'>;
  declare meta: EntityTable<MetaEntry, 'key'>;

  /**
   * The venue's tables (the `tables` store). `db.tables` is Dexie's own list of every store,
   * so the dining tables are reached by this name instead.
   */
  get diningTables(): IdTable<'tables'> {
    return this.table('tables') as IdTable<'tables'>;
  }

  constructor(name = DB_NAME) {
    super(name);
    // Schema changes add a new version below; Dexie keeps every table it is not told to
    // drop, so an upgrade never loses the outbox (S7). Never delete `outbox` here.
    this.version(1).stores({
      venues: 'id',
      staff: 'id',
      tables: 'id, sortOrder',
      taxRates: 'id',
      menuCategories: 'id, sortOrder',
      menuItems: 'id, categoryId',
      modifierGroups: 'id',
      modifierOptions: 'id, groupId',
      menuItemModifierGroups: '[itemId+groupId], itemId, groupId',
      orders: 'id, tableId, status, businessDay, number',
      orderLines: 'id, orderId, status',
      payments: 'id, orderId',
      refunds: 'id, paymentId',
      outbox: 'id',
      shadows: 'key',
      notices: 'id, orderId, [orderId+acknowledged], acknowledged',
      meta: 'key',
    });
    // 2: orders carry `customerName` (protocol 2). Rows synced before have none: give them null,
    // as the server's column does, so every stored order is a whole `RowOf<'orders'>`.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('orders')
          .toCollection()
          .modify((order: { customerName?: string | null }) => {
            order.customerName ??= null;
          });
        await tx
          .table('shadows')
          .filter((shadow: ShadowRow) => shadow.table === 'orders' && shadow.row !== null)
          .modify((shadow: { row: { customerName?: string | null } }) => {
            shadow.row.customerName ??= null;
          });
      });
  }

  /** A synced table by its name (the pull writes whichever tables changed). */
  syncedTable<T extends SyncedTable>(table: T): Table<RowOf<T>, unknown> {
    return this.table(table) as Table<RowOf<T>, unknown>;
  }

  /** Every store, synced and local: for transactions that touch the whole database. */
  allStores(): Table[] {
    return this.tables;
  }
}

/** The app's one database. */
export const db = new ServioDb();

/** Whether this tab may keep using the database (see `upgrade-guard.ts`). */
export const databaseWatch = guardUpgrades(db);
