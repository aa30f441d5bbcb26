import type { Row } from '../db/index.ts';
import { notFound, type WriteScope } from './actor.ts';

/**
 * Small helpers for the synced tables the back office edits. Table and column names come from
 * this code, never from input; values always travel as parameters.
 */

export type SyncedBackofficeTable =
  | 'tax_rates'
  | 'menu_categories'
  | 'menu_items'
  | 'modifier_groups'
  | 'modifier_options'
  | 'tables'
  | 'staff';

/** The live (not tombstoned) row, locked for this transaction; NOT_FOUND for another venue's id. */
export async function lockLive<R extends Row>(
  scope: WriteScope,
  table: SyncedBackofficeTable,
  id: string,
  what: string,
): Promise<R> {
  // Row locks only under the clock lock (withVenueWrite), so two writers never deadlock.
  await scope.lock();
  const { rows } = await scope.tx.query<R>(
    `SELECT * FROM ${table} WHERE venue_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [scope.actor.venueId, id],
  );
  const row = rows[0];
  if (!row) throw notFound(what);
  return row;
}

/** Columns whose new value differs from the row's, as `{column: {from, to}}` for the audit log. */
export function changesOf(
  before: Row,
  changes: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [column, to] of Object.entries(changes)) {
    if (to === undefined) continue;
    const from = before[column];
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[column] = { from, to };
  }
  return diff;
}

/**
 * Writes the given columns (undefined ones are left alone), stamping version and updated_at (S5),
 * and returns the row as written.
 */
export async function patchRow<R extends Row>(
  scope: WriteScope,
  table: SyncedBackofficeTable,
  id: string,
  changes: Record<string, unknown>,
): Promise<R> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const sets = entries.map(([column], index) => `${column} = $${index + 5}`);
  const { rows } = await scope.tx.query<R>(
    `UPDATE ${table} SET ${['version = $3', 'updated_at = $4', ...sets].join(', ')}
      WHERE venue_id = $1 AND id = $2 RETURNING *`,
    [scope.actor.venueId, id, await scope.stamp(), scope.now, ...entries.map(([, value]) => value)],
  );
  return rows[0]!;
}

/** Deletes by tombstone, so tablets pull the deletion (S5). */
export async function tombstoneRow(
  scope: WriteScope,
  table: SyncedBackofficeTable,
  id: string,
): Promise<void> {
  await patchRow(scope, table, id, { deleted_at: scope.now });
}
