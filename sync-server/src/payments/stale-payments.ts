import Stripe from 'stripe';
import type { PaymentId } from '@servio/shared';
import { inVenue } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { PENDING_HOLD_MS } from './bill-view.ts';
import { isStripeMissing } from './errors.ts';
import { StripeMismatchError } from './intent-checks.ts';
import { settleIntent } from './intent-settlement.ts';
import { readIntent } from './stripe-reads.ts';
import { IntentSchema, type IntentFacts } from './stripe-objects.ts';
import { withVenueWrite } from '../sync/index.ts';

type StaleDeps = Pick<AppDeps, 'db' | 'clock' | 'metrics' | 'stripe'>;

const FINAL_OR_MOVING: readonly IntentFacts['status'][] = ['succeeded', 'canceled', 'processing'];

/**
 * A Stripe payment left pending past the hold (the customer closed the page) stops holding its
 * part of the bill only once Stripe agrees: its intent is canceled there first, so nobody can
 * still confirm it, or, if it did succeed meanwhile, the success is recorded. Either way the
 * bill is right before anyone else pays.
 */
export async function releaseStalePayments(
  deps: StaleDeps,
  venueId: string,
  orderId: string,
): Promise<void> {
  const cutoff = new Date(deps.clock.now() - PENDING_HOLD_MS).toISOString();
  const stale = await inVenue(deps.db, venueId, async (tx) => {
    const { rows } = await tx.query<{ id: string; intent: string | null }>(
      `SELECT id, stripe_payment_intent_id AS intent FROM payments
        WHERE venue_id = $1 AND order_id = $2 AND method = 'stripe' AND status = 'pending'
          AND created_at < $3 AND deleted_at IS NULL`,
      [venueId, orderId, cutoff],
    );
    return rows;
  });
  for (const payment of stale) {
    const intent = payment.intent ? await cancelUnlessDone(deps, payment.intent) : undefined;
    if (intent) {
      await deps.db
        .transaction((tx) => settleIntent(tx, deps, intent))
        .catch((error: unknown) => {
          // W2: an intent that does not match its row changes nothing; left pending and stale, it
          // holds no part of the bill, and the manager sees it.
          if (!(error instanceof StripeMismatchError)) throw error;
        });
      continue;
    }
    // No intent ever reached Stripe (or Stripe forgot it): nothing can be confirmed.
    await withVenueWrite(deps.db, venueId, { now: deps.clock.now() }, async (write) => {
      const row = await write.store.getPayment(payment.id as PaymentId);
      if (row?.status !== 'pending') return;
      await write.store.put('payments', { ...row, status: 'canceled', updatedAt: write.now });
      deps.metrics.paymentsOutcome.inc({ method: 'stripe', outcome: 'canceled' });
    });
  }
}

async function cancelUnlessDone(deps: StaleDeps, id: string): Promise<IntentFacts | undefined> {
  const client = deps.stripe.client;
  try {
    const intent = await readIntent(client, id);
    if (FINAL_OR_MOVING.includes(intent.status)) return intent;
    return IntentSchema.parse(
      await client.paymentIntents.cancel(id, { cancellation_reason: 'abandoned' }),
    );
  } catch (error) {
    if (isStripeMissing(error)) return undefined;
    // It moved on between our read and the cancel (e.g. it just succeeded): take it as it is.
    if (error instanceof Stripe.errors.StripeInvalidRequestError) return readIntent(client, id);
    throw error;
  }
}
