import type { Queryable } from '../db/db.ts';

/**
 * S5: advances the venue's change clock once for this writing transaction and returns the new value,
 * which every row written in the transaction carries as its `version`. The row lock taken here also
 * serialises writers of one venue, so versions are handed out in commit order.
 */
export async function advanceClock(tx: Queryable, venueId: string): Promise<number> {
  const { rows } = await tx.query<{ clock: number }>(
    `INSERT INTO venue_clocks (venue_id, clock) VALUES ($1, 1)
     ON CONFLICT (venue_id) DO UPDATE SET clock = venue_clocks.clock + 1
     RETURNING clock`,
    [venueId],
  );
  return rows[0]!.clock;
}
