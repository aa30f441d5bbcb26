import type { OrderLineRow, OrderRow, PaymentRow } from './domain/index.ts';
import {
  discountAmount,
  discountFromColumns,
  minor,
  serviceCharge,
  sumMinor,
  taxOf,
  ZERO,
  type Bps,
  type Minor,
  type TaxMode,
} from './money.ts';
import { allocateByWeights } from './splits.ts';

/**
 * S12: the one way an order's money is computed, on the tablet and on the server alike.
 *
 *   line gross      = (unit price + modifier deltas) × quantity   (voided lines: 0)
 *   line total      = line gross − line discount                    (stored on the line)
 *   order discount  = off the sum of line totals, shared across lines by largest remainder
 *   line net        = line total − its share of the order discount
 *   service charge  = on the sum of line nets (not taxed)
 *   tax             = per tax rate, on the sum of the nets of the lines with that rate,
 *                     inside the price (inclusive) or on top of it (exclusive)
 *   total           = subtotal − discounts + service charge (+ tax when exclusive)
 *
 * Tax is computed once per rate on the order, not per line, so a receipt's VAT lines
 * add up the way a tax inspector recomputes them; each line still gets its exact share
 * (largest remainder) so "pay for these items" amounts add up to the total.
 */

export type TotalsLine = Pick<
  OrderLineRow,
  | 'id'
  | 'unitPriceMinor'
  | 'modifiers'
  | 'quantity'
  | 'status'
  | 'discountKind'
  | 'discountValue'
  | 'taxRateBps'
>;
export type TotalsOrder = Pick<OrderRow, 'discountKind' | 'discountValue' | 'serviceChargeBps'>;
export type TotalsPayment = Pick<
  PaymentRow,
  'status' | 'amountMinor' | 'tipMinor' | 'refundedMinor'
>;

export interface LineTotals {
  lineId: OrderLineRow['id'];
  grossMinor: Minor;
  lineDiscountMinor: Minor;
  /** What `order_lines.line_total_minor` stores. */
  lineTotalMinor: Minor;
  orderDiscountShareMinor: Minor;
  netMinor: Minor;
  serviceChargeShareMinor: Minor;
  taxMinor: Minor;
  /** This line's exact share of the order total; the lines' shares add up to the total. */
  payableMinor: Minor;
}

export interface TaxBreakdown {
  rateBps: Bps;
  /** The amount the tax is computed on (gross when inclusive, net when exclusive). */
  baseMinor: Minor;
  taxMinor: Minor;
}

export interface OrderTotals {
  lines: LineTotals[];
  /** Sum of line gross amounts, before any discount. */
  subtotalMinor: Minor;
  lineDiscountMinor: Minor;
  orderDiscountMinor: Minor;
  /** Line discounts plus the order discount (what `orders.discount_minor` stores). */
  discountMinor: Minor;
  serviceChargeMinor: Minor;
  taxMinor: Minor;
  taxes: TaxBreakdown[];
  totalMinor: Minor;
  /** Succeeded payments less their refunds, tips excluded. */
  paidMinor: Minor;
  tipMinor: Minor;
  dueMinor: Minor;
  overpaidMinor: Minor;
}

/** A line's gross and its total after its own discount; voided lines count zero. */
export function lineAmounts(line: Omit<TotalsLine, 'id' | 'taxRateBps'>): {
  grossMinor: Minor;
  lineDiscountMinor: Minor;
  lineTotalMinor: Minor;
} {
  if (line.status === 'voided') {
    return { grossMinor: ZERO, lineDiscountMinor: ZERO, lineTotalMinor: ZERO };
  }
  const unit = line.unitPriceMinor + sumMinor(line.modifiers.map((m) => m.priceDeltaMinor));
  // A negative modifier can never make a line pay the guest: clamp at zero.
  const grossMinor = minor(Math.max(unit, 0) * line.quantity);
  const lineDiscountMinor = discountAmount(
    grossMinor,
    discountFromColumns(line.discountKind, line.discountValue),
  );
  return { grossMinor, lineDiscountMinor, lineTotalMinor: minor(grossMinor - lineDiscountMinor) };
}

