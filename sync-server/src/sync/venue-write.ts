import type { DeviceId, StoreScope, VenueRow } from '@servio/shared';
import {
  type AuditActor,
  type Db,
  type Queryable,
  fenceToVenue,
  recordAudit,
} from '../db/index.ts';
import { advanceClock, lockClock, readClock } from './clock.ts';
import { PgStore } from './pg-store.ts';
import { notifyVenueChanged } from './poke.ts';
import { loadVenue, venueSettingsOf } from './venue-settings.ts';

export interface VenueWriteOptions {
  /** The server's now (ms or ISO instant, from the injected clock), for createdAt/updatedAt. */
  now: number | string;
  /** Whom `audit` rows name; without it `audit` refuses. */
  actor?: AuditActor | undefined;
}

/** One venue-scoped writing transaction, as `withVenueWrite` hands it to its callback. */
export interface VenueWrite {
  /** The fenced transaction (row-level security to `venueId`). */
  readonly tx: Queryable;
  readonly venueId: string;
  /** The server's now as an ISO instant. */
  readonly now: string;
  /**
   * Orders, lines and payments through the shared rules' storage: reads at once, and the first
   * `put` stamps (takes the clock lock). Written on `flush` and at the end of the write.
   */
  readonly store: PgStore;
  /** Another store over the same write (a push that retries its batch row by row). */
  newStore(): PgStore;
  /**
   * S5: takes the clock lock (once) and returns the version every row written here carries; the
   * clock advances on commit. Rows written by SQL must carry it too. Call it as late as you can,
   * after the reads, right before the first write: the critical section is from here to commit.
   */
  stamp(): Promise<number>;
  /**
   * Takes the clock lock without claiming a write and returns the version a write would carry
   * (for SQL that may turn out to change nothing: `stamp()` once it did). Row locks (`FOR UPDATE`
   * on synced rows) come after the clock lock, never before, so two writers of a venue queue
   * instead of deadlocking.
   */
  lock(): Promise<number>;
  /** Writes what went through `store` now, before SQL that refers to those rows. */
  flush(): Promise<void>;
  /** The venue's row (the one settings loader, read once per write). */
  venue(): Promise<VenueRow>;
  /** What `recalculateOrder` and the other shared rules take, over `store`. */
  rules(deviceId?: DeviceId | null): Promise<StoreScope>;
  /** Records who did what to which row, in the same transaction as the change. */
  audit(action: string, target: string | null, details?: Record<string, unknown>): Promise<void>;
}

/**
 * Thrown by `stamp` when another writer committed between the start of this write and its clock
 * lock: what the callback read may be stale, so `withVenueWrite` runs it again under the lock.
 */
class StaleVenueRead extends Error {
  override name = 'StaleVenueRead';
}

/**
 * The one way anything writes a venue's synced rows (sync push, payments, back office, demo seed):
 * one transaction fenced to the venue (RLS), the shared rules' store, the version stamp (S5), the
 * audit hook, and a poke sent on commit (S9) — never on rollback.
 *
 * The clock lock is taken lazily: the callback reads first, and the first `stamp()` (or the
 * store's first `put`) takes the clock row lock, so the venue is serialised only around the write
 * and the clock advance. Reads before the lock are checked there: the clock value the write began
 * with must still be the clock's value. If a writer committed in between (every writer of synced
 * rows advances the clock), the callback's work is rolled back to a savepoint and the callback runs
 * once more, this time with the lock taken first. The callback must therefore keep its effects
 * inside the transaction until its first stamp (it may run twice).
 *
 * The clock advances once, at the end, only if something was stamped; nothing stamped, nothing
 * advanced and no poke. A throw rolls everything back.
 */
export function withVenueWrite<T>(
  db: Db,
  venueId: string,
  options: VenueWriteOptions,
  fn: (write: VenueWrite) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => venueWriteIn(tx, venueId, options, fn));
}

/**
 * `withVenueWrite` inside a transaction that is already open (a webhook marks its system row in
 * the same transaction as the venue's change): the fence is lifted again afterwards (`RESET
 * ROLE`), and the poke goes with the outer commit.
 */
export async function venueWriteIn<T>(
  tx: Queryable,
  venueId: string,
  options: VenueWriteOptions,
  fn: (write: VenueWrite) => Promise<T>,
): Promise<T> {
  await fenceToVenue(tx, venueId);
  const now = typeof options.now === 'number' ? new Date(options.now).toISOString() : options.now;
  const seen = await readClock(tx, venueId);
  await tx.query('SAVEPOINT venue_write');
  let result: T;
  try {
    result = await attempt(tx, venueId, now, options.actor, { seen, lockFirst: false }, fn);
  } catch (error) {
    if (!(error instanceof StaleVenueRead)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT venue_write');
    result = await attempt(tx, venueId, now, options.actor, { seen, lockFirst: true }, fn);
  }
  await tx.query('RELEASE SAVEPOINT venue_write');
  await tx.query('RESET ROLE');
  return result;
}

async function attempt<T>(
  tx: Queryable,
  venueId: string,
  now: string,
  actor: AuditActor | undefined,
  start: { seen: number; lockFirst: boolean },
  fn: (write: VenueWrite) => Promise<T>,
): Promise<T> {
  let version: number | undefined;
  let stale = false;
  let writing = false;
  const lock = async (): Promise<number> => {
    if (stale) throw new StaleVenueRead('the venue changed before this write took its lock');
    if (version === undefined) {
      const clock = await lockClock(tx, venueId);
      if (!start.lockFirst && clock !== start.seen) {
        stale = true;
        throw new StaleVenueRead('the venue changed before this write took its lock');
      }
      version = clock + 1;
    }
    return version;
  };
  const stamp = async () => {
    const stamped = await lock();
    writing = true;
    return stamped;
  };
  if (start.lockFirst) await lock();

  let venue: VenueRow | undefined;
  const loadOnce = async () => {
    venue ??= await loadVenue(tx, venueId);
    if (!venue) throw new Error(`venue ${venueId} does not exist`);
    return venue;
  };
  const store = new PgStore(tx, venueId, stamp);
  const write: VenueWrite = {
    tx,
    venueId,
    now,
    store,
    newStore: () => new PgStore(tx, venueId, stamp),
    stamp,
    lock,
    flush: async () => {
      await store.flush();
    },
    venue: loadOnce,
    rules: async (deviceId = null) => ({
      store,
      ctx: { venue: venueSettingsOf(await loadOnce()), deviceId, now },
    }),
    audit: async (action, target, details = {}) => {
      if (!actor) throw new Error('this venue write was opened without an actor to audit');
      await recordAudit(tx, venueId, actor, { action, target, details });
    },
  };
  const result = await fn(write);
  // A callback that caught the stale signal itself must not keep what it read.
  if (stale) throw new StaleVenueRead('the venue changed before this write took its lock');
  await store.flush();
  if (writing) {
    const clock = await advanceClock(tx, venueId);
    if (clock !== version) {
      throw new Error(`venue clock moved under its lock (${clock} ≠ ${version})`);
    }
    // S9: NOTIFY is delivered on commit, never on rollback.
    await notifyVenueChanged(tx, venueId, clock);
  }
  return result;
}
