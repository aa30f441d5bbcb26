import type { StaffRole } from './domain/index.ts';
import type { MutationAction } from './mutations/registry.ts';

/**
 * Who may do what. Mutations map to actions in the mutators (voiding a line that the
 * kitchen already has is `order.voidSentLine`, not `order.voidLine`); procedures and
 * screens use the other actions. The server checks every mutation against this table;
 * the tablet uses the same table to hide what the signed-in role cannot do.
 *
 * Decisions:
 * - Waiters and cashiers run the whole service flow, payments included: in table
 *   service the waiter takes the money at the table, and a café's cashier also takes
 *   the order. They differ in which screen they start on, not in rights.
 * - Anything that takes money off a bill or throws food away (discounts, voiding a sent
 *   line or an order the kitchen has seen, refunds) needs a manager or owner — or a
 *   manager's PIN entered on the spot (`approvedBy` on the mutation).
 * - Kitchen staff only move lines along the kitchen display (bump, recall).
 * - Managers run the venue (menu, tables, staff, devices, reports); only the owner
 *   changes venue settings and billing.
 */

/**
 * Actions that are not mutations: procedures and screens. The actions mutations ask for are
 * declared by each mutation (`mutations/`); `ACTIONS` (in `mutations.ts`) lists both.
 */
export const OTHER_ACTIONS = [
  'payment.refund',
  'reports.view',
  'menu.edit',
  'tables.edit',
  'staff.manage',
  'devices.manage',
  'outbox.import',
  'venue.settings',
] as const;
export type Action = MutationAction | (typeof OTHER_ACTIONS)[number];

// The role sets are policy over actions, not a list of mutations: a mutation that reuses an
// action needs no edit here. An action no mutation declares any more is a type error here, and
// one a new mutation introduces is the owner's alone until a role set grants it.
const SERVICE: readonly Action[] = [
  'order.open',
  'order.addLine',
  'order.updateLine',
  'order.voidLine',
  'order.send',
  'order.moveTable',
  'order.merge',
  'order.setCovers',
  'order.close',
  'order.void',
  'payment.record',
];

const KITCHEN: readonly Action[] = ['kitchen.bump', 'kitchen.recall'];

const MANAGER: readonly Action[] = [
  ...SERVICE,
  ...KITCHEN,
  'order.voidSentLine',
  'order.applyDiscount',
  'order.voidSent',
  'payment.refund',
  'reports.view',
  'menu.edit',
  'tables.edit',
  'staff.manage',
  'devices.manage',
  'outbox.import',
];

/** What each role may do alone. The owner may do everything. */
export const PERMISSIONS: Readonly<Record<Exclude<StaffRole, 'owner'>, ReadonlySet<Action>>> = {
  waiter: new Set(SERVICE),
  cashier: new Set(SERVICE),
  kitchen: new Set(KITCHEN),
  manager: new Set(MANAGER),
};

/** Actions a role without the right may still perform with a manager's approval. */
export const APPROVABLE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'order.voidSentLine',
  'order.applyDiscount',
  'order.voidSent',
  'payment.refund',
]);

/** Roles whose PIN can approve an action on the spot. */
export const APPROVER_ROLES: ReadonlySet<StaffRole> = new Set<StaffRole>(['manager', 'owner']);

export function can(role: StaffRole, action: Action): boolean {
  return role === 'owner' || PERMISSIONS[role].has(action);
}

/** True when `role` may not do `action` alone but may with a manager's approval. */
export function needsApproval(role: StaffRole, action: Action): boolean {
  return !can(role, action) && APPROVABLE_ACTIONS.has(action) && role !== 'kitchen';
}

export type Authorization =
  | { ok: true; approved: boolean }
  | { ok: false; reason: 'forbidden' | 'approval_required' | 'invalid_approval' };

/**
 * Whether `role` may perform `action`, given the role of whoever approved it on the spot
 * (null when nobody did). An approval is only looked at when the role needs one.
 */
export function authorize(
  role: StaffRole,
  action: Action,
  approverRole: StaffRole | null,
): Authorization {
  if (can(role, action)) return { ok: true, approved: false };
  if (!needsApproval(role, action)) return { ok: false, reason: 'forbidden' };
  if (approverRole == null) return { ok: false, reason: 'approval_required' };
  if (!APPROVER_ROLES.has(approverRole) || !can(approverRole, action)) {
    return { ok: false, reason: 'invalid_approval' };
  }
  return { ok: true, approved: true };
}
