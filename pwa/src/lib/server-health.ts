import * as z from 'zod/mini';
import { intl } from '../i18n/intl.ts';

/**
 * The parts of the server's `GET /api/auth/health` answer the app shows (the runbook's shape:
 * status, environment, version, database, stripe). Unknown fields are ignored and every field is
 * optional, so an older or newer server still reads as reachable. zod/mini keeps this parser
 * off the heavy path: it is loaded on every screen, the customer's phone included.
 */
const HealthBody = z.object({
  status: z.optional(z.string()),
  environment: z.optional(z.string()),
  version: z.optional(z.string()),
  database: z.optional(
    z.object({
      mode: z.optional(z.string()),
      reachable: z.optional(z.boolean()),
      migrations: z.optional(z.string()),
      error: z.optional(z.string()),
    }),
  ),
  stripe: z.optional(z.object({ mode: z.optional(z.string()) })),
});

export interface ServerHealth {
  status: string | null;
  environment: string | null;
  version: string | null;
  databaseMode: string | null;
  databaseReachable: boolean | null;
  migrations: string | null;
  databaseError: string | null;
  paymentsMode: string | null;
}

/** Read a health body; `null` when it is not the server's health JSON at all. */
export function readServerHealth(body: unknown): ServerHealth | null {
  const parsed = HealthBody.safeParse(body);
  if (!parsed.success || parsed.data.status === undefined) return null;
  const { data } = parsed;
  return {
    status: data.status ?? null,
    environment: data.environment ?? null,
    version: data.version ?? null,
    databaseMode: data.database?.mode ?? null,
    databaseReachable: data.database?.reachable ?? null,
    migrations: data.database?.migrations ?? null,
    databaseError: data.database?.error ?? null,
    paymentsMode: data.stripe?.mode ?? null,
  };
}

/** One line saying why an unhealthy server is unhealthy, for the status bar's details. */
export function describeUnhealthy(health: ServerHealth | null, httpStatus: number): string {
  const status = String(httpStatus);
  if (!health) {
    return intl.formatMessage(
      {
        id: 'serverHealth.notServio',
        defaultMessage:
          'The Servio server did not answer: something on the way answered {status} instead.',
      },
      { status },
    );
  }
  if (health.databaseReachable === false) {
    return health.databaseError
      ? intl.formatMessage(
          {
            id: 'serverHealth.noDatabaseBecause',
            defaultMessage: 'The server cannot reach its database: {error}',
          },
          { error: health.databaseError },
        )
      : intl.formatMessage({
          id: 'serverHealth.noDatabase',
          defaultMessage: 'The server cannot reach its database.',
        });
  }
  if (health.migrations && health.migrations !== 'current') {
    return intl.formatMessage(
      {
        id: 'serverHealth.migrations',
        defaultMessage: "The server's database migrations are {migrations}.",
      },
      { migrations: health.migrations },
    );
  }
  return intl.formatMessage(
    {
      id: 'serverHealth.unhealthy',
      defaultMessage: 'The server reports itself unhealthy ({status}).',
    },
    { status },
  );
}
