import { randomUUID } from 'node:crypto';
import { SYNCED_TABLES, type SyncedTable } from '@servio/shared';
import {
  registerMutatorStoreContractTests,
  type SeedRows,
} from '@servio/shared/mutators/store-contract';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../src/db/db.ts';
import { rowToSql, TABLES, toSnake } from '../src/sync/columns.ts';
import { PgStore } from '../src/sync/pg-store.ts';
import { availableKinds, createTestDb, type TestDb } from './support/test-db.ts';

/** Columns the server keeps beside the synced ones that have no default: made up per row. */
const SERVER_ONLY: Partial<Record<SyncedTable, Record<string, () => string>>> = {
  tables: { qr_token: () => randomUUID() },
  staff: { pin_hash: () => 'scrypt$test' },
};

/** Stores a venue's rows as they are (no rules, no clock), for the store to read. */
async function storeVenue(db: Db, rows: SeedRows): Promise<string> {
  const venueId = rows.staff[0]?.venueId;
  if (!venueId) throw new Error('a contract venue has staff');
  await db.query(
    `INSERT INTO venues (id, name, slug, currency, timezone) VALUES ($1, 'Contract', $2, 'EUR', 'Europe/London')`,
    [venueId, `contract-${venueId}`],
  );
  for (const table of SYNCED_TABLES) {
    if (table === 'venues' || rows[table].length === 0) continue;
    const { sql, fields } = TABLES[table];
    const extra = Object.entries(SERVER_ONLY[table] ?? {}).filter(
      ([column]) => !fields.map(toSnake).includes(column),
    );
    const columns = [...fields.map(toSnake), ...extra.map(([column]) => column)].join(', ');
    const records = rows[table].map((row) => ({
      ...rowToSql(table, row),
      ...Object.fromEntries(extra.map(([column, make]) => [column, make()])),
    }));
    await db.query(
      `INSERT INTO ${sql} (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::${sql}, $1::json)`,
      [JSON.stringify(records)],
    );
  }
  return venueId;
}

// PgStore reads one venue out of a shared database: each contract venue sits beside another one
// with the same ids. Each transaction flushes at its end, as a push does, so the next one reads
// back from Postgres what the last one wrote. No row-level-security fence here: PgStore's own
// `venue_id` filter is what is under test.
describe.each(availableKinds)('PgStore on %s', (kind) => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(() => test?.drop());

  registerMutatorStoreContractTests(`PgStore (${kind})`, {
    versions: 'transaction',
    severalVenues: true,
    async open(venue, otherVenue) {
      const venueId = await storeVenue(test.db, venue);
      if (otherVenue) await storeVenue(test.db, otherVenue);
      // Above every seeded version, and one more per transaction: the venue clock's job in a push.
      let version = 1_000;
      return {
        transaction: (body) =>
          test.db.transaction(async (tx) => {
            version += 1;
            const store = new PgStore(tx, venueId, version);
            const result = await body(store);
            await store.flush();
            return result;
          }),
        close: async () => {},
      };
    },
  });
});
