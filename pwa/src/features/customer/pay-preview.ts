import { parseMajor } from '@servio/shared/currency';
import { minor, percentOf, sumMinor, type Minor } from '@servio/shared/money';
import { splitEvenly } from '@servio/shared/splits';
import type { CustomerBill, PaySelection, TipChoice } from '../../api/table-bill.ts';
import { intl } from '../../i18n/intl.ts';
import { money } from '../../lib/money.ts';

/**
 * What the customer is choosing, and what it comes to. The figures here are a preview, worked
 * out with the same shared money rules the server uses; the server computes the amount again
 * from its own rows (S12) and its answer is what the card is charged.
 */
export type PayKind = 'all' | 'share' | 'items' | 'amount';

export type TipDraft =
  { kind: 'none' } | { kind: 'preset'; bps: number } | { kind: 'custom'; text: string };

export interface PayDraft {
  kind: PayKind;
  /** Split evenly between this many people. */
  parts: number;
  lineIds: string[];
  /** An amount as typed, in major units ("12.50"). */
  amountText: string;
  tip: TipDraft;
}

export const MIN_PARTS = 2;
export const MAX_PARTS = 20;

export const initialDraft: PayDraft = {
  kind: 'all',
  parts: 2,
  lineIds: [],
  amountText: '',
  tip: { kind: 'none' },
};

export type PayProblemField = 'items' | 'amount' | 'tip' | 'bill';

export type PayPreview =
  | {
      ok: true;
      selection: PaySelection;
      tip: TipChoice;
      amountMinor: Minor;
      tipMinor: Minor;
      chargeMinor: Minor;
    }
  | { ok: false; field: PayProblemField; problem: string; amountMinor: Minor | null };

/** Lines someone can still choose: not paid, not being paid from another phone, worth something. */
export function payableLines(bill: CustomerBill) {
  return bill.lines.filter((line) => !line.paid && !line.beingPaid && line.payableMinor > 0);
}

/**
 * Which of the N even shares this phone asks for. Shares differ by at most one minor unit and
 * the larger ones come first; counting the card payments already made hands them out in turn,
 * and the server caps whatever is asked at what is left, so shares never overpay.
 */
export function shareNumber(bill: CustomerBill, parts: number): number {
  const cardPayments = bill.payments.filter((payment) => payment.method === 'stripe').length;
  return Math.min(parts, cardPayments + 1);
}

function parseAmount(text: string, currency: string): Minor | null {
  try {
    return parseMajor(text, currency);
  } catch {
    return null;
  }
}

/** The amount part of the draft (before the tip), or why it cannot be paid. */
function amountOf(
  draft: PayDraft,
  bill: CustomerBill,
  currency: string,
):
  | { ok: true; selection: PaySelection; amountMinor: Minor }
  | { ok: false; field: PayProblemField; problem: string } {
  const due = bill.dueMinor;
  switch (draft.kind) {
    case 'all':
      return { ok: true, selection: { kind: 'all' }, amountMinor: minor(due) };
    case 'share': {
      const parts = Math.min(Math.max(Math.round(draft.parts), MIN_PARTS), MAX_PARTS);
      const share = shareNumber(bill, parts);
      const part = splitEvenly(minor(bill.totalMinor), parts)[share - 1] ?? minor(0);
      return {
        ok: true,
        selection: { kind: 'share', parts, share },
        amountMinor: minor(Math.min(part, due)),
      };
    }
    case 'items': {
      const chosen = payableLines(bill).filter((line) => draft.lineIds.includes(line.id));
      if (chosen.length === 0) {
        return {
          ok: false,
          field: 'items',
          problem: intl.formatMessage({
            id: 'customer.payPreview.chooseItem',
            defaultMessage: 'Choose at least one item to pay for.',
          }),
        };
      }
      return {
        ok: true,
        selection: { kind: 'items', lineIds: chosen.map((line) => line.id) },
        amountMinor: minor(Math.min(sumMinor(chosen.map((line) => line.payableMinor)), due)),
      };
    }
    case 'amount': {
      if (draft.amountText.trim() === '') {
        return {
          ok: false,
          field: 'amount',
          problem: intl.formatMessage({
            id: 'customer.payPreview.enterAmount',
            defaultMessage: 'Enter the amount you want to pay.',
          }),
        };
      }
      const amount = parseAmount(draft.amountText, currency);
      if (amount === null || amount <= 0) {
        return {
          ok: false,
          field: 'amount',
          problem: intl.formatMessage({
            id: 'customer.payPreview.amountExample',
            defaultMessage: 'Enter an amount like 12.50.',
          }),
        };
      }
      if (amount > due) {
        return {
          ok: false,
          field: 'amount',
          problem: intl.formatMessage(
            {
              id: 'customer.payPreview.moreThanLeft',
              defaultMessage: 'That is more than is left to pay ({due}).',
            },
            { due: money(due, currency) },
          ),
        };
      }
      return { ok: true, selection: { kind: 'amount', amountMinor: amount }, amountMinor: amount };
    }
  }
}

export function tipPreview(
  tip: TipDraft,
  amountMinor: number,
  currency: string,
): { ok: true; choice: TipChoice; tipMinor: Minor } | { ok: false; problem: string } {
  switch (tip.kind) {
    case 'none':
      return { ok: true, choice: { kind: 'none' }, tipMinor: minor(0) };
    case 'preset':
      return { ok: true, choice: tip, tipMinor: percentOf(amountMinor, tip.bps) };
    case 'custom': {
      if (tip.text.trim() === '') return { ok: true, choice: { kind: 'none' }, tipMinor: minor(0) };
      const amount = parseAmount(tip.text, currency);
      if (amount === null || amount < 0) {
        return {
          ok: false,
          problem: intl.formatMessage({
            id: 'customer.payPreview.tipExample',
            defaultMessage: 'Enter a tip like 2.00.',
          }),
        };
      }
      if (amount > amountMinor) {
        return {
          ok: false,
          problem: intl.formatMessage({
            id: 'customer.payPreview.tipTooLarge',
            defaultMessage: 'A tip cannot be more than the amount you pay.',
          }),
        };
      }
      return { ok: true, choice: { kind: 'custom', amountMinor: amount }, tipMinor: amount };
    }
  }
}

export function previewPayment(draft: PayDraft, bill: CustomerBill, currency: string): PayPreview {
  if (bill.dueMinor <= 0) {
    return {
      ok: false,
      field: 'bill',
      amountMinor: null,
      problem:
        bill.pendingMinor > 0
          ? intl.formatMessage({
              id: 'customer.payPreview.restBeingPaid',
              defaultMessage:
                'The rest of this bill is being paid by someone at your table right now.',
            })
          : intl.formatMessage({
              id: 'customer.payPreview.nothingLeft',
              defaultMessage: 'Nothing is left to pay on this bill.',
            }),
    };
  }
  const amount = amountOf(draft, bill, currency);
  if (!amount.ok) return { ...amount, amountMinor: null };
  const tip = tipPreview(draft.tip, amount.amountMinor, currency);
  if (!tip.ok) {
    return { ok: false, field: 'tip', problem: tip.problem, amountMinor: amount.amountMinor };
  }
  return {
    ok: true,
    selection: amount.selection,
    tip: tip.choice,
    amountMinor: amount.amountMinor,
    tipMinor: tip.tipMinor,
    chargeMinor: minor(amount.amountMinor + tip.tipMinor),
  };
}

/** "10 %", "12.5 %" */
export function formatRate(bps: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(bps / 100)} %`;
}
