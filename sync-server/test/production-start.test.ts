import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The production guards, tried as an operator would meet them: the built server (dist/main.js,
// built by the global setup) started as a child process with one foot-gun each. A refused start
// must exit non-zero with one line naming the setting, and must never have listened on a port or
// created the database folder; test/support/record-listen.mjs reports every listen() the process
// makes, so "never listened" is seen, not inferred from a port that is free afterwards.

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LISTEN_MARKER = '[record-listen] listen called';

/** Real-looking Stripe test keys: the server starts with them and never calls Stripe at start-up. */
const STRIPE_KEYS = {
  STRIPE_SECRET_KEY: 'sk_test_notreal',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_notreal',
  STRIPE_WEBHOOK_SECRET: 'whsec_notreal',
};
/** Never connected to: a refused start stops before it opens any database. */
const UNREACHABLE_DATABASE = 'postgres://servio@127.0.0.1:1/servio';

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  stop: () => void;
}

/** Every server a test started and has not seen exit: killed after each test, pass or fail. */
const running = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starting the server from scratch (PGlite's initdb, migrations) takes seconds on a busy machine. */
const START_TIMEOUT = 120_000;

function startMain(env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['--import', './test/support/record-listen.mjs', '--enable-source-maps', 'dist/main.js'],
    {
      cwd: serverDir,
      // Ordinary variables every shell and container has: none of them may be warned about.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.homedir(),
        HOSTNAME: 'till-1',
        PWD: serverDir,
        LANG: 'C.UTF-8',
        PGPORT: '5432',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output: () => text, exited, stop: () => child.kill('SIGTERM') };
}

async function waitFor(condition: () => boolean, what: string, run: Run): Promise<void> {
  let done = false;
  void run.exited.then(() => (done = true));
  while (!condition()) {
    if (done) throw new Error(`the process exited before ${what}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The exit code, or 'still running' when a start that should have been refused went on. */
function exitedWithin(run: Run, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([
    run.exited,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms)),
  ]);
}

/** The one "cannot start" line, or a failure showing everything the process printed. */
function refusal(run: Run): string {
  const line = run
    .output()
    .split('\n')
    .find((text) => text.startsWith('servio: cannot start. '));
  if (!line) throw new Error(`no refusal line in:\n${run.output()}`);
  return line;
}

describe('production start-up guards (dist/main.js with NODE_ENV=production)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'servio-prod-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function expectRefused(env: Record<string, string>): Promise<string> {
    const dataDir = path.join(tempDir(), 'data');
    const run = startMain({ NODE_ENV: 'production', DATA_DIR: dataDir, ...env });
    expect(await exitedWithin(run, 20_000), run.output()).toBe(1);
    expect(run.output()).not.toContain(LISTEN_MARKER);
    expect(run.output()).not.toContain('Servio is running');
    expect(existsSync(dataDir)).toBe(false);
    return refusal(run);
  }

  it('[G1] refuses to run on the Stripe emulator: exits 1 naming STRIPE_SECRET_KEY, before listening', async () => {
    const line = await expectRefused({ DATABASE_URL: UNREACHABLE_DATABASE });
    expect(line).toContain('STRIPE_SECRET_KEY must be set in production');
    expect(line).toContain('Stripe emulator');
  });

  it('[G2] refuses SEED_DEMO=true: exits 1 naming SEED_DEMO, before listening', async () => {
    const line = await expectRefused({
      ...STRIPE_KEYS,
      DATABASE_URL: UNREACHABLE_DATABASE,
      SEED_DEMO: 'true',
    });
    expect(line).toContain('SEED_DEMO must not be true in production');
  });

  it('[G3] refuses the embedded database unless chosen: exits 1 naming DATABASE_URL and EMBEDDED_DATABASE', async () => {
    const line = await expectRefused({ ...STRIPE_KEYS });
    expect(line).toContain('DATABASE_URL must be set in production');
    expect(line).toContain('EMBEDDED_DATABASE=single-box');
  });

  it('[G4] warns once about a misspelt variable, naming the one meant, and says it in the refusal', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const run = startMain({
      ...STRIPE_KEYS,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      DATABSE_URL: 'postgres://servio:hunter2@db.internal/servio',
    });
    expect(await exitedWithin(run, 20_000), run.output()).toBe(1);
    const warnings = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('servio: warning: '));
    expect(warnings).toEqual([
      'servio: warning: DATABSE_URL is set, but Servio reads no such variable: did you mean DATABASE_URL?',
    ]);
    expect(refusal(run)).toContain('DATABSE_URL is set: did you mean DATABASE_URL?');
    // The value may hold a password: only names are printed.
    expect(run.output()).not.toContain('hunter2');
    expect(run.output()).not.toContain(LISTEN_MARKER);
  });

  it(
    '[G3] EMBEDDED_DATABASE=single-box starts a production server on the embedded database; its banner shows no pairing code or PIN',
    async () => {
      const dataDir = path.join(tempDir(), 'data');
      // A venue with known PINs already in the database: production still prints none of them.
      const seeded = spawnSync(process.execPath, ['dist/cli/demo-seed.js', '--json'], {
        cwd: serverDir,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      const seed = JSON.parse(seeded.stdout) as {
        pairingCode: { code: string };
        staff: { pin: string }[];
      };

      const run = startMain({
        ...STRIPE_KEYS,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        EMBEDDED_DATABASE: 'single-box',
      });
      try {
        await waitFor(() => run.output().includes('Health:'), 'printing its URLs', run);
        const out = run.output();
        expect(out).toContain(LISTEN_MARKER);
        expect(out).toMatch(/Servio is running \(embedded Postgres in .*data, Stripe: test\)/);
        expect(out).not.toContain('servio: warning:');
        expect(out).not.toMatch(/pairing code|Staff PINs/);
        expect(out).not.toContain(seed.pairingCode.code);
        const health = await fetch(/Health: +(\S+)/.exec(out)![1]!);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({
          environment: 'production',
          database: { mode: 'embedded' },
        });
      } finally {
        run.stop();
      }
      expect(await run.exited).toBe(0);
    },
    START_TIMEOUT,
  );
});

describe('the start-up banner and Sentry', () => {
  let ingest: Server;
  const envelopes: string[] = [];
  let dsn: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    // A stand-in for Sentry's ingest endpoint: it records every envelope the SDK sends.
    ingest = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        envelopes.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    dsn = `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => ingest.close(resolve));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it(
    '[G5] the banner’s pairing code and staff PINs, printed outside production, never reach a Sentry breadcrumb',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'servio-banner-'));
      dirs.push(dir);
      const run = startMain({
        NODE_ENV: 'development',
        DATA_DIR: path.join(dir, 'data'),
        SENTRY_DSN: dsn,
      });
      try {
        await waitFor(() => run.output().includes('API docs:'), 'printing its URLs', run);
        const out = run.output();
        const code = /pairing code ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(out)?.[1];
        expect(code).toBeDefined();
        expect(out).toContain('Staff PINs:    Olivia Owner (owner) 1000');

        // The development route that reports a message to Sentry, carrying the breadcrumbs so far.
        const base = /Tablet app: +(http:\/\/[^/\s]+)/.exec(out)![1]!;
        expect((await fetch(`${base}/api/test-log`, { method: 'POST' })).status).toBe(200);
        await waitFor(
          () => envelopes.some((body) => body.includes('test-log from /api/test-log')),
          'Sentry received the test message',
          run,
        );
        const event = envelopes.find((body) => body.includes('test-log from /api/test-log'))!;
        expect(event).not.toContain(code!);
        expect(event).not.toContain('Staff PINs');
        expect(event).not.toContain('Olivia Owner');
      } finally {
        run.stop();
      }
      expect(await run.exited).toBe(0);
    },
    START_TIMEOUT,
  );
});
