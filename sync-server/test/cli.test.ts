import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Migration names in apply order, read from the folder so new migrations need no test edits. */
const migrations = readdirSync(path.join(serverDir, '..', 'migrations'))
  .filter((file) => /^\d{4}_.+\.sql$/.test(file))
  .sort()
  .map((file) => file.replace(/\.sql$/, ''));
const newest = migrations.at(-1) ?? '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the package's CLIs as `pnpm run <script>` does: its built JavaScript (dist/cli,
 * built by the global setup) with cwd sync-server. `script` names the source (src/cli/x.ts).
 */
function cli(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const built = script.replace(/^src\/(.+)\.ts$/, 'dist/$1.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', built, ...args], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each test starts several CLI processes one after another, each opening the embedded database:
// on a loaded two-core machine (or a slow venue box) that alone can take longer than the default
// 30 s, so the cap is per test of several processes, not a timing expectation.
describe('operations CLIs on the embedded database', { timeout: 180_000 }, () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'servio-cli-'));
  const env = { DATA_DIR: path.join(root, 'data') };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('health:check names pending migrations on a new database and exits non-zero', async () => {
    const run = await cli('src/cli/health-check.ts', [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ok +configuration/);
    expect(run.stdout).toMatch(/FAIL +migrations +pending: 0001_core_schema/);
    expect(run.stdout).toMatch(/unhealthy: migrations/);
  });

  it('migrate:prod prints its plan and applies it; health:check is then healthy', async () => {
    const run = await cli('src/cli/migrate.ts', ['prod'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`plan: ${migrations.join(', ')}`);
    const health = await cli('src/cli/health-check.ts', [], env);
    expect(health.stdout).toMatch(/ok +migrations +all applied/);
    expect(health.stdout).toMatch(/ok +stripe +no STRIPE_SECRET_KEY/);
    expect(health.code).toBe(0);
  });

  it('demo:seed --json prints the venue, staff PINs, pairing code and table links as JSON', async () => {
    const run = await cli('src/cli/demo-seed.ts', ['--json'], {
      ...env,
      PUBLIC_URL: 'https://pos.example.com',
    });
    expect(run.code).toBe(0);
    const seed = JSON.parse(run.stdout);
    expect(seed.venue.slug).toBe('demo');
    expect(new Set(seed.staff.map((s: { role: string }) => s.role))).toEqual(
      new Set(['owner', 'manager', 'waiter', 'cashier', 'kitchen']),
    );
    expect(seed.menu.items).toBeGreaterThanOrEqual(30);
    expect(seed.tables).toHaveLength(12);
    expect(seed.tables[0].payUrl).toMatch(/^https:\/\/pos\.example\.com\/t\/[\w-]{20,}$/);
    expect(seed.pairingCode.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  it('db:backup and db:restore round-trip the embedded data folder', async () => {
    const file = path.join(root, 'backup.tar.gz');
    const backup = await cli('src/cli/db-backup.ts', [file], env);
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const second = await cli('src/cli/demo-seed.ts', ['--json'], env);
    expect(JSON.parse(second.stdout).venue.slug).toMatch(/^demo-/);
    const refused = await cli('src/cli/db-restore.ts', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pass --yes/);
    const restore = await cli('src/cli/db-restore.ts', [file, '--yes'], env);
    expect(restore.code).toBe(0);
    // After the restore only the first demo venue exists, so another seed takes a demo-xxxx slug again
    // and the status shows the same applied migrations.
    const status = await cli('src/cli/migrate.ts', ['status'], env);
    expect(status.stdout).toMatch(new RegExp(`applied +${newest}`));
    const counts = await cli('src/cli/demo-seed.ts', ['--json'], env);
    expect(JSON.parse(counts.stdout).venue.slug).toMatch(/^demo-/);
  });

  it('migrate:down refuses without confirmation, then reverts one step with --yes', async () => {
    const refused = await cli('src/cli/migrate.ts', ['down'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`would revert ${newest}; pass --yes`);
    const down = await cli('src/cli/migrate.ts', ['down', '--yes'], env);
    expect(down.stdout).toContain(`reverted ${newest}`);
    const auto = await cli('src/cli/migrate.ts', ['auto'], env);
    expect(auto.stdout).toContain(`applying ${newest}`);
  });

  it('health:check reports a missing webhook secret and an unreachable Stripe with live keys', async () => {
    const run = await cli('src/cli/health-check.ts', [], {
      ...env,
      STRIPE_SECRET_KEY: 'sk_live_notreal',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_notreal',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /FAIL +webhook secret +STRIPE_WEBHOOK_SECRET is missing: webhooks cannot be verified in live mode/,
    );
  });

  it('health:check names a malformed variable', async () => {
    const run = await cli('src/cli/health-check.ts', [], { ...env, DATABASE_URL: 'mysql://x' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL +configuration +DATABASE_URL must be a postgres:\/\//);
  });
});
