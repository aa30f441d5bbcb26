import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn } from './support/clients.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// What a rate limit is keyed by decides whether it limits anything: a key the caller can choose
// (a forwarded address nobody vouches for, a token nobody issued) is a fresh allowance per request.

const AUTH_ALLOWANCE = 20;
const ATTEMPTS = 25;
const hex = () => randomBytes(16).toString('hex');
const randomAddress = () => `203.0.113.${1 + Math.floor(Math.random() * 254)}`;

describe('rate limit keys', () => {
  let test: TestDb;
  let venue: DemoSeed;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    test = await createTestDb();
    venue = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'rate-limit-keys',
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await test?.drop();
  });

  /** A fresh server (so a fresh limiter) with the auth allowance the product ships with. */
  async function serverWith(env: Record<string, string> = {}): Promise<TestServer> {
    const server = await startTestServer(test.db, {
      env: { RATE_LIMIT_AUTH: String(AUTH_ALLOWANCE), ...env },
    });
    servers.push(server);
    return server;
  }

  /** Statuses of `count` pairing attempts with a code that does not exist, headers chosen per attempt. */
  async function badPairings(
    server: TestServer,
    headersFor: (attempt: number) => Record<string, string>,
    count = ATTEMPTS,
  ): Promise<number[]> {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      const response = await fetch(`${server.url}/trpc/auth.pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersFor(attempt) },
        body: JSON.stringify({ code: 'ZZZZ-ZZZZ' }),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    return statuses;
  }

  const refusedAfterAllowance = [
    ...Array<number>(AUTH_ALLOWANCE).fill(400),
    ...Array<number>(ATTEMPTS - AUTH_ALLOWANCE).fill(429),
  ];

  it('[trust] 25 bad pairing codes, each with a new X-Forwarded-For, share the connection’s allowance (TRUST_PROXY off)', async () => {
    const server = await serverWith();
    const statuses = await badPairings(server, () => ({ 'x-forwarded-for': randomAddress() }));
    expect(statuses).toEqual(refusedAfterAllowance);
  });

  it('[trust] 25 bad pairing codes, each with a random Bearer dev_ token, share the address’s allowance', async () => {
    const server = await serverWith();
    const statuses = await badPairings(server, () => ({ authorization: `Bearer dev_${hex()}` }));
    expect(statuses).toEqual(refusedAfterAllowance);
  });

  it('[trust] a paired tablet is limited as itself once its token resolved, not with its address', async () => {
    const server = await serverWith();
    const tablet = await pairAndSignIn(server.url, venue.pairingCode.code);
    // The pairing itself was one of the address's attempts.
    const statuses = await badPairings(server, () => ({}), AUTH_ALLOWANCE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);

    const staffList = (authorization: string) =>
      fetch(`${server.url}/trpc/auth.staff`, { headers: { authorization } });
    expect((await staffList(`Bearer ${tablet.deviceToken}`)).status).toBe(200);
    expect((await staffList(`Bearer dev_${hex()}`)).status).toBe(429);
  });

  it('[trust] TRUST_PROXY=1 believes only the entry the proxy added: what a client writes before it changes nothing', async () => {
    const server = await serverWith({ TRUST_PROXY: '1' });
    const statuses = await badPairings(server, () => ({
      'x-forwarded-for': `${randomAddress()}, 198.51.100.7`,
    }));
    expect(statuses).toEqual(refusedAfterAllowance);
    // Another client behind the same proxy has an allowance of its own.
    const other = await badPairings(server, () => ({ 'x-forwarded-for': '198.51.100.8' }), 1);
    expect(other).toEqual([400]);
  });

  it('[trust] TRUST_PROXY with a list believes X-Forwarded-For only from the listed proxies', async () => {
    const behindListed = await serverWith({ TRUST_PROXY: '127.0.0.1/32' });
    expect(
      await badPairings(behindListed, () => ({
        'x-forwarded-for': `${randomAddress()}, 198.51.100.7`,
      })),
    ).toEqual(refusedAfterAllowance);
    expect(
      await badPairings(behindListed, () => ({ 'x-forwarded-for': '198.51.100.8' }), 1),
    ).toEqual([400]);

    // The test connects from 127.0.0.1, which is not this list's proxy: its header is ignored.
    const notListed = await serverWith({ TRUST_PROXY: '10.0.0.1' });
    expect(await badPairings(notListed, () => ({ 'x-forwarded-for': randomAddress() }))).toEqual(
      refusedAfterAllowance,
    );
  });
});
