import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot, settingNames } from '../src/config/env.ts';
import {
  describeMisspelling,
  misspeltSettings,
  productionProblems,
} from '../src/config/start-up-checks.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.join(repoRoot, '.servio/data'),
      nodeEnv: 'development',
      logLevel: 'info',
      stripe: { mode: 'emulator', secretKey: undefined },
    });
  });

  it('names a malformed PORT and what was expected', () => {
    const [problem] = problemsOf({ PORT: 'eighty' });
    expect(problem).toMatch(/^PORT must be .*number.*\(got "eighty"\)$/);
  });

  it('names a malformed DATABASE_URL without printing its credentials', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://user:hunter2@db/servio' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(problems[0]).not.toContain('hunter2');
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      LOG_LEVEL: 'loud',
      STRIPE_SECRET_KEY: 'not-a-key',
      PUBLIC_URL: 'pos',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'PUBLIC_URL',
      'STRIPE_SECRET_KEY',
    ]);
  });

  it('requires the publishable key once a secret key is set', () => {
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_abc123' })).toEqual([
      'STRIPE_PUBLISHABLE_KEY must be set when STRIPE_SECRET_KEY is set (the pay page needs it)',
    ]);
  });

  it('requires the webhook secret in production with live keys', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_abc',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
      }),
    ).toEqual(['STRIPE_WEBHOOK_SECRET must be set in production with real Stripe keys']);
  });

  it('reads real Stripe test keys as test mode', () => {
    const config = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
    });
    expect(config.stripe.mode).toBe('test');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' }).databaseUrl).toBeUndefined();
  });

  it('[trust] trusts no proxy unless TRUST_PROXY says which: a hop count or a list of addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback,fd00::/8' }).trustProxy,
    ).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', 'fd00::/8']);
  });

  it('[trust] refuses TRUST_PROXY=true (any client could name its own address) and malformed lists', () => {
    const [refusedTrue] = problemsOf({ TRUST_PROXY: 'true' });
    expect(refusedTrue).toMatch(/^TRUST_PROXY must be .*hop count.*\(got "true"\)$/);
    const [badEntry] = problemsOf({ TRUST_PROXY: '10.0.0.1,proxy.example.com' });
    expect(badEntry).toMatch(
      /^TRUST_PROXY must be .*"proxy\.example\.com".*\(got "10\.0\.0\.1,proxy\.example\.com"\)$/,
    );
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })).toHaveLength(1);
    expect(problemsOf({ TRUST_PROXY: '99' })).toHaveLength(1);
  });
});

describe('production guards', () => {
  const realStripe = {
    STRIPE_SECRET_KEY: 'sk_live_abc',
    STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
    STRIPE_WEBHOOK_SECRET: 'whsec_abc',
  };
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://db/servio',
    ...realStripe,
  };
  const guarded = (env: Record<string, string>) => productionProblems(loadConfig(env));

  it('lets a production server with Postgres and real Stripe keys start', () => {
    expect(guarded(production)).toEqual([]);
  });

  it('[G1] refuses the Stripe emulator in production', () => {
    const {
      STRIPE_SECRET_KEY: _secret,
      STRIPE_PUBLISHABLE_KEY: _publishable,
      ...noStripe
    } = production;
    expect(guarded(noStripe)).toEqual([
      'STRIPE_SECRET_KEY must be set in production (without it payments run on the Stripe emulator, which accepts test cards)',
    ]);
  });

  it('[G2] refuses SEED_DEMO=true in production; auto and false seed nothing there', () => {
    expect(guarded({ ...production, SEED_DEMO: 'true' })).toEqual([
      'SEED_DEMO must not be true in production (the demo venue’s staff PINs are published)',
    ]);
    expect(guarded({ ...production, SEED_DEMO: 'auto' })).toEqual([]);
    expect(guarded({ ...production, SEED_DEMO: 'false' })).toEqual([]);
  });

  it('[G3] refuses the embedded database in production unless EMBEDDED_DATABASE=single-box chooses it', () => {
    const { DATABASE_URL: _postgres, ...embedded } = production;
    expect(guarded(embedded)).toEqual([
      'DATABASE_URL must be set in production (without it the server runs on the embedded database); for a single-box venue install on the embedded database, set EMBEDDED_DATABASE=single-box',
    ]);
    expect(guarded({ ...embedded, EMBEDDED_DATABASE: 'single-box' })).toEqual([]);
    expect(loadConfig({ ...embedded, EMBEDDED_DATABASE: 'single-box' }).embeddedDatabase).toBe(
      'single-box',
    );
  });

  it('names every production problem at once', () => {
    expect(
      guarded({ NODE_ENV: 'production', SEED_DEMO: 'true' }).map((p) => p.split(' ')[0]),
    ).toEqual(['STRIPE_SECRET_KEY', 'SEED_DEMO', 'DATABASE_URL']);
  });

  it('guards nothing outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(guarded({ NODE_ENV, SEED_DEMO: 'true' })).toEqual([]);
    }
  });

  it('refuses EMBEDDED_DATABASE beside DATABASE_URL, and any value but single-box', () => {
    expect(
      problemsOf({ DATABASE_URL: 'postgres://db/servio', EMBEDDED_DATABASE: 'single-box' }),
    ).toEqual([
      'EMBEDDED_DATABASE and DATABASE_URL must not both be set (EMBEDDED_DATABASE=single-box chooses the embedded database)',
    ]);
    expect(problemsOf({ EMBEDDED_DATABASE: 'yes' })).toEqual([
      'EMBEDDED_DATABASE must be "single-box" (the embedded database in production, on one machine) (got "yes")',
    ]);
  });

  it('[G4] adds the likely misspelling to the refusal it explains', () => {
    const { DATABASE_URL: _postgres, ...embedded } = production;
    const source = { ...embedded, DATABSE_URL: 'postgres://db/servio' };
    expect(productionProblems(loadConfig(source), misspeltSettings(source))).toEqual([
      'DATABASE_URL must be set in production (without it the server runs on the embedded database); for a single-box venue install on the embedded database, set EMBEDDED_DATABASE=single-box (DATABSE_URL is set: did you mean DATABASE_URL?)',
    ]);
  });
});

