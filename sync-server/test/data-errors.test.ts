import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn, type Credentials } from './support/clients.ts';
import { dataErrorDb } from './support/data-error-db.ts';
import { callRaw } from './support/raw-trpc.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Statements the real database refuses with a data exception (SQLSTATE class 22). */
const DATA_EXCEPTIONS = [
  ['22021', "SELECT convert_from('\\x410042'::bytea, 'UTF8')"],
  ['22P02', "SELECT 'not a number'::int"],
  ['22001', "DO $$ DECLARE v varchar(2); BEGIN v := 'abc'; END $$"],
  ['22007', "SELECT 'not a time'::timestamptz"],
] as const;

/** A fault that is the server's, not the input's: still a 500 that says nothing of the SQL. */
const SERVER_FAULT = 'SELECT * FROM no_such_table';

describe('database data errors answer 400, never 500', () => {
  let test: TestDb;
  let db: ReturnType<typeof dataErrorDb>;
  let server: TestServer;
  let seed: DemoSeed;
  let owner: Credentials;

  beforeAll(async () => {
    test = await createTestDb();
    db = dataErrorDb(test.db);
    const now = Date.parse('2026-11-20T12:00:00Z');
    seed = await seedDemoVenue(db, { baseUrl: 'http://pos.test', now });
    server = await startTestServer(db, { clock: { now: () => now }, env: { ADMIN_TOKEN } });
    const { code } = await createPairingCode(db, seed.venue.id, { now });
    const signedIn = await pairAndSignIn(
      server.url,
      code,
      seed.staff.find((s) => s.role === 'owner')!,
    );
    owner = { deviceToken: signedIn.deviceToken, sessionToken: signedIn.sessionToken! };
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it.each(DATA_EXCEPTIONS)(
    'tRPC: SQLSTATE %s from the database answers 400 BAD_REQUEST with a clear message',
    async (sqlState, failing) => {
      db.replaceNext(/FROM tables WHERE venue_id/, failing);
      const answer = await callRaw(server.url, 'backoffice.tables.list', 'query', undefined, owner);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.message).toMatch(/^Invalid input: the database refused a value/);
      expect(answer.error?.message).toContain(`SQLSTATE ${sqlState}`);
      expect(answer.text).not.toMatch(/SELECT|convert_from|at .*\.ts:\d+/);
      // The same call without the fault answers as ever.
      const again = await callRaw(server.url, 'backoffice.tables.list', 'query', undefined, owner);
      expect(again.status).toBe(200);
    },
  );

  it('tRPC: any other database fault is still a 500 that names only the request', async () => {
    db.replaceNext(/FROM tables WHERE venue_id/, SERVER_FAULT);
    const answer = await callRaw(server.url, 'backoffice.tables.list', 'query', undefined, owner);
    expect(answer.status).toBe(500);
    expect(answer.error?.message).toMatch(/^Something went wrong on the server \(request /);
    expect(answer.text).not.toContain('no_such_table');
  });

  it('tRPC: a forged audit cursor whose time Postgres cannot read answers 400', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ at: 'not a time', id: '0190a0b0-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    const answer = await callRaw(server.url, 'backoffice.audit.list', 'query', { cursor }, owner);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.error?.message).toMatch(/^Invalid input: /);
  });

  it.each(DATA_EXCEPTIONS)(
    'HTTP routes: SQLSTATE %s from the database answers 400 bad_request',
    async (sqlState, failing) => {
      db.replaceNext(/SELECT 1 FROM venues WHERE id/, failing);
      const response = await fetch(`${server.url}/api/debug/counts?venueId=${seed.venue.id}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const body = (await response.json()) as { error: string; message: string };
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(body.error).toBe('bad_request');
      expect(body.message).toMatch(/^Invalid input: the database refused a value/);
      expect(body.message).toContain(`SQLSTATE ${sqlState}`);
    },
  );

  it('HTTP routes: any other database fault is still a 500 with the request id only', async () => {
    db.replaceNext(/SELECT 1 FROM venues WHERE id/, SERVER_FAULT);
    const response = await fetch(`${server.url}/api/debug/counts?venueId=${seed.venue.id}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain('no_such_table');
  });
});
