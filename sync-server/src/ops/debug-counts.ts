import type { Queryable } from '../db/index.ts';

/** Row counts per venue-owned table (every table with a venue_id column), for the runbook's debug endpoint. */
export async function venueRowCounts(
  db: Queryable,
  venueId: string,
): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'venue_id'
      ORDER BY table_name`,
  );
  if (tables.length === 0) return {};
  // Table names come from the catalogue, never from the caller; the venue id is a parameter.
  const union = tables
    .map(
      ({ table_name }) =>
        `SELECT '${table_name}' AS table_name, count(*)::int AS n FROM "${table_name}" WHERE venue_id = $1`,
    )
    .join(' UNION ALL ');
  const { rows } = await db.query<{ table_name: string; n: number }>(union, [venueId]);
  return Object.fromEntries(rows.map((row) => [row.table_name, row.n]));
}
