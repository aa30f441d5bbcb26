import { businessDay } from '../business-day.ts';
import type { OrderLineRow, OrderRow, PaymentRow } from '../domain/index.ts';
import { ZERO } from '../money.ts';
import { lineAmounts } from '../totals.ts';
import type { VenueSettings } from './context.ts';

/**
 * The one place a new order, line or payment row is made, by the shared rules (a tablet's
 * mutation) and by the server's own orders (a QR cart paid online) alike. What a new row starts
 * with — zero totals until `recalculateOrder`, the business day from the opening instant (S11),
 * the line total from its price and quantity (S12) — is decided here, not by each caller.
 * `version` is 0 until the store stamps it (S5).
 */

type Stamp = { now: string };

export function newOrderRow(
  fields: Pick<
    OrderRow,
    'id' | 'number' | 'kind' | 'tableId' | 'covers' | 'deviceId' | 'openedBy' | 'openedAt'
  > &
    Partial<Pick<OrderRow, 'status' | 'note' | 'serviceChargeBps'>> &
    Stamp & { venue: VenueSettings },
): OrderRow {
  const { venue, now } = fields;
  return {
    venueId: venue.id,
    id: fields.id,
    number: fields.number,
    kind: fields.kind,
    tableId: fields.tableId,
    covers: fields.covers,
    status: fields.status ?? 'open',
    deviceId: fields.deviceId,
    openedBy: fields.openedBy,
    openedAt: fields.openedAt,
    // S11: the opening instant decides the business day, however late the order syncs.
    businessDay: businessDay(fields.openedAt, venue.timezone, venue.businessDayCutoff),
    closedAt: null,
    discountKind: null,
    discountValue: null,
    discountReason: null,
    // Taken from the venue when the order opens and kept on the order.
    serviceChargeBps: fields.serviceChargeBps ?? venue.serviceChargeBps,
    subtotalMinor: ZERO,
    discountMinor: ZERO,
    serviceChargeMinor: ZERO,
    taxMinor: ZERO,
    totalMinor: ZERO,
    paidMinor: ZERO,
    tipMinor: ZERO,
    overpaidMinor: ZERO,
    mergedInto: null,
    voidReason: null,
    note: fields.note ?? null,
    customerName: null,
    version: 0,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function newLineRow(
  fields: Pick<
    OrderLineRow,
    | 'venueId'
    | 'id'
    | 'orderId'
    | 'itemId'
    | 'name'
    | 'unitPriceMinor'
    | 'taxRateBps'
    | 'modifiers'
    | 'quantity'
    | 'note'
    | 'kitchenStation'
    | 'addedBy'
    | 'addedAt'
  > &
    Partial<Pick<OrderLineRow, 'seat' | 'course' | 'status' | 'sentAt'>> &
    Stamp,
): OrderLineRow {
  const line = {
    venueId: fields.venueId,
    id: fields.id,
    orderId: fields.orderId,
    itemId: fields.itemId,
    name: fields.name,
    unitPriceMinor: fields.unitPriceMinor,
    taxRateBps: fields.taxRateBps,
    modifiers: fields.modifiers,
    quantity: fields.quantity,
    note: fields.note,
    seat: fields.seat ?? null,
    course: fields.course ?? null,
    kitchenStation: fields.kitchenStation,
    status: fields.status ?? 'new',
    discountKind: null,
    discountValue: null,
    voidReason: null,
    voidedBy: null,
    addedBy: fields.addedBy,
    addedAt: fields.addedAt,
    sentAt: fields.sentAt ?? null,
    readyAt: null,
    version: 0,
    deletedAt: null,
    createdAt: fields.now,
    updatedAt: fields.now,
  };
  // S12: the line's total comes from its price, quantity and modifiers, never from a client.
  return { ...line, lineTotalMinor: lineAmounts(line).lineTotalMinor };
}

export function newPaymentRow(
  fields: Pick<
    PaymentRow,
    | 'venueId'
    | 'id'
    | 'orderId'
    | 'method'
    | 'status'
    | 'amountMinor'
    | 'tipMinor'
    | 'recordedBy'
    | 'deviceId'
    | 'clientTime'
  > &
    Partial<
      Pick<PaymentRow, 'tenderedMinor' | 'changeMinor' | 'stripePaymentIntentId' | 'idempotencyKey'>
    > &
    Stamp,
): PaymentRow {
  return {
    venueId: fields.venueId,
    id: fields.id,
    orderId: fields.orderId,
    method: fields.method,
    status: fields.status,
    amountMinor: fields.amountMinor,
    tipMinor: fields.tipMinor,
    tenderedMinor: fields.tenderedMinor ?? null,
    changeMinor: fields.changeMinor ?? null,
    refundedMinor: ZERO,
    stripePaymentIntentId: fields.stripePaymentIntentId ?? null,
    idempotencyKey: fields.idempotencyKey ?? null,
    recordedBy: fields.recordedBy,
    deviceId: fields.deviceId,
    clientTime: fields.clientTime,
    version: 0,
    deletedAt: null,
    createdAt: fields.now,
    updatedAt: fields.now,
  };
}
