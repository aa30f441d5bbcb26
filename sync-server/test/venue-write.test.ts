import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../src/db/db.ts';
import { createPgDb } from '../src/db/pg-db.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { POKE_CHANNEL, readClock, venueWriteIn, withVenueWrite } from '../src/sync/index.ts';
import { availableKinds, createTestDb, type TestDb } from './support/test-db.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');

/** The venue clock's lock statement (a no-op upsert of the clock row). */
const isClockLock = (sql: string) => /INSERT INTO venue_clocks[\s\S]*VALUES \(\$1, 0\)/.test(sql);

/** A `Db` whose transactions log their statements, to see when the clock lock is taken. */
function logged(db: Db, log: string[]): Db {
  const wrap = (tx: Queryable): Queryable => ({
    query: (sql, params) => {
      log.push(sql);
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

/** Pokes of one venue as they arrive; `until` waits for the condition, not for time. */
async function listenPokes(db: Db, venueId: string) {
  const clocks: number[] = [];
  const waiters: (() => void)[] = [];
  const stop = await db.listen(POKE_CHANNEL, (payload) => {
    const message = JSON.parse(payload) as { venueId: string; clock: number };
    if (message.venueId === venueId) clocks.push(message.clock);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    clocks,
    stop,
    async until(done: () => boolean) {
      while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe.each(availableKinds)('withVenueWrite on %s', (kind) => {
  let test: TestDb;
  let a: DemoSeed;
  let b: DemoSeed;

  beforeAll(async () => {
    test = await createTestDb(kind);
    a = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: NOW, slug: 'write-a' });
    b = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: NOW, slug: 'write-b' });
  });
  afterAll(() => test?.drop());

  it('[S5] fences the transaction to the venue: the venue role, and no other venue’s rows', async () => {
    const seen = await withVenueWrite(test.db, a.venue.id, { now: NOW }, async ({ tx }) => {
      const { rows } = await tx.query<{ role: string; venue: string }>(
        "SELECT current_user AS role, current_setting('app.venue_id') AS venue",
      );
      const venues = await tx.query<{ id: string }>('SELECT id FROM venues');
      const staff = await tx.query('SELECT 1 FROM staff WHERE venue_id = $1', [b.venue.id]);
      return { ...rows[0], venues: venues.rows.map((row) => row.id), otherStaff: staff.rowCount };
    });
    expect(seen).toEqual({
      role: 'servio_app',
      venue: a.venue.id,
      venues: [a.venue.id],
      otherStaff: 0,
    });
  });

  it('takes the clock lock lazily: reads first, the lock with the first stamp', async () => {
    const log: string[] = [];
    const db = logged(test.db, log);
    let beforeStamp = -1;
    await withVenueWrite(db, a.venue.id, { now: NOW }, async (write) => {
      await write.tx.query('SELECT name FROM tables WHERE venue_id = $1', [a.venue.id]);
      await write.store.getTable(a.tables[0]!.id as never);
      beforeStamp = log.filter(isClockLock).length;
      await write.stamp();
    });
    expect(beforeStamp).toBe(0);
    expect(log.filter(isClockLock)).toHaveLength(1);
  });

  it('stamps every row with the next clock value and advances the clock once, at commit', async () => {
    const before = await withVenueWrite(test.db, a.venue.id, { now: NOW }, ({ tx }) =>
      readClock(tx, a.venue.id),
    );
    const stamped = await withVenueWrite(test.db, a.venue.id, { now: NOW }, async (write) => {
      const first = await write.stamp();
      await write.tx.query('UPDATE tables SET version = $2 WHERE venue_id = $1 AND id = $3', [
        a.venue.id,
        first,
        a.tables[0]!.id,
      ]);
      return [first, await write.stamp()];
    });
    expect(stamped).toEqual([before + 1, before + 1]);
    const after = await withVenueWrite(test.db, a.venue.id, { now: NOW }, async ({ tx }) => ({
      clock: await readClock(tx, a.venue.id),
      table: (
        await tx.query<{ version: number }>('SELECT version FROM tables WHERE id = $1', [
          a.tables[0]!.id,
        ])
      ).rows[0]!.version,
    }));
    expect(after).toEqual({ clock: before + 1, table: before + 1 });
  });

  it('a write that stamps nothing leaves the clock where it was and pokes no one', async () => {
    const pokes = await listenPokes(test.db, a.venue.id);
    try {
      const before = await test.db.transaction((tx) => readClock(tx, a.venue.id));
      await withVenueWrite(test.db, a.venue.id, { now: NOW }, async (write) => {
        await write.store.getTable(a.tables[0]!.id as never);
      });
      // Then one that writes: its poke is the first and only one to arrive.
      const version = await withVenueWrite(test.db, a.venue.id, { now: NOW }, (write) =>
        write.stamp(),
      );
      await pokes.until(() => pokes.clocks.length > 0);
      expect(version).toBe(before + 1);
      expect(pokes.clocks).toEqual([version]);
    } finally {
      await pokes.stop();
    }
  });

  it('[S9] pokes only after commit, and never for a write that rolled back', async () => {
    const pokes = await listenPokes(test.db, a.venue.id);
    try {
      const before = await test.db.transaction((tx) => readClock(tx, a.venue.id));
      await expect(
        withVenueWrite(test.db, a.venue.id, { now: NOW }, async (write) => {
          await write.stamp();
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      // Inside an outer transaction, the poke waits for the outer commit.
      const version = await test.db.transaction(async (tx) => {
        const stamped = await venueWriteIn(tx, a.venue.id, { now: NOW }, (write) => write.stamp());
        expect(pokes.clocks).toEqual([]);
        return stamped;
      });
      await pokes.until(() => pokes.clocks.length > 0);
      // The rolled-back write's clock value was handed out again, and only the committed one poked.
      expect(version).toBe(before + 1);
      expect(pokes.clocks).toEqual([version]);
    } finally {
      await pokes.stop();
    }
  });

  it('re-runs the callback under the lock when another writer committed after its reads', async () => {
    const names: string[] = [];
    let runs = 0;
    const result = await withVenueWrite(test.db, b.venue.id, { now: NOW }, async (write) => {
      runs += 1;
      const { rows } = await write.tx.query<{ name: string }>(
        'SELECT name FROM tables WHERE venue_id = $1 AND id = $2',
        [b.venue.id, b.tables[1]!.id],
      );
      names.push(rows[0]!.name);
      if (runs === 1) {
        // Another writer commits between this read and the lock: it renames the table and
        // advances the clock, as every writer of synced rows does.
        await write.tx.query("UPDATE tables SET name = 'Renamed' WHERE venue_id = $1 AND id = $2", [
          b.venue.id,
          b.tables[1]!.id,
        ]);
        await write.tx.query('UPDATE venue_clocks SET clock = clock + 1 WHERE venue_id = $1', [
          b.venue.id,
        ]);
      }
      return { version: await write.stamp(), name: rows[0]!.name };
    });
    // The first run's reads (and its stand-in writer's changes, made in the same transaction
    // here) are rolled back; the second run reads under the lock.
    expect(runs).toBe(2);
    expect(names).toEqual([b.tables[1]!.name, b.tables[1]!.name]);
    expect(result.name).toBe(b.tables[1]!.name);
  });

  it.runIf(kind === 'postgres')(
    'holds the clock lock from the first stamp to commit, not before (two connections)',
    async () => {
      const other = createPgDb({ connectionString: test.url!, max: 1 });
      const tryLock = () =>
        other
          .transaction((tx) =>
            tx.query('SELECT clock FROM venue_clocks WHERE venue_id = $1 FOR UPDATE NOWAIT', [
              a.venue.id,
            ]),
          )
          .then(
            () => 'free',
            (error: { code?: string }) => (error.code === '55P03' ? 'locked' : String(error)),
          );
      try {
        const seen = await withVenueWrite(test.db, a.venue.id, { now: NOW }, async (write) => {
          await write.tx.query('SELECT 1 FROM tables WHERE venue_id = $1', [a.venue.id]);
          const beforeStamp = await tryLock();
          await write.stamp();
          return { beforeStamp, afterStamp: await tryLock() };
        });
        expect(seen).toEqual({ beforeStamp: 'free', afterStamp: 'locked' });
        expect(await tryLock()).toBe('free');
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(kind === 'postgres')(
    're-reads under the lock when a real concurrent writer committed first (two connections)',
    async () => {
      const other = createPgDb({ connectionString: test.url!, max: 1 });
      const table = b.tables[2]!;
      const seen: string[] = [];
      try {
        await withVenueWrite(test.db, b.venue.id, { now: NOW }, async (write) => {
          const { rows } = await write.tx.query<{ name: string }>(
            'SELECT name FROM tables WHERE venue_id = $1 AND id = $2',
            [b.venue.id, table.id],
          );
          seen.push(rows[0]!.name);
          if (seen.length === 1) {
            await withVenueWrite(other, b.venue.id, { now: NOW }, async (concurrent) => {
              await concurrent.tx.query(
                'UPDATE tables SET name = $3, version = $4 WHERE venue_id = $1 AND id = $2',
                [b.venue.id, table.id, 'Terrace 1', await concurrent.stamp()],
              );
            });
          }
          await write.stamp();
        });
        expect(seen).toEqual([table.name, 'Terrace 1']);
      } finally {
        await other.close();
      }
    },
  );
});
