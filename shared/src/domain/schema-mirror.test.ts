import { describe, expect, it } from 'vitest';
import sql from '../../../migrations/0001_core_schema.sql?raw';
import { ROW_SCHEMAS, SQL_TABLE_NAMES, SYNCED_TABLES, StaffRowSchema } from './index.ts';

/** Every migration after 0001, by path, so a new one is read without editing this test. */
const laterMigrations = Object.entries(
  import.meta.glob('../../../migrations/*.sql', { query: '?raw', import: 'default', eager: true }),
)
  .filter(([path]) => !path.endsWith('/0001_core_schema.sql'))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, text]) => text);

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Column names per table, read from the CREATE TABLE statements. */
function sqlColumns(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const match of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
    const [, table = '', body = ''] = match;
    const columns = body
      .split('\n')
      .map((line) => line.trim())
      .filter(
        (line) => /^[a-z_]+ [a-z]/.test(line) && !/^(PRIMARY|FOREIGN|UNIQUE|CHECK)/i.test(line),
      )
      .map((line) => line.split(' ')[0] ?? '');
    tables.set(table, columns);
  }
  // Columns later migrations add to synced tables (their `migrate:up` part only).
  for (const migration of laterMigrations) {
    const up = migration.split('-- migrate:down')[0] ?? '';
    for (const [, table = '', column = ''] of up.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g)) {
      tables.get(table)?.push(column);
    }
  }
  return tables;
}

/** Columns a tablet must never receive (secrets, server-side lock-out and billing state). */
const SERVER_ONLY: Record<string, string[]> = {
  venues: ['stripeCustomerId'],
  staff: ['failedPinAttempts', 'lockedUntil'],
  tables: ['qrToken'],
};

describe('row schemas mirror the migrations (0001 and the columns added since)', () => {
  const columns = sqlColumns();

  it.each(SYNCED_TABLES)('%s: every field is a column and every column a field', (table) => {
    const sqlName = SQL_TABLE_NAMES[table];
    const sqlFields = (columns.get(sqlName) ?? []).map(camel);
    expect(sqlFields.length).toBeGreaterThan(0);
    const fields = Object.keys(ROW_SCHEMAS[table].shape).sort();
    const expected = sqlFields.filter((c) => !(SERVER_ONLY[table] ?? []).includes(c)).sort();
    expect(fields).toEqual(expected);
  });

  it('the public staff view has no PIN hash', () => {
    expect(Object.keys(StaffRowSchema.shape)).not.toContain('pinHash');
    expect(Object.keys(ROW_SCHEMAS.staff.shape)).toContain('pinHash');
  });
});
