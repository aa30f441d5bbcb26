import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { pairAndSignIn } from './support/clients.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** Two demo venues on one server, and a way to sign any of their staff in on a fresh device. */
export interface BackofficeWorld {
  test: TestDb;
  server: TestServer;
  a: DemoSeed;
  b: DemoSeed;
  clock: { at: number; now(): number };
  signIn(seed: DemoSeed, name: string): ReturnType<typeof pairAndSignIn>;
  /** The venue's change clock (S5) as committed. */
  venueClock(seed: DemoSeed): Promise<number>;
  auditActions(seed: DemoSeed): Promise<string[]>;
  close(): Promise<void>;
}

export async function startBackofficeWorld(
  slug: string,
  env: Record<string, string> = {},
): Promise<BackofficeWorld> {
  const clock = {
    at: Date.parse('2026-05-04T10:00:00Z'),
    now() {
      return this.at;
    },
  };
  const test = await createTestDb();
  const a = await seedDemoVenue(test.db, {
    baseUrl: 'http://pos.test',
    now: clock.now(),
    slug: `${slug}-a`,
  });
  const b = await seedDemoVenue(test.db, {
    baseUrl: 'http://pos.test',
    now: clock.now(),
    slug: `${slug}-b`,
    name: 'Other Venue',
  });
  const server = await startTestServer(test.db, { clock, env });
  return {
    test,
    server,
    a,
    b,
    clock,
    async signIn(seed, name) {
      const person = seed.staff.find((s) => s.name === name);
      if (!person) throw new Error(`no ${name} at ${seed.venue.slug}`);
      const { code } = await createPairingCode(test.db, seed.venue.id, { now: clock.now() });
      return pairAndSignIn(server.url, code, person);
    },
    async venueClock(seed) {
      const { rows } = await test.db.query<{ clock: number }>(
        'SELECT clock FROM venue_clocks WHERE venue_id = $1',
        [seed.venue.id],
      );
      return rows[0]?.clock ?? 0;
    },
    async auditActions(seed) {
      const { rows } = await test.db.query<{ action: string }>(
        'SELECT action FROM audit_log WHERE venue_id = $1 ORDER BY created_at, id',
        [seed.venue.id],
      );
      return rows.map((row) => row.action);
    },
    async close() {
      await server.close();
      await test.drop();
    },
  };
}
