import type { LineId, OrderId } from '../ids.ts';
import type { LineStatus, OrderLineRow } from '../domain/index.ts';
import { assertCheck, checkLineTransition } from '../order-machine.ts';
import { reject } from '../rejections.ts';
import type { RuleScope } from './context.ts';
import type { RuleRun } from '../mutations/define.ts';
import type { KitchenBumpArgs, KitchenRecallArgs } from '../mutations/kitchen.ts';
import { requireAction, requireLine, requireOrder, touched } from './helpers.ts';

const PROGRESS: Readonly<Record<LineStatus, number>> = {
  new: 0,
  sent: 1,
  ready: 2,
  served: 3,
  voided: -1,
};

async function linesOfOrder(
  run: RuleScope,
  orderId: OrderId,
  lineIds: readonly LineId[],
): Promise<OrderLineRow[]> {
  const order = await requireOrder(run, orderId);
  const lines: OrderLineRow[] = [];
  for (const lineId of new Set(lineIds)) {
    const line = await requireLine(run, lineId);
    if (line.orderId !== order.id) reject('not_found', `Line ${lineId} is not on ${order.number}.`);
    lines.push(line);
  }
  return lines;
}

/**
 * Kitchen display: lines to ready or served. The target is explicit, so a line already
 * there (another screen bumped it) stays put, and voided lines are skipped: a manager
 * voiding a dish while the kitchen bumps the ticket must not fail the bump. The kitchen
 * may bump lines of any order, paid and closed ones included (pay-first cafés).
 */
export async function bumpLines(run: RuleRun<KitchenBumpArgs>): Promise<void> {
  const { args, clientTime } = run.mutation;
  requireAction(run, 'kitchen.bump');
  const lines = await linesOfOrder(run, args.orderId, args.lineIds);
  const moving = lines.filter(
    (line) => line.status !== 'voided' && PROGRESS[line.status] < PROGRESS[args.to],
  );
  for (const line of moving) assertCheck(checkLineTransition(line.status, args.to));
  for (const line of moving) {
    await run.store.put(
      'orderLines',
      touched({ ...line, status: args.to, readyAt: line.readyAt ?? clientTime }, run),
    );
  }
}

/** Kitchen display: ready or served lines back to sent (the ticket reappears). */
export async function recallLines(run: RuleRun<KitchenRecallArgs>): Promise<void> {
  const { args } = run.mutation;
  requireAction(run, 'kitchen.recall');
  const lines = await linesOfOrder(run, args.orderId, args.lineIds);
  const moving = lines.filter((line) => line.status === 'ready' || line.status === 'served');
  for (const line of lines) {
    if (line.status === 'new') {
      reject('invalid_transition', `${line.name} has not been sent to the kitchen yet.`);
    }
  }
  for (const line of moving) {
    await run.store.put('orderLines', touched({ ...line, status: 'sent', readyAt: null }, run));
  }
}
