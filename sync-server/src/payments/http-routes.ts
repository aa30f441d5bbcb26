import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isAdminRequest } from '../auth/index.ts';
import type { AppDeps } from '../deps.ts';
import type { RouteCatalog } from '../http/index.ts';
import { registerEmulatorBrowserApi } from './emulator-browser-api.ts';
import { PAYMENT_ERROR_STATUS, PaymentError } from './errors.ts';
import { createOrderFromPaidIntent } from './qr-checkout.ts';
import { replayEvents } from './webhook-events.ts';
import { registerWebhookRoute } from './webhook-route.ts';

const createFromPaidIntentBody = z.object({
  paymentIntentId: z.string().regex(/^pi_\w+$/, 'a PaymentIntent id (pi_…)'),
});

const replayBody = z.union([
  z.object({ eventId: z.string().regex(/^evt_\w+$/), force: z.boolean().optional() }),
  z.object({ failed: z.literal(true) }),
]);

const eventsQuery = z.object({
  status: z.enum(['received', 'processed', 'failed', 'ignored']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({
    error: 'bad_request',
    message: error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
  });
}

function paymentRefusal(reply: FastifyReply, error: unknown) {
  if (!(error instanceof PaymentError)) throw error;
  return reply
    .code(PAYMENT_ERROR_STATUS[error.code])
    .send({ error: error.reason, message: error.message });
}

function notAdmin(deps: AppDeps, reply: FastifyReply) {
  return reply.code(401).send({
    error: 'unauthorized',
    message: deps.config.adminToken
      ? 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".'
      : 'This endpoint is off: ADMIN_TOKEN is not set on this server.',
  });
}

/**
 * The payment routes outside tRPC: the Stripe webhook, the runbook's createFromPaidIntent, the
 * customer page's way to the emulator (emulator mode only), and
 * the operator's view of stored webhook events and their replay (what `pnpm run
 * webhooks:replay` calls when a running server owns the embedded database).
 */
export function paymentRoutes(deps: AppDeps, catalog: RouteCatalog) {
  return async (app: FastifyInstance): Promise<void> => {
    await registerWebhookRoute(app, deps, catalog);
    await registerEmulatorBrowserApi(app, deps, catalog);

    catalog.add({
      method: 'POST',
      path: '/api/orders/createFromPaidIntent',
      summary:
        "QR ordering with pay-now: after Stripe confirmed, the customer's page asks for its order. Stripe is asked whether the intent succeeded; the cart becomes an order exactly once, whether this or the payment_intent.succeeded webhook arrives first.",
      auth: 'none (the PaymentIntent id of a QR checkout)',
      body: createFromPaidIntentBody,
      responses: {
        200: '{ orderId, orderNumber, result: created | existing }',
        404: 'no QR order waits for this intent',
        409: 'the intent has not succeeded (reason not_paid): no order is made',
        502: 'Stripe unreachable: try again',
      },
    });
    app.post('/api/orders/createFromPaidIntent', async (request, reply) => {
      const body = createFromPaidIntentBody.safeParse(request.body);
      if (!body.success) return badRequest(reply, body.error);
      try {
        const created = await createOrderFromPaidIntent(deps, body.data.paymentIntentId);
        // The runbook's "check for idempotency conflicts": a repeat says so in the log line.
        request.log.info(
          { paymentIntentId: body.data.paymentIntentId, ...created },
          created.result === 'created'
            ? 'createFromPaidIntent: order created'
            : 'createFromPaidIntent: order already existed (idempotent repeat)',
        );
        return created;
      } catch (error) {
        if (error instanceof PaymentError) {
          request.log.warn(
            { paymentIntentId: body.data.paymentIntentId, reason: error.reason },
            `createFromPaidIntent refused: ${error.message}`,
          );
        }
        return paymentRefusal(reply, error);
      }
    });

    catalog.add({
      method: 'GET',
      path: '/api/stripe/webhook-events',
      summary: 'Stored Stripe events, newest first (status, attempts, last error) for operators.',
      auth: 'Bearer ADMIN_TOKEN',
      query: eventsQuery,
      responses: { 200: '{ events: [...] }', 401: 'no or wrong admin token' },
    });
    app.get('/api/stripe/webhook-events', async (request, reply) => {
      if (!isAdminRequest(deps.config, request)) return notAdmin(deps, reply);
      const query = eventsQuery.safeParse(request.query);
      if (!query.success) return badRequest(reply, query.error);
      const { rows } = await deps.db.query(
        `SELECT id, type, status, attempts, last_error AS "lastError", venue_id AS "venueId",
                received_at AS "receivedAt", processed_at AS "processedAt"
           FROM stripe_webhook_events
          WHERE ($1::text IS NULL OR status = $1)
          ORDER BY received_at DESC, id DESC LIMIT $2`,
        [query.data.status ?? null, query.data.limit],
      );
      return { events: rows };
    });

    catalog.add({
      method: 'POST',
      path: '/api/stripe/webhook-events/replay',
      summary:
        'Process stored Stripe events again: one by id ({eventId, force?}) or every failed one ({failed: true}).',
      auth: 'Bearer ADMIN_TOKEN',
      body: replayBody,
      responses: {
        200: '{ results: [{ eventId, type, outcome, attempts, error? }] }',
        401: 'no or wrong admin token',
        404: 'no stored event with that id',
      },
    });
    app.post('/api/stripe/webhook-events/replay', async (request, reply) => {
      if (!isAdminRequest(deps.config, request)) return notAdmin(deps, reply);
      const body = replayBody.safeParse(request.body);
      if (!body.success) return badRequest(reply, body.error);
      if ('eventId' in body.data) {
        const { rows } = await deps.db.query('SELECT 1 FROM stripe_webhook_events WHERE id = $1', [
          body.data.eventId,
        ]);
        if (rows.length === 0) {
          return reply
            .code(404)
            .send({ error: 'not_found', message: `No stored event ${body.data.eventId}.` });
        }
      }
      const results = await replayEvents(
        deps,
        'eventId' in body.data
          ? { eventId: body.data.eventId, force: body.data.force ?? false }
          : { unfinished: true },
      );
      return { results };
    });
  };
}
