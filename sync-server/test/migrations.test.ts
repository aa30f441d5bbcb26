import { cpSync, mkdtempSync, appendFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrateDown,
  migrateUp,
  migrationStatus,
  migrationsDir,
  parseMigration,
  readMigrations,
} from '../src/db/migrations.ts';
import { createPgDb } from '../src/db/pg-db.ts';
import { availableKinds, createTestDb, type TestDb } from './support/test-db.ts';

describe('parseMigration', () => {
  it('splits the up and down parts at their markers', () => {
    const migration = parseMigration(
      '0007_add_things.sql',
      '-- comment\n-- migrate:up\nCREATE TABLE t ();\n-- migrate:down\nDROP TABLE t;\n',
    );
    expect(migration).toMatchObject({ version: 7, name: 'add_things' });
    expect(migration.up.trim()).toBe('CREATE TABLE t ();');
    expect(migration.down.trim()).toBe('DROP TABLE t;');
  });

  it('refuses a file without a down part, naming the file', () => {
    expect(() => parseMigration('0002_x.sql', '-- migrate:up\nSELECT 1;')).toThrow(
      /0002_x\.sql.*migrate:down/,
    );
  });

  it('refuses a badly named file', () => {
    expect(() => parseMigration('add-things.sql', '-- migrate:up\n-- migrate:down\n')).toThrow(
      /NNNN_snake_name/,
    );
  });
});

describe.each(availableKinds)('migration runner on %s', (kind) => {
  let test: TestDb;
  let dir: string;
  beforeEach(async () => {
    test = await createTestDb(kind, { migrated: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'servio-migrations-'));
    cpSync(migrationsDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await test.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once and records version, name and checksum', async () => {
    const applied = await migrateUp(test.db, { dir });
    expect(applied.map((m) => m.version)).toEqual(readMigrations(dir).map((m) => m.version));
    const { rows } = await test.db.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(
      readMigrations(dir).map(({ version, name, checksum }) => ({ version, name, checksum })),
    );
    expect(await migrateUp(test.db, { dir })).toEqual([]);
    const status = await migrationStatus(test.db, dir);
    expect(status.pending).toEqual([]);
    expect(status.drifted).toEqual([]);
  });

  it('applies each migration once when two runners start at the same time', async () => {
    writeFileSync(
      path.join(dir, '0999_counter.sql'),
      '-- migrate:up\nCREATE TABLE IF NOT EXISTS runs (n int);\nINSERT INTO runs VALUES (1);\n-- migrate:down\nDROP TABLE runs;\n',
    );
    // On Postgres the second runner is a second pool (as a second server process would be);
    // PGlite is single-process, so the second runner shares the embedded database.
    const second =
      kind === 'postgres' ? createPgDb({ connectionString: test.url!, max: 2 }) : test.db;
    try {
      const [a, b] = await Promise.all([migrateUp(test.db, { dir }), migrateUp(second, { dir })]);
      expect(a.length + b.length).toBe(readMigrations(dir).length);
    } finally {
      if (second !== test.db) await second.close();
    }
    const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs');
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses to run when an applied file changed, and applies nothing', async () => {
    await migrateUp(test.db, { dir });
    appendFileSync(path.join(dir, '0001_core_schema.sql'), '\n-- edited after it was applied\n');
    writeFileSync(
      path.join(dir, '0998_new.sql'),
      '-- migrate:up\nCREATE TABLE fresh (id int);\n-- migrate:down\nDROP TABLE fresh;\n',
    );
    await expect(migrateUp(test.db, { dir })).rejects.toThrow(/0001_core_schema: checksum changed/);
    const { rows } = await test.db.query(`SELECT to_regclass('fresh') AS t`);
    expect(rows[0]).toEqual({ t: null });
    expect((await migrationStatus(test.db, dir)).drifted).toEqual([
      { version: 1, name: 'core_schema', problem: 'checksum changed' },
    ]);
  });

  it('goes down one step and up again to the same schema', async () => {
    await migrateUp(test.db, { dir });
    const tables = async () =>
      (
        await test.db.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
        )
      ).rows.map((r) => r.table_name);
    const before = await tables();
    expect(before).toContain('orders');
    const files = readMigrations(dir);
    const reverted = await migrateDown(test.db, { dir });
    expect(reverted?.version).toBe(files.at(-1)!.version);
    expect((await migrationStatus(test.db, dir)).pending.map((m) => m.version)).toEqual([
      files.at(-1)!.version,
    ]);
    await migrateUp(test.db, { dir });
    expect(await tables()).toEqual(before);
  });

  it('reverts every migration down to an empty schema', async () => {
    await migrateUp(test.db, { dir });
    while (await migrateDown(test.db, { dir }));
    const { rows } = await test.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(rows.map((r) => r.table_name)).toEqual(['schema_migrations']);
  });
});
