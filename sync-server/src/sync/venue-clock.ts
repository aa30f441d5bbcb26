import type { Queryable } from '../db/db.ts';

/** The venue's change clock as committed (S5); 0 before anything was written. */
export async function readClock(tx: Queryable, venueId: string): Promise<number> {
  const { rows } = await tx.query<{ clock: number }>(
    'SELECT clock FROM venue_clocks WHERE venue_id = $1',
    [venueId],
  );
  return rows[0]?.clock ?? 0;
}

/**
 * Takes the venue clock's row lock without advancing it and returns the current value. A push
 * takes it before reading anything, so writers of one venue run one after the other: what the
 * rules read cannot change under them, and the version the push will stamp is known up front
 * (clock + 1, handed out by `advanceClock` at the end, and only if something was written).
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
