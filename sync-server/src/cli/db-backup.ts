import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/index.ts';
import { createPgliteDb, lockDataDir } from '../db/index.ts';
import { configOrExit, fail, positional } from './common.ts';

// `pnpm run db:backup [file]`: pg_dump (custom format) for Postgres, a tarball of the data folder for PGlite.
const config = configOrExit('db:backup');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  positional()[0] ??
    path.join(
      repoRoot,
      '.servio/backups',
      `servio-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`,
    ),
);
mkdirSync(path.dirname(file), { recursive: true });

if (config.databaseUrl) {
  const result = spawnSync(
    'pg_dump',
    ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.error)
    fail(
      'db:backup',
      `pg_dump could not run (${result.error.message}); install the PostgreSQL client`,
    );
  if (result.status !== 0) fail('db:backup', `pg_dump failed with exit code ${result.status}`);
} else {
  let unlock: () => void;
  try {
    unlock = lockDataDir(config.dataDir);
  } catch (error) {
    fail('db:backup', (error as Error).message);
  }
  try {
    const db = await createPgliteDb({ dataDir: config.dataDir });
    const dump = await db.pglite.dumpDataDir('gzip');
    await db.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    unlock();
  }
}
console.log(`backup written: ${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
