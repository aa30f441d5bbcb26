import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from '../src/config/env.ts';

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
