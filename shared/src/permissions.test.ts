import { describe, expect, it } from 'vitest';
import { StaffRoleSchema } from './domain/index.ts';
import { ACTIONS } from './mutations.ts';
import { authorize, can, needsApproval } from './permissions.ts';

describe('permissions', () => {
  it('kitchen staff may only bump and recall', () => {
    expect(ACTIONS.filter((action) => can('kitchen', action))).toEqual([
      'kitchen.bump',
      'kitchen.recall',
    ]);
  });

  it('waiters and cashiers run service and take payments, but not discounts or voiding sent food', () => {
    for (const role of ['waiter', 'cashier'] as const) {
      expect(can(role, 'order.open')).toBe(true);
      expect(can(role, 'order.addLine')).toBe(true);
      expect(can(role, 'order.send')).toBe(true);
      expect(can(role, 'order.voidLine')).toBe(true);
      expect(can(role, 'payment.record')).toBe(true);
      expect(can(role, 'order.voidSentLine')).toBe(false);
      expect(can(role, 'order.applyDiscount')).toBe(false);
      expect(can(role, 'payment.refund')).toBe(false);
      expect(can(role, 'reports.view')).toBe(false);
    }
  });

  it('managers may do everything but change venue settings; owners everything', () => {
    expect(ACTIONS.filter((action) => !can('manager', action))).toEqual(['venue.settings']);
    expect(ACTIONS.every((action) => can('owner', action))).toBe(true);
  });

  it('a manager PIN on the spot lets a waiter void a sent line', () => {
    expect(needsApproval('waiter', 'order.voidSentLine')).toBe(true);
    expect(authorize('waiter', 'order.voidSentLine', null)).toEqual({
      ok: false,
      reason: 'approval_required',
    });
    expect(authorize('waiter', 'order.voidSentLine', 'manager')).toEqual({
      ok: true,
      approved: true,
    });
    expect(authorize('waiter', 'order.voidSentLine', 'cashier')).toEqual({
      ok: false,
      reason: 'invalid_approval',
    });
  });

  it('approval cannot grant what is not approvable, and kitchen cannot be approved into service', () => {
    expect(authorize('waiter', 'staff.manage', 'owner')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(authorize('kitchen', 'order.applyDiscount', 'manager')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('a role that may act alone needs no approval', () => {
    for (const role of StaffRoleSchema.options) {
      expect(authorize(role, 'kitchen.bump', null).ok).toBe(can(role, 'kitchen.bump'));
    }
    expect(authorize('manager', 'order.applyDiscount', null)).toEqual({
      ok: true,
      approved: false,
    });
  });
});
