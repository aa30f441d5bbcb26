import {
  BpsSchema,
  CurrencyCodeSchema,
  currencyExponent,
  freeText,
  isValidTimeZone,
  TaxModeSchema,
  TimeOfDaySchema,
  type TaxMode,
  type VenueRow,
} from '@servio/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Queryable } from '../db/index.ts';
import { cutoffHHMM, loadVenue, rowToSql, toSnake } from '../sync/index.ts';
import { changesOf } from './rows.ts';
import { conflict, notFound, type WriteScope } from './actor.ts';

/**
 * Venue settings (owner only, per the shared permission table). Orders keep the service charge
 * rate and totals they were rung up with, so a change here applies to orders opened afterwards.
 */

export const VenueSettingsUpdateSchema = z
  .object({
    name: freeText('venueName').optional(),
    currency: CurrencyCodeSchema.optional(),
    timezone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_+/-]+$/, 'an IANA timezone such as Europe/Paris')
      .refine(isValidTimeZone, 'an IANA timezone such as Europe/Paris')
      .optional(),
    businessDayCutoff: TimeOfDaySchema.optional(),
    taxMode: TaxModeSchema.optional(),
    serviceChargeBps: BpsSchema.optional(),
    tipPresetsBps: z.array(BpsSchema).max(6).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'name at least one setting to change',
  });

export interface VenueSettingsView {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  /** 'HH:MM' */
  businessDayCutoff: string;
  taxMode: TaxMode;
  serviceChargeBps: number;
  tipPresetsBps: number[];
  /** As Stripe last told us (null: no subscription yet). */
  subscriptionStatus: string | null;
  version: number;
}

function venueView(venue: VenueRow): VenueSettingsView {
  return {
    id: venue.id,
    name: venue.name,
    slug: venue.slug,
    currency: venue.currency,
    timezone: venue.timezone,
    businessDayCutoff: cutoffHHMM(venue),
    taxMode: venue.taxMode,
    serviceChargeBps: venue.serviceChargeBps,
    tipPresetsBps: venue.tipPresetsBps,
    subscriptionStatus: venue.subscriptionStatus ?? null,
    version: venue.version,
  };
}

export async function readVenueSettings(
  tx: Queryable,
  venueId: string,
): Promise<VenueSettingsView> {
  const venue = await loadVenue(tx, venueId);
  if (!venue) throw notFound('venue');
  return venueView(venue);
}

export async function updateVenueSettings(
  scope: WriteScope,
  input: z.output<typeof VenueSettingsUpdateSchema>,
): Promise<VenueSettingsView> {
  const { tx, actor } = scope;
  await scope.lock(); // row locks only under the clock lock (withVenueWrite)
  await tx.query('SELECT 1 FROM venues WHERE id = $1 FOR UPDATE', [actor.venueId]);
  const before = await loadVenue(tx, actor.venueId);
  if (!before) throw notFound('venue');
  if (input.currency !== undefined && input.currency !== before.currency) {
    currencyExponent(input.currency);
    // Amounts are stored in minor units of the currency: switching it would silently re-price
    // every recorded sale (and JPY has no minor unit at all).
    const { rows: orders } = await tx.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM orders WHERE venue_id = $1) AS any',
      [actor.venueId],
    );
    if (orders[0]?.any) throw conflict('The currency cannot change once orders were taken.');
  }
  if (input.timezone !== undefined) {
    // Reports do their zone arithmetic in Postgres, so Postgres must know the zone too.
    const { rows: zones } = await tx.query<{ known: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known',
      [input.timezone],
    );
    if (!zones[0]?.known) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Invalid input: timezone: the database does not know ${input.timezone}`,
      });
    }
  }
  // The input's fields are the venue row's (columns.ts names their columns).
  const changes = Object.fromEntries(
    Object.entries(input).map(([field, value]) => [toSnake(field), value]),
  );
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  await tx.query(
    `UPDATE venues SET version = $2, updated_at = $3${entries
      .map(([column], index) => `, ${column} = $${index + 4}`)
      .join('')} WHERE id = $1`,
    [actor.venueId, await scope.stamp(), scope.now, ...entries.map(([, value]) => value)],
  );
  const diff = changesOf(
    { ...rowToSql('venues', before), business_day_cutoff: cutoffHHMM(before) },
    changes,
  );
  await scope.audit('venue.settings_changed', actor.venueId, diff);
  return readVenueSettings(tx, actor.venueId);
}
