import {
  currencyExponent,
  minor,
  percentOf,
  splitEvenly,
  sumMinor,
  type Bps,
  type LineId,
  type Minor,
  type OrderTotals,
} from '@servio/shared';

/**
 * The arithmetic of taking a payment on the tablet. Shares come from the shared split rules
 * (largest remainder), so the parts of a bill always add up to exactly what is due.
 */

export type SplitMode = 'whole' | 'even' | 'items' | 'amount';

/**
 * One guest's share when `guestsLeft` guests split what is still due. Shares differ by at most
 * one minor unit; the first (largest) is taken, so the last guest never pays more than the rest.
 */
export function evenShare(due: Minor, guestsLeft: number): Minor {
  if (due <= 0) return minor(0);
  return splitEvenly(due, Math.max(1, Math.floor(guestsLeft)))[0] ?? minor(0);
}

/** What the chosen lines come to (their exact shares of the total), never more than is due. */
export function itemsAmount(
  totals: Pick<OrderTotals, 'lines' | 'dueMinor'>,
  lineIds: ReadonlySet<LineId>,
): Minor {
  const chosen = sumMinor(
    totals.lines.filter((line) => lineIds.has(line.lineId)).map((line) => line.payableMinor),
  );
  return minor(Math.min(chosen, totals.dueMinor));
}

export function tipFromBps(amount: Minor, bps: Bps): Minor {
  return amount <= 0 ? minor(0) : percentOf(amount, bps);
}

/**
 * Amounts a guest is likely to hand over for `owed`: the exact sum, then the next round notes
 * (5, 10, 20, 50, 100 … in major units). Three at most, each more than the one before.
 */
export function cashSuggestions(owed: Minor, currency: string): Minor[] {
  if (owed <= 0) return [];
  // Currencies without minor units (JPY, KRW) count notes in hundreds.
  const exponent = currencyExponent(currency);
  const unit = exponent === 0 ? 100 : 10 ** exponent;
  const suggestions: Minor[] = [owed];
  for (const note of [5, 10, 20, 50, 100, 200, 500]) {
    const step = note * unit;
    const rounded = Math.ceil(owed / step) * step;
    const last = suggestions[suggestions.length - 1] ?? owed;
    if (rounded > last) suggestions.push(minor(rounded));
    if (suggestions.length === 4) break;
  }
  return suggestions;
}
