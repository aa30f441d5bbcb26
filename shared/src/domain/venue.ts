import { z } from 'zod';
import { StaffIdSchema, TableIdSchema, TaxRateIdSchema, VenueIdSchema } from '../ids.ts';
import { BpsSchema } from '../money.ts';
import { CurrencyCodeSchema } from '../currency.ts';
import { InstantSchema, TimeOfDaySchema, syncedColumns } from './common.ts';

export const TaxModeSchema = z.enum(['inclusive', 'exclusive']);

/**
 * `venues`. The Stripe customer id stays on the server: tablets never need it.
 * Venues are never tombstoned, so there is no `deletedAt`.
 */
export const VenueRowSchema = z.object({
  id: VenueIdSchema,
  name: z.string().min(1).max(120),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  currency: CurrencyCodeSchema,
  timezone: z.string().min(1),
  businessDayCutoff: TimeOfDaySchema,
  taxMode: TaxModeSchema,
  serviceChargeBps: BpsSchema,
  tipPresetsBps: z.array(BpsSchema),
  subscriptionStatus: z.string().nullable(),
  version: syncedColumns.version,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type VenueRow = z.infer<typeof VenueRowSchema>;

/**
 * `tables`. The table's QR token (column `qr_token`) is a bearer secret for the customer pay page
 * and never leaves the server: managers print QR sheets from the back office.
 */
export const TableRowSchema = z.object({
  venueId: VenueIdSchema,
  id: TableIdSchema,
  name: z.string().min(1).max(40),
  area: z.string(),
  seats: z.int().min(1).max(100),
  sortOrder: z.int(),
  ...syncedColumns,
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const StaffRoleSchema = z.enum(['waiter', 'cashier', 'kitchen', 'manager', 'owner']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** `staff` as everyone may see it: no PIN hash, no lock-out counters. */
export const StaffRowSchema = z.object({
  venueId: VenueIdSchema,
  id: StaffIdSchema,
  name: z.string().min(1).max(80),
  role: StaffRoleSchema,
  active: z.boolean(),
  /**
   * When the back office last deactivated this person (null while active). Mutations they made
   * before this instant still apply when a tablet syncs late (S11).
   */
  deactivatedAt: InstantSchema.nullable(),
  ...syncedColumns,
});
export type StaffRow = z.infer<typeof StaffRowSchema>;

/**
 * `staff` as a paired tablet stores it so staff can sign in with their PIN while
 * offline. Only ever sent to an authenticated device of the same venue.
 */
export const StaffAuthRowSchema = StaffRowSchema.extend({
  pinHash: z.string().min(1),
});
export type StaffAuthRow = z.infer<typeof StaffAuthRowSchema>;

/** `tax_rates`. Lines snapshot `rateBps` when added, so editing a rate never rewrites a sale. */
export const TaxRateRowSchema = z.object({
  venueId: VenueIdSchema,
  id: TaxRateIdSchema,
  name: z.string().min(1),
  rateBps: BpsSchema,
  ...syncedColumns,
});
export type TaxRateRow = z.infer<typeof TaxRateRowSchema>;
