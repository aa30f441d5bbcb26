import type { Db, Queryable } from './db.ts';

/**
 * Runs `fn` in one transaction fenced to a venue: the connection drops to the `servio_app` role and
 * sets `app.venue_id`, so row-level security (migration 0002) hides every other venue's rows even from
 * a query that forgets its `WHERE venue_id`. The venue always comes from the authenticated caller.
 */
export function inVenue<T>(db: Db, venueId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('app.venue_id', $1, true)", [venueId]);
    await tx.query('SET LOCAL ROLE servio_app');
    return fn(tx);
  });
}
