import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../src/db/pg-db.ts';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { pairAndSignIn } from './support/clients.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

describe('operations surface', () => {
  let test: TestDb;
  let server: TestServer;
  let venueA: DemoSeed;
  let venueB: DemoSeed;
  let pwaDir: string;

  beforeAll(async () => {
    test = await createTestDb();
    venueA = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'venue-a',
    });
    venueB = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'venue-b',
    });
    pwaDir = mkdtempSync(path.join(os.tmpdir(), 'servio-pwa-'));
    mkdirSync(path.join(pwaDir, 'assets'));
    writeFileSync(
      path.join(pwaDir, 'index.html'),
      '<!doctype html><title>Servio app shell</title>',
    );
    writeFileSync(path.join(pwaDir, 'assets', 'app-abc123.js'), 'console.log("app")');
    server = await startTestServer(test.db, { env: { ADMIN_TOKEN }, pwaDir });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
    rmSync(pwaDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${url}`, { headers });

  describe('GET /api/auth/health', () => {
    it('answers 200 in the runbook shape when the database is current', async () => {
      const response = await get('/api/auth/health');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({
        status: 'healthy',
        environment: 'test',
        auth: { sessionStatus: 'none', hasUser: false },
        database: { mode: test.db.mode, reachable: true, migrations: 'current' },
        stripe: { mode: 'emulator', webhookSecret: 'configured' },
      });
      expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
      expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('answers 503 naming the pending migration when one is not applied', async () => {
      await test.db.query('DELETE FROM schema_migrations WHERE version = 1');
      try {
        const response = await get('/api/auth/health');
        expect(response.status).toBe(503);
        const body = await response.json();
        expect(body).toMatchObject({
          status: 'unhealthy',
          database: { reachable: true, migrations: 'pending' },
        });
        expect(body.database.pending).toContain('0001_core_schema');
      } finally {
        const { readMigrations } = await import('../src/db/migrations.ts');
        const first = readMigrations()[0]!;
        await test.db.query(
          'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [first.version, first.name, first.checksum],
        );
      }
    });

    it('answers 503 when the database cannot be reached', async () => {
      const unreachable = createPgDb({
        connectionString: 'postgres://postgres@127.0.0.1:1/servio',
        max: 1,
      });
      const down = await startTestServer(unreachable);
      try {
        const response = await fetch(`${down.url}/api/auth/health`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          status: 'unhealthy',
          database: { mode: 'postgres', reachable: false, latencyMs: null, migrations: 'unknown' },
        });
      } finally {
        await down.close();
        await unreachable.close();
      }
    });
  });

  describe('GET /api/debug/counts', () => {
    it('refuses an anonymous caller', async () => {
      const response = await get(`/api/debug/counts?venueId=${venueA.venue.id}`);
      expect(response.status).toBe(401);
    });

    it('refuses a wrong token', async () => {
      const response = await get(`/api/debug/counts?venueId=${venueA.venue.id}`, {
        authorization: 'Bearer not-the-admin-token-at-all',
      });
      expect(response.status).toBe(401);
    });

    it('counts only the asked venue’s rows', async () => {
      await test.db.query(
        "UPDATE staff SET active = false WHERE venue_id = $1 AND role = 'waiter'",
        [venueB.venue.id],
      );
      const response = await get(`/api/debug/counts?venueId=${venueA.venue.id}`, {
        authorization: `Bearer ${ADMIN_TOKEN}`,
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.venueId).toBe(venueA.venue.id);
      expect(body.counts).toMatchObject({
        staff: venueA.staff.length,
        tables: 12,
        menu_items: venueA.menu.items,
        menu_categories: venueA.menu.categories,
        pairing_codes: 1,
        orders: 0,
      });
    });

    it('answers 400 for a malformed venue id and 404 for an unknown one', async () => {
      const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const bad = await get('/api/debug/counts?venueId=venue-a', auth);
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/venueId/);
      const unknown = await get(
        '/api/debug/counts?venueId=00000000-0000-7000-8000-000000000000',
        auth,
      );
      expect(unknown.status).toBe(404);
    });

    it('answers a manager of the venue, and refuses a waiter and another venue’s manager', async () => {
      const as = async (venue: DemoSeed, role: string) => {
        const person = venue.staff.find((member) => member.role === role);
        if (!person) throw new Error(`no ${role} in the seed`);
        const code = await createPairingCode(test.db, venue.venue.id, { now: Date.now() });
        const signedIn = await pairAndSignIn(server.url, code.code, person);
        return {
          authorization: `Bearer ${signedIn.deviceToken}`,
          'x-staff-session': signedIn.sessionToken ?? '',
        };
      };
      const url = `/api/debug/counts?venueId=${venueA.venue.id}`;
      const manager = await get(url, await as(venueA, 'manager'));
      expect(manager.status).toBe(200);
      expect((await manager.json()).counts.tables).toBe(12);
      const waiter = await get(url, await as(venueA, 'waiter'));
      expect(waiter.status).toBe(403);
      expect((await waiter.json()).message).toMatch(/manager or owner of this venue/);
      const otherVenue = await get(url, await as(venueB, 'owner'));
      expect(otherVenue.status).toBe(403);
    });

    it('is off while ADMIN_TOKEN is unset', async () => {
      const open = await startTestServer(test.db);
      try {
        const response = await fetch(`${open.url}/api/debug/counts?venueId=${venueA.venue.id}`, {
          headers: { authorization: 'Bearer anything-at-all-here' },
        });
        expect(response.status).toBe(401);
        expect((await response.json()).message).toMatch(/ADMIN_TOKEN is not set/);
      } finally {
        await open.close();
      }
    });
  });

  describe('POST /api/test-log', () => {
    it('logs at every level under the request id in development', async () => {
      const dev = await startTestServer(test.db, { env: { NODE_ENV: 'development' } });
      try {
        const response = await fetch(`${dev.url}/api/test-log`, {
          method: 'POST',
          headers: { 'x-request-id': 'test-log-1' },
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({
          requestId: 'test-log-1',
          levels: ['debug', 'info', 'warn', 'error'],
        });
        const lines = dev.logs.filter((line) => line.requestId === 'test-log-1' && line.testLog);
        expect(lines.map((line) => line.msg)).toEqual(
          expect.arrayContaining(['test-log at info', 'test-log at warn', 'test-log at error']),
        );
      } finally {
        await dev.close();
      }
    });

    it('does not exist outside development', async () => {
      const response = await fetch(`${server.url}/api/test-log`, { method: 'POST' });
      expect(response.status).toBe(404);
    });
  });

  describe('request ids and logs', () => {
    it('returns the caller’s x-request-id and stamps it on every log line of the request', async () => {
      const response = await get('/api/auth/health', { 'x-request-id': 'req-abc-123' });
      expect(response.headers.get('x-request-id')).toBe('req-abc-123');
      const lines = server.logs.filter((line) => line.requestId === 'req-abc-123');
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['incoming request', 'request completed']),
      );
    });

    it('generates an id when none (or a forged one) is sent', async () => {
      const response = await get('/api/auth/health', { 'x-request-id': 'bad id\twith spaces' });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('never writes the authorization header to the logs', async () => {
      await get('/api/debug/counts?venueId=x', { authorization: `Bearer ${ADMIN_TOKEN}` });
      expect(JSON.stringify(server.logs)).not.toContain(ADMIN_TOKEN);
    });
  });

  describe('docs and metrics', () => {
    it('documents every tRPC procedure and HTTP route from their schemas', async () => {
      const html = await (await get('/api-docs')).text();
      expect(html).toContain('system.info');
      expect(html).toContain('/api/debug/counts');
      const docs = await (await get('/api-docs.json')).json();
      const counts = docs.routes.find((r: { path: string }) => r.path === '/api/debug/counts');
      expect(counts.query.properties.venueId).toMatchObject({ type: 'string', format: 'uuid' });
      expect(docs.procedures.map((p: { path: string }) => p.path)).toContain('system.info');
    });

    it('exposes request counts, latency and pool use in Prometheus format', async () => {
      await get('/api/auth/health');
      await get('/api/nothing-here');
      const text = await (await get('/metrics')).text();
      expect(text).toMatch(
        /servio_http_requests_total\{method="GET",route="\/api\/auth\/health",status="200"\} \d+/,
      );
      expect(text).toMatch(
        /servio_http_errors_total\{method="GET",route="[^"]+",class="4xx"\} \d+/,
      );
      expect(text).toContain('servio_http_request_duration_seconds_bucket');
      expect(text).toMatch(/servio_db_pool_connections\{state="total"\} \d+/);
    });
  });

  describe('serving the PWA', () => {
    it('serves the app shell for deep links and hashed assets as immutable', async () => {
      const page = await get('/kitchen', { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Servio app shell');
      const asset = await get('/assets/app-abc123.js');
      expect(asset.headers.get('cache-control')).toContain('immutable');
    });

    it('answers unknown API paths with a JSON 404, never the app shell', async () => {
      const response = await get('/api/unknown');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    });
  });
});