describe('misspelt settings', () => {
  it('[G4] names an unknown variable one or two edits from a setting, with the setting meant', () => {
    expect(
      misspeltSettings({
        DATABSE_URL: 'x',
        STRIPE_SECRETKEY: 'x',
        SENTRY_DNS: 'x',
        database_url: 'x',
        PROT: 'x',
        LOGLEVEL: 'x',
      }),
    ).toEqual([
      { name: 'DATABSE_URL', meant: 'DATABASE_URL' },
      { name: 'STRIPE_SECRETKEY', meant: 'STRIPE_SECRET_KEY' },
      { name: 'SENTRY_DNS', meant: 'SENTRY_DSN' },
      { name: 'database_url', meant: 'DATABASE_URL' },
      { name: 'PROT', meant: 'PORT' },
      { name: 'LOGLEVEL', meant: 'LOG_LEVEL' },
    ]);
    expect(describeMisspelling({ name: 'DATABSE_URL', meant: 'DATABASE_URL' })).toBe(
      'DATABSE_URL is set, but Servio reads no such variable: did you mean DATABASE_URL?',
    );
  });

  it('[G4] never warns about its own settings or the ordinary variables of a shell, a container or CI', () => {
    const ordinary = [
      ...['PATH', 'HOME', 'HOSTNAME', 'HOSTTYPE', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL'],
      ...['LANG', 'TERM', 'TZ', 'EDITOR', 'PAGER', 'MAIL', 'SHLVL', 'CI', 'NODE_OPTIONS'],
      ...['NODE_PATH', 'NODE_DEBUG', 'NODE_EXTRA_CA_CERTS', 'PGHOST', 'PGPORT', 'PGDATA'],
      ...['PGUSER', 'PGPASSWORD', 'REDIS_HOST', 'REDIS_PORT', 'DATABASE_HOST', 'DATABASE_PORT'],
      ...['SENTRY_ENVIRONMENT', 'SENTRY_RELEASE', 'SENTRY_DEBUG', 'STRIPE_API_KEY', 'INIT_CWD'],
      ...['TEST_DATABASE_URL', 'E2E_DATABASE_URL', 'XDG_DATA_DIRS', 'XDG_DATA_HOME'],
      ...['npm_config_user_agent', 'npm_lifecycle_event', 'npm_package_name', 'npm_node_execpath'],
    ];
    expect(settingNames).toContain('DATABASE_URL');
    expect(settingNames).toContain('EMBEDDED_DATABASE');
    const env = Object.fromEntries([...ordinary, ...settingNames].map((name) => [name, 'x']));
    expect(misspeltSettings(env)).toEqual([]);
  });
});
