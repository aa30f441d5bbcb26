import type { OrderRow } from '../domain/index.ts';
import { assertCheck, checkCanClose, checkCanVoid, isLineSent } from '../order-machine.ts';
import { reject } from '../rejections.ts';
import { computeOrderTotals, type OrderTotals } from '../totals.ts';
import type { RuleScope } from './context.ts';
import type { RuleRun } from '../mutations/define.ts';
import type {
  OrderCloseArgs,
  OrderMergeArgs,
  OrderMoveTableArgs,
  OrderOpenArgs,
  OrderSetCoversArgs,
  OrderVoidArgs,
} from '../mutations/order-lifecycle.ts';
import {
  isLive,
  liveLines,
  requireAction,
  requireEditableOrder,
  requireOrder,
  touched,
} from './helpers.ts';
import { newOrderRow } from './new-rows.ts';
import { recalculateOrder } from './recalculate.ts';

/**
 * Opens an order. S3: an order id that already exists is the same order arriving again,
 * so nothing happens. Service charge is taken from the venue now and kept on the order.
 */
export async function openOrder(run: RuleRun<OrderOpenArgs>): Promise<void> {
  const { args, clientTime, staffId } = run.mutation;
  requireAction(run, 'order.open');
  if (await run.store.getOrder(args.orderId)) return;

  const sameNumber = await run.store.findOrderByNumber(args.number);
  if (sameNumber) reject('duplicate_order_number', `Order number ${args.number} is taken.`);

  let tableId: OrderRow['tableId'] = null;
  if (args.kind === 'table') {
    const table = await run.store.getTable(args.tableId);
    if (!isLive(table)) reject('not_found', `Table ${args.tableId} does not exist.`);
    tableId = table.id;
  }

  const { venue, now, deviceId } = run.ctx;
  await run.store.put(
    'orders',
    newOrderRow({
      venue,
      now,
      id: args.orderId,
      number: args.number,
      kind: args.kind,
      tableId,
      covers: args.covers,
      deviceId,
      openedBy: staffId,
      // S11: the tablet's clock decides the business day, however late the order syncs.
      openedAt: clientTime,
    }),
  );
}

export async function moveTable(run: RuleRun<OrderMoveTableArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'order.moveTable');
  const order = await requireEditableOrder(run, args.orderId);
  const table = await run.store.getTable(args.tableId);
  if (!isLive(table)) reject('not_found', `Table ${args.tableId} does not exist.`);
  if (order.tableId === table.id && order.kind === 'table') return;
  await run.store.put('orders', touched({ ...order, kind: 'table', tableId: table.id }, run));
}

export async function setCovers(run: RuleRun<OrderSetCoversArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'order.setCovers');
  const order = await requireEditableOrder(run, args.orderId);
  if (order.covers === args.covers) return;
  await run.store.put('orders', touched({ ...order, covers: args.covers }, run));
}

/**
 * Moves every line of the source onto the target and voids the source, pointing it at
 * the target. A source with payments is refused: money stays on the bill it was paid to.
 */
export async function mergeOrders(run: RuleRun<OrderMergeArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'order.merge');
  if (args.sourceOrderId === args.targetOrderId) {
    reject('invalid_merge', 'An order cannot be merged into itself.');
  }
  const source = await requireEditableOrder(run, args.sourceOrderId);
  const target = await requireEditableOrder(run, args.targetOrderId);
  const payments = (await run.store.getPayments(source.id)).filter(isLive);
  if (payments.length > 0) {
    reject('order_has_payments', `Order ${source.number} has payments; it cannot be merged away.`);
  }

  for (const line of await liveLines(run, source.id)) {
    await run.store.put('orderLines', touched({ ...line, orderId: target.id }, run));
  }
  await run.store.put(
    'orders',
    touched(
      {
        ...source,
        status: 'void',
        mergedInto: target.id,
        voidReason: `Merged into ${target.number}`,
        closedAt: run.mutation.clientTime,
      },
      run,
    ),
  );
  await recalculateOrder(run, source.id);
  const merged = await requireOrder(run, target.id);
  const covers = Math.min(merged.covers + source.covers, 500);
  if (covers !== merged.covers) await run.store.put('orders', touched({ ...merged, covers }, run));
  await recalculateOrder(run, target.id);
}

/** The order's money as its stored lines and payments say now (S12: never the stored totals). */
async function currentTotals(run: RuleScope, order: OrderRow): Promise<OrderTotals> {
  const lines = await liveLines(run, order.id);
  const payments = (await run.store.getPayments(order.id)).filter(isLive);
  return computeOrderTotals({ order, lines, payments, taxMode: run.ctx.venue.taxMode });
}

/** Closes an order once nothing is due. Closing a closed order again changes nothing. */
export async function closeOrder(run: RuleRun<OrderCloseArgs>): Promise<void> {
  const { args, clientTime } = run.mutation;
  requireAction(run, 'order.close');
  const order = await requireOrder(run, args.orderId);
  if (order.status === 'closed') return;
  const totals = await currentTotals(run, order);
  assertCheck(checkCanClose(order.status, totals.dueMinor));
  await run.store.put('orders', touched({ ...order, status: 'closed', closedAt: clientTime }, run));
}

/**
 * Voids an unpaid order and every live line on it (so the kitchen display drops them).
 * Voiding an order the kitchen has already seen needs a manager, like voiding a sent line.
 */
export async function voidOrder(run: RuleRun<OrderVoidArgs>): Promise<void> {
  const { args, clientTime, staffId } = run.mutation;
  const order = await requireOrder(run, args.orderId);
  if (order.status === 'void') {
    requireAction(run, 'order.void');
    return;
  }
  const lines = await liveLines(run, order.id);
  const kitchenHasSeen = lines.some((line) => isLineSent(line.status));
  requireAction(run, kitchenHasSeen ? 'order.voidSent' : 'order.void');
  assertCheck(checkCanVoid(order.status, (await currentTotals(run, order)).paidMinor));

  for (const line of lines) {
    if (line.status === 'voided') continue;
    await run.store.put(
      'orderLines',
      touched({ ...line, status: 'voided', voidReason: args.reason, voidedBy: staffId }, run),
    );
  }
  await run.store.put(
    'orders',
    touched({ ...order, status: 'void', voidReason: args.reason, closedAt: clientTime }, run),
  );
  await recalculateOrder(run, order.id);
}
