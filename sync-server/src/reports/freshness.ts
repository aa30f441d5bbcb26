import type { Queryable } from '../db/index.ts';

/**
 * Honest freshness: a report is only as complete as what the tablets have pushed. It says when the
 * last sale-related change reached the server and which devices still hold changes they have not
 * pushed (their outbox size as last reported on a push or pull), so a manager knows to wait or to
 * go and reconnect that tablet before trusting the day's numbers.
 */
export interface Freshness {
  /** When the last change to an order, line, payment or refund reached the server (null: none yet). */
  asOf: string | null;
  /** The venue's change clock (S5) when the report was read. */
  clock: number;
  generatedAt: string;
  /** True when no device reported unsynced work. */
  complete: boolean;
  pendingMutations: number;
  devicesWithUnsyncedWork: {
    deviceId: string;
    name: string;
    letter: string;
    pendingMutations: number;
    lastSeenAt: string | null;
    /** A revoked device keeps its outbox (S7); it must be paired again to send it. */
    revoked: boolean;
  }[];
}

export async function reportFreshness(
  tx: Queryable,
  venueId: string,
  now: Date,
): Promise<Freshness> {
  const { rows: changed } = await tx.query<{ as_of: Date | null; clock: number | null }>(
    `SELECT GREATEST(
              (SELECT max(updated_at) FROM orders WHERE venue_id = $1),
              (SELECT max(updated_at) FROM order_lines WHERE venue_id = $1),
              (SELECT max(updated_at) FROM payments WHERE venue_id = $1),
              (SELECT max(updated_at) FROM refunds WHERE venue_id = $1)) AS as_of,
            (SELECT clock FROM venue_clocks WHERE venue_id = $1) AS clock`,
    [venueId],
  );
  const { rows: devices } = await tx.query<{
    id: string;
    name: string;
    letter: string;
    pending: number;
    last_seen_at: Date | null;
    revoked: boolean;
  }>(
    `SELECT d.id, d.name, d.letter, sum(c.pending_mutations)::int AS pending,
            GREATEST(d.last_seen_at, max(c.last_push_at), max(c.last_pull_at)) AS last_seen_at,
            d.revoked_at IS NOT NULL AS revoked
       FROM devices d
       JOIN clients c ON c.venue_id = d.venue_id AND c.device_id = d.id
      WHERE d.venue_id = $1
      GROUP BY d.venue_id, d.id
     HAVING sum(c.pending_mutations) > 0
      ORDER BY d.letter`,
    [venueId],
  );
  const pendingMutations = devices.reduce((sum, device) => sum + device.pending, 0);
  return {
    asOf: changed[0]?.as_of?.toISOString() ?? null,
    clock: changed[0]?.clock ?? 0,
    generatedAt: now.toISOString(),
    complete: pendingMutations === 0,
    pendingMutations,
    devicesWithUnsyncedWork: devices.map((device) => ({
      deviceId: device.id,
      name: device.name,
      letter: device.letter,
      pendingMutations: device.pending,
      lastSeenAt: device.last_seen_at?.toISOString() ?? null,
      revoked: device.revoked,
    })),
  };
}
