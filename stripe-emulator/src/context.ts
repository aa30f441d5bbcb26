import type { FormObject } from './form.ts';
import type { IdSource } from './ids.ts';
import type { StripeEvent } from './objects.ts';
import type { Store } from './store.ts';

/** Shared by every endpoint: the state, the injected clock and id source, and the keys. */
export interface EmulatorState {
  store: Store;
  ids: IdSource;
  /** Milliseconds since the epoch (injectable for deterministic tests). */
  now: () => number;
  secretKey: string;
  publishableKey: string;
  apiVersion: string;
  /** The emulator's own base URL, for hosted-page links (`http://127.0.0.1:<port>`). */
  baseUrl: () => string;
  /** Whether a webhook endpoint is configured (an event's `pending_webhooks`). */
  hasWebhookEndpoint: () => boolean;
}

export type AuthKind = 'secret' | 'publishable' | 'none';

/** What one API request sees while it runs. */
export interface RequestContext {
  method: string;
  path: string;
  params: FormObject;
  pathParams: Record<string, string>;
  auth: AuthKind;
  requestId: string;
  idempotencyKey: string | null;
  /** Events created by this request, delivered to the webhook endpoint once it has answered. */
  events: StripeEvent[];
}

/**
 * `secret`: the secret key only. `publishable`: either key (Stripe.js creating a PaymentMethod).
 * `client_secret`: the secret key, or the publishable key together with the PaymentIntent's
 * `client_secret` (the calls Stripe.js makes from the customer's browser; the handler checks it).
 */
export type RouteAuth = 'secret' | 'publishable' | 'client_secret';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/payment_intents/:id/confirm` */
  pattern: string;
  auth: RouteAuth;
  /** Returns the response body (200); failures throw a StripeApiError. */
  handle: (ctx: RequestContext) => unknown;
}

export function unixSeconds(state: EmulatorState): number {
  return Math.floor(state.now() / 1000);
}

export function newId(state: EmulatorState, prefix: string): string {
  return `${prefix}_${state.ids()}`;
}

/** The route param, with a clear failure if a route's pattern and handler disagree. */
export function pathParam(ctx: RequestContext, name: string): string {
  const value = ctx.pathParams[name];
  if (value === undefined) throw new Error(`route ${ctx.path} has no :${name} parameter`);
  return value;
}
