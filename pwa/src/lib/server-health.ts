import * as z from 'zod/mini';

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
  if (!health) {
    return `The Servio server did not answer: something on the way answered ${httpStatus} instead.`;
  }
  if (health.databaseReachable === false) {
    return `The server cannot reach its database${health.databaseError ? `: ${health.databaseError}` : '.'}`;
  }
  if (health.migrations && health.migrations !== 'current') {
    return `The server's database migrations are ${health.migrations}.`;
  }
  return `The server reports itself unhealthy (${httpStatus}).`;
}
