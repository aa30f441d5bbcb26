import type { OrderId } from '../ids.ts';
import type { OrderRow } from '../domain/index.ts';
import { deriveOrderStatus } from '../order-machine.ts';
import { computeOrderTotals, orderTotalsColumns } from '../totals.ts';
import type { StoreScope } from './context.ts';
import { liveLines, requireOrder, touched } from './helpers.ts';

const DERIVED_COLUMNS = [
  'status',
  'subtotalMinor',
  'discountMinor',
  'serviceChargeMinor',
  'taxMinor',
  'totalMinor',
  'paidMinor',
  'tipMinor',
  'overpaidMinor',
] as const satisfies readonly (keyof OrderRow)[];

/**
 * S12: recompute an order's money and status from the stored lines and payments, after
 * any change to them, and write what changed (line totals and the order's derived
 * columns). Rows that did not change are not rewritten, so they keep their version.
 * Also for server paths without a staff actor (a Stripe payment or a refund landing).
 */
export async function recalculateOrder(run: StoreScope, orderId: OrderId): Promise<OrderRow> {
  const order = await requireOrder(run, orderId);
  const lines = await liveLines(run, orderId);
  const payments = (await run.store.getPayments(orderId)).filter((p) => p.deletedAt === null);
  const totals = computeOrderTotals({ order, lines, payments, taxMode: run.ctx.venue.taxMode });

  for (const [index, line] of lines.entries()) {
    const computed = totals.lines[index]?.lineTotalMinor;
    if (computed !== undefined && computed !== line.lineTotalMinor) {
      await run.store.put('orderLines', touched({ ...line, lineTotalMinor: computed }, run));
    }
  }

  const next: OrderRow = {
    ...order,
    ...orderTotalsColumns(totals),
    status: deriveOrderStatus({
      status: order.status,
      lineStatuses: lines.map((line) => line.status),
      totalMinor: totals.totalMinor,
      paidMinor: totals.paidMinor,
    }),
  };
  if (DERIVED_COLUMNS.some((column) => next[column] !== order[column])) {
    const written = touched(next, run);
    await run.store.put('orders', written);
    return written;
  }
  return order;
}
