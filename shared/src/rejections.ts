import { z } from 'zod';

/**
 * S4: why a mutation was rejected. A rejected mutation still advances its client's
 * counter and changes nothing else; the reason travels back on the next pull so the
 * tablet can tell the person and drop its optimistic effect. Adding a reason is a
 * protocol change (bump PROTOCOL_VERSION).
 */
export const REJECTION_MESSAGES = {
  unknown_mutation: 'This app version sent an action the server does not know.',
  invalid_args: 'The action was malformed.',
  unknown_staff: 'The staff member is unknown or no longer active.',
  forbidden: 'Your role is not allowed to do this.',
  approval_required: 'A manager must approve this.',
  invalid_approval: 'The approving staff member is not an active manager or owner.',
  not_found: 'The order, line or table no longer exists.',
  unknown_item: 'That menu item no longer exists.',
  item_unavailable: 'That menu item is not available right now.',
  invalid_modifiers: 'The chosen options do not fit this item.',
  duplicate_order_number: 'Another order already has this number.',
  order_not_editable: 'The order is paid, closed or void and can no longer be changed.',
  line_not_editable: 'The line has already gone to the kitchen; void it and add a new one.',
  invalid_transition: 'That step does not fit the current state.',
  order_has_payments: 'The order has payments; refund them first.',
  not_fully_paid: 'The order still has an amount due.',
  invalid_amount: 'The amount is not valid.',
  invalid_merge: 'These orders cannot be merged.',
} as const;

export type RejectionReason = keyof typeof REJECTION_MESSAGES;

export const REJECTION_REASONS = Object.keys(REJECTION_MESSAGES) as [
  RejectionReason,
  ...RejectionReason[],
];

export const RejectionReasonSchema = z.enum(REJECTION_REASONS);

/**
 * Thrown by the shared rules when a mutation breaks a business rule. Anything else
 * thrown while applying a mutation is a transient failure: the server advances nothing
 * and the client retries (S4).
 */
export class MutationRejected extends Error {
  override readonly name = 'MutationRejected';
  readonly reason: RejectionReason;

  constructor(reason: RejectionReason, detail?: string) {
    super(detail ?? REJECTION_MESSAGES[reason]);
    this.reason = reason;
  }
}

export function isMutationRejected(error: unknown): error is MutationRejected {
  return error instanceof MutationRejected;
}

/** Throw a rejection; reads well in guard clauses: `if (!order) reject('not_found')`. */
export function reject(reason: RejectionReason, detail?: string): never {
  throw new MutationRejected(reason, detail);
}
