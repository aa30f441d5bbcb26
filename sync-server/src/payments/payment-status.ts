import { inVenue } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { tableByToken } from './bill-rows.ts';
import { fromStripeError, PaymentError, unknownTable } from './errors.ts';
import { mismatchRefusal } from './intent-checks.ts';
import { settleIntent, type SettleOutcome } from './intent-settlement.ts';
import { readIntent } from './stripe-reads.ts';
import { IntentSchema, type IntentFacts } from './stripe-objects.ts';

type StatusDeps = Pick<AppDeps, 'db' | 'clock' | 'metrics' | 'stripe'>;

/** What the customer's page shows after confirming (or while waiting for 3D Secure). */
export interface PaymentStatusView {
  paymentIntentId: string;
  /** Stripe's own status of the intent. */
  intentStatus: IntentFacts['status'];
  /**
   * succeeded: recorded as paid (for a QR order: the order exists); failed: the card was refused
   * (nothing paid: start a new attempt); canceled: this attempt can no longer be paid;
   * requires_action: finish 3D Secure; pending: not decided yet (poll again).
   */
  outcome: 'succeeded' | 'failed' | 'canceled' | 'requires_action' | 'pending';
  /** Stripe's message for a refused card, for the person. */
  errorMessage: string | null;
  amountMinor: number;
  tipMinor: number;
  /** The card that paid (for the customer's receipt), once the intent has succeeded. */
  card: { brand: string; last4: string } | null;
  /** The order paid (for a QR order: null until it exists). */
  order: {
    orderId: string | null;
    number: string | null;
    status: string | null;
    dueMinor: number | null;
  };
}

interface Ownership {
  venueId: string;
  amountMinor: number;
  tipMinor: number;
}

/** The intent must have been made for this table (its token is the customer's only credential). */
async function ownership(
  deps: StatusDeps,
  token: string,
  paymentIntentId: string,
): Promise<Ownership> {
  const table = await tableByToken(deps.db, token);
  if (!table) throw unknownTable();
  const found = await inVenue(deps.db, table.venueId, async (tx) => {
    const { rows } = await tx.query<{ amountMinor: number; tipMinor: number }>(
      `SELECT amount_minor AS "amountMinor", tip_minor AS "tipMinor" FROM qr_payment_requests
        WHERE venue_id = $1 AND table_id = $2 AND payment_intent_id = $3
       UNION ALL
       SELECT amount_minor, tip_minor FROM qr_checkouts
        WHERE venue_id = $1 AND table_id = $2 AND payment_intent_id = $3`,
      [table.venueId, table.tableId, paymentIntentId],
    );
    return rows[0];
  });
  if (!found) {
    throw new PaymentError('NOT_FOUND', 'No such payment at this table.', 'unknown_payment');
  }
  return { venueId: table.venueId, ...found };
}

/**
 * Re-reads the intent from Stripe and records what it says through the same path as the
 * webhook, so the page can confirm a payment even when the webhook is late, and a payment is
 * recorded once whichever gets there first.
 */
export async function tablePaymentStatus(
  deps: StatusDeps,
  input: { token: string; paymentIntentId: string },
): Promise<PaymentStatusView> {
  const owner = await ownership(deps, input.token, input.paymentIntentId);
  const intent = await readIntent(deps.stripe.client, input.paymentIntentId).catch(
    (error: unknown) => {
      throw fromStripeError(error) ?? error;
    },
  );
  return view(deps, owner, intent);
}

/** The customer gives up on this attempt: its part of the bill is free for others at once. */
export async function cancelTablePayment(
  deps: StatusDeps,
  input: { token: string; paymentIntentId: string },
): Promise<PaymentStatusView> {
  const owner = await ownership(deps, input.token, input.paymentIntentId);
  const client = deps.stripe.client;
  let intent = await readIntent(client, input.paymentIntentId);
  if (!['succeeded', 'canceled', 'processing'].includes(intent.status)) {
    try {
      intent = IntentSchema.parse(
        await client.paymentIntents.cancel(input.paymentIntentId, {
          cancellation_reason: 'requested_by_customer',
        }),
      );
    } catch (error) {
      const refusal = fromStripeError(error);
      if (refusal?.code !== 'BAD_REQUEST') throw refusal ?? error;
      // It moved on meanwhile (e.g. succeeded): report what it is now.
      intent = await readIntent(client, input.paymentIntentId);
    }
  }
  return view(deps, owner, intent);
}

async function view(
  deps: StatusDeps,
  owner: Ownership,
  intent: IntentFacts,
): Promise<PaymentStatusView> {
  const settled = await deps.db
    .transaction((tx) => settleIntent(tx, deps, intent))
    .catch((error: unknown) => {
      throw mismatchRefusal(error);
    });
  const orderId = settled.kind === 'unknown' ? null : settled.orderId;
  const order = orderId
    ? await inVenue(deps.db, owner.venueId, async (tx) => {
        const { rows } = await tx.query<{
          number: string;
          status: string;
          due: number;
        }>(
          `SELECT number, status, GREATEST(total_minor - paid_minor, 0) AS due
             FROM orders WHERE venue_id = $1 AND id = $2`,
          [owner.venueId, orderId],
        );
        return rows[0];
      })
    : undefined;
  return {
    paymentIntentId: intent.id,
    intentStatus: intent.status,
    outcome: outcomeOf(settled, intent),
    errorMessage: intent.last_payment_error?.message ?? null,
    amountMinor: owner.amountMinor,
    tipMinor: owner.tipMinor,
    card: await cardOf(deps, intent),
    order: {
      orderId: order ? orderId : null,
      number: order?.number ?? null,
      status: order?.status ?? null,
      dueMinor: order ? Number(order.due) : null,
    },
  };
}

/**
 * The brand and last four digits of the card that paid. Only a receipt detail: if Stripe cannot
 * be asked right now the payment is still recorded and reported, just without them.
 */
async function cardOf(deps: StatusDeps, intent: IntentFacts): Promise<PaymentStatusView['card']> {
  const method: unknown = intent['payment_method'];
  const id =
    typeof method === 'string'
      ? method
      : typeof method === 'object' && method !== null && 'id' in method
        ? String(method.id)
        : null;
  if (intent.status !== 'succeeded' || id === null) return null;
  try {
    const { card } = await deps.stripe.client.paymentMethods.retrieve(id);
    return card ? { brand: card.brand, last4: card.last4 } : null;
  } catch {
    return null;
  }
}

function outcomeOf(settled: SettleOutcome, intent: IntentFacts): PaymentStatusView['outcome'] {
  if (settled.kind === 'payment') {
    if (settled.status !== 'pending') return settled.status;
  } else if (settled.kind === 'qr_order') {
    if (settled.status === 'ordered') return 'succeeded';
    if (settled.status === 'canceled') return 'canceled';
    if (intent.status === 'requires_payment_method' && intent.last_payment_error) return 'failed';
  }
  return intent.status === 'requires_action' ? 'requires_action' : 'pending';
}
