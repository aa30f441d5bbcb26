import { freeText } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { randomToken } from '../auth/index.ts';
import type { Queryable, Row } from '../db/index.ts';
import { viewFromSql } from '../sync/index.ts';
import { changesOf, lockLive, patchRow, tombstoneRow } from './rows.ts';
import { conflict, type WriteScope } from './actor.ts';

/**
 * Tables and their QR tokens. The token printed on a table is the customer's only key to that
 * table's bill, so it is long and random (like the demo's), and reissuing it makes the old
 * printed code worthless at once: the pay page finds tables by their current token only.
 */

const name = freeText('tableName');
const area = freeText('tableName');
const seats = z.int().min(1).max(100);
const sortOrder = z.int().min(-1_000_000).max(1_000_000);

export const TableCreateSchema = z.object({
  name,
  area: area.default('Main'),
  seats: seats.default(4),
  sortOrder: sortOrder.default(0),
});
export const TableUpdateSchema = z.object({
  id: z.uuid(),
  name: name.optional(),
  area: area.optional(),
  seats: seats.optional(),
  sortOrder: sortOrder.optional(),
});

export interface TableView {
  id: string;
  name: string;
  area: string;
  seats: number;
  sortOrder: number;
  version: number;
}

const tableView = (r: Row): TableView =>
  viewFromSql('tables', r, ['id', 'name', 'area', 'seats', 'sortOrder', 'version']);

/** 18 random bytes, as the demo seed issues them: unguessable, short enough for a QR code. */
const newQrToken = () => randomToken(18);

/** Live tables in floor order (area, then sort order, then name). */
export async function listTables(
  tx: Queryable,
  venueId: string,
): Promise<(TableView & { qrToken: string })[]> {
  const { rows } = await tx.query(
    `SELECT * FROM tables WHERE venue_id = $1 AND deleted_at IS NULL
      ORDER BY area, sort_order, name`,
    [venueId],
  );
  return rows.map((row) => ({ ...tableView(row), qrToken: row.qr_token as string }));
}

export async function createTable(
  scope: WriteScope,
  input: z.output<typeof TableCreateSchema>,
): Promise<TableView> {
  const { rows } = await scope.tx.query(
    `INSERT INTO tables (venue_id, id, name, area, seats, sort_order, qr_token, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [
      scope.actor.venueId,
      uuidv7(),
      input.name,
      input.area,
      input.seats,
      input.sortOrder,
      newQrToken(),
      await scope.stamp(),
      scope.now,
    ],
  );
  const row = rows[0]!;
  await scope.audit('table.created', row.id as string, { name: input.name, area: input.area });
  return tableView(row);
}

/** Rename, move to another area, change seats or position. */
export async function updateTable(
  scope: WriteScope,
  input: z.output<typeof TableUpdateSchema>,
): Promise<TableView> {
  const before = await lockLive(scope, 'tables', input.id, 'table');
  const changes = {
    name: input.name,
    area: input.area,
    seats: input.seats,
    sort_order: input.sortOrder,
  };
  const row = await patchRow(scope, 'tables', input.id, changes);
  await scope.audit('table.updated', input.id, changesOf(before, changes));
  return tableView(row);
}

/** A table with an open order stays: its bill would lose its place on the floor plan. */
export async function deleteTable(scope: WriteScope, id: string): Promise<{ deleted: true }> {
  const before = await lockLive(scope, 'tables', id, 'table');
  const { rows } = await scope.tx.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM orders
      WHERE venue_id = $1 AND table_id = $2 AND deleted_at IS NULL
        AND status NOT IN ('closed', 'void')`,
    [scope.actor.venueId, id],
  );
  if ((rows[0]?.open ?? 0) > 0) {
    throw conflict(`${String(before.name)} has an open order; close or move it first.`);
  }
  await tombstoneRow(scope, 'tables', id);
  await scope.audit('table.deleted', id, { name: before.name });
  return { deleted: true };
}

/** A new token for the table: codes printed with the old one stop opening its bill. */
export async function reissueTableToken(
  scope: WriteScope,
  id: string,
): Promise<TableView & { qrToken: string }> {
  await lockLive(scope, 'tables', id, 'table');
  const row = await patchRow(scope, 'tables', id, { qr_token: newQrToken() });
  // The token itself stays out of the audit log: the log is readable, the token is a key.
  await scope.audit('table.token_reissued', id, { name: row.name });
  return { ...tableView(row), qrToken: row.qr_token as string };
}
