import { z } from 'zod';
import {
  DeviceIdSchema,
  LineIdSchema,
  MenuItemIdSchema,
  ModifierGroupIdSchema,
  ModifierOptionIdSchema,
  OrderIdSchema,
  StaffIdSchema,
  TableIdSchema,
  VenueIdSchema,
} from '../ids.ts';
import { BpsSchema, MinorSchema, NonNegativeMinorSchema } from '../money.ts';
import { CalendarDateSchema, DiscountKindSchema, InstantSchema, syncedColumns } from './common.ts';

export const OrderStatusSchema = z.enum(['open', 'sent', 'part_paid', 'paid', 'closed', 'void']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderKindSchema = z.enum(['table', 'takeaway', 'qr']);
export type OrderKind = z.infer<typeof OrderKindSchema>;

export const LineStatusSchema = z.enum(['new', 'sent', 'ready', 'served', 'voided']);
export type LineStatus = z.infer<typeof LineStatusSchema>;

/**
 * `orders`. The money columns are derived: the server recomputes them from its own
 * lines and payments with `computeOrderTotals` and never takes them from a client (S12).
 */
export const OrderRowSchema = z.object({
  venueId: VenueIdSchema,
  id: OrderIdSchema,
  // Assigned on the tablet (device letter + counter), never renumbered. Kept loose here
  // so numbers minted by the server (QR orders) parse too; mutations check the format.
  number: z.string().min(1).max(20),
  kind: OrderKindSchema,
  tableId: TableIdSchema.nullable(),
  covers: z.int().min(0).max(500),
  status: OrderStatusSchema,
  deviceId: DeviceIdSchema.nullable(),
  openedBy: StaffIdSchema.nullable(),
  // S11: the tablet's clock at opening decides the business day, even when synced late.
  openedAt: InstantSchema,
  businessDay: CalendarDateSchema,
  closedAt: InstantSchema.nullable(),
  discountKind: DiscountKindSchema.nullable(),
  discountValue: z.int().min(0).nullable(),
  discountReason: z.string().nullable(),
  serviceChargeBps: BpsSchema,
  subtotalMinor: MinorSchema,
  discountMinor: MinorSchema,
  serviceChargeMinor: MinorSchema,
  taxMinor: MinorSchema,
  totalMinor: MinorSchema,
  paidMinor: MinorSchema,
  tipMinor: MinorSchema,
  overpaidMinor: MinorSchema,
  mergedInto: OrderIdSchema.nullable(),
  voidReason: z.string().nullable(),
  note: z.string().nullable(),
  // Whose order it is (a takeaway, a tab); set by `order.setCustomerName`.
  customerName: z.string().min(1).max(80).nullable(),
  ...syncedColumns,
});
export type OrderRow = z.infer<typeof OrderRowSchema>;

/** One chosen modifier, snapshotted on the line when it is added or changed. */
export const LineModifierSchema = z.object({
  groupId: ModifierGroupIdSchema,
  optionId: ModifierOptionIdSchema,
  name: z.string(),
  priceDeltaMinor: MinorSchema,
});
export type LineModifier = z.infer<typeof LineModifierSchema>;

/**
 * `order_lines`. Name, unit price, tax rate and modifiers are snapshots taken when the
 * line is added, so later menu changes never alter a sale.
 */
export const OrderLineRowSchema = z.object({
  venueId: VenueIdSchema,
  id: LineIdSchema,
  orderId: OrderIdSchema,
  itemId: MenuItemIdSchema,
  name: z.string(),
  unitPriceMinor: NonNegativeMinorSchema,
  taxRateBps: BpsSchema,
  modifiers: z.array(LineModifierSchema),
  quantity: z.int().min(1).max(999),
  note: z.string().nullable(),
  seat: z.int().nullable(),
  course: z.int().nullable(),
  kitchenStation: z.string(),
  status: LineStatusSchema,
  discountKind: DiscountKindSchema.nullable(),
  discountValue: z.int().min(0).nullable(),
  lineTotalMinor: MinorSchema,
  voidReason: z.string().nullable(),
  voidedBy: StaffIdSchema.nullable(),
  addedBy: StaffIdSchema.nullable(),
  addedAt: InstantSchema,
  sentAt: InstantSchema.nullable(),
  readyAt: InstantSchema.nullable(),
  ...syncedColumns,
});
export type OrderLineRow = z.infer<typeof OrderLineRowSchema>;
