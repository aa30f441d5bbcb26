import { z } from 'zod';

/** A UTC instant as an ISO 8601 string (timestamptz columns, converted at the server's edge). */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = string;

/** A calendar date `YYYY-MM-DD` (date columns such as `business_day`). */
export const CalendarDateSchema = z.iso.date();

/** A local time of day `HH:MM` or `HH:MM:SS` (Postgres `time` prints seconds). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time of day like 04:00');

/** S5: the venue's change clock value when the row was last written. */
export const VersionSchema = z.int().min(0);

/** Columns every synced row carries. `deletedAt` is a tombstone instead of a delete (S5). */
export const syncedColumns = {
  version: VersionSchema,
  deletedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};

export const DiscountKindSchema = z.enum(['percent', 'amount']);
export type DiscountKind = z.infer<typeof DiscountKindSchema>;
