import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../../src/db/db.ts';
import { readMigrations, migrateUp } from '../../src/db/migrations.ts';
import { createPgDb } from '../../src/db/pg-db.ts';
import { createPgliteDb } from '../../src/db/pglite-db.ts';

export type DbKind = 'pglite' | 'postgres';

/** The Postgres the suite may use: TEST_DATABASE_URL, else DATABASE_URL, else none (PGlite only). */
export const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** The database the suite runs on: real Postgres when a URL is set, PGlite otherwise. */
export const defaultKind: DbKind = postgresUrl ? 'postgres' : 'pglite';

/** Every kind available here: PGlite always, Postgres when a URL is set (for contract suites). */
export const availableKinds: DbKind[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

function schemaKey(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations())
    hash.update(`${migration.version}:${migration.checksum};`);
  return hash.digest('hex').slice(0, 12);
}

const templateFile = () => path.join(os.tmpdir(), 'servio-test', `pglite-${schemaKey()}.tar`);
const templateDbName = () => `servio_template_${schemaKey()}`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(postgresUrl!, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated templates once per schema (called from global setup, and lazily). */
export async function prepareTemplates(): Promise<void> {
  const file = templateFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = await createPgliteDb();
    await migrateUp(db);
    const dump = await db.pglite.dumpDataDir('none');
    await db.close();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, file);
  }
  if (postgresUrl) {
    const name = templateDbName();
    await admin(async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (rowCount) return;
      const building = `${name}_build_${process.pid}`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      const db = createPgDb({ connectionString: withDatabase(postgresUrl, building), max: 2 });
      await migrateUp(db);
      await db.close();
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`).catch(async () => {
        await client.query(`DROP DATABASE IF EXISTS ${building}`);
      });
    });
  }
}

export interface TestDb {
  db: Db;
  kind: DbKind;
  /** For Postgres: the database's URL (to open a second connection, a second server). */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database of its own for a test file: migrated (from a template) unless `migrated: false`.
 * PGlite: loaded from a dumped data folder. Postgres: CREATE DATABASE … TEMPLATE, dropped afterwards.
 */
export async function createTestDb(
  kind: DbKind = defaultKind,
  options: { migrated?: boolean; poolSize?: number } = {},
): Promise<TestDb> {
  const migrated = options.migrated ?? true;
  if (kind === 'pglite') {
    if (!migrated) {
      const db = await createPgliteDb();
      return { db, kind, drop: () => db.close() };
    }
    if (!existsSync(templateFile())) await prepareTemplates();
    const tar = readFileSync(templateFile());
    const db = await createPgliteDb({ loadDataDir: new Blob([tar]) });
    return { db, kind, drop: () => db.close() };
  }
  if (!postgresUrl) throw new Error('Postgres tests need TEST_DATABASE_URL or DATABASE_URL');
  if (migrated) await prepareTemplates();
  const name = `servio_t_${randomBytes(6).toString('hex')}`;
  await admin((client) =>
    client.query(
      migrated ? `CREATE DATABASE ${name} TEMPLATE ${templateDbName()}` : `CREATE DATABASE ${name}`,
    ),
  );
  const url = withDatabase(postgresUrl, name);
  const db = createPgDb({ connectionString: url, max: options.poolSize ?? 5 });
  return {
    db,
    kind,
    url,
    async drop() {
      await db.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
