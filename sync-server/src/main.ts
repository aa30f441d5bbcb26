import {
  ConfigError,
  describeMisspelling,
  loadConfig,
  misspeltSettings,
  productionProblems,
  type Config,
} from './config/index.ts';
import { createPairingCode } from './auth/index.ts';
import { demoUrls, seedDemoVenue } from './demo/index.ts';
import { startServer, type RunningServer } from './server.ts';

async function main(): Promise<void> {
  // G4: said once, first, so it is seen even when the start is refused below.
  const misspellings = misspeltSettings(process.env);
  for (const misspelling of misspellings) {
    console.warn(`servio: warning: ${describeMisspelling(misspelling)}`);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) cannotStart(error.problems);
    throw error;
  }
  // G1–G3: refused before anything is opened or listened on.
  const problems = productionProblems(config, misspellings);
  if (problems.length > 0) cannotStart(problems);
  const server = await startServer(config);
  installShutdown(server);
  await announce(server, config);
}

/** The runbook's "Application won't start": one line naming each bad variable. */
function cannotStart(problems: string[]): never {
  console.error(`servio: cannot start. ${problems.join('; ')}.`);
  process.exit(1);
}

/** Seeds the demo venue on a fresh embedded install and prints the URLs a person needs. */
async function announce(server: RunningServer, config: Config): Promise<void> {
  const { db, clock } = server.deps;
  const baseUrl = config.publicUrl ?? server.url;
  const log = server.app.log;
  const { rows } = await db.query<{ id: string; name: string }>(
    "SELECT id, name FROM venues WHERE slug = 'demo'",
  );
  const { rows: anyVenue } = await db.query('SELECT 1 FROM venues LIMIT 1');
  // G5: pairing codes and PINs are credentials; a production banner names none (G2 already
  // refuses SEED_DEMO=true there, so nothing is seeded either).
  const showCredentials = config.nodeEnv !== 'production';
  const wantDemo =
    showCredentials &&
    (config.seedDemo === 'true' || (config.seedDemo === 'auto' && anyVenue.length === 0));
  const lines = [
    `Servio is running (${db.mode === 'embedded' ? `embedded Postgres in ${config.dataDir}` : 'Postgres'}, Stripe: ${config.stripe.mode})`,
  ];
  if (rows.length === 0 && wantDemo) {
    const seed = await seedDemoVenue(db, { baseUrl, now: clock.now() });
    log.info({ venueId: seed.venue.id }, 'demo venue seeded');
    lines.push(...describeDemo(seed.venue.name, seed.pairingCode.code, seed.urls, seed.staff));
  } else if (rows[0] && showCredentials) {
    const venue = rows[0];
    const code = await createPairingCode(db, venue.id, {
      now: clock.now(),
      ttlMs: 24 * 60 * 60 * 1000,
      deviceName: 'Demo tablet',
    });
    const { rows: table } = await db.query<{ qr_token: string }>(
      'SELECT qr_token FROM tables WHERE venue_id = $1 AND deleted_at IS NULL ORDER BY sort_order LIMIT 1',
      [venue.id],
    );
    lines.push(
      ...describeDemo(
        venue.name,
        code.code,
        demoUrls(baseUrl, table[0]?.qr_token ?? ''),
        undefined,
      ),
    );
  } else {
    lines.push(
      `  Tablet app:    ${baseUrl}/`,
      `  Manager:       ${baseUrl}/manager`,
      `  Health:        ${baseUrl}/api/auth/health`,
    );
  }
  // Written to stdout, not console.log: Sentry's console integration turns every console call
  // into a breadcrumb, sent with each later error report (G5).
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

function describeDemo(
  name: string,
  pairingCode: string,
  urls: ReturnType<typeof demoUrls>,
  staff: { name: string; role: string; pin: string }[] | undefined,
): string[] {
  return [
    `  Demo venue:    ${name}`,
    `  Tablet app:    ${urls.tablet}   (pairing code ${pairingCode}, valid 24 h)`,
    `  Kitchen:       ${urls.kitchen}`,
    `  Manager:       ${urls.manager}`,
    `  Table T1 pay:  ${urls.tablePay}`,
    `  Health:        ${urls.health}`,
    `  API docs:      ${urls.apiDocs}`,
    ...(staff
      ? [`  Staff PINs:    ${staff.map((s) => `${s.name} (${s.role}) ${s.pin}`).join(', ')}`]
      : [
          '  Staff PINs:    as printed when the demo was seeded (Olivia Owner 1000, Max Manager 2000, Wendy Waiter 3000, Cass Cashier 4000, Kit Kitchen 5000)',
        ]),
  ];
}

function installShutdown(server: RunningServer): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        server.app.log.error('shutdown took longer than 10 s; exiting');
        process.exit(1);
      }, 10_000);
      force.unref();
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          server.app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(
    `servio: start-up failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
