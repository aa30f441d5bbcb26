import * as Sentry from '@sentry/node';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config/index.ts';
import { type Db, updateDataDirLock, migrateUp } from './db/index.ts';
import { openDb } from './db/index.ts';
import { systemClock, type AppDeps, type Clock } from './deps.ts';
import { redactDeep, type RateLimits } from './http/index.ts';
import { createMetrics } from './ops/index.ts';
import { createStripeGateway, type StripeEmulator } from './payments/index.ts';

export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  /** The address it listens on (http://host:port). */
  url: string;
  emulator: StripeEmulator | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  db?: Db;
  clock?: Clock;
  migrate?: boolean;
  pwaDir?: string;
  logStream?: DestinationStream;
  rateLimits?: RateLimits;
}

/**
 * Opens the database (migrating it), Stripe (or its emulator) and the HTTP server. Used by `pnpm start`
 * and by tests, so what is tested is what runs.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  if (config.sentryDsn) {
    Sentry.init({
      dsn: config.sentryDsn,
      environment: config.nodeEnv,
      tracesSampleRate: 0,
      // L2: an error report carries the request, headers and breadcrumbs; none may carry a credential.
      beforeSend: (event) => redactDeep(event),
      beforeBreadcrumb: (breadcrumb) => redactDeep(breadcrumb),
    });
  }
  const ownsDb = !options.db;
  const db = options.db ?? (await openDb(config));
  try {
    if (options.migrate ?? true) await migrateUp(db);
    const { gateway, emulator } = await createStripeGateway(config);
    const deps: AppDeps = {
      config,
      db,
      stripe: gateway,
      clock: options.clock ?? systemClock,
      metrics: createMetrics(db),
    };
    const app = await buildApp(deps, {
      ...(options.pwaDir ? { pwaDir: options.pwaDir } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
    emulator?.setWebhookUrl(`${url}/api/stripe/webhook`);
    if (ownsDb && db.mode === 'embedded') updateDataDirLock(config.dataDir, { url });
    let closing: Promise<void> | undefined;
    return {
      app,
      deps,
      url,
      emulator,
      close() {
        // Stop accepting, let in-flight requests finish (Fastify's close), then release the database.
        closing ??= (async () => {
          await app.close();
          await emulator?.close();
          if (ownsDb) await db.close();
          if (config.sentryDsn) await Sentry.close(2_000);
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}
