import type { MutatorStore, StoreScope, VenueSettings } from '@servio/shared';
import type { Queryable } from '../db/db.ts';
import type { AppDeps } from '../deps.ts';
import { advanceClock } from '../sync/clock.ts';
import { PgStore } from '../sync/pg-store.ts';
import { notifyVenueChanged } from '../sync/poke.ts';
import { lockClock } from '../sync/venue-clock.ts';
import { readVenue, type VenueInfo } from './bill-rows.ts';

/** A venue-scoped writing step inside a larger transaction. */
export interface VenueWrite {
  tx: Queryable;
  venue: VenueInfo;
  /** S5: the clock value every row written here carries (rows written by SQL must set it too). */
  version: number;
  /** The server's now, as an ISO instant (createdAt/updatedAt). */
  now: string;
  /** Orders, lines and payments through the shared rules' storage (written on `flush`). */
  store: MutatorStore;
  /** What `recalculateOrder` and the other shared rules take. */
  scope: StoreScope;
  /** Writes what went through `store` now, before SQL that refers to those rows. */
  flush(): Promise<void>;
  /** Records that SQL outside `store` wrote a synced row (stamped with `version`). */
  wrote(): void;
}

/**
 * Runs `fn` as the venue inside an open transaction: the connection drops to the venue role
 * (row-level security, migration 0002) for `fn` and comes back afterwards, so system rows
 * (`stripe_webhook_events`) can be marked in the same transaction as the venue's state change.
 *
 * Like a push, it takes the venue clock's lock before reading anything (every writer of a
 * venue does, so a payment and a tablet push queue instead of deadlocking), and advances the
 * clock and pokes the tablets only if something was written (NOTIFY is sent on commit).
 */
export async function asVenue<T>(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  venueId: string,
  fn: (write: VenueWrite) => Promise<T>,
): Promise<T> {
  await tx.query("SELECT set_config('app.venue_id', $1, true)", [venueId]);
  await tx.query('SET LOCAL ROLE servio_app');
  const version = (await lockClock(tx, venueId)) + 1;
  const venue = await readVenue(tx, venueId);
  const now = new Date(deps.clock.now()).toISOString();
  const store = new PgStore(tx, venueId, version);
  let written = 0;
  const settings: VenueSettings = {
    id: venue.id as VenueSettings['id'],
    currency: venue.currency as VenueSettings['currency'],
    timezone: venue.timezone,
    businessDayCutoff: venue.businessDayCutoff,
    taxMode: venue.taxMode,
    serviceChargeBps: venue.serviceChargeBps,
  };
  const result = await fn({
    tx,
    venue,
    version,
    now,
    store,
    scope: { store, ctx: { venue: settings, deviceId: null, now } },
    flush: async () => {
      written += await store.flush();
    },
    wrote: () => {
      written += 1;
    },
  });
  written += await store.flush();
  if (written > 0) {
    const clock = await advanceClock(tx, venueId);
    if (clock !== version)
      throw new Error(`venue clock moved under its lock (${clock} ≠ ${version})`);
    await notifyVenueChanged(tx, venueId, clock);
  }
  await tx.query('RESET ROLE');
  return result;
}

/** `asVenue` in a transaction of its own. */
export function inVenueWrite<T>(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  venueId: string,
  fn: (write: VenueWrite) => Promise<T>,
): Promise<T> {
  return deps.db.transaction((tx) => asVenue(tx, deps, venueId, fn));
}

/** The shared rules' storage for reading only (menu checks for a QR cart). */
export function openReadStore(tx: Queryable, venueId: string): MutatorStore {
  return new PgStore(tx, venueId, 0);
}
