import type { LineId, OrderId } from '../ids.ts';
import type { OrderLineRow, OrderRow } from '../domain/index.ts';
import { assertCheck, checkOrderEditable } from '../order-machine.ts';
import { authorize, type Action } from '../permissions.ts';
import { MutationRejected, reject } from '../rejections.ts';
import type { RuleScope, StoreScope } from './context.ts';

/** A row that exists and is not tombstoned. */
export function isLive<T extends { deletedAt: string | null }>(row: T | undefined): row is T {
  return row !== undefined && row.deletedAt === null;
}

/** Reject unless the actor (or the actor with the approver's PIN) may perform `action`. */
export function requireAction(run: RuleScope, action: Action): void {
  const result = authorize(run.actor.role, action, run.approver?.role ?? null);
  if (result.ok) return;
  const who = `${run.actor.name} (${run.actor.role})`;
  const messages = {
    forbidden: `${who} may not perform ${action}.`,
    approval_required: `${action} needs a manager's approval.`,
    invalid_approval: `${run.approver?.name ?? 'The approver'} cannot approve ${action}.`,
  } as const;
  throw new MutationRejected(result.reason, messages[result.reason]);
}

export async function requireOrder(run: StoreScope, orderId: OrderId): Promise<OrderRow> {
  const order = await run.store.getOrder(orderId);
  if (!isLive(order)) return reject('not_found', `Order ${orderId} does not exist.`);
  return order;
}

/** The order, which must still be open to changes (not paid, closed or void). */
export async function requireEditableOrder(run: RuleScope, orderId: OrderId): Promise<OrderRow> {
  const order = await requireOrder(run, orderId);
  assertCheck(checkOrderEditable(order.status));
  return order;
}

export async function requireLine(run: StoreScope, lineId: LineId): Promise<OrderLineRow> {
  const line = await run.store.getLine(lineId);
  if (!isLive(line)) return reject('not_found', `Line ${lineId} does not exist.`);
  return line;
}

/** The order's lines that are not tombstoned (voided lines included). */
export async function liveLines(run: StoreScope, orderId: OrderId): Promise<OrderLineRow[]> {
  return (await run.store.getLines(orderId)).filter((line) => line.deletedAt === null);
}

/** A copy of the row marked as written now. */
export function touched<T extends { updatedAt: string }>(row: T, run: StoreScope): T {
  return { ...row, updatedAt: run.ctx.now };
}
