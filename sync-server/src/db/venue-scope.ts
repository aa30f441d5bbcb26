import type { Db, Queryable } from './db.ts';

/**
 * The tenant fence: for the rest of the transaction the connection is the `servio_app` role with
 * `app.venue_id` set, so row-level security (migration 0002) hides every other venue's rows even
 * from a query that forgets its `WHERE venue_id`. The venue always comes from the authenticated
 * caller. `RESET ROLE` lifts it again (for system rows in the same transaction).
 */
export async function fenceToVenue(tx: Queryable, venueId: string): Promise<void> {
  await tx.query("SELECT set_config('app.venue_id', $1, true)", [venueId]);
  await tx.query('SET LOCAL ROLE servio_app');
}

/**
 * Runs `fn` in one transaction fenced to a venue: for reads, and for rows outside the sync (sessions,
 * devices, clients). Synced rows are written through `withVenueWrite` (sync/venue-write.ts).
 */
export function inVenue<T>(db: Db, venueId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await fenceToVenue(tx, venueId);
    return fn(tx);
  });
}
