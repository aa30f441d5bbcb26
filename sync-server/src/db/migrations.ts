import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/index.ts';
import type { Db, Queryable, Session } from './db.ts';

export const migrationsDir = path.join(repoRoot, 'migrations');

// Any fixed number works; it only has to be the same for every server sharing the database.
const MIGRATION_LOCK_KEY = 724_031_337;

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  checksum: string;
  up: string;
  down: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  applied: AppliedMigration[];
  pending: MigrationFile[];
  /** Applied migrations whose file changed since (or vanished): the server refuses to start. */
  drifted: { version: number; name: string; problem: 'checksum changed' | 'file missing' }[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Splits a file into its up and down parts at the `-- migrate:up` / `-- migrate:down` markers. */
export function parseMigration(file: string, text: string): MigrationFile {
  const match = FILE_PATTERN.exec(path.basename(file));
  if (!match) throw new MigrationError(`${file}: a migration file is named NNNN_snake_name.sql`);
  const upAt = text.search(/^--\s*migrate:up\s*$/m);
  const downAt = text.search(/^--\s*migrate:down\s*$/m);
  if (upAt < 0 || downAt < 0 || downAt < upAt) {
    throw new MigrationError(
      `${file}: needs a "-- migrate:up" part followed by a "-- migrate:down" part`,
    );
  }
  return {
    version: Number(match[1]),
    name: match[2]!,
    file,
    checksum: createHash('sha256').update(text).digest('hex'),
    up: text.slice(upAt, downAt).replace(/^--\s*migrate:up\s*$/m, ''),
    down: text.slice(downAt).replace(/^--\s*migrate:down\s*$/m, ''),
  };
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const migrations = files.map((name) =>
    parseMigration(name, readFileSync(path.join(dir, name), 'utf8')),
  );
  const seen = new Set<number>();
  for (const migration of migrations) {
    if (seen.has(migration.version)) {
      throw new MigrationError(`two migration files share version ${migration.version}`);
    }
    seen.add(migration.version);
  }
  return migrations;
}

async function ensureTable(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

async function readApplied(db: Queryable): Promise<AppliedMigration[]> {
  const { rows } = await db.query<{
    version: number;
    name: string;
    checksum: string;
    applied_at: Date;
  }>('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  return rows.map((row) => ({
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at,
  }));
}

function compare(files: MigrationFile[], applied: AppliedMigration[]): MigrationStatus {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const appliedVersions = new Set(applied.map((row) => row.version));
  const drifted: MigrationStatus['drifted'] = [];
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (!file) drifted.push({ version: row.version, name: row.name, problem: 'file missing' });
    else if (file.checksum !== row.checksum) {
      drifted.push({ version: row.version, name: row.name, problem: 'checksum changed' });
    }
  }
  return { applied, pending: files.filter((file) => !appliedVersions.has(file.version)), drifted };
}

/** Reads the state without changing anything (no table is created). */
export async function migrationStatus(
  db: Queryable,
  dir = migrationsDir,
): Promise<MigrationStatus> {
  const files = readMigrations(dir);
  const { rows } = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  const applied = rows[0]?.exists ? await readApplied(db) : [];
  return compare(files, applied);
}

function driftMessage(status: MigrationStatus): string {
  return status.drifted
    .map(
      (d) =>
        `migration ${String(d.version).padStart(4, '0')}_${d.name}: ${d.problem} since it was applied`,
    )
    .join('; ');
}

async function withMigrationLock<T>(db: Db, fn: (session: Session) => Promise<T>): Promise<T> {
  // A session-level advisory lock: two servers starting at once apply each migration once.
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ensureTable(session);
      return await fn(session);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

export interface MigrateOptions {
  dir?: string;
  onApply?: (migration: MigrationFile) => void;
}

/**
 * Applies every pending migration in order, each in its own transaction with its record.
 * Refuses (and applies nothing) when an applied file's checksum changed.
 */
export async function migrateUp(db: Db, options: MigrateOptions = {}): Promise<MigrationFile[]> {
  return withMigrationLock(db, async (session) => {
    const status = compare(readMigrations(options.dir), await readApplied(session));
    if (status.drifted.length > 0) throw new MigrationError(driftMessage(status));
    for (const migration of status.pending) {
      options.onApply?.(migration);
      await session.transaction(async (tx) => {
        await tx.exec(migration.up);
        await tx.query(
          'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum],
        );
      });
    }
    return status.pending;
  });
}

/** Reverts the newest applied migration with its down part; returns it, or undefined when none is applied. */
export async function migrateDown(
  db: Db,
  options: MigrateOptions = {},
): Promise<MigrationFile | undefined> {
  return withMigrationLock(db, async (session) => {
    const status = compare(readMigrations(options.dir), await readApplied(session));
    const last = status.applied.at(-1);
    if (!last) return undefined;
    const file = readMigrations(options.dir).find((m) => m.version === last.version);
    if (!file)
      throw new MigrationError(
        `migration ${last.version}_${last.name} has no file to take its down part from`,
      );
    if (file.checksum !== last.checksum) throw new MigrationError(driftMessage(status));
    options.onApply?.(file);
    await session.transaction(async (tx) => {
      await tx.exec(file.down);
      await tx.query('DELETE FROM schema_migrations WHERE version = $1', [file.version]);
    });
    return file;
  });
}
