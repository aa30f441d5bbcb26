import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config/env.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** The policy as directive → sources, so a test can ask what one directive allows. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What a directive allows, falling back to default-src as browsers do for fetch directives. */
function allowed(csp: Map<string, string[]>, directive: string): string[] {
  return csp.get(directive) ?? csp.get('default-src') ?? [];
}

describe('security headers', () => {
  let test: TestDb;
  let venue: DemoSeed;
  let server: TestServer;
  let pwaDir: string;

  beforeAll(async () => {
    test = await createTestDb();
    venue = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'security-headers',
    });
    pwaDir = mkdtempSync(path.join(os.tmpdir(), 'servio-pwa-'));
    mkdirSync(path.join(pwaDir, 'assets'));
    writeFileSync(
      path.join(pwaDir, 'index.html'),
      '<!doctype html><title>Servio app shell</title>',
    );
    writeFileSync(path.join(pwaDir, 'assets', 'app-abc123.js'), 'console.log("app")');
    writeFileSync(path.join(pwaDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    server = await startTestServer(test.db, {
      // One route class limited to nothing, so a 429 is among the answers checked.
      env: { RATE_LIMIT_WEBHOOK: '1' },
      pwaDir,
    });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
    if (pwaDir) rmSync(pwaDir, { recursive: true, force: true });
  });

  const tableToken = () => venue.tables[0]!.qrToken;
  const pages: [kind: string, request: () => Promise<Response>, status: number][] = [
    ['the tablet app', () => fetch(`${server.url}/`), 200],
    ['the customer’s pay page', () => fetch(`${server.url}/t/${tableToken()}`), 200],
    ['the customer’s order page', () => fetch(`${server.url}/t/${tableToken()}/order`), 200],
    ['the manager’s pages', () => fetch(`${server.url}/manager`), 200],
    ['a hashed asset', () => fetch(`${server.url}/assets/app-abc123.js`), 200],
    ['the service worker', () => fetch(`${server.url}/sw.js`), 200],
    [
      'a tRPC query of the pay page',
      () =>
        fetch(
          `${server.url}/trpc/pay.bill?input=${encodeURIComponent(JSON.stringify({ token: tableToken() }))}`,
        ),
      200,
    ],
    ['a refused tRPC call', () => fetch(`${server.url}/trpc/auth.staff`), 401],
    ['the health check', () => fetch(`${server.url}/api/auth/health`), 200],
    ['the metrics', () => fetch(`${server.url}/metrics`), 200],
    ['the API docs', () => fetch(`${server.url}/api-docs`), 200],
    ['an unknown API path', () => fetch(`${server.url}/api/no-such-route`), 404],
    ['an unknown procedure', () => fetch(`${server.url}/trpc/no.such`), 404],
    [
      'a refused webhook',
      () => fetch(`${server.url}/api/stripe/webhook`, { method: 'POST', body: '{}' }),
      400,
    ],
    [
      'a rate-limited request',
      () => fetch(`${server.url}/api/stripe/webhook`, { method: 'POST', body: '{}' }),
      429,
    ],
  ];

  it.each(pages)(
    '[trust] %s carries the CSP, nosniff, the referrer policy and no framing',
    async (_kind, request, status) => {
      const response = await request();
      await response.arrayBuffer();
      expect(response.status).toBe(status);
      const csp = parseCsp(response.headers.get('content-security-policy'));

      // Nobody may frame any page (clickjacking the pay or manager pages): both headers, for old browsers.
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // Table tokens are in pay URLs: never send a path to another site.
      expect(response.headers.get('referrer-policy')).toMatch(/^(no-referrer|strict-origin)$/);

      // Scripts only from here and from Stripe.js (real keys): nothing inline, no eval.
      expect(allowed(csp, 'script-src')).toEqual(
        expect.arrayContaining(["'self'", 'https://js.stripe.com']),
      );
      expect(allowed(csp, 'script-src')).not.toContain("'unsafe-inline'");
      expect(allowed(csp, 'script-src')).not.toContain("'unsafe-eval'");
      expect(allowed(csp, 'script-src')).not.toContain('*');
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      // Stripe's Payment Element and 3D Secure frames, its API; the emulator is same-origin.
      expect(allowed(csp, 'frame-src')).toEqual(
        expect.arrayContaining(['https://js.stripe.com', 'https://hooks.stripe.com']),
      );
      expect(allowed(csp, 'connect-src')).toEqual(
        expect.arrayContaining(["'self'", 'https://api.stripe.com']),
      );
      // The service worker and the manifest are the app's own.
      expect(allowed(csp, 'worker-src')).toEqual(["'self'"]);
      expect(allowed(csp, 'manifest-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      // Plain HTTP here (a venue's LAN, a developer's machine): HSTS would be a promise not kept.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('[trust] the app shell has no inline script the policy would refuse', () => {
    // Vite builds pwa/dist/index.html from this file, adding only external module scripts.
    const shell = readFileSync(path.join(repoRoot, 'pwa/index.html'), 'utf8');
    const inlineScripts = [...shell.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      ([, attributes, body]) => !/\bsrc=/.test(attributes ?? '') || (body ?? '').trim() !== '',
    );
    expect(inlineScripts).toEqual([]);
    expect(shell).not.toMatch(/\son[a-z]+\s*=/i);
  });

  describe('HSTS', () => {
    let behindProxy: TestServer | undefined;
    let published: TestServer | undefined;
    afterAll(async () => {
      await behindProxy?.close();
      await published?.close();
    });

    it('[trust] is sent when a trusted proxy says the request came over https, and only then', async () => {
      behindProxy = await startTestServer(test.db, { env: { TRUST_PROXY: 'loopback' }, pwaDir });
      const overHttps = await fetch(`${behindProxy.url}/`, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(overHttps.headers.get('strict-transport-security')).toMatch(
        /^max-age=\d{8,}; includeSubDomains$/,
      );
      const overHttp = await fetch(`${behindProxy.url}/`);
      expect(overHttp.headers.get('strict-transport-security')).toBeNull();
      // Without TRUST_PROXY the same header is anybody's word.
      const untrusted = await fetch(`${server.url}/`, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    });

    it('[trust] is sent on every answer when PUBLIC_URL is https', async () => {
      published = await startTestServer(test.db, {
        env: { PUBLIC_URL: 'https://pos.example.com' },
        pwaDir,
      });
      for (const url of ['/', '/api/auth/health', '/api/no-such-route']) {
        const response = await fetch(`${published.url}${url}`);
        expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
      }
    });
  });
});
