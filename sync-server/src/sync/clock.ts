import type { Queryable } from '../db/index.ts';

/**
 * S5: the venue's change clock (`venue_clocks`), the one counter every synced row's `version` comes
 * from. Readers (pull, the poke stream) read it; writers go through `withVenueWrite`
 * (venue-write.ts), which takes its row lock as late as it can and advances it once per writing
 * transaction. The row lock serialises the writers of one venue, so versions are handed out in
 * commit order.
 */

/** The venue's change clock as committed (S5); 0 before anything was written. */
export async function readClock(tx: Queryable, venueId: string): Promise<number> {
  const { rows } = await tx.query<{ clock: number }>(
    'SELECT clock FROM venue_clocks WHERE venue_id = $1',
    [venueId],
  );
  return rows[0]?.clock ?? 0;
}

/**
 * Takes the venue clock's row lock (`FOR UPDATE`, by a no-op upsert that also creates the row)
 * without advancing it and returns the current value: the version the writer will stamp is this
 * plus one, handed out by `advanceClock` at the end, and only if something was written.
 */
export async function lockClock(tx: Queryable, venueId: string): Promise<number> {
  const { rows } = await tx.query<{ clock: number }>(
    `INSERT INTO venue_clocks (venue_id, clock) VALUES ($1, 0)
     ON CONFLICT (venue_id) DO UPDATE SET clock = venue_clocks.clock
     RETURNING clock`,
    [venueId],
  );
  return rows[0]!.clock;
}

/** Advances the clock once for this writing transaction and returns the new value. */
export async function advanceClock(tx: Queryable, venueId: string): Promise<number> {
  const { rows } = await tx.query<{ clock: number }>(
    `INSERT INTO venue_clocks (venue_id, clock) VALUES ($1, 1)
     ON CONFLICT (venue_id) DO UPDATE SET clock = venue_clocks.clock + 1
     RETURNING clock`,
    [venueId],
  );
  return rows[0]!.clock;
}
