import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createPgliteDb, lockDataDir } from '../db/index.ts';
import { configOrExit, fail, hasFlag, positional } from './common.ts';

// `pnpm run db:restore <file> [--yes]`: overwrites the current database with a backup.
const config = configOrExit('db:restore');
const given = positional()[0];
if (!given) fail('db:restore', 'usage: pnpm run db:restore <backup file> [--yes]');
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
if (!existsSync(file)) fail('db:restore', `no such file: ${file}`);

if (!hasFlag('--yes')) {
  if (!process.stdin.isTTY)
    fail('db:restore', 'this overwrites the current database; pass --yes to confirm');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `Overwrite the ${config.databaseUrl ? 'Postgres' : 'embedded'} database with ${file}? [y/N] `,
  );
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) {
    console.log('nothing restored');
    process.exit(0);
  }
}

if (config.databaseUrl) {
  const result = spawnSync(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.databaseUrl}`,
      file,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.error) fail('db:restore', `pg_restore could not run (${result.error.message})`);
  if (result.status !== 0)
    fail('db:restore', `pg_restore failed with exit code ${result.status}; nothing was changed`);
} else {
  let unlock: () => void;
  try {
    unlock = lockDataDir(config.dataDir);
  } catch (error) {
    fail('db:restore', (error as Error).message);
  }
  try {
    // The current folder is kept beside the restored one, never deleted.
    const aside = `${config.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(config.dataDir)) renameSync(config.dataDir, aside);
    try {
      const db = await createPgliteDb({
        dataDir: config.dataDir,
        loadDataDir: new Blob([readFileSync(file)]),
      });
      await db.query('SELECT 1');
      await db.close();
    } catch (error) {
      if (existsSync(aside)) renameSync(aside, config.dataDir);
      fail(
        'db:restore',
        `could not load ${file}: ${(error as Error).message}; the previous data is back in place`,
      );
    }
    if (existsSync(aside)) console.log(`previous data kept in ${aside}`);
  } finally {
    unlock();
  }
}
console.log(`restored from ${file}`);
