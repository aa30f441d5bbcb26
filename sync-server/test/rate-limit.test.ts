import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue } from '../src/demo/seed.ts';
import { createRateLimits, routeClassOf, type RateLimits } from '../src/http/rate-limit.ts';
import { pairAndSignIn } from './support/clients.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, testConfig } from './support/test-server.ts';

const redisUrl = process.env.REDIS_URL;

// One contract for both stores: memory always, Redis too when REDIS_URL is set (CI sets it).
describe.each([
  ['memory', undefined],
  ...(redisUrl ? ([['redis', redisUrl]] as const) : []),
] as const)('rate limits (%s store)', (_name, url) => {
  let test: TestDb;
  let limits: RateLimits;
  const shellDir = mkdtempSync(path.join(os.tmpdir(), 'servio-shell-'));
  writeFileSync(
    path.join(shellDir, 'index.html'),
    '<!doctype html><title>servio test shell</title>',
  );
  beforeAll(async () => {
    test = await createTestDb();
  });
  afterAll(async () => {
    await test.drop();
    rmSync(shellDir, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After once a route class has used its allowance', async () => {
    const config = testConfig({ RATE_LIMIT_DEFAULT: '3', ...(url ? { REDIS_URL: url } : {}) });
    limits = createRateLimits(config, `servio_rl_test_${randomUUID()}`);
    const server = await startTestServer(test.db, {
      env: { RATE_LIMIT_DEFAULT: '3' },
      pwaDir: shellDir,
      rateLimits: limits,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await fetch(`${server.url}/api/auth/health`)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await fetch(`${server.url}/api/auth/health`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited' });

      // A paired tablet has an allowance of its own even behind the venue's shared address…
      // (a real one: a token nobody issued is limited with its address, rate-limit-keys.test.ts)
      const venue = await seedDemoVenue(test.db, {
        baseUrl: 'http://pos.test',
        now: Date.now(),
        slug: `rate-limit-${randomUUID()}`,
      });
      const paired = await pairAndSignIn(server.url, venue.pairingCode.code);
      const tablet = { authorization: `Bearer ${paired.deviceToken}` };
      const fromTablet = await fetch(`${server.url}/api/auth/health`, { headers: tablet });
      expect(fromTablet.status).toBe(200);
      // …and the app shell is never limited: a reload must not lock a tablet out.
      const shell = await fetch(`${server.url}/`);
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain('servio test shell');
    } finally {
      await server.close();
    }
  });
});

describe('route classes', () => {
  it('puts PIN and pairing procedures in the tight auth class and webhooks in their own', () => {
    expect(routeClassOf('/trpc/auth.signIn')).toBe('auth');
    expect(routeClassOf('/trpc/sync.pull,auth.pair?batch=1')).toBe('auth');
    expect(routeClassOf('/api/stripe/webhook')).toBe('webhook');
    expect(routeClassOf('/trpc/sync.push')).toBe('default');
  });
});
