import { computeOrderTotals, minor, type OrderTotals, type TotalsLine } from '@servio/shared';
import type { BillOrder, BillPayment, VenueInfo } from './bill-rows.ts';
import { availableMinor, type PayableState } from './pay-amount.ts';

/**
 * A Stripe payment still pending after this long no longer holds its part of the bill: the
 * customer walked away. It is settled with Stripe (canceled, or recorded if it did succeed)
 * before anyone else pays that part (see stale-payments.ts).
 */
export const PENDING_HOLD_MS = 15 * 60 * 1000;

export function isFreshPending(payment: BillPayment, now: number): boolean {
  return payment.status === 'pending' && now - payment.createdAt.getTime() < PENDING_HOLD_MS;
}

export function totalsOf(bill: BillOrder, venue: Pick<VenueInfo, 'taxMode'>): OrderTotals {
  return computeOrderTotals({
    order: bill.order,
    lines: bill.lines.map((line): TotalsLine => ({
      id: line.id as TotalsLine['id'],
      unitPriceMinor: minor(line.unitPriceMinor),
      modifiers: line.modifiers,
      quantity: line.quantity,
      status: line.status,
      discountKind: line.discountKind,
      discountValue: line.discountValue,
      taxRateBps: line.taxRateBps,
    })),
    payments: bill.payments.map((p) => ({
      status: p.status,
      amountMinor: minor(p.amountMinor),
      tipMinor: minor(p.tipMinor),
      refundedMinor: minor(p.refundedMinor),
    })),
    taxMode: venue.taxMode,
  });
}

/** What succeeded and what is being paid right now: the input to `amountToPay`. */
export function payableState(bill: BillOrder, totals: OrderTotals, now: number): PayableState {
  const claimed = new Set<string>();
  let reserved = 0;
  for (const payment of bill.payments) {
    const fresh = isFreshPending(payment, now);
    if (fresh) reserved += payment.amountMinor;
    if (fresh || payment.status === 'succeeded') {
      for (const lineId of payment.lineIds) claimed.add(lineId);
    }
  }
  return { totals, reservedMinor: reserved, claimedLineIds: claimed };
}

/** The bill as the customer's phone shows it: only what a guest may see of the order. */
export function customerBill(bill: BillOrder, venue: VenueInfo, now: number) {
  const totals = totalsOf(bill, venue);
  const state = payableState(bill, totals, now);
  const paidLines = new Set<string>();
  for (const payment of bill.payments) {
    if (payment.status === 'succeeded') payment.lineIds.forEach((id) => paidLines.add(id));
  }
  const computed = new Map(totals.lines.map((line) => [line.lineId as string, line]));
  return {
    orderId: bill.order.id,
    number: bill.order.number,
    status: bill.order.status,
    lines: bill.lines
      .filter((line) => line.status !== 'voided')
      .map((line) => {
        const money = computed.get(line.id);
        return {
          id: line.id,
          name: line.name,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          modifiers: line.modifiers.map((m) => ({
            name: m.name,
            priceDeltaMinor: m.priceDeltaMinor,
          })),
          note: line.note,
          grossMinor: money?.grossMinor ?? 0,
          discountMinor: money?.lineDiscountMinor ?? 0,
          lineTotalMinor: money?.lineTotalMinor ?? 0,
          /** This line's exact share of the total (discounts, service, tax): "pay for these items". */
          payableMinor: money?.payableMinor ?? 0,
          paid: paidLines.has(line.id),
          beingPaid: !paidLines.has(line.id) && state.claimedLineIds.has(line.id),
        };
      }),
    subtotalMinor: totals.subtotalMinor,
    discountMinor: totals.discountMinor,
    serviceChargeMinor: totals.serviceChargeMinor,
    taxMinor: totals.taxMinor,
    taxes: totals.taxes.map((t) => ({ rateBps: t.rateBps, taxMinor: t.taxMinor })),
    taxIncluded: venue.taxMode === 'inclusive',
    totalMinor: totals.totalMinor,
    paidMinor: totals.paidMinor,
    /** Being paid right now from another phone. */
    pendingMinor: state.reservedMinor,
    /** What can still be paid: total less paid less pending. */
    dueMinor: availableMinor(state),
    payments: bill.payments
      .filter((p) => p.status === 'succeeded' || isFreshPending(p, now))
      .map((p) => ({
        method: p.method,
        status: p.status,
        amountMinor: p.amountMinor,
        tipMinor: p.tipMinor,
        refundedMinor: p.refundedMinor,
        at: p.createdAt.toISOString(),
      })),
  };
}

export type CustomerBill = ReturnType<typeof customerBill>;
