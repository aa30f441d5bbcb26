import {
  minor,
  percentOf,
  splitEvenly,
  sumMinor,
  type Minor,
  type OrderTotals,
} from '@servio/shared';
import { z } from 'zod';

/** What a customer chose to pay from a table's bill. The amount is always computed here (S12). */
export const PaySelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z
    .object({
      kind: z.literal('share'),
      /** Into how many even parts the bill is split. */
      parts: z.int().min(2).max(50),
      /** Which part this phone pays (1-based); parts differ by at most one minor unit. */
      share: z.int().min(1),
    })
    .refine((s) => s.share <= s.parts, { message: 'share must be between 1 and parts' }),
  z.object({ kind: z.literal('items'), lineIds: z.array(z.uuid()).min(1).max(200) }),
  z.object({ kind: z.literal('amount'), amountMinor: z.int().min(1).max(100_000_000) }),
]);
export type PaySelection = z.infer<typeof PaySelectionSchema>;

export const TipChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** One of the venue's presets, as a rate of the amount paid. */
  z.object({ kind: z.literal('preset'), bps: z.int().min(0).max(10_000) }),
  z.object({ kind: z.literal('custom'), amountMinor: z.int().min(0).max(100_000_000) }),
]);
export type TipChoice = z.infer<typeof TipChoiceSchema>;

/** What is already spoken for on the order besides what succeeded. */
export interface PayableState {
  totals: Pick<OrderTotals, 'totalMinor' | 'paidMinor' | 'lines'>;
  /** Stripe payments created for this order that may still succeed (pending, not stale). */
  reservedMinor: number;
  /** Lines another "pay for these items" request already covers (succeeded or pending). */
  claimedLineIds: ReadonlySet<string>;
}

export type AmountDecision =
  | {
      ok: true;
      /** What the selection is worth on its own. */
      requestedMinor: Minor;
      /** What is charged: the request, capped so the bill is never paid more than once. */
      amountMinor: Minor;
      capped: boolean;
      lineIds: string[];
    }
  | { ok: false; reason: 'nothing_due' | 'unknown_lines' | 'lines_taken'; message: string };

/** What can still be asked for: the total less what succeeded and what is being paid right now. */
export function availableMinor(state: PayableState): Minor {
  return minor(Math.max(state.totals.totalMinor - state.totals.paidMinor - state.reservedMinor, 0));
}

/**
 * The amount for a selection. Even shares split the whole total by largest remainder, so N
 * phones paying shares 1..N add up to the total exactly; any request is capped at what is
 * still available, so concurrent phones (serialised per order by the caller) never overpay.
 */
export function amountToPay(selection: PaySelection, state: PayableState): AmountDecision {
  const available = availableMinor(state);
  let requested: Minor;
  let lineIds: string[] = [];
  switch (selection.kind) {
    case 'all':
      requested = available;
      break;
    case 'share':
      requested =
        splitEvenly(minor(state.totals.totalMinor), selection.parts)[selection.share - 1] ??
        minor(0);
      break;
    case 'amount':
      requested = minor(selection.amountMinor);
      break;
    case 'items': {
      lineIds = [...new Set(selection.lineIds)];
      const byId = new Map(state.totals.lines.map((line) => [line.lineId as string, line]));
      const unknown = lineIds.filter((id) => {
        const line = byId.get(id);
        return !line || line.payableMinor <= 0;
      });
      if (unknown.length > 0) {
        return {
          ok: false,
          reason: 'unknown_lines',
          message: 'Some of the chosen items are not on this bill any more. Reload the bill.',
        };
      }
      if (lineIds.some((id) => state.claimedLineIds.has(id))) {
        return {
          ok: false,
          reason: 'lines_taken',
          message: 'Someone at the table has already paid (or is paying) for some of these items.',
        };
      }
      requested = sumMinor(lineIds.map((id) => byId.get(id)?.payableMinor ?? 0));
      break;
    }
  }
  if (available <= 0 || requested <= 0) {
    return {
      ok: false,
      reason: 'nothing_due',
      message:
        state.reservedMinor > 0
          ? 'The rest of this bill is being paid by someone else right now.'
          : 'Nothing is left to pay on this bill.',
    };
  }
  const amountMinor = minor(Math.min(requested, available));
  return {
    ok: true,
    requestedMinor: requested,
    amountMinor,
    capped: amountMinor < requested,
    lineIds,
  };
}

export type TipDecision = { ok: true; tipMinor: Minor } | { ok: false; message: string };

/** The tip on top of `amountMinor`: a venue preset (rounded by the one rule) or a custom amount. */
export function tipFor(
  choice: TipChoice,
  amountMinor: number,
  presetsBps: readonly number[],
): TipDecision {
  if (choice.kind === 'none') return { ok: true, tipMinor: minor(0) };
  if (choice.kind === 'preset') {
    if (!presetsBps.includes(choice.bps)) {
      return { ok: false, message: 'That tip is not one this venue offers.' };
    }
    return { ok: true, tipMinor: percentOf(amountMinor, choice.bps) };
  }
  // A tip larger than the bill part is almost always a typo on a phone keyboard.
  if (choice.amountMinor > amountMinor) {
    return { ok: false, message: 'A tip cannot be more than the amount you pay.' };
  }
  return { ok: true, tipMinor: minor(choice.amountMinor) };
}
