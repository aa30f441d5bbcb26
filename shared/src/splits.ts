import { minor, type Minor } from './money.ts';

/**
 * Splitting money so the parts always add up exactly to the whole: the largest
 * remainder method (Hamilton). Every part gets the floor of its exact share, then the
 * minor units left over go one each to the parts with the largest fractional
 * remainders; ties go to the earlier part, so the tablet and the server always agree.
 * Negative totals (refunds) are split as the mirror image of the positive total.
 */

/** Split `total` into `parts` shares that differ by at most one minor unit. */
export function splitEvenly(total: Minor, parts: number): Minor[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`Cannot split into ${parts} parts`);
  }
  return allocateByWeights(
    total,
    Array.from({ length: parts }, () => 1),
  );
}

/**
 * Split `total` in proportion to non-negative integer `weights` (line amounts, item
 * prices, shares). When every weight is zero the total is split evenly instead.
 */
export function allocateByWeights(total: Minor, weights: readonly number[]): Minor[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('Cannot allocate a non-zero amount to no parts');
    return [];
  }
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`Weights must be non-negative integers, got ${weight}`);
    }
  }
  if (!Number.isSafeInteger(total)) throw new RangeError(`Not minor units: ${total}`);
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n)
    return allocateByWeights(
      total,
      weights.map(() => 1),
    );

  const negative = total < 0;
  const whole = BigInt(Math.abs(total));
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let allocated = 0n;
  for (const weight of weights) {
    const share = whole * BigInt(weight);
    const floor = share / weightSum;
    floors.push(floor);
    remainders.push(share % weightSum);
    allocated += floor;
  }

  // Indices by remainder, largest first, earlier index first on ties.
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  let leftOver = Number(whole - allocated);
  for (const index of order) {
    if (leftOver === 0) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftOver -= 1;
  }
  return floors.map((part) => minor(Number(negative ? -part : part)));
}

/**
 * Split a bill where some guests name the amount they pay: the named amounts are kept
 * as they are and whatever is left becomes one final part (omitted when nothing is
 * left). Refuses named amounts that are negative or add up to more than the total.
 */
export function splitByAmounts(total: Minor, amounts: readonly Minor[]): Minor[] {
  let named = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(`Split amounts must be non-negative minor units, got ${amount}`);
    }
    named += amount;
  }
  if (named > total) {
    throw new RangeError(`Split amounts (${named}) exceed the total (${total})`);
  }
  const rest = total - named;
  return rest > 0 ? [...amounts, minor(rest)] : [...amounts];
}
