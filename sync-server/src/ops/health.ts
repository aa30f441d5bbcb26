import { type Config, serverVersion } from '../config/index.ts';
import { type Db, migrationStatus } from '../db/index.ts';

export interface DatabaseHealth {
  mode: Db['mode'];
  reachable: boolean;
  latencyMs: number | null;
  migrations: 'current' | 'pending' | 'drifted' | 'unknown';
  pending: string[];
  error?: string;
}

/** The runbook's `/api/auth/health` shape, with Supabase's block replaced by our database and Stripe. */
export interface HealthReport {
  status: 'healthy' | 'unhealthy';
  timestamp: string;
  environment: Config['nodeEnv'];
  version: string;
  auth: { sessionStatus: 'active' | 'none'; hasUser: boolean };
  database: DatabaseHealth;
  stripe: { mode: Config['stripe']['mode']; webhookSecret: 'configured' | 'missing' };
}

const DB_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function checkDatabase(db: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await withTimeout(db.query('SELECT 1'), DB_TIMEOUT_MS, 'the database');
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const status = await withTimeout(migrationStatus(db), DB_TIMEOUT_MS, 'the database');
    return {
      mode: db.mode,
      reachable: true,
      latencyMs,
      migrations: status.drifted.length ? 'drifted' : status.pending.length ? 'pending' : 'current',
      pending: status.pending.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
    };
  } catch (error) {
    return {
      mode: db.mode,
      reachable: false,
      latencyMs: null,
      migrations: 'unknown',
      pending: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function checkHealth(
  config: Config,
  db: Db,
  stripe: { mode: Config['stripe']['mode']; webhookSecret: string | undefined },
  auth: HealthReport['auth'],
  now: Date,
): Promise<HealthReport> {
  const database = await checkDatabase(db);
  const healthy = database.reachable && database.migrations === 'current';
  return {
    status: healthy ? 'healthy' : 'unhealthy',
    timestamp: now.toISOString(),
    environment: config.nodeEnv,
    version: serverVersion,
    auth,
    database,
    stripe: { mode: stripe.mode, webhookSecret: stripe.webhookSecret ? 'configured' : 'missing' },
  };
}
