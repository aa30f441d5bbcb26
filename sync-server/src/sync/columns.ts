import {
  ROW_SCHEMAS,
  SQL_TABLE_NAMES,
  SYNCED_TABLES,
  type RowOf,
  type SyncedTable,
} from '@servio/shared';
import type { Row } from '../db/index.ts';

/**
 * The one place where camelCase rows meet SQL columns. Column lists are derived from the shared row
 * schemas (which `shared/src/domain/schema-mirror.test.ts` keeps equal to migration 0001), so a column
 * added to both appears here without another edit.
 */

export const toSnake = (field: string): string =>
  field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** `date` columns: selected as text so no driver turns them into a local-midnight Date. */
const DATE_FIELDS = new Set(['businessDay']);

export interface TableMapping {
  table: SyncedTable;
  sql: string;
  /** camelCase fields of the shared row schema, in schema order. */
  fields: readonly string[];
  /** The column that names the venue: `id` for `venues`, `venue_id` everywhere else. */
  venueColumn: string;
  /** Whether rows are deleted by tombstone (`deleted_at`). */
  tombstoned: boolean;
}

function mappingOf(table: SyncedTable): TableMapping {
  const fields = Object.keys(ROW_SCHEMAS[table].shape);
  return {
    table,
    sql: SQL_TABLE_NAMES[table],
    fields,
    venueColumn: table === 'venues' ? 'id' : 'venue_id',
    tombstoned: fields.includes('deletedAt'),
  };
}

export const TABLES: { readonly [T in SyncedTable]: TableMapping } = Object.fromEntries(
  SYNCED_TABLES.map((table) => [table, mappingOf(table)]),
) as { [T in SyncedTable]: TableMapping };

/** `col, col, business_day::text AS business_day, …` for a SELECT (optionally through an alias). */
export function selectList(
  table: SyncedTable,
  options: { alias?: string; fields?: readonly string[] } = {},
): string {
  const prefix = options.alias ? `${options.alias}.` : '';
  return (options.fields ?? TABLES[table].fields)
    .map((field) => {
      const column = toSnake(field);
      return DATE_FIELDS.has(field)
        ? `${prefix}${column}::text AS ${column}`
        : `${prefix}${column}`;
    })
    .join(', ');
}

/**
 * A SQL row (as `selectList` selected it) as the shared row object: instants become ISO strings,
 * int8 is already a number (the Db parsers), jsonb and arrays are already parsed.
 */
export function rowFromSql<T extends SyncedTable>(
  table: T,
  sqlRow: Row,
  fields: readonly string[] = TABLES[table].fields,
): RowOf<T> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = sqlRow[toSnake(field)];
    row[field] = value instanceof Date ? value.toISOString() : value;
  }
  return row as RowOf<T>;
}

/** A row as a snake_case record for `json_populate_recordset` (jsonb values stay JSON). */
export function rowToSql(table: SyncedTable, row: object): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const values = row as Record<string, unknown>;
  for (const field of TABLES[table].fields) record[toSnake(field)] = values[field];
  return record;
}

/**
 * The fields a view shows of a synced table's SQL row (`SELECT *` or `RETURNING *`), converted as
 * `rowFromSql` does: explicit outputs, and still the one snake/camel conversion.
 */
export function viewFromSql<T extends SyncedTable, const K extends keyof RowOf<T> & string>(
  table: T,
  sqlRow: Row,
  fields: readonly K[],
): Pick<RowOf<T>, K> {
  return rowFromSql(table, sqlRow, fields) as Pick<RowOf<T>, K>;
}

/** One server-only column (not in the shared row schema) of a SQL row, by its camelCase name. */
export function columnFromSql(sqlRow: Row, field: string): unknown {
  const value = sqlRow[toSnake(field)];
  return value instanceof Date ? value.toISOString() : value;
}
