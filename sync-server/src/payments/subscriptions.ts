import { z } from 'zod';
import type { Queryable } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import type { SubscriptionFacts } from './stripe-objects.ts';
import { venueWriteIn } from '../sync/index.ts';

/** What applying a webhook event did: whether it concerned us, and for which venue. */
export interface AppliedEvent {
  handled: boolean;
  venueId: string | null;
}

const uuid = z.uuid();

/**
 * The venue's plan status (shown to its manager) from a subscription as Stripe holds it now.
 * The venue is named by the subscription's metadata (`venue_id`, set when the manager
 * subscribed), by a hint (a Checkout Session's client_reference_id), or found by its Stripe
 * customer id.
 */
export async function applySubscription(
  tx: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  subscription: SubscriptionFacts,
  venueHint: string | null = null,
): Promise<AppliedEvent> {
  const named = [venueHint, subscription.metadata['venue_id'] ?? null].find(
    (id): id is string => id !== null && uuid.safeParse(id).success,
  );
  const { rows } = await tx.query<{
    id: string;
    subscription_status: string | null;
    stripe_customer_id: string | null;
  }>(
    `SELECT id, subscription_status, stripe_customer_id FROM venues
      WHERE id = $1::uuid OR stripe_customer_id = $2
      ORDER BY (id = $1::uuid) DESC NULLS LAST LIMIT 1`,
    [named ?? null, subscription.customer],
  );
  const venue = rows[0];
  if (!venue) return { handled: false, venueId: null };
  const customer = venue.stripe_customer_id ?? subscription.customer;
  if (venue.subscription_status === subscription.status && venue.stripe_customer_id === customer) {
    return { handled: true, venueId: venue.id };
  }
  await venueWriteIn(tx, venue.id, { now: deps.clock.now() }, async (write) => {
    await tx.query(
      `UPDATE venues SET subscription_status = $2, stripe_customer_id = $3, version = $4, updated_at = $5
        WHERE id = $1`,
      [venue.id, subscription.status, customer, await write.stamp(), write.now],
    );
  });
  return { handled: true, venueId: venue.id };
}
