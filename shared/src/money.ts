import { z } from 'zod';

/**
 * Money is an integer count of the venue's currency minor units (cents, pence, yen).
 * Never a float: every fractional step goes through `mulDiv`, the one rounding rule.
 */
export const MinorSchema = z.int().brand<'Minor'>();
export type Minor = z.infer<typeof MinorSchema>;

/** Minor units that can never be negative (prices, payments, tips). */
export const NonNegativeMinorSchema = z.int().min(0).brand<'Minor'>();

/** Minor units greater than zero (refunds, amount discounts). */
export const PositiveMinorSchema = z.int().min(1).brand<'Minor'>();

/** A rate in basis points: 1 bps = 0.01 %, 10 000 bps = 100 %. */
export const BpsSchema = z.int().min(0).max(10_000);
export type Bps = number;

export const BPS_SCALE = 10_000;

export const ZERO = 0 as Minor;

/** Brand a number as minor units; refuses anything that is not a safe integer. */
export function minor(value: number): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Money must be a safe integer of minor units, got ${value}`);
  }
  return value as Minor;
}

export function addMinor(...amounts: readonly number[]): Minor {
  return sumMinor(amounts);
}

export function subMinor(a: number, b: number): Minor {
  return minor(a - b);
}

export function sumMinor(amounts: readonly number[]): Minor {
  let total = 0;
  for (const amount of amounts) total += amount;
  return minor(total);
}

export function mulMinor(amount: number, factor: number): Minor {
  if (!Number.isSafeInteger(factor)) {
    throw new RangeError(`Money can only be multiplied by an integer, got ${factor}`);
  }
  return minor(amount * factor);
}

export function minMinor(a: number, b: number): Minor {
  return minor(Math.min(a, b));
}

export function maxMinor(a: number, b: number): Minor {
  return minor(Math.max(a, b));
}

/**
 * THE rounding rule: `amount × numerator ÷ denominator`, rounded half away from zero.
 *
 * Why half away from zero ("commercial rounding") and not banker's rounding: it is what
 * VAT rules in the UK and most of the EU prescribe for tax on an invoice, what a
 * guest checks with a pocket calculator, and what card terminals print. Banker's
 * rounding only pays off when summing very many rounded values, and we round once per
 * tax rate per order, not per unit. BigInt keeps `amount × numerator` exact past 2^53.
 */
export function mulDiv(amount: number, numerator: number, denominator: number): Minor {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(numerator)) {
    throw new RangeError('mulDiv works on integers only');
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`mulDiv needs a positive integer denominator, got ${denominator}`);
  }
  const product = BigInt(amount) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let quotient = magnitude / divisor;
  // Half away from zero: round the magnitude up when the remainder is at least half.
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return minor(Number(negative ? -quotient : quotient));
}

/** `bps` of `amount`, e.g. 12.5 % (1250 bps) of 1000 = 125. */
export function percentOf(amount: number, bps: Bps): Minor {
  return mulDiv(amount, bps, BPS_SCALE);
}

/** Tax to add on top of a net amount (tax-exclusive prices, e.g. US sales tax). */
export function taxOnNet(net: number, rateBps: Bps): Minor {
  return mulDiv(net, rateBps, BPS_SCALE);
}

/** The tax contained in a gross amount (tax-inclusive prices, e.g. EU/UK VAT). */
export function taxInGross(gross: number, rateBps: Bps): Minor {
  return mulDiv(gross, rateBps, BPS_SCALE + rateBps);
}

export type TaxMode = 'inclusive' | 'exclusive';

/** Tax of an amount under the venue's tax mode. */
export function taxOf(amount: number, rateBps: Bps, mode: TaxMode): Minor {
  return mode === 'inclusive' ? taxInGross(amount, rateBps) : taxOnNet(amount, rateBps);
}

/** A discount as stored on orders and lines (`discount_kind`, `discount_value`). */
export const DiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bps: BpsSchema }),
  z.object({ kind: z.literal('amount'), amountMinor: NonNegativeMinorSchema }),
]);
export type Discount = z.infer<typeof DiscountSchema>;

/** How much a discount takes off `base`: never negative, never more than `base`. */
export function discountAmount(base: number, discount: Discount | null | undefined): Minor {
  if (!discount || base <= 0) return ZERO;
  const raw = discount.kind === 'percent' ? percentOf(base, discount.bps) : discount.amountMinor;
  return minor(Math.min(Math.max(raw, 0), base));
}

/** Turn the two stored discount columns back into a Discount (null when unset). */
export function discountFromColumns(
  kind: 'percent' | 'amount' | null,
  value: number | null,
): Discount | null {
  if (kind == null || value == null) return null;
  return kind === 'percent'
    ? { kind, bps: Math.min(Math.max(value, 0), BPS_SCALE) }
    : { kind, amountMinor: minor(Math.max(value, 0)) };
}

/** The two stored discount columns for a Discount (both null when removed). */
export function discountToColumns(discount: Discount | null): {
  discountKind: 'percent' | 'amount' | null;
  discountValue: number | null;
} {
  if (!discount) return { discountKind: null, discountValue: null };
  return discount.kind === 'percent'
    ? { discountKind: 'percent', discountValue: discount.bps }
    : { discountKind: 'amount', discountValue: discount.amountMinor };
}

/** Service charge on an amount (rounded by the one rule). */
export function serviceCharge(base: number, bps: Bps): Minor {
  return base <= 0 ? ZERO : percentOf(base, bps);
}

export interface CashChange {
  /** What goes against the bill: the smaller of what is due and what was handed over. */
  applied: Minor;
  /** What the guest gets back. */
  change: Minor;
  /** What is still owed after this cash. */
  remaining: Minor;
}

/** Cash handed over against an amount due: how much is applied, the change, what remains. */
export function cashChange(due: number, tendered: number): CashChange {
  if (tendered < 0) throw new RangeError('Tendered cash cannot be negative');
  const owed = Math.max(due, 0);
  const applied = Math.min(owed, tendered);
  return {
    applied: minor(applied),
    change: minor(tendered - applied),
    remaining: minor(owed - applied),
  };
}
