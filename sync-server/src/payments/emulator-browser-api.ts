import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../deps.ts';
import type { RouteCatalog } from '../http/index.ts';

/** Where the customer's page reaches the emulator's browser API (same origin as the app). */
export const EMULATOR_BROWSER_PREFIX = '/api/stripe-emulator';

/**
 * The emulator listens on 127.0.0.1 at a random port, which a customer's phone on the venue's
 * Wi-Fi cannot reach. These routes pass the calls Stripe.js would make from the browser through
 * the server, unchanged: confirming a PaymentIntent with a card, answering 3D Secure, reading
 * the intent back. Only with the publishable key (as Stripe.js sends it, in the `key` field),
 * never a secret key, and only these paths: nothing here can create, cancel or refund.
 */
const BROWSER_ROUTES = [
  { method: 'POST', path: '/v1/payment_intents/:id/confirm' },
  { method: 'POST', path: '/v1/payment_intents/:id/emulator_authenticate' },
  { method: 'GET', path: '/v1/payment_intents/:id' },
] as const;

const INTENT_ID = /^pi_\w+$/;

function stripeError(reply: FastifyReply, status: number, type: string, message: string) {
  return reply.code(status).send({ error: { type, message } });
}

export async function registerEmulatorBrowserApi(
  app: FastifyInstance,
  deps: AppDeps,
  catalog: RouteCatalog,
): Promise<void> {
  const emulatorUrl = deps.stripe.emulatorUrl;
  if (deps.stripe.mode !== 'emulator' || !emulatorUrl) return;
  for (const route of BROWSER_ROUTES) {
    catalog.add({
      method: route.method,
      path: `${EMULATOR_BROWSER_PREFIX}${route.path}`,
      summary:
        "Emulator mode only: the local card form's call to the Stripe emulator (what Stripe.js sends to api.stripe.com), passed through unchanged so a phone on the venue's network can reach it.",
      auth: 'the publishable key in the `key` field and the intent’s `client_secret`',
      responses: {
        200: 'the PaymentIntent, as Stripe answers',
        401: 'no publishable key, or another key',
        402: 'the card was declined (Stripe’s card_error, with the intent)',
        404: 'no such intent',
      },
    });
  }
  await app.register(async (scope) => {
    // Stripe.js sends form-encoded bodies; they are checked and passed on as they came.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    for (const route of BROWSER_ROUTES) {
      scope.route({
        method: route.method,
        url: `${EMULATOR_BROWSER_PREFIX}${route.path}`,
        handler: async (request, reply) => {
          const { id } = request.params as { id: string };
          if (!INTENT_ID.test(id)) {
            return stripeError(
              reply,
              404,
              'invalid_request_error',
              `No such payment_intent: '${id}'`,
            );
          }
          const rawQuery = request.url.includes('?')
            ? request.url.slice(request.url.indexOf('?') + 1)
            : '';
          const body = typeof request.body === 'string' ? request.body : '';
          const fields = new URLSearchParams(route.method === 'GET' ? rawQuery : body);
          if (fields.get('key') !== deps.stripe.publishableKey) {
            return stripeError(
              reply,
              401,
              'invalid_request_error',
              'Send the publishable key in the `key` field, as Stripe.js does.',
            );
          }
          const target = `${emulatorUrl}${route.path.replace(':id', id)}${
            route.method === 'GET' ? `?${rawQuery}` : ''
          }`;
          let answer: Response;
          try {
            answer = await fetch(target, {
              method: route.method,
              ...(route.method === 'POST'
                ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }
                : {}),
              signal: AbortSignal.timeout(15_000),
            });
          } catch (error) {
            request.log.error({ err: error }, 'stripe emulator unreachable');
            return stripeError(
              reply,
              502,
              'api_error',
              'Payments are not reachable right now. Please try again in a moment.',
            );
          }
          return reply
            .code(answer.status)
            .header('content-type', 'application/json')
            .header('cache-control', 'no-store')
            .send(await answer.text());
        },
      });
    }
  });
}
