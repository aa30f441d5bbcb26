import { discountToColumns, ZERO } from '../money.ts';
import {
  assertCheck,
  checkLineEditable,
  checkLineTransition,
  isLineSent,
} from '../order-machine.ts';
import { reject } from '../rejections.ts';
import { lineAmounts } from '../totals.ts';
import type { RuleRun } from '../mutations/define.ts';
import type {
  OrderAddLineArgs,
  OrderApplyDiscountArgs,
  OrderSendArgs,
  OrderUpdateLineArgs,
  OrderVoidLineArgs,
} from '../mutations/order-lines.ts';
import {
  isLive,
  liveLines,
  requireAction,
  requireEditableOrder,
  requireLine,
  touched,
} from './helpers.ts';
import { resolveModifiers } from './modifiers.ts';
import { newLineRow } from './new-rows.ts';
import { recalculateOrder } from './recalculate.ts';

/**
 * Adds a line. Name, price, tax rate, kitchen station and modifier prices are taken from
 * the menu as it is now and snapshotted on the line (S12: never from the client).
 * S3: a line id that already exists is the same line arriving again: nothing happens.
 */
export async function addLine(run: RuleRun<OrderAddLineArgs>): Promise<void> {
  const { args, clientTime, staffId } = run.mutation;
  requireAction(run, 'order.addLine');
  const order = await requireEditableOrder(run, args.orderId);
  if (await run.store.getLine(args.lineId)) return;

  const item = await run.store.getMenuItem(args.itemId);
  if (!isLive(item)) reject('unknown_item', `Menu item ${args.itemId} does not exist.`);
  if (!item.available) reject('item_unavailable', `${item.name} is not available right now.`);
  const taxRate = await run.store.getTaxRate(item.taxRateId);
  if (!isLive(taxRate)) reject('unknown_item', `${item.name} has no tax rate.`);
  const modifiers = await resolveModifiers(run.store, item.id, args.modifierOptionIds);

  const line = newLineRow({
    venueId: run.ctx.venue.id,
    id: args.lineId,
    orderId: order.id,
    itemId: item.id,
    name: item.name,
    unitPriceMinor: item.priceMinor,
    taxRateBps: taxRate.rateBps,
    modifiers,
    quantity: args.quantity,
    note: args.note || null,
    seat: args.seat ?? null,
    course: args.course ?? null,
    kitchenStation: item.kitchenStation,
    addedBy: staffId,
    addedAt: clientTime,
    now: run.ctx.now,
  });
  await run.store.put('orderLines', line);
  await recalculateOrder(run, order.id);
}

/** Changes quantity, modifiers or note of a line the kitchen does not have yet. */
export async function updateLine(run: RuleRun<OrderUpdateLineArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'order.updateLine');
  const line = await requireLine(run, args.lineId);
  await requireEditableOrder(run, line.orderId);
  assertCheck(checkLineEditable(line.status));

  let modifiers = line.modifiers;
  if (args.modifierOptionIds !== undefined) {
    // Options are re-read from the menu; the unit price stays as it was when added.
    const item = await run.store.getMenuItem(line.itemId);
    if (!isLive(item)) reject('unknown_item', `${line.name} is no longer on the menu.`);
    modifiers = await resolveModifiers(run.store, item.id, args.modifierOptionIds);
  }
  const next = {
    ...line,
    quantity: args.quantity ?? line.quantity,
    modifiers,
    note: args.note === undefined ? line.note : args.note || null,
  };
  await run.store.put(
    'orderLines',
    touched({ ...next, lineTotalMinor: lineAmounts(next).lineTotalMinor }, run),
  );
  await recalculateOrder(run, line.orderId);
}

/**
 * Voids a line. A line the kitchen already has (sent, ready, served) is food that may be
 * thrown away, so voiding it is `order.voidSentLine`: manager, or a manager's approval.
 */
export async function voidLine(run: RuleRun<OrderVoidLineArgs>): Promise<void> {
  const { args, staffId } = run.mutation;
  const line = await requireLine(run, args.lineId);
  requireAction(run, isLineSent(line.status) ? 'order.voidSentLine' : 'order.voidLine');
  await requireEditableOrder(run, line.orderId);
  if (line.status === 'voided') return;
  assertCheck(checkLineTransition(line.status, 'voided'));
  await run.store.put(
    'orderLines',
    touched(
      {
        ...line,
        status: 'voided',
        voidReason: args.reason,
        voidedBy: staffId,
        lineTotalMinor: ZERO,
      },
      run,
    ),
  );
  await recalculateOrder(run, line.orderId);
}

/** Sends the order's new lines (or the listed ones) to the kitchen. */
export async function sendLines(run: RuleRun<OrderSendArgs>): Promise<void> {
  const { args, clientTime } = run.mutation;
  requireAction(run, 'order.send');
  const order = await requireEditableOrder(run, args.orderId);
  const lines = await liveLines(run, order.id);
  const wanted = args.lineIds ? new Set<string>(args.lineIds) : null;
  if (wanted) {
    const onOrder = new Set<string>(lines.map((line) => line.id));
    const stranger = [...wanted].find((id) => !onOrder.has(id));
    if (stranger) reject('not_found', `Line ${stranger} is not on order ${order.number}.`);
  }
  for (const line of lines) {
    if (line.status !== 'new' || (wanted && !wanted.has(line.id))) continue;
    await run.store.put(
      'orderLines',
      touched({ ...line, status: 'sent', sentAt: clientTime }, run),
    );
  }
  await recalculateOrder(run, order.id);
}

/** Sets or removes a discount on the order or on one of its lines (manager, or approved). */
export async function applyDiscount(run: RuleRun<OrderApplyDiscountArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'order.applyDiscount');
  const order = await requireEditableOrder(run, args.orderId);
  const columns = discountToColumns(args.discount);

  if (args.lineId !== undefined) {
    const line = await requireLine(run, args.lineId);
    if (line.orderId !== order.id) {
      reject('not_found', `Line ${args.lineId} is not on order ${order.number}.`);
    }
    if (line.status === 'voided')
      reject('invalid_transition', 'A voided line cannot be discounted.');
    const next = { ...line, ...columns };
    await run.store.put(
      'orderLines',
      touched({ ...next, lineTotalMinor: lineAmounts(next).lineTotalMinor }, run),
    );
  } else {
    const discountReason = args.discount ? (args.reason ?? null) : null;
    await run.store.put('orders', touched({ ...order, ...columns, discountReason }, run));
  }
  await recalculateOrder(run, order.id);
}
