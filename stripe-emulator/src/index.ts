import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { BehaviourSettings, WebhookBehaviour } from './behaviour.ts';
import { EmulatorBehaviour } from './behaviour.ts';
import { catalogRoutes } from './catalog.ts';
import { chargeRoutes } from './charges.ts';
import { checkoutRoutes } from './checkout-routes.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { newId } from './context.ts';
import { customerRoutes } from './customers.ts';
import { eventRoutes } from './events.ts';
import { hostedPages } from './hosted-pages.ts';
import { createRequestListener } from './http-api.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { IdSource } from './ids.ts';
import { randomIds, randomToken } from './ids.ts';
import type { StripeEvent } from './objects.ts';
import { paymentIntentRoutes } from './payment-intents.ts';
import { paymentMethodRoutes } from './payment-methods.ts';
import { refundRoutes } from './refunds.ts';
import { Router } from './router.ts';
import { Store } from './store.ts';
import { subscriptionRoutes } from './subscription-routes.ts';
import type { DeliveryRecord } from './webhook-delivery.ts';
import { WebhookDispatcher } from './webhook-delivery.ts';

export type { BehaviourSettings, DeliveryRecord, IdSource, StripeEvent, WebhookBehaviour };
export { EmulatorBehaviour } from './behaviour.ts';
export { sequentialIds } from './ids.ts';

export interface StripeEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  secretKey?: string;
  publishableKey?: string;
  /** The webhook endpoint's signing secret; a random `whsec_…` by default. */
  webhookSecret?: string;
  webhookUrl?: string;
  /** The clock for `created` and signature timestamps (ms since the epoch). */
  now?: () => number;
  /** The random part of ids and client secrets (`sequentialIds()` for predictable ones). */
  ids?: IdSource;
  /** `api_version` on events; defaults to the installed SDK's pinned version. */
  apiVersion?: string;
  /** Initial webhook/API behaviour switches (also mutable later through `behaviour`). */
  behaviour?: BehaviourSettings;
}

export interface StripeEmulator {
  /** `http://<host>:<port>` */
  url: string;
  host: string;
  port: number;
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  setWebhookUrl(url: string): void;
  /** Mutable switches: duplicate, outOfOrder, delayMs, failFirstAttempts, paused, … */
  behaviour: WebhookBehaviour;
  /** Every webhook delivery attempt so far, in the order they were made. */
  deliveries(): DeliveryRecord[];
  /** Every event created so far, oldest first. */
  events(): StripeEvent[];
  /** Resolves when no webhook delivery or retry is pending (held events excepted). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the local Stripe: Stripe's HTTP API (v1, form-encoded) for PaymentIntents, Refunds,
 * Checkout Sessions, Customers, Subscriptions and Events, in memory, plus signed webhook
 * delivery. Point the official SDK at it with `new Stripe(secretKey, { host, port, protocol: 'http' })`.
 *
 * Besides Stripe's own endpoints it answers a few that only the emulator has, standing in for
 * what the customer does on Stripe's pages:
 * - `POST /v1/payment_intents/:id/emulator_authenticate` `outcome=success|failure` — the 3D Secure
 *   answer (secret key, or publishable key + `client_secret`, for the local card form);
 * - `POST /v1/checkout/sessions/:id/emulator_complete` `[payment_method=pm_card_…]` — paying a
 *   Checkout Session (default `pm_card_visa`);
 * - `POST /v1/subscriptions/:id/emulator_set_status` `status=past_due|unpaid|…` — what Billing
 *   would do over time;
 * - HTML pages at `session.url` (`/emulator/checkout/:id`) and `next_action`'s 3D Secure URL
 *   (`/emulator/three_d_secure/:id`), and `GET /health`.
 */
export async function startStripeEmulator(
  options: StripeEmulatorOptions = {},
): Promise<StripeEmulator> {
  const host = options.host ?? '127.0.0.1';
  let webhookUrl = options.webhookUrl ?? null;
  let baseUrl = '';
  const state: EmulatorState = {
    store: new Store(),
    ids: options.ids ?? randomIds,
    now: options.now ?? Date.now,
    secretKey: options.secretKey ?? 'sk_test_emulator',
    publishableKey: options.publishableKey ?? 'pk_test_emulator',
    apiVersion: options.apiVersion ?? Stripe.API_VERSION,
    baseUrl: () => baseUrl,
    hasWebhookEndpoint: () => webhookUrl !== null,
  };
  const webhookSecret = options.webhookSecret ?? `whsec_${randomToken(32)}`;
  const behaviour = Object.assign(new EmulatorBehaviour(), options.behaviour ?? {});
  const dispatcher = new WebhookDispatcher({
    secret: webhookSecret,
    url: () => webhookUrl,
    now: state.now,
    behaviour,
  });
  const run = <T>(
    action: (ctx: Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>) => T,
  ): T => {
    const ctx = {
      requestId: newId(state, 'req'),
      idempotencyKey: null,
      events: [] as StripeEvent[],
    };
    try {
      return action(ctx);
    } finally {
      dispatcher.dispatch(ctx.events);
    }
  };
  const router = new Router([
    ...paymentIntentRoutes(state),
    ...paymentMethodRoutes(state),
    ...chargeRoutes(state),
    ...refundRoutes(state),
    ...customerRoutes(state),
    ...catalogRoutes(state),
    ...subscriptionRoutes(state),
    ...checkoutRoutes(state),
    ...eventRoutes(state),
  ]);
  const server = createServer(
    createRequestListener({
      state,
      router,
      idempotency: new IdempotencyStore(state.now),
      behaviour,
      dispatch: (events) => dispatcher.dispatch(events),
      hostedPages: hostedPages(state, run),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard listen address is not somewhere a client can connect to.
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  baseUrl = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${port}`;
  return {
    url: baseUrl,
    host: reachableHost,
    port,
    secretKey: state.secretKey,
    publishableKey: state.publishableKey,
    webhookSecret,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    behaviour,
    deliveries: () => dispatcher.deliveries(),
    events: () => state.store.events.newestFirst().reverse(),
    settle: () => dispatcher.settle(),
    close: async () => {
      dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
