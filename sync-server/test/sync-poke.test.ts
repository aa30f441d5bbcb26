import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import type { Db } from '../src/db/db.ts';
import { createPgDb } from '../src/db/pg-db.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { advanceClock } from '../src/sync/clock.ts';
import { notifyVenueChanged } from '../src/sync/poke.ts';
import { pairAndSignIn } from './support/clients.ts';
import { subscribePokes, type PokeSubscriber } from './support/pokes.ts';
import { clockOf, loadCatalog, openWithLine, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('sync.poke (S9)', () => {
  let test: TestDb;
  /** Server B's own connection pool and LISTEN connection, as a second process has (Postgres). */
  let secondDb: Db;
  let serverA: TestServer;
  let serverB: TestServer;
  let a: DemoSeed;
  let b: DemoSeed;
  let catalogA: Catalog;
  let catalogB: Catalog;
  const subscribers: PokeSubscriber[] = [];
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  async function device(seed: DemoSeed, server: TestServer) {
    const { code } = await createPairingCode(test.db, seed.venue.id, { now: clock.now() });
    return pairAndSignIn(server.url, code);
  }

  function subscribe(server: TestServer, token: string): PokeSubscriber {
    const subscriber = subscribePokes(server.url, token);
    subscribers.push(subscriber);
    return subscriber;
  }

  beforeAll(async () => {
    test = await createTestDb();
    a = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'poke-a',
    });
    b = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'poke-b',
    });
    catalogA = await loadCatalog(test.db, a.venue.id);
    catalogB = await loadCatalog(test.db, b.venue.id);
    // On Postgres the second server has its own pool and listener, like another process; PGlite is
    // one in-process database, so both servers share it (the fan-out is still per process).
    secondDb = test.url ? createPgDb({ connectionString: test.url, max: 3 }) : test.db;
    serverA = await startTestServer(test.db, { clock });
    serverB = await startTestServer(secondDb, { clock });
  });
  afterAll(async () => {
    for (const subscriber of subscribers) subscriber.close();
    await serverA?.close();
    await serverB?.close();
    if (secondDb && secondDb !== test.db) await secondDb.close();
    await test?.drop();
  });

  it('[S9] a push pokes every connected tablet of the venue, across two server processes, and no other venue', async () => {
    const writer = await device(a, serverA);
    const onA = await device(a, serverA);
    const onB = await device(a, serverB);
    const otherVenue = await device(b, serverB);
    const start = await clockOf(test.db, a.venue.id);
    const pokedA = subscribe(serverA, onA.deviceToken);
    const pokedB = subscribe(serverB, onB.deviceToken);
    const pokedOther = subscribe(serverB, otherVenue.deviceToken);
    // Each first hears the venue's clock as it is, so a reconnecting tablet knows if it missed anything.
    await pokedA.next((poke) => poke.clock === start);
    await pokedB.next((poke) => poke.clock === start);
    const otherStart = await pokedOther.next(() => true);
    expect(otherStart.venueId).toBe(b.venue.id);

    const outbox = new Outbox(writer.letter, catalogA.staff.waiter);
    openWithLine(outbox, catalogA);
    await writer.client.sync.push.mutate(outbox.push());
    for (const subscriber of [pokedA, pokedB]) {
      expect(await subscriber.next((poke) => poke.clock === start + 1)).toEqual({
        venueId: a.venue.id,
        clock: start + 1,
      });
    }

    // Venue B's tablet heard nothing of A: its next poke is its own venue's next change.
    const otherWriter = await device(b, serverA);
    const otherOutbox = new Outbox(otherWriter.letter, catalogB.staff.waiter);
    openWithLine(otherOutbox, catalogB);
    await otherWriter.client.sync.push.mutate(otherOutbox.push());
    await pokedOther.next((poke) => poke.clock === otherStart.clock + 1);
    expect(pokedOther.pokes.map((poke) => poke.venueId)).toEqual([b.venue.id, b.venue.id]);
    expect(pokedA.pokes.every((poke) => poke.venueId === a.venue.id)).toBe(true);
  });

  it('[S9] any other writer (payments, webhooks) pokes through notifyVenueChanged; a rolled-back write pokes nobody', async () => {
    const tablet = await device(a, serverB);
    const subscriber = subscribe(serverB, tablet.deviceToken);
    const start = await clockOf(test.db, a.venue.id);
    await subscriber.next((poke) => poke.clock === start);

    await test.db
      .transaction(async (tx) => {
        await notifyVenueChanged(tx, a.venue.id, await advanceClock(tx, a.venue.id));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const committed = await test.db.transaction(async (tx) => {
      const value = await advanceClock(tx, a.venue.id);
      await notifyVenueChanged(tx, a.venue.id, value);
      return value;
    });
    expect(committed).toBe(start + 1);
    await subscriber.next((poke) => poke.clock === committed);
    expect(subscriber.pokes.map((poke) => poke.clock)).toEqual([start, committed]);
  });

  it('[S9] closing a server ends its poke streams with a retryable error, so tablets reconnect elsewhere', async () => {
    const serverC = await startTestServer(secondDb, { clock });
    const tablet = await device(a, serverC);
    const subscriber = subscribe(serverC, tablet.deviceToken);
    await subscriber.next(() => true);
    await serverC.close(); // would wait forever for the open stream without the close hook
    await subscriber.reconnecting('SERVICE_UNAVAILABLE');
    // The other server's streams are untouched.
    const onA = await device(a, serverA);
    const stillThere = subscribe(serverA, onA.deviceToken);
    await stillThere.next(() => true);
  });

  it('[S7] a revoked device cannot subscribe', async () => {
    const tablet = await device(a, serverA);
    await test.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [tablet.deviceId]);
    const failed = await subscribe(serverA, tablet.deviceToken).failed();
    expect(failed).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/revoked/) });
    const anonymous = await subscribe(serverA, 'dev_not-a-token').failed();
    expect(anonymous).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
