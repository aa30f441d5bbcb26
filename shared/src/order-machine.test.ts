import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineStatusSchema, OrderStatusSchema } from './domain/index.ts';
import {
  checkCanClose,
  checkCanVoid,
  checkLineEditable,
  checkLineTransition,
  checkOrderEditable,
  checkOrderTransition,
  deriveOrderStatus,
  isOrderEditable,
} from './order-machine.ts';

describe('order state machine', () => {
  it('paid, closed and void orders cannot be edited', () => {
    expect(OrderStatusSchema.options.filter(isOrderEditable)).toEqual([
      'open',
      'sent',
      'part_paid',
    ]);
    expect(checkOrderEditable('paid')).toMatchObject({ ok: false, reason: 'order_not_editable' });
    expect(checkOrderEditable('closed')).toMatchObject({ ok: false, reason: 'order_not_editable' });
    expect(checkOrderEditable('void')).toMatchObject({ ok: false, reason: 'order_not_editable' });
  });

  it('closed and void are final', () => {
    for (const to of OrderStatusSchema.options) {
      if (to !== 'closed') expect(checkOrderTransition('closed', to).ok).toBe(false);
      if (to !== 'void') expect(checkOrderTransition('void', to).ok).toBe(false);
    }
  });

  it('names why a transition is refused', () => {
    expect(checkOrderTransition('closed', 'open')).toEqual({
      ok: false,
      reason: 'invalid_transition',
      message: 'An order cannot go from closed to open.',
    });
    expect(checkLineTransition('voided', 'sent')).toMatchObject({ reason: 'invalid_transition' });
    expect(checkLineTransition('new', 'ready')).toMatchObject({ reason: 'invalid_transition' });
  });

  it('lines: new -> sent -> ready -> served, recall back to sent, void from anywhere live', () => {
    expect(checkLineTransition('new', 'sent').ok).toBe(true);
    expect(checkLineTransition('sent', 'ready').ok).toBe(true);
    expect(checkLineTransition('ready', 'served').ok).toBe(true);
    expect(checkLineTransition('served', 'sent').ok).toBe(true);
    for (const from of ['new', 'sent', 'ready', 'served'] as const) {
      expect(checkLineTransition(from, 'voided').ok).toBe(true);
    }
  });

  it('only a new line can be edited', () => {
    expect(checkLineEditable('new').ok).toBe(true);
    expect(checkLineEditable('sent')).toMatchObject({ ok: false, reason: 'line_not_editable' });
  });

  it('derives status from lines and payments', () => {
    const base = { status: 'open' as const, totalMinor: 1000, paidMinor: 0 };
    expect(deriveOrderStatus({ ...base, lineStatuses: [] })).toBe('open');
    expect(deriveOrderStatus({ ...base, lineStatuses: ['new'] })).toBe('open');
    expect(deriveOrderStatus({ ...base, lineStatuses: ['new', 'sent'] })).toBe('sent');
    expect(deriveOrderStatus({ ...base, lineStatuses: ['sent', 'voided'], status: 'sent' })).toBe(
      'sent',
    );
    expect(deriveOrderStatus({ ...base, lineStatuses: ['voided'], status: 'sent' })).toBe('open');
    expect(deriveOrderStatus({ ...base, lineStatuses: ['sent'], paidMinor: 400 })).toBe(
      'part_paid',
    );
    expect(deriveOrderStatus({ ...base, lineStatuses: ['sent'], paidMinor: 1000 })).toBe('paid');
    expect(deriveOrderStatus({ ...base, lineStatuses: ['sent'], paidMinor: 1200 })).toBe('paid');
    // A fully comped order (total 0, nothing paid) stays editable.
    expect(deriveOrderStatus({ ...base, lineStatuses: ['sent'], totalMinor: 0 })).toBe('sent');
    expect(deriveOrderStatus({ ...base, status: 'closed', lineStatuses: [], paidMinor: 1 })).toBe(
      'closed',
    );
  });

  it('every derived status change is an allowed transition (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OrderStatusSchema.options),
        fc.array(fc.constantFrom(...LineStatusSchema.options), { maxLength: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (status, lineStatuses, totalMinor, paidMinor) => {
          const next = deriveOrderStatus({ status, lineStatuses, totalMinor, paidMinor });
          expect(checkOrderTransition(status, next).ok).toBe(true);
        },
      ),
    );
  });

  it('closing needs nothing due; voiding needs nothing paid', () => {
    expect(checkCanClose('paid', 0).ok).toBe(true);
    expect(checkCanClose('sent', 0).ok).toBe(true);
    expect(checkCanClose('closed', 0).ok).toBe(true);
    expect(checkCanClose('part_paid', 50)).toMatchObject({ reason: 'not_fully_paid' });
    expect(checkCanClose('void', 0)).toMatchObject({ reason: 'invalid_transition' });
    expect(checkCanVoid('sent', 0).ok).toBe(true);
    expect(checkCanVoid('part_paid', 100)).toMatchObject({ reason: 'order_has_payments' });
    expect(checkCanVoid('closed', 0)).toMatchObject({ reason: 'order_not_editable' });
    expect(checkCanVoid('void', 0).ok).toBe(true);
  });
});
