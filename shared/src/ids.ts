import { z } from 'zod';
import { uuidv7 } from 'uuidv7';

/**
 * Branded ids. Every record is born with a UUIDv7 where it is created (on the tablet,
 * offline), so ids sort by creation time and never need a round trip to the server.
 * The brand stops an OrderId being passed where a LineId is expected.
 */
const uuid = () => z.uuid();

export const VenueIdSchema = uuid().brand<'VenueId'>();
export const OrderIdSchema = uuid().brand<'OrderId'>();
export const LineIdSchema = uuid().brand<'LineId'>();
export const ClientIdSchema = uuid().brand<'ClientId'>();
export const StaffIdSchema = uuid().brand<'StaffId'>();
export const DeviceIdSchema = uuid().brand<'DeviceId'>();
export const TableIdSchema = uuid().brand<'TableId'>();
export const TaxRateIdSchema = uuid().brand<'TaxRateId'>();
export const MenuCategoryIdSchema = uuid().brand<'MenuCategoryId'>();
export const MenuItemIdSchema = uuid().brand<'MenuItemId'>();
export const ModifierGroupIdSchema = uuid().brand<'ModifierGroupId'>();
export const ModifierOptionIdSchema = uuid().brand<'ModifierOptionId'>();
export const PaymentIdSchema = uuid().brand<'PaymentId'>();
export const RefundIdSchema = uuid().brand<'RefundId'>();

export type VenueId = z.infer<typeof VenueIdSchema>;
export type OrderId = z.infer<typeof OrderIdSchema>;
export type LineId = z.infer<typeof LineIdSchema>;
export type ClientId = z.infer<typeof ClientIdSchema>;
export type StaffId = z.infer<typeof StaffIdSchema>;
export type DeviceId = z.infer<typeof DeviceIdSchema>;
export type TableId = z.infer<typeof TableIdSchema>;
export type TaxRateId = z.infer<typeof TaxRateIdSchema>;
export type MenuCategoryId = z.infer<typeof MenuCategoryIdSchema>;
export type MenuItemId = z.infer<typeof MenuItemIdSchema>;
export type ModifierGroupId = z.infer<typeof ModifierGroupIdSchema>;
export type ModifierOptionId = z.infer<typeof ModifierOptionIdSchema>;
export type PaymentId = z.infer<typeof PaymentIdSchema>;
export type RefundId = z.infer<typeof RefundIdSchema>;

/** Any of the branded ids above (all are UUID strings underneath). */
export type AnyId =
  | VenueId
  | OrderId
  | LineId
  | ClientId
  | StaffId
  | DeviceId
  | TableId
  | TaxRateId
  | MenuCategoryId
  | MenuItemId
  | ModifierGroupId
  | ModifierOptionId
  | PaymentId
  | RefundId;

/** Produces a fresh UUID string. Swapped in tests so ids are deterministic. */
export type IdSource = () => string;

let currentSource: IdSource = uuidv7;

/**
 * A new UUIDv7, typed as the id the caller asks for: `newId<OrderId>()`.
 * Ids are generated only where a record is born; mutators never call this, so the
 * tablet and the server produce identical rows from the same mutation.
 */
export function newId<T extends AnyId>(): T {
  return currentSource() as T;
}

/** Replace the id source (tests). Returns a function that restores the previous one. */
export function setIdSource(source: IdSource): () => void {
  const previous = currentSource;
  currentSource = source;
  return () => {
    currentSource = previous;
  };
}

/**
 * A deterministic source of valid UUIDv7-shaped ids: the counter sits in the last
 * 12 hex digits, and `seed` (0..0xffff) in the first group keeps two sources apart.
 * Ids increase with the counter, like real UUIDv7 ids increase with time.
 */
export function sequentialIdSource(seed = 0): IdSource {
  let counter = 0;
  const prefix = seed.toString(16).padStart(8, '0');
  return () => {
    counter += 1;
    return `${prefix}-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
  };
}
