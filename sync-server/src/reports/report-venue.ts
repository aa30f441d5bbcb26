import type { TaxMode } from '@servio/shared';
import { TRPCError } from '@trpc/server';
import type { Queryable } from '../db/index.ts';
import { cutoffHHMM, loadVenue } from '../sync/index.ts';
import type { ReportRange } from './report-range.ts';

/** The venue settings every report reads: its money, its clock and how its day turns over. */
export interface ReportVenue {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  /** 'HH:MM' local time at which one business day ends and the next begins. */
  businessDayCutoff: string;
  taxMode: TaxMode;
}

export async function loadReportVenue(tx: Queryable, venueId: string): Promise<ReportVenue> {
  const venue = await loadVenue(tx, venueId);
  if (!venue) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such venue.' });
  return {
    id: venue.id,
    name: venue.name,
    currency: venue.currency,
    timezone: venue.timezone,
    businessDayCutoff: cutoffHHMM(venue),
    taxMode: venue.taxMode,
  };
}

/**
 * The UTC instants a range of business days spans: from the cut-off on its first day to the
 * cut-off after its last, in the venue's zone. Postgres does the zone arithmetic, so a range
 * across a daylight-saving change is 23 or 25 hours longer or shorter, as the wall clock says.
 */
export async function rangeInstants(
  tx: Queryable,
  venue: ReportVenue,
  range: ReportRange,
): Promise<{ startsAt: string; endsAt: string }> {
  const { rows } = await tx.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT ($1::date + $3::time) AT TIME ZONE $4 AS starts_at,
            ($2::date + 1 + $3::time) AT TIME ZONE $4 AS ends_at`,
    [range.from, range.to, venue.businessDayCutoff, venue.timezone],
  );
  const row = rows[0]!;
  return { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() };
}
