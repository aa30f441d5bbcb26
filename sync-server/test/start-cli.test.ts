import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function startMain(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', 'dist/main.js'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(
  condition: () => boolean,
  what: string,
  exited: Promise<unknown>,
): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  while (!condition()) {
    if (done) throw new Error(`the process exited before ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Each test starts a server process (and the migrations on a new data folder): seconds apiece on a
// loaded two-core machine.
describe('pnpm start (dist/main.js, built by the global setup)', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('starts on the embedded defaults, seeds the demo venue, prints its URLs and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'servio-start-'));
    dirs.push(dir);
    const run = startMain({ DATA_DIR: path.join(dir, 'data') });
    await waitFor(() => run.output().includes('API docs:'), 'printing its URLs', run.exited);
    const out = run.output();
    expect(out).toMatch(/Servio is running \(embedded Postgres in .*data, Stripe: emulator\)/);
    expect(out).toMatch(/pairing code [2-9A-Z]{4}-[2-9A-Z]{4}/);
    expect(out).toMatch(/Table T1 pay: +http:\/\/127\.0\.0\.1:\d+\/t\/[\w-]{20,}/);
    const health = /Health: +(\S+)/.exec(out)![1]!;
    const response = await fetch(health);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'healthy',
      database: { mode: 'embedded' },
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses to start on a malformed variable with one line naming it', async () => {
    const run = startMain({
      PORT: 'eighty',
      DATA_DIR: path.join(os.tmpdir(), 'servio-never-created'),
    });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(
      /^servio: cannot start\. PORT must be .*\(got "eighty"\)\.$/,
    );
  });

  it('with Stripe keys never loads the Stripe emulator', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'servio-start-'));
    dirs.push(dir);
    const loadedLog = path.join(dir, 'loaded-modules.txt');
    const run = startMain(
      {
        DATA_DIR: path.join(dir, 'data'),
        LOADED_MODULES_LOG: loadedLog,
        STRIPE_SECRET_KEY: 'sk_test_notreal',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_notreal',
        STRIPE_WEBHOOK_SECRET: 'whsec_notreal',
      },
      ['--import', './test/support/record-loaded-modules.mjs'],
    );
    await waitFor(() => run.output().includes('API docs:'), 'printing its URLs', run.exited);
    expect(run.output()).toMatch(/Servio is running \(.*Stripe: test\)/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);

    // The emulator is bundled into a chunk of its own, reached only by the gateway's import().
    const defines = (file: string) =>
      readFileSync(file, 'utf8').includes('function startStripeEmulator(');
    const chunks = readdirSync(path.join(serverDir, 'dist/chunks'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => path.join(serverDir, 'dist/chunks', file));
    expect(chunks.filter(defines)).toHaveLength(1);
    const loaded = readFileSync(loadedLog, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith(`file://${serverDir}/dist/`))
      .map((url) => fileURLToPath(url));
    expect(loaded).toContain(path.join(serverDir, 'dist/main.js'));
    expect(loaded.filter(defines)).toEqual([]);
  });
});
