import type { Db } from './db.ts';
import { createPgDb } from './pg-db.ts';
import { createPgliteDb } from './pglite-db.ts';
import { mkdirSync } from 'node:fs';

export type { Db, Queryable, Session, QueryResult, Row, DbMode, PoolStats } from './db.ts';

/** Real Postgres when a URL is given, otherwise the embedded PGlite in `dataDir`. */
export async function openDb(config: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  if (config.databaseUrl) return createPgDb({ connectionString: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return createPgliteDb({ dataDir: config.dataDir });
}
