import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (Playwright's own browser download does not work here),
 * against the real sync server serving the built PWA, on a fresh embedded database per run.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;
// Runs on another port (several people or agents testing at once) keep their files apart.
const suffix = process.env.E2E_PORT ? `-${port}` : '';

// The browser tests run what production runs: the built PWA served by the built server.
for (const [built, what] of [
  ['pwa/dist/index.html', 'The PWA'],
  ['sync-server/dist/main.js', 'The server'],
] as const) {
  if (!existsSync(path.join(root, built))) {
    throw new Error(
      `${what} is not built: run "pnpm build" before "playwright test" (pnpm test does).`,
    );
  }
}

// This file is evaluated by the runner and again by each worker: create the run's data folder
// once, in the runner, and hand it to the workers through the environment they inherit.
// Earlier runs' folders are removed here rather than after the run, because the server still
// holds its folder open while Playwright tears down.
if (!process.env.SERVIO_E2E_DATA_DIR) {
  const parent = path.join(root, `.servio/e2e${suffix}`);
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  process.env.SERVIO_E2E_DATA_DIR = mkdtempSync(path.join(parent, 'run-'));
}
const dataDir = process.env.SERVIO_E2E_DATA_DIR;
process.env.SERVIO_E2E_BASE_URL = baseURL;
// What the server prints at start (the demo venue's pairing code among it), for the tests'
// tablet helpers (e2e/support/tablet.ts): the first tablet pairs with that code.
const serverLog = path.join(path.dirname(dataDir), 'server-stdout.log');
process.env.SERVIO_E2E_SERVER_LOG = serverLog;

// Real Postgres only when asked for with E2E_DATABASE_URL; a DATABASE_URL meant for the unit
// tests or a developer's database must not leak into the browser tests' server.
const databaseUrl = process.env.E2E_DATABASE_URL;
const serverCommand = `node --enable-source-maps sync-server/dist/main.js > '${serverLog}'`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-artifacts${suffix}`,
  // Two cores: one browser at a time, and a failure is a failure (no retries hiding flakiness).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `test-results/e2e-results${suffix}.json` }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: databaseUrl ? serverCommand : `env -u DATABASE_URL ${serverCommand}`,
    cwd: root,
    url: `${baseURL}/api/auth/health`,
    reuseExistingServer: false,
    // A new embedded database runs initdb (~9 s on two cores) before migrations and the seed.
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // Every page, tablet and tab of a run comes from 127.0.0.1, so the per-address limit of
      // ordinary traffic (300/min) would throttle the app's own asset loads mid-suite. The
      // tighter auth limit (PINs, pairing) stays as configured.
      RATE_LIMIT_DEFAULT: '100000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  },
});
