import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import type { AppDeps } from '../deps.ts';
import type { RouteCatalog } from '../http/index.ts';
import { StripeEventSchema } from './stripe-objects.ts';
import { processEvent, storeEvent } from './webhook-events.ts';

/**
 * Stripe's tolerance: a signature older than five minutes is a replay, not a delivery; one more
 * than five minutes ahead of our clock was not made by Stripe now (W1).
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * W1: the HMAC of the exact bytes, with the signed time within the tolerance of our clock in
 * both directions. Returns why it is refused, or undefined. The SDK checks only the past
 * (`now − t > tolerance`), so the future is checked here, on the timestamp the SDK has just
 * authenticated. `verifyHeader` rather than `constructEvent`: the latter also parses the body,
 * and a signed body that is not JSON would throw a SyntaxError (a 500) instead of a refusal.
 */
function verifySignature(
  deps: AppDeps,
  raw: Buffer,
  header: string,
  secret: string,
): string | undefined {
  const now = deps.clock.now();
  try {
    deps.stripe.client.webhooks.signature!.verifyHeader(
      raw,
      header,
      secret,
      SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      now,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return error.message;
    throw error;
  }
  const signedAt = signedTimestamp(header);
  if (
    !Number.isFinite(signedAt) ||
    signedAt - Math.floor(now / 1000) > SIGNATURE_TOLERANCE_SECONDS
  ) {
    return 'Timestamp outside the tolerance zone (ahead of this server’s clock)';
  }
  return undefined;
}

/** The `t=` of a Stripe-Signature header, read as the SDK reads it (the last one counts). */
function signedTimestamp(header: string): number {
  let timestamp = Number.NaN;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') timestamp = Number.parseInt(value ?? '', 10);
  }
  return timestamp;
}

/**
 * `POST /api/stripe/webhook`, registered in its own encapsulated plugin so that only this route
 * reads its body raw: the signature is an HMAC of the exact bytes Stripe sent, which JSON
 * parsing would lose.
 */
export async function registerWebhookRoute(
  app: FastifyInstance,
  deps: AppDeps,
  catalog: RouteCatalog,
): Promise<void> {
  catalog.add({
    method: 'POST',
    path: '/api/stripe/webhook',
    summary:
      'Stripe webhook endpoint: signature verified on the raw body (STRIPE_WEBHOOK_SECRET, 300 s tolerance either way), every event stored in stripe_webhook_events before it is acted on, each processed once, and only if it agrees with our payment row and with the object as Stripe holds it now (W1-W4).',
    auth: 'Stripe-Signature header (t=…,v1=…)',
    responses: {
      200: '{ received: true, eventId, outcome: processed | ignored | duplicate }',
      400: 'missing, forged or tampered signature, signed time more than 300 s from ours either way, a body that is not JSON, or not an event (nothing stored)',
      422: 'a verified event that disagrees with our payment row or with Stripe (W2–W4): recorded failed with the reason, nothing changed',
      500: 'processing failed: recorded as failed, Stripe retries (or pnpm run webhooks:replay)',
      503: 'no webhook secret configured',
    },
  });
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/api/stripe/webhook', async (request, reply) => {
      const { metrics } = deps;
      const refuse = (status: number, error: string, message: string) => {
        metrics.webhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
        request.log.warn({ error, message }, 'stripe webhook refused');
        return reply.code(status).send({ error, message });
      };
      const secret = deps.stripe.webhookSecret;
      if (!secret) {
        return refuse(503, 'not_configured', 'STRIPE_WEBHOOK_SECRET is not set on this server.');
      }
      const signature = request.headers['stripe-signature'];
      const raw = request.body;
      if (typeof signature !== 'string' || !Buffer.isBuffer(raw) || raw.length === 0) {
        return refuse(400, 'bad_request', 'A signed Stripe event body is required.');
      }
      const refusal = verifySignature(deps, raw, signature, secret);
      if (refusal) return refuse(400, 'invalid_signature', refusal);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(400, 'bad_request', 'The body is not JSON.');
      }
      const parsed = StripeEventSchema.safeParse(json);
      if (!parsed.success) return refuse(400, 'bad_request', 'The body is not a Stripe event.');
      const event = parsed.data;
      await storeEvent(deps, event);
      const result = await processEvent(deps, event.id);
      const log = { eventId: event.id, type: event.type, outcome: result.outcome };
      if (result.outcome === 'refused') {
        // Visible to the operator: the log line and the stored event (failed, `refused: …`).
        request.log.error(
          { ...log, reason: result.error },
          'stripe webhook refused: it does not match',
        );
        return reply.code(422).send({
          error: 'event_refused',
          eventId: event.id,
          // The reason stays in our log and event store: the sender learns nothing of our rows.
          message: 'The event does not match our records: it was stored and not acted on.',
        });
      }
      if (result.outcome === 'failed') {
        request.log.error({ ...log, err: result.error }, 'stripe webhook processing failed');
        return reply.code(500).send({
          error: 'processing_failed',
          eventId: event.id,
          message: 'The event was stored and will be processed again when Stripe retries.',
        });
      }
      request.log.info(log, 'stripe webhook');
      return { received: true, eventId: event.id, outcome: result.outcome };
    });
  });
}
