import type { VenueSettings } from '@servio/shared';
import type { Queryable, Row } from '../db/db.ts';
import { rowFromSql, selectList } from './columns.ts';

const FIELDS = [
  'id',
  'currency',
  'timezone',
  'businessDayCutoff',
  'taxMode',
  'serviceChargeBps',
] as const satisfies readonly (keyof VenueSettings)[];

/** The venue settings the shared rules depend on (currency, zone, cut-off, tax mode, service). */
export async function loadVenueSettings(tx: Queryable, venueId: string): Promise<VenueSettings> {
  const { rows } = await tx.query<Row>(
    `SELECT ${selectList('venues', { fields: FIELDS })} FROM venues WHERE id = $1`,
    [venueId],
  );
  if (!rows[0]) throw new Error(`venue ${venueId} does not exist`);
  return rowFromSql('venues', rows[0], FIELDS) as VenueSettings;
}
