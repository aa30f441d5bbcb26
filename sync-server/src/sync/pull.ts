import {
  addDays,
  businessDay,
  isCompatibleProtocol,
  SYNCED_TABLES,
  type MutationRejection,
  type PullRequest,
  type PullResult,
  type PullRows,
  type SyncedTable,
  type TableChanges,
} from '@servio/shared';
import { type Db, type Queryable, type Row, inVenue } from '../db/index.ts';
import { claimClient, recordContact } from './clients.ts';
import { rowFromSql, selectList, TABLES } from './columns.ts';
import { versionMismatch } from './push.ts';
import { rejectionsBetween } from './rejection-log.ts';
import { loadVenueSettings } from './venue-settings.ts';
import { readClock } from './clock.ts';

export type PullOutcome =
  | {
      status: 'ok';
      cursor: number;
      lastMutationId: number;
      rows: PullRows;
      rejections: MutationRejection[];
    }
  | Extract<PullResult, { status: 'version_mismatch' }>;

export interface PullOptions {
  now: number;
  /** Business days of closed orders a first pull carries (today and yesterday by default). */
  historyDays?: number;
}

/**
 * S5/S6/S11: everything of the venue the client has not seen, as of one clock value.
 *
 * The client row is locked first, then the clock read: every mutation counted in the
 * `lastMutationId` returned has its rows at or below that clock, so a tablet that drops its confirmed
 * outbox entries always receives their effects in the same response (S6, no flicker). Rows are
 * read with `cursor < version <= clock`; a row rewritten after the clock was read shows a newer
 * version and comes with the next pull, never lost.
 *
 * A first pull (cursor 0) carries what a tablet needs, not years of history: live reference data,
 * open orders, and orders of the last `historyDays` business days, each with its lines, payments and
 * refunds. Business days are the orders' own (taken from `clientTime` when opened, S11).
 */
export async function pullChanges(
  db: Db,
  caller: { venueId: string; deviceId: string },
  request: PullRequest,
  options: PullOptions,
): Promise<PullOutcome> {
  if (!isCompatibleProtocol(request.protocolVersion)) {
    return versionMismatch(request.protocolVersion);
  }
  const at = new Date(options.now).toISOString();
  const { venueId } = caller;
  return inVenue(db, venueId, async (tx) => {
    const client = await claimClient(tx, venueId, request.clientId, caller.deviceId, { now: at });
    const clock = await readClock(tx, venueId);
    // A cursor from the future (a restored server, a foreign database) starts the client afresh.
    const cursor = request.cursor > clock ? 0 : request.cursor;
    const rows =
      cursor === 0
        ? await firstPullRows(tx, venueId, clock, await sinceDay(tx, venueId, options))
        : await rowsBetween(tx, venueId, cursor, clock);
    const rejections = await rejectionsBetween(
      tx,
      { venueId, clientId: request.clientId },
      cursor,
      clock,
    );
    await recordContact(tx, venueId, request.clientId, caller.deviceId, {
      kind: 'pull',
      at,
      pending: request.pendingCount,
    });
    return { status: 'ok', cursor: clock, lastMutationId: client.lastMutationId, rows, rejections };
  });
}

async function sinceDay(tx: Queryable, venueId: string, options: PullOptions): Promise<string> {
  const venue = await loadVenueSettings(tx, venueId);
  const today = businessDay(new Date(options.now), venue.timezone, venue.businessDayCutoff);
  return addDays(today, 1 - (options.historyDays ?? 2));
}

/** Which orders a first pull carries: $1 venue, $3 first business day kept. */
const RECENT_ORDERS = `SELECT id FROM orders WHERE venue_id = $1
   AND (status NOT IN ('closed', 'void') OR business_day >= $3::date)`;

const FIRST_PULL_FILTER: { readonly [T in SyncedTable]?: string } = {
  orders: `id IN (${RECENT_ORDERS})`,
  orderLines: `order_id IN (${RECENT_ORDERS})`,
  payments: `order_id IN (${RECENT_ORDERS})`,
  refunds: `payment_id IN (SELECT id FROM payments WHERE venue_id = $1 AND order_id IN (${RECENT_ORDERS}))`,
};

async function firstPullRows(
  tx: Queryable,
  venueId: string,
  clock: number,
  since: string,
): Promise<PullRows> {
  const result: Record<string, TableChanges<SyncedTable>> = {};
  for (const table of SYNCED_TABLES) {
    const mapping = TABLES[table];
    const filter = FIRST_PULL_FILTER[table];
    const where = [
      `${mapping.venueColumn} = $1`,
      'version <= $2',
      ...(mapping.tombstoned ? ['deleted_at IS NULL'] : []),
      ...(filter ? [filter] : []),
    ].join(' AND ');
    const { rows } = await tx.query<Row>(
      `SELECT ${selectList(table, { fields: mapping.fields })} FROM ${mapping.sql}
        WHERE ${where} ORDER BY version`,
      filter && /\$3/.test(filter) ? [venueId, clock, since] : [venueId, clock],
    );
    if (rows.length === 0) continue;
    result[table] = {
      upserts: rows.map((row) => rowFromSql(table, row, mapping.fields)) as never,
      tombstones: [],
    };
  }
  return result as PullRows;
}

async function rowsBetween(
  tx: Queryable,
  venueId: string,
  cursor: number,
  clock: number,
): Promise<PullRows> {
  const result: Record<string, TableChanges<SyncedTable>> = {};
  if (cursor >= clock) return result;
  for (const table of SYNCED_TABLES) {
    const mapping = TABLES[table];
    const { rows } = await tx.query<Row>(
      `SELECT ${selectList(table, { fields: mapping.fields })} FROM ${mapping.sql}
        WHERE ${mapping.venueColumn} = $1 AND version > $2 AND version <= $3 ORDER BY version`,
      [venueId, cursor, clock],
    );
    if (rows.length === 0) continue;
    const changes: { upserts: unknown[]; tombstones: unknown[] } = { upserts: [], tombstones: [] };
    for (const sqlRow of rows) {
      const row = rowFromSql(table, sqlRow, mapping.fields) as Record<string, unknown>;
      if (!mapping.tombstoned || row.deletedAt === null) changes.upserts.push(row);
      else if (table === 'menuItemModifierGroups') {
        changes.tombstones.push({ itemId: row.itemId, groupId: row.groupId, version: row.version });
      } else changes.tombstones.push({ id: row.id, version: row.version });
    }
    result[table] = changes as TableChanges<SyncedTable>;
  }
  return result as PullRows;
}
