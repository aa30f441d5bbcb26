import { dataDirOwner } from '../db/index.ts';
import { systemClock } from '../deps.ts';
import { createMetrics } from '../ops/index.ts';
import { createStripeGateway, replayEvents, type ProcessResult } from '../payments/index.ts';
import { configOrExit, fail, hasFlag, positional, withDb } from './common.ts';

// The runbook's "Replaying Failed Webhooks", on our side: stored events are processed again by
// the same code as a live delivery (idempotent), one by id or every failed one.
const COMMAND = 'webhooks:replay';
const USAGE = `usage: pnpm run webhooks:replay <evt_…> [--force]   process one stored event again
       pnpm run webhooks:replay --failed           process every failed (or never finished) event`;

type Target = { eventId: string; force: boolean } | { unfinished: true };

function targetFromArgs(): Target {
  const [eventId, ...rest] = positional();
  if (hasFlag('--failed') && eventId === undefined) return { unfinished: true };
  if (eventId !== undefined && rest.length === 0 && /^evt_\w+$/.test(eventId)) {
    return { eventId, force: hasFlag('--force') };
  }
  console.error(USAGE);
  process.exit(1);
}

function print(results: readonly ProcessResult[]): void {
  if (results.length === 0) console.log('nothing to replay: no failed events');
  for (const result of results) {
    const line = `${result.outcome.padEnd(9)} ${result.eventId}  ${result.type}  (attempt ${result.attempts})`;
    console.log(result.error ? `${line}: ${result.error}` : line);
  }
  if (results.some((result) => result.outcome === 'duplicate')) {
    console.log('(duplicate: already processed; pass --force to run it again)');
  }
  // A refused event (it does not match our rows or Stripe) is as unfinished as a failed one.
  process.exitCode = results.some((r) => r.outcome === 'failed' || r.outcome === 'refused') ? 1 : 0;
}

/** A running server owns the embedded database (and its Stripe emulator): replay through it. */
async function replayThroughServer(url: string, adminToken: string, target: Target) {
  const response = await fetch(`${url}/api/stripe/webhook-events/replay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(
      'eventId' in target ? { eventId: target.eventId, force: target.force } : { failed: true },
    ),
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await response.json()) as { results?: ProcessResult[]; message?: string };
  if (!response.ok || !body.results) fail(COMMAND, body.message ?? `HTTP ${response.status}`);
  return body.results;
}

async function main(): Promise<void> {
  const target = targetFromArgs();
  const config = configOrExit(COMMAND);
  const owner = config.databaseUrl ? undefined : dataDirOwner(config.dataDir);
  if (owner) {
    if (!owner.url) fail(COMMAND, `the server (pid ${owner.pid}) is still starting; try again`);
    if (!config.adminToken) {
      fail(
        COMMAND,
        `the embedded database is in use by the running server (pid ${owner.pid}, ${owner.url}); set ADMIN_TOKEN to the server's to replay through it, or stop the server`,
      );
    }
    print(await replayThroughServer(owner.url, config.adminToken, target));
    return;
  }
  const results = await withDb(COMMAND, config, async (db) => {
    const { gateway, emulator } = await createStripeGateway(config);
    try {
      return await replayEvents(
        { db, clock: systemClock, metrics: createMetrics(db), stripe: gateway },
        target,
      );
    } finally {
      await emulator?.close();
    }
  }).catch((error: unknown) =>
    fail(COMMAND, error instanceof Error ? error.message : String(error)),
  );
  print(results);
}

await main();
