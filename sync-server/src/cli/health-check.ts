import Stripe from 'stripe';
import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import { dataDirOwner } from '../db/index.ts';
import { checkDatabase, type DatabaseHealth } from '../ops/index.ts';
import { withDb } from './common.ts';

// The runbook's "Verify Environment Variables" step: each check printed, non-zero exit naming what is wrong.
type Check = { name: string; ok: boolean; detail: string };
const checks: Check[] = [];
const record = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(14)} ${detail}`);
};

async function databaseFromRunningServer(url: string): Promise<DatabaseHealth> {
  const response = await fetch(`${url}/api/auth/health`, { signal: AbortSignal.timeout(5_000) });
  return ((await response.json()) as { database: DatabaseHealth }).database;
}

async function checkStripe(config: Config): Promise<void> {
  const { mode, secretKey, webhookSecret } = config.stripe;
  if (mode === 'emulator') {
    record('stripe', true, 'no STRIPE_SECRET_KEY: the local Stripe emulator will stand in');
    return;
  }
  record('stripe keys', true, `${mode} mode`);
  record(
    'webhook secret',
    Boolean(webhookSecret),
    webhookSecret
      ? 'STRIPE_WEBHOOK_SECRET is set'
      : `STRIPE_WEBHOOK_SECRET is missing: webhooks cannot be verified in ${mode} mode`,
  );
  try {
    const stripe = new Stripe(secretKey!, { timeout: 5_000, maxNetworkRetries: 0 });
    await stripe.balance.retrieve();
    record('stripe api', true, 'the secret key is accepted by Stripe');
  } catch (error) {
    record(
      'stripe api',
      false,
      `Stripe did not accept the key or could not be reached: ${(error as Error).message}`,
    );
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    record('configuration', true, 'every variable is valid');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) record('configuration', false, problem);
    return finish();
  }
  let database: DatabaseHealth;
  const owner = config.databaseUrl ? undefined : dataDirOwner(config.dataDir);
  try {
    database = owner?.url
      ? await databaseFromRunningServer(owner.url)
      : await withDb('health:check', config, (db) => checkDatabase(db));
  } catch (error) {
    database = {
      mode: config.databaseUrl ? 'postgres' : 'embedded',
      reachable: false,
      latencyMs: null,
      migrations: 'unknown',
      pending: [],
      error: (error as Error).message,
    };
  }
  const where = config.databaseUrl
    ? 'Postgres (DATABASE_URL)'
    : `embedded, ${config.dataDir}${owner ? ` (via the running server, pid ${owner.pid})` : ''}`;
  record(
    'database',
    database.reachable,
    database.reachable
      ? `${where}, ${database.latencyMs} ms`
      : `${where}: ${database.error ?? 'unreachable'}`,
  );
  if (database.reachable) {
    record(
      'migrations',
      database.migrations === 'current',
      database.migrations === 'current'
        ? 'all applied'
        : database.migrations === 'pending'
          ? `pending: ${database.pending.join(', ')} (run pnpm run migrate:prod)`
          : 'an applied migration file changed since it was applied (see pnpm run migrate:status)',
    );
  }
  await checkStripe(config);
  finish();
}

function finish(): void {
  const failed = checks.filter((c) => !c.ok);
  console.log(failed.length ? `\nunhealthy: ${failed.map((c) => c.name).join(', ')}` : '\nhealthy');
  process.exit(failed.length ? 1 : 0);
}

await main();
