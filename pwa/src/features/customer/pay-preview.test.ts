import { minor } from '@servio/shared/money';
import { describe, expect, it } from 'vitest';
import type { CustomerBill, CustomerBillLine } from '../../api/table-bill.ts';
import { initialDraft, previewPayment, shareNumber, type PayDraft } from './pay-preview.ts';

function line(id: string, payableMinor: number, extra: Partial<CustomerBillLine> = {}) {
  return {
    id,
    name: `Item ${id}`,
    quantity: 1,
    unitPriceMinor: payableMinor,
    modifiers: [],
    note: null,
    grossMinor: payableMinor,
    discountMinor: 0,
    lineTotalMinor: payableMinor,
    payableMinor,
    paid: false,
    beingPaid: false,
    ...extra,
  } satisfies CustomerBillLine;
}

function bill(extra: Partial<CustomerBill> = {}): CustomerBill {
  const lines = [line('a', 1650), line('b', 700), line('c', 651)];
  return {
    orderId: 'order',
    number: 'A-1',
    status: 'sent',
    lines,
    subtotalMinor: 3001,
    discountMinor: 0,
    serviceChargeMinor: 0,
    taxMinor: 0,
    taxes: [],
    taxIncluded: true,
    totalMinor: 3001,
    paidMinor: minor(0),
    pendingMinor: minor(0),
    dueMinor: minor(3001),
    payments: [],
    ...extra,
  } as CustomerBill;
}

const draft = (change: Partial<PayDraft>): PayDraft => ({ ...initialDraft, ...change });

describe('what the customer is about to pay (preview; the server decides)', () => {
  it('the whole bill is what is still due', () => {
    expect(
      previewPayment(draft({}), bill({ paidMinor: minor(1000), dueMinor: minor(2001) }), 'EUR'),
    ).toEqual({
      ok: true,
      selection: { kind: 'all' },
      tip: { kind: 'none' },
      amountMinor: 2001,
      tipMinor: 0,
      chargeMinor: 2001,
    });
  });

  it('even shares take turns at the larger part and never exceed what is due', () => {
    const first = previewPayment(draft({ kind: 'share', parts: 2 }), bill(), 'EUR');
    expect(first).toMatchObject({
      selection: { kind: 'share', parts: 2, share: 1 },
      amountMinor: 1501,
    });
    const afterOne = bill({
      paidMinor: minor(1501),
      dueMinor: minor(1500),
      payments: [
        {
          method: 'stripe',
          status: 'succeeded',
          amountMinor: 1501,
          tipMinor: 0,
          refundedMinor: 0,
          at: '2026-11-20T12:00:00.000Z',
        },
      ],
    });
    expect(shareNumber(afterOne, 2)).toBe(2);
    expect(previewPayment(draft({ kind: 'share', parts: 2 }), afterOne, 'EUR')).toMatchObject({
      selection: { share: 2 },
      amountMinor: 1500,
    });
    expect(
      previewPayment(draft({ kind: 'share', parts: 2 }), bill({ dueMinor: minor(400) }), 'EUR'),
    ).toMatchObject({ amountMinor: 400 });
  });

  it('chosen items add up their exact shares; items paid elsewhere cannot be chosen', () => {
    const withPaid = bill({
      lines: [line('a', 1650), line('b', 700, { paid: true }), line('c', 651, { beingPaid: true })],
    });
    expect(
      previewPayment(draft({ kind: 'items', lineIds: ['a', 'b', 'c'] }), withPaid, 'EUR'),
    ).toMatchObject({
      selection: { kind: 'items', lineIds: ['a'] },
      amountMinor: 1650,
    });
    expect(previewPayment(draft({ kind: 'items', lineIds: ['b'] }), withPaid, 'EUR')).toEqual({
      ok: false,
      field: 'items',
      problem: 'Choose at least one item to pay for.',
      amountMinor: null,
    });
  });

  it('a typed amount must be a positive amount no larger than what is due', () => {
    expect(
      previewPayment(draft({ kind: 'amount', amountText: '12,5' }), bill(), 'EUR'),
    ).toMatchObject({
      selection: { kind: 'amount', amountMinor: 1250 },
      chargeMinor: 1250,
    });
    expect(previewPayment(draft({ kind: 'amount', amountText: '' }), bill(), 'EUR')).toMatchObject({
      ok: false,
      problem: 'Enter the amount you want to pay.',
    });
    expect(
      previewPayment(draft({ kind: 'amount', amountText: 'ten' }), bill(), 'EUR'),
    ).toMatchObject({
      ok: false,
      problem: 'Enter an amount like 12.50.',
    });
    expect(
      previewPayment(draft({ kind: 'amount', amountText: '40' }), bill(), 'EUR'),
    ).toMatchObject({
      ok: false,
      field: 'amount',
      problem: expect.stringMatching(/^That is more than is left to pay \(.*30\.01.*\)\.$/),
    });
  });

  it('a preset tip is a rate of the amount; a custom tip cannot exceed it', () => {
    expect(
      previewPayment(draft({ kind: 'share', tip: { kind: 'preset', bps: 1250 } }), bill(), 'EUR'),
    ).toMatchObject({ amountMinor: 1501, tipMinor: 188, chargeMinor: 1689 });
    expect(
      previewPayment(draft({ tip: { kind: 'custom', text: '2.00' } }), bill(), 'EUR'),
    ).toMatchObject({ tip: { kind: 'custom', amountMinor: 200 }, chargeMinor: 3201 });
    expect(
      previewPayment(
        draft({ kind: 'amount', amountText: '5', tip: { kind: 'custom', text: '6' } }),
        bill(),
        'EUR',
      ),
    ).toMatchObject({
      ok: false,
      field: 'tip',
      problem: 'A tip cannot be more than the amount you pay.',
    });
  });

  it('nothing to pay says why: all paid, or the rest is being paid on another phone', () => {
    expect(
      previewPayment(draft({}), bill({ dueMinor: minor(0), pendingMinor: minor(3001) }), 'EUR'),
    ).toMatchObject({
      ok: false,
      field: 'bill',
      problem: 'The rest of this bill is being paid by someone at your table right now.',
    });
    expect(
      previewPayment(draft({}), bill({ dueMinor: minor(0), paidMinor: minor(3001) }), 'EUR'),
    ).toMatchObject({
      problem: 'Nothing is left to pay on this bill.',
    });
  });
});
