import type { MutatorRows, MutatorWriteTable } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import { rowToSql, TABLES, toSnake } from './columns.ts';

/** Rows per statement: large enough to make a push of thousands cheap, small enough for one message. */
const CHUNK = 1000;

const KEY = new Set(['venue_id', 'id']);

function statement(table: MutatorWriteTable, mode: 'insert' | 'upsert'): string {
  const { sql, fields } = TABLES[table];
  const columns = fields.map(toSnake);
  const list = columns.join(', ');
  const conflict =
    mode === 'insert'
      ? 'DO NOTHING'
      : `DO UPDATE SET ${columns
          .filter((column) => !KEY.has(column))
          .map((column) => `${column} = EXCLUDED.${column}`)
          .join(', ')}`;
  return `INSERT INTO ${sql} (${list})
          SELECT ${list} FROM json_populate_recordset(NULL::${sql}, $1::json)
          ON CONFLICT (venue_id, id) ${conflict}`;
}

const statements = new Map<string, string>();

/**
 * Writes rows of one table in bulk. `insert` is for rows that are new: an order is created with
 * `ON CONFLICT DO NOTHING` (S3) and finding it already there means another writer got in first,
 * which the caller's locks rule out, so it fails the push (transient) instead of overwriting.
 * `upsert` replaces rows by key.
 */
export async function writeRows<T extends MutatorWriteTable>(
  tx: Queryable,
  table: T,
  rows: readonly MutatorRows[T][],
  mode: 'insert' | 'upsert',
): Promise<void> {
  const key = `${table}:${mode}`;
  let sql = statements.get(key);
  if (!sql) statements.set(key, (sql = statement(table, mode)));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const { rowCount } = await tx.query(sql, [
      JSON.stringify(chunk.map((row) => rowToSql(table, row))),
    ]);
    if (mode === 'insert' && rowCount !== chunk.length) {
      throw new Error(
        `${TABLES[table].sql}: ${chunk.length - rowCount} new row(s) already existed; another writer raced this push`,
      );
    }
  }
}
