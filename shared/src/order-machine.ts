import type { LineStatus, OrderStatus } from './domain/index.ts';
import { REJECTION_MESSAGES, MutationRejected, type RejectionReason } from './rejections.ts';

/**
 * The order state machine, shared by tablet and server (S12: the server derives status
 * itself and never takes it from a client).
 *
 *   open ──send──▶ sent ──pay part──▶ part_paid ──pay rest──▶ paid ──close──▶ closed
 *     │              │                    │                     │
 *     └──────────────┴──── void (nothing paid) ─────────────────┘ (void only if unpaid)
 *
 * Status between open and paid is *derived* from lines and payments (`deriveOrderStatus`);
 * only close and void are explicit steps. Lines: new ─send─▶ sent ─bump─▶ ready ─bump─▶
 * served; recall puts a ready or served line back to sent; any line can be voided
 * (a sent one only with a manager, see permissions.ts).
 */

export type Check = { ok: true } | { ok: false; reason: RejectionReason; message: string };

const OK: Check = { ok: true };

function refuse(reason: RejectionReason, message: string = REJECTION_MESSAGES[reason]): Check {
  return { ok: false, reason, message };
}

/** Throw the rejection a failed check names. */
export function assertCheck(check: Check): void {
  if (!check.ok) throw new MutationRejected(check.reason, check.message);
}

const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  open: ['sent', 'part_paid', 'paid', 'closed', 'void'],
  // Back to open when every sent line was voided.
  sent: ['open', 'part_paid', 'paid', 'closed', 'void'],
  // Back when a payment is refunded; void needs the payments refunded first.
  part_paid: ['open', 'sent', 'paid', 'closed'],
  paid: ['open', 'sent', 'part_paid', 'closed'],
  closed: [],
  void: [],
};

const LINE_TRANSITIONS: Readonly<Record<LineStatus, readonly LineStatus[]>> = {
  new: ['sent', 'voided'],
  sent: ['ready', 'served', 'voided'],
  ready: ['served', 'sent', 'voided'],
  served: ['sent', 'voided'],
  voided: [],
};

export const EDITABLE_ORDER_STATUSES: readonly OrderStatus[] = ['open', 'sent', 'part_paid'];

/** Paid, closed and void orders cannot be edited (lines, discounts, covers, table). */
export function isOrderEditable(status: OrderStatus): boolean {
  return EDITABLE_ORDER_STATUSES.includes(status);
}

export function checkOrderEditable(status: OrderStatus): Check {
  return isOrderEditable(status)
    ? OK
    : refuse('order_not_editable', `The order is ${status} and can no longer be changed.`);
}

export function checkOrderTransition(from: OrderStatus, to: OrderStatus): Check {
  if (from === to || ORDER_TRANSITIONS[from].includes(to)) return OK;
  return refuse('invalid_transition', `An order cannot go from ${from} to ${to}.`);
}

export function checkLineTransition(from: LineStatus, to: LineStatus): Check {
  if (from === to || LINE_TRANSITIONS[from].includes(to)) return OK;
  return refuse('invalid_transition', `A line cannot go from ${from} to ${to}.`);
}

/** Quantity, modifiers and note can change only before the kitchen has the line. */
export function checkLineEditable(status: LineStatus): Check {
  return status === 'new'
    ? OK
    : refuse('line_not_editable', `The line is ${status}; void it and add a new one.`);
}

/** A line the kitchen has been told about (voiding it throws food away: manager). */
export function isLineSent(status: LineStatus): boolean {
  return status === 'sent' || status === 'ready' || status === 'served';
}

/**
 * The status an order should have given its lines and money. Closed and void are final
 * and kept; otherwise: paid once something was paid and nothing is due, part_paid while
 * something was paid, sent once a live line reached the kitchen, else open. An order
 * whose total is zero and nothing paid (fully comped) stays editable; it can be closed.
 */
export function deriveOrderStatus(input: {
  status: OrderStatus;
  lineStatuses: readonly LineStatus[];
  totalMinor: number;
  paidMinor: number;
}): OrderStatus {
  const { status, lineStatuses, totalMinor, paidMinor } = input;
  if (status === 'closed' || status === 'void') return status;
  const live = lineStatuses.filter((s) => s !== 'voided');
  if (paidMinor > 0 && paidMinor >= totalMinor && live.length > 0) return 'paid';
  if (paidMinor > 0) return 'part_paid';
  if (live.some(isLineSent)) return 'sent';
  return 'open';
}

/** An order can be closed once nothing is due; closing twice is harmless. */
export function checkCanClose(status: OrderStatus, dueMinor: number): Check {
  if (status === 'closed') return OK;
  const transition = checkOrderTransition(status, 'closed');
  if (!transition.ok) return transition;
  return dueMinor > 0
    ? refuse('not_fully_paid', `The order still has ${dueMinor} minor units due.`)
    : OK;
}

/** An order can be voided only while nothing has been paid on it. */
export function checkCanVoid(status: OrderStatus, paidMinor: number): Check {
  if (status === 'void') return OK;
  if (paidMinor > 0) return refuse('order_has_payments');
  if (status === 'closed') return refuse('order_not_editable', 'A closed order cannot be voided.');
  return checkOrderTransition(status, 'void');
}
