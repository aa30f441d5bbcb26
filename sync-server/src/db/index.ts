// The db domain's entry: other domains import from here only (sync-server/eslint-domains.js).
import { mkdirSync } from 'node:fs';
import type { Db } from './db.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createPgDb } from './pg-db.ts';
import { createPgliteDb } from './pglite-db.ts';

export type { Db, Queryable, Session, QueryResult, Row, DbMode, PoolStats } from './db.ts';

/**
 * Real Postgres when a URL is given, otherwise the embedded PGlite in `dataDir`, locked to this
 * process for as long as it is open.
 */
export async function openDb(config: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Db> {
  if (config.databaseUrl) return createPgDb({ connectionString: config.databaseUrl });
  const unlock = lockDataDir(config.dataDir);
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const db = await createPgliteDb({ dataDir: config.dataDir });
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
export { dataDirOwner, lockDataDir, updateDataDirLock } from './data-dir-lock.ts';
export {
  migrateDown,
  migrateUp,
  type MigrationFile,
  migrationsDir,
  migrationStatus,
  readMigrations,
} from './migrations.ts';
export { createPgliteDb } from './pglite-db.ts';
export { fenceToVenue, inVenue } from './venue-scope.ts';
export { type AuditActor, type AuditEntry, recordAudit } from './audit.ts';
export { dataExceptionMessage, isDataException } from './data-errors.ts';
