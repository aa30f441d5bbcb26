import { PaymentError } from './errors.ts';
import type { ChargeFacts, IntentFacts } from './stripe-objects.ts';

/**
 * W2–W4: a Stripe object that disagrees with the row it would change. Never settles anything;
 * the webhook records its event failed with `refused: <reason>` (kept for the operator and the
 * replay), the customer's page hears `payment_mismatch`. The reason names ids and amounts only,
 * never a client secret.
 */
export class StripeMismatchError extends Error {
  constructor(
    readonly objectId: string,
    readonly problems: readonly string[],
  ) {
    super(`refused: ${objectId} does not match our records: ${problems.join('; ')}`);
    this.name = 'StripeMismatchError';
  }
}

/** The mismatch as the customer's page hears it (the reason stays on the server). */
export function mismatchRefusal(error: unknown): unknown {
  return error instanceof StripeMismatchError
    ? new PaymentError(
        'CONFLICT',
        'This payment does not match the bill, so it was not recorded. Please ask the staff.',
        'payment_mismatch',
      )
    : error;
}

export interface SettleOptions {
  /**
   * False when Stripe could not be asked (it does not know the intent) and the intent is only a
   * webhook's snapshot: it may confirm what our rows say, never change them (W3).
   */
  confirmed?: boolean;
}

/** W3: the one refusal for a change that rests on an intent Stripe would not confirm. */
export function unconfirmed(intentId: string): StripeMismatchError {
  return new StripeMismatchError(intentId, [
    'Stripe does not know this intent, and money is never moved on an event’s word alone',
  ]);
}

/** What an intent made for one of our rows must carry: the sum, the currency and our metadata. */
export interface ExpectedIntent {
  /** amount + tip, in minor units. */
  chargeMinor: number;
  /** The venue's ISO currency (any case). */
  currency: string;
  /** Our metadata keys and the values the row implies (venue_id, payment_id, …). */
  metadata: Readonly<Record<string, string>>;
}

/** Every way `intent` differs from what our row says it must be (empty: it matches). */
export function intentMismatches(intent: IntentFacts, expected: ExpectedIntent): string[] {
  const problems: string[] = [];
  if (intent.amount !== expected.chargeMinor) {
    problems.push(`amount ${intent.amount} is not our ${expected.chargeMinor}`);
  }
  if (intent.status === 'succeeded' && intent.amount_received !== expected.chargeMinor) {
    problems.push(`amount_received ${intent.amount_received} is not our ${expected.chargeMinor}`);
  }
  if (intent.currency.toLowerCase() !== expected.currency.toLowerCase()) {
    problems.push(`currency ${intent.currency} is not our ${expected.currency.toLowerCase()}`);
  }
  for (const [key, value] of Object.entries(expected.metadata)) {
    const actual = intent.metadata[key];
    if (actual !== value) {
      problems.push(`metadata.${key} is ${actual ?? '(missing)'}, ours is ${value}`);
    }
  }
  return problems;
}

/** Throws the mismatch for `intent` when it is not what our row says it must be. */
export function assertIntentMatches(intent: IntentFacts, expected: ExpectedIntent): void {
  const problems = intentMismatches(intent, expected);
  if (problems.length > 0) throw new StripeMismatchError(intent.id, problems);
}

/**
 * W3: where a webhook's snapshot of an intent and the intent as Stripe holds it now disagree on
 * what is paid (amount, currency, metadata; and for `payment_intent.succeeded` that it has
 * succeeded at all). Stripe never changes these after our code made the intent, so a difference
 * means the event was not Stripe's or the intent was edited behind our back.
 */
export function intentClaimProblems(
  type: string,
  claim: IntentFacts,
  onStripe: IntentFacts,
): string[] {
  const problems: string[] = [];
  if (type === 'payment_intent.succeeded' && onStripe.status !== 'succeeded') {
    problems.push(`the event says succeeded, Stripe says it is ${onStripe.status}`);
  }
  if (claim.amount !== onStripe.amount) {
    problems.push(`the event says amount ${claim.amount}, Stripe says ${onStripe.amount}`);
  }
  if (claim.currency.toLowerCase() !== onStripe.currency.toLowerCase()) {
    problems.push(`the event says currency ${claim.currency}, Stripe says ${onStripe.currency}`);
  }
  const keys = new Set([...Object.keys(claim.metadata), ...Object.keys(onStripe.metadata)]);
  for (const key of keys) {
    if (claim.metadata[key] !== onStripe.metadata[key]) {
      problems.push(
        `the event says metadata.${key} is ${claim.metadata[key] ?? '(missing)'}, Stripe says ${onStripe.metadata[key] ?? '(missing)'}`,
      );
    }
  }
  return problems;
}

/** W4: where a `charge.refunded` snapshot claims more than Stripe holds now. */
export function chargeClaimProblems(claim: ChargeFacts, onStripe: ChargeFacts): string[] {
  const problems: string[] = [];
  if (claim.amount !== onStripe.amount) {
    problems.push(`the event says amount ${claim.amount}, Stripe says ${onStripe.amount}`);
  }
  if (claim.currency.toLowerCase() !== onStripe.currency.toLowerCase()) {
    problems.push(`the event says currency ${claim.currency}, Stripe says ${onStripe.currency}`);
  }
  if (claim.payment_intent !== onStripe.payment_intent) {
    problems.push(
      `the event says payment_intent ${claim.payment_intent}, Stripe says ${onStripe.payment_intent}`,
    );
  }
  // Refunds only grow, and events arrive in any order: Stripe may hold more, never less.
  if (claim.amount_refunded > onStripe.amount_refunded) {
    problems.push(
      `the event says ${claim.amount_refunded} refunded, Stripe says ${onStripe.amount_refunded} refunded`,
    );
  }
  return problems;
}

/** W4: a charge of ours, as Stripe holds it now, against the payment row it would change. */
export function assertChargeMatches(
  charge: ChargeFacts,
  expected: { chargeMinor: number; currency: string },
): void {
  const problems: string[] = [];
  if (charge.amount !== expected.chargeMinor) {
    problems.push(`amount ${charge.amount} is not our ${expected.chargeMinor}`);
  }
  if (charge.currency.toLowerCase() !== expected.currency.toLowerCase()) {
    problems.push(`currency ${charge.currency} is not our ${expected.currency.toLowerCase()}`);
  }
  if (charge.amount_refunded > charge.amount) {
    problems.push(`refunded ${charge.amount_refunded} is more than the charge ${charge.amount}`);
  }
  if (problems.length > 0) throw new StripeMismatchError(charge.id, problems);
}
