import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The repository root: relative paths in the configuration are taken from here, whatever the cwd.
 * Found by walking up to the workspace file, because this module runs at different depths: as
 * source (src/config/) under tsx and the tests, and bundled into a chunk of dist/ when built.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`servio: no pnpm-workspace.yaml above ${from}; run it from the repository`);
    }
  }
}

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'a postgres:// or postgresql:// URL');

/** Names proxy-addr (Fastify's `trustProxy`) knows for whole ranges. */
const ADDRESS_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXY_HOPS = 10;

function isProxyAddress(entry: string): boolean {
  if (ADDRESS_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-For (and -Proto, -Host) to believe. Off by default: a header any
 * client can write must not choose its own rate-limit bucket. `true` is refused for that reason.
 */
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === 'off' || text === '0') return false;
  if (/^\d+$/.test(text) && Number(text) <= MAX_PROXY_HOPS) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message:
      text === 'true'
        ? `a hop count (1 for one proxy in front) or a comma list of the proxies' addresses, not true: that would believe any client's X-Forwarded-For`
        : `off, a hop count from 1 to ${MAX_PROXY_HOPS}, or a comma list of proxy addresses, CIDRs, loopback, linklocal or uniquelocal; ${bad.map((entry) => JSON.stringify(entry)).join(', ')} is none of these`,
  });
  return z.NEVER;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('a whole number').min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'an absolute URL such as https://pos.example.com' }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('.servio/data'),
  // The one way to run production on the embedded database: a venue's single machine.
  EMBEDDED_DATABASE: z
    .enum(['single-box'], {
      message: '"single-box" (the embedded database in production, on one machine)',
    })
    .optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key (sk_test_…, sk_live_…)')
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, 'a Stripe publishable key (pk_test_…, pk_live_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'a webhook signing secret (whsec_…)')
    .optional(),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value), 'a redis:// or rediss:// URL')
    .optional(),
  SENTRY_DSN: z.url({ message: 'a Sentry DSN URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  RATE_LIMIT_DEFAULT: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_AUTH: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_WEBHOOK: z.coerce.number().int().positive().default(1000),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: trustProxy.optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the server reads, for the start-up check that spots a misspelt one. */
export const settingNames: readonly string[] = envSchema.keyof().options;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Where people reach this server (printed URLs, QR codes, Stripe return URLs). */
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  /** Production on the embedded database was chosen on purpose (see `productionProblems`). */
  embeddedDatabase: Env['EMBEDDED_DATABASE'];
  dataDir: string;
  stripe: {
    secretKey: string | undefined;
    publishableKey: string | undefined;
    webhookSecret: string | undefined;
    mode: 'emulator' | 'test' | 'live';
  };
  redisUrl: string | undefined;
  sentryDsn: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  adminToken: string | undefined;
  rateLimits: { default: number; auth: number; webhook: number };
  seedDemo: Env['SEED_DEMO'];
  /**
   * Fastify's `trustProxy`: false (the connection's address is the client), a hop count, or the
   * proxies' addresses. Decides `request.ip` (rate limits) and `request.protocol` (HSTS, links).
   */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a missing or malformed variable throws naming it and what was expected. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are treated as unset so `FOO= pnpm start` behaves like no FOO at all.
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const got = raw[name];
        const expected = issue.message.replace(/^Invalid input: /, '');
        return `${name} must be ${expected}${got === undefined ? ' (it is not set)' : ` (got ${JSON.stringify(redactValue(name, got))})`}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  const mode = env.STRIPE_SECRET_KEY
    ? env.STRIPE_SECRET_KEY.includes('_live_')
      ? 'live'
      : 'test'
    : 'emulator';
  if (mode !== 'emulator' && !env.STRIPE_PUBLISHABLE_KEY) {
    problems.push(
      'STRIPE_PUBLISHABLE_KEY must be set when STRIPE_SECRET_KEY is set (the pay page needs it)',
    );
  }
  if (
    env.STRIPE_PUBLISHABLE_KEY &&
    mode !== 'emulator' &&
    env.STRIPE_PUBLISHABLE_KEY.includes('_live_') !== (mode === 'live')
  ) {
    problems.push(
      'STRIPE_PUBLISHABLE_KEY must be of the same mode (test/live) as STRIPE_SECRET_KEY',
    );
  }
  if (env.NODE_ENV === 'production' && mode !== 'emulator' && !env.STRIPE_WEBHOOK_SECRET) {
    problems.push('STRIPE_WEBHOOK_SECRET must be set in production with real Stripe keys');
  }
  if (env.EMBEDDED_DATABASE && env.DATABASE_URL) {
    problems.push(
      'EMBEDDED_DATABASE and DATABASE_URL must not both be set (EMBEDDED_DATABASE=single-box chooses the embedded database)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    embeddedDatabase: env.EMBEDDED_DATABASE,
    dataDir: path.resolve(repoRoot, env.DATA_DIR),
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      mode,
    },
    redisUrl: env.REDIS_URL,
    sentryDsn: env.SENTRY_DSN,
    logLevel: env.LOG_LEVEL,
    adminToken: env.ADMIN_TOKEN,
    rateLimits: {
      default: env.RATE_LIMIT_DEFAULT,
      auth: env.RATE_LIMIT_AUTH,
      webhook: env.RATE_LIMIT_WEBHOOK,
    },
    seedDemo: env.SEED_DEMO,
    trustProxy: env.TRUST_PROXY ?? false,
  };
}

function redactValue(name: string, value: string): string {
  return /SECRET|TOKEN|KEY|DSN|PASSWORD/.test(name) || /:\/\/[^@]*@/.test(value)
    ? '<redacted>'
    : value;
}
