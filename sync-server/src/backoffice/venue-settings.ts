import {
  BpsSchema,
  CurrencyCodeSchema,
  currencyExponent,
  isValidTimeZone,
  TaxModeSchema,
  TimeOfDaySchema,
  type TaxMode,
} from '@servio/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { changesOf } from './rows.ts';
import { conflict, notFound, type WriteScope } from './write.ts';

/**
 * Venue settings (owner only, per the shared permission table). Orders keep the service charge
 * rate and totals they were rung up with, so a change here applies to orders opened afterwards.
 */

export const VenueSettingsUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    currency: CurrencyCodeSchema.optional(),
    timezone: z
      .string()
      .trim()
      .min(1)
      .max(64)
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

const SELECT_VENUE = `SELECT id, name, slug, currency, timezone,
  to_char(business_day_cutoff, 'HH24:MI') AS cutoff, tax_mode, service_charge_bps,
  tip_presets_bps, subscription_status, version FROM venues WHERE id = $1`;

function venueView(r: Record<string, unknown>): VenueSettingsView {
  return {
    id: r.id as string,
    name: r.name as string,
    slug: r.slug as string,
    currency: r.currency as string,
    timezone: r.timezone as string,
    businessDayCutoff: r.cutoff as string,
    taxMode: r.tax_mode as TaxMode,
    serviceChargeBps: r.service_charge_bps as number,
    tipPresetsBps: r.tip_presets_bps as number[],
    subscriptionStatus: (r.subscription_status as string | null) ?? null,
    version: r.version as number,
  };
}

export async function readVenueSettings(
  tx: Queryable,
  venueId: string,
): Promise<VenueSettingsView> {
  const { rows } = await tx.query(SELECT_VENUE, [venueId]);
  if (!rows[0]) throw notFound('venue');
  return venueView(rows[0]);
}

export async function updateVenueSettings(
  scope: WriteScope,
  input: z.output<typeof VenueSettingsUpdateSchema>,
): Promise<VenueSettingsView> {
  const { tx, actor } = scope;
  const { rows } = await tx.query(`${SELECT_VENUE} FOR UPDATE`, [actor.venueId]);
  const before = rows[0];
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
  const changes = {
    name: input.name,
    currency: input.currency,
    timezone: input.timezone,
    business_day_cutoff: input.businessDayCutoff,
    tax_mode: input.taxMode,
    service_charge_bps: input.serviceChargeBps,
    tip_presets_bps: input.tipPresetsBps,
  };
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  await tx.query(
    `UPDATE venues SET version = $2, updated_at = $3${entries
      .map(([column], index) => `, ${column} = $${index + 4}`)
      .join('')} WHERE id = $1`,
    [actor.venueId, scope.version, scope.now, ...entries.map(([, value]) => value)],
  );
  const diff = changesOf({ ...before, business_day_cutoff: before.cutoff }, changes);
  await scope.audit('venue.settings_changed', actor.venueId, diff);
  return readVenueSettings(tx, actor.venueId);
}
