import type { VenueRow, VenueSettings } from '@servio/shared';
import type { Queryable, Row } from '../db/index.ts';
import { rowFromSql, selectList } from './columns.ts';

/**
 * The one way the server reads a venue's settings: the whole `venues` row as the shared row schema
 * has it (converted by columns.ts). The shared rules take the `VenueSettings` part of it; the back
 * office, the reports and the payment pages shape their own views from the same row.
 */
export async function loadVenue(tx: Queryable, venueId: string): Promise<VenueRow | undefined> {
  const { rows } = await tx.query<Row>(`SELECT ${selectList('venues')} FROM venues WHERE id = $1`, [
    venueId,
  ]);
  return rows[0] ? rowFromSql('venues', rows[0]) : undefined;
}

/** What the shared rules depend on (currency, zone, cut-off, tax mode, service). */
export function venueSettingsOf(venue: VenueRow): VenueSettings {
  const { id, currency, timezone, businessDayCutoff, taxMode, serviceChargeBps } = venue;
  return { id, currency, timezone, businessDayCutoff, taxMode, serviceChargeBps };
}

/** `'04:00:00'` as the back office and the reports show it: `'04:00'`. */
export function cutoffHHMM(venue: Pick<VenueRow, 'businessDayCutoff'>): string {
  return venue.businessDayCutoff.slice(0, 5);
}

/** The venue settings the shared rules depend on; a venue that does not exist is a bug here. */
export async function loadVenueSettings(tx: Queryable, venueId: string): Promise<VenueSettings> {
  const venue = await loadVenue(tx, venueId);
  if (!venue) throw new Error(`venue ${venueId} does not exist`);
  return venueSettingsOf(venue);
}