export function computeOrderTotals(input: {
  order: TotalsOrder;
  lines: readonly TotalsLine[];
  payments: readonly TotalsPayment[];
  taxMode: TaxMode;
}): OrderTotals {
  const { order, lines, payments, taxMode } = input;
  // Shares are allocated in line-id order (UUIDv7: the order lines were added), so every
  // store, whatever order it returns lines in, gives each line the same share.
  const sorted = [...lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = computeSorted(order, sorted, payments, taxMode);
  const byId = new Map(result.lines.map((line) => [line.lineId as string, line]));
  return { ...result, lines: lines.map((line) => byId.get(line.id) ?? lineTotalsOf(line)) };
}

function lineTotalsOf(line: TotalsLine): LineTotals {
  const a = lineAmounts(line);
  return {
    lineId: line.id,
    ...a,
    orderDiscountShareMinor: ZERO,
    netMinor: a.lineTotalMinor,
    serviceChargeShareMinor: ZERO,
    taxMinor: ZERO,
    payableMinor: a.lineTotalMinor,
  };
}

function computeSorted(
  order: TotalsOrder,
  lines: readonly TotalsLine[],
  payments: readonly TotalsPayment[],
  taxMode: TaxMode,
): OrderTotals {
  const amounts = lines.map((line) => lineAmounts(line));
  const lineTotals = amounts.map((a) => a.lineTotalMinor);
  const afterLineDiscounts = sumMinor(lineTotals);

  const orderDiscountMinor = discountAmount(
    afterLineDiscounts,
    discountFromColumns(order.discountKind, order.discountValue),
  );
  const discountShares = allocateByWeights(orderDiscountMinor, lineTotals);
  const nets = lineTotals.map((total, i) => minor(total - (discountShares[i] ?? 0)));
  const netSum = sumMinor(nets);

  const serviceChargeMinor = serviceCharge(netSum, order.serviceChargeBps);
  const serviceShares = allocateByWeights(serviceChargeMinor, nets);

  // Group line indices by their snapshot tax rate, lowest rate first for a stable receipt.
  const byRate = new Map<number, number[]>();
  lines.forEach((line, i) => {
    if (line.status === 'voided') return;
    const group = byRate.get(line.taxRateBps) ?? [];
    group.push(i);
    byRate.set(line.taxRateBps, group);
  });
  const lineTax: Minor[] = lines.map(() => ZERO);
  const taxes: TaxBreakdown[] = [];
  for (const rateBps of [...byRate.keys()].sort((a, b) => a - b)) {
    const indices = byRate.get(rateBps) ?? [];
    const groupNets = indices.map((i) => nets[i] ?? ZERO);
    const baseMinor = sumMinor(groupNets);
    const taxMinor = taxOf(baseMinor, rateBps, taxMode);
    allocateByWeights(taxMinor, groupNets).forEach((share, k) => {
      lineTax[indices[k] ?? 0] = share;
    });
    taxes.push({ rateBps, baseMinor, taxMinor });
  }
  const taxMinor = sumMinor(taxes.map((t) => t.taxMinor));

  const subtotalMinor = sumMinor(amounts.map((a) => a.grossMinor));
  const lineDiscountMinor = sumMinor(amounts.map((a) => a.lineDiscountMinor));
  const discountMinor = minor(lineDiscountMinor + orderDiscountMinor);
  const totalMinor = minor(
    subtotalMinor - discountMinor + serviceChargeMinor + (taxMode === 'exclusive' ? taxMinor : 0),
  );

  let paid = 0;
  let tips = 0;
  for (const payment of payments) {
    if (payment.status !== 'succeeded') continue;
    paid += Math.max(payment.amountMinor - payment.refundedMinor, 0);
    tips += payment.tipMinor;
  }
  const paidMinor = minor(paid);

  return {
    lines: lines.map((line, i) => {
      const a = amounts[i] ?? lineAmounts(line);
      const net = nets[i] ?? ZERO;
      const service = serviceShares[i] ?? ZERO;
      const tax = lineTax[i] ?? ZERO;
      return {
        lineId: line.id,
        ...a,
        orderDiscountShareMinor: discountShares[i] ?? ZERO,
        netMinor: net,
        serviceChargeShareMinor: service,
        taxMinor: tax,
        payableMinor: minor(net + service + (taxMode === 'exclusive' ? tax : 0)),
      };
    }),
    subtotalMinor,
    lineDiscountMinor,
    orderDiscountMinor,
    discountMinor,
    serviceChargeMinor,
    taxMinor,
    taxes,
    totalMinor,
    paidMinor,
    tipMinor: minor(tips),
    dueMinor: minor(Math.max(totalMinor - paidMinor, 0)),
    overpaidMinor: minor(Math.max(paidMinor - totalMinor, 0)),
  };
}

/** The derived money columns of `orders`, as the server stores them. */
export function orderTotalsColumns(
  totals: OrderTotals,
): Pick<
  OrderRow,
  | 'subtotalMinor'
  | 'discountMinor'
  | 'serviceChargeMinor'
  | 'taxMinor'
  | 'totalMinor'
  | 'paidMinor'
  | 'tipMinor'
  | 'overpaidMinor'
> {
  return {
    subtotalMinor: totals.subtotalMinor,
    discountMinor: totals.discountMinor,
    serviceChargeMinor: totals.serviceChargeMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    paidMinor: totals.paidMinor,
    tipMinor: totals.tipMinor,
    overpaidMinor: totals.overpaidMinor,
  };
}
