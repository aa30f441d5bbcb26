import { z } from 'zod';
import {
  DeviceIdSchema,
  OrderIdSchema,
  PaymentIdSchema,
  RefundIdSchema,
  StaffIdSchema,
  VenueIdSchema,
} from '../ids.ts';
import { NonNegativeMinorSchema, PositiveMinorSchema } from '../money.ts';
import { InstantSchema, syncedColumns } from './common.ts';

/** cash and card (an external terminal) are tablet mutations; stripe comes from webhooks. */
export const PaymentMethodSchema = z.enum(['cash', 'card', 'stripe']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const PaymentStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'canceled']);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** `payments`. `amountMinor` goes against the bill; the tip is on top of it. */
export const PaymentRowSchema = z.object({
  venueId: VenueIdSchema,
  id: PaymentIdSchema,
  orderId: OrderIdSchema,
  method: PaymentMethodSchema,
  status: PaymentStatusSchema,
  amountMinor: NonNegativeMinorSchema,
  tipMinor: NonNegativeMinorSchema,
  tenderedMinor: NonNegativeMinorSchema.nullable(),
  changeMinor: NonNegativeMinorSchema.nullable(),
  refundedMinor: NonNegativeMinorSchema,
  stripePaymentIntentId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  recordedBy: StaffIdSchema.nullable(),
  deviceId: DeviceIdSchema.nullable(),
  clientTime: InstantSchema.nullable(),
  ...syncedColumns,
});
export type PaymentRow = z.infer<typeof PaymentRowSchema>;

export const RefundStatusSchema = z.enum(['pending', 'succeeded', 'failed']);
export type RefundStatus = z.infer<typeof RefundStatusSchema>;

/** `refunds`. Never tombstoned (a refund is history), so there is no `deletedAt`. */
export const RefundRowSchema = z.object({
  venueId: VenueIdSchema,
  id: RefundIdSchema,
  paymentId: PaymentIdSchema,
  amountMinor: PositiveMinorSchema,
  reason: z.string().min(1),
  status: RefundStatusSchema,
  stripeRefundId: z.string().nullable(),
  createdBy: StaffIdSchema.nullable(),
  version: syncedColumns.version,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type RefundRow = z.infer<typeof RefundRowSchema>;
