import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  migrateDown,
  migrateUp,
  migrationStatus,
  migrationsDir,
  readMigrations,
  type MigrationFile,
} from '../db/index.ts';
import { configOrExit, fail, hasFlag, positional, withDb } from './common.ts';

const label = (m: Pick<MigrationFile, 'version' | 'name'>) =>
  `${String(m.version).padStart(4, '0')}_${m.name}`;

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function create(nameArg: string | undefined): Promise<void> {
  const raw =
    nameArg ??
    (process.stdin.isTTY ? await ask('Name of the migration (e.g. add table notes): ') : '');
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) fail('migrate:create', 'give the migration a name: pnpm run migrate:create <name>');
  const next = (readMigrations().at(-1)?.version ?? 0) + 1;
  const file = path.join(migrationsDir, `${String(next).padStart(4, '0')}_${name}.sql`);
  writeFileSync(
    file,
    `-- ${raw}\n-- Every venue-owned table is keyed by (venue_id, id); synced rows carry version and deleted_at.\n\n-- migrate:up\n\n\n-- migrate:down\n\n`,
  );
  console.log(`created ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const [command, arg] = positional();
  if (command === 'create') return create(arg);
  const config = configOrExit(`migrate:${command ?? ''}`);
  switch (command) {
    case 'auto':
      return withDb('migrate:auto', config, async (db) => {
        const applied = await migrateUp(db, {
          onApply: (m) => console.log(`applying ${label(m)}`),
        });
        console.log(
          applied.length ? `applied ${applied.length} migration(s)` : 'database is current',
        );
      });
    case 'prod':
      return withDb('migrate:prod', config, async (db) => {
        const status = await migrationStatus(db);
        if (status.drifted.length) {
          fail('migrate:prod', status.drifted.map((d) => `${label(d)}: ${d.problem}`).join('; '));
        }
        console.log(
          `plan: ${status.pending.length ? status.pending.map(label).join(', ') : 'nothing to apply'}`,
        );
        try {
          await migrateUp(db, { onApply: (m) => console.log(`applying ${label(m)}`) });
        } catch (error) {
          fail(
            'migrate:prod',
            `failed, nothing of the failing migration was kept: ${(error as Error).message}`,
          );
        }
        console.log('done');
      });
    case 'down':
      return withDb('migrate:down', config, async (db) => {
        const last = (await migrationStatus(db)).applied.at(-1);
        if (!last) return console.log('no migration is applied');
        if (!hasFlag('--yes')) {
          if (!process.stdin.isTTY)
            fail('migrate:down', `would revert ${label(last)}; pass --yes to confirm`);
          const answer = await ask(
            `Revert ${label(last)}? Its down part drops what it created. [y/N] `,
          );
          if (!/^y(es)?$/i.test(answer)) return console.log('nothing reverted');
        }
        const reverted = await migrateDown(db);
        console.log(`reverted ${reverted ? label(reverted) : 'nothing'}`);
      });
    case 'status':
      return withDb('migrate:status', config, async (db) => {
        const status = await migrationStatus(db);
        for (const m of status.applied)
          console.log(`applied  ${label(m)}  ${m.appliedAt.toISOString()}`);
        for (const m of status.pending) console.log(`pending  ${label(m)}`);
        for (const d of status.drifted) console.log(`DRIFTED  ${label(d)}  ${d.problem}`);
        if (status.drifted.length) process.exitCode = 1;
      });
    default:
      fail('migrate', 'usage: migrate auto | prod | create <name> | down [--yes] | status');
  }
}

await main();
