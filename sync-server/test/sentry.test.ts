import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../src/db/pg-db.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer } from './support/test-server.ts';

const ADMIN_TOKEN = 'sentry-admin-token-0123456789';

describe('Sentry', () => {
  let test: TestDb;
  let ingest: Server;
  const envelopes: string[] = [];
  let dsn: string;

  beforeAll(async () => {
    test = await createTestDb();
    // A stand-in for Sentry's ingest endpoint: it records every envelope the SDK sends.
    ingest = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        envelopes.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    dsn = `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/1`;
  });
  afterAll(async () => {
    await test.drop();
    await new Promise((resolve) => ingest.close(resolve));
  });

  it('stays off without SENTRY_DSN', async () => {
    const server = await startTestServer(test.db);
    try {
      expect(Sentry.getClient()).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('reports a server error with its request id when SENTRY_DSN is set', async () => {
    const unreachable = createPgDb({
      connectionString: 'postgres://postgres@127.0.0.1:1/servio',
      max: 1,
    });
    const server = await startTestServer(unreachable, { env: { SENTRY_DSN: dsn, ADMIN_TOKEN } });
    try {
      expect(Sentry.getClient()).toBeDefined();
      const response = await fetch(
        `${server.url}/api/debug/counts?venueId=00000000-0000-7000-8000-000000000000`,
        {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-request-id': 'sentry-req-1' },
        },
      );
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: 'internal',
        message: 'Something went wrong on the server.',
        requestId: 'sentry-req-1',
      });
      await Sentry.flush(5_000);
      const event = envelopes.find((body) => body.includes('"type":"event"'));
      expect(event).toContain('ECONNREFUSED');
      expect(event).toContain('sentry-req-1');
      expect(event).not.toContain(ADMIN_TOKEN);
    } finally {
      await server.close();
      await unreachable.close();
    }
  });
});
