import type Stripe from 'stripe';
import type { Config } from './config/index.ts';
import type { Db } from './db/index.ts';
import type { Metrics } from './ops/index.ts';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Stripe as the server sees it: the same SDK client whether it points at Stripe or the emulator. */
export interface StripeGateway {
  client: Stripe;
  mode: Config['stripe']['mode'];
  publishableKey: string;
  webhookSecret: string | undefined;
  /** The local emulator's address (emulator mode only), for the customer page's card form. */
  emulatorUrl?: string;
}

/** Everything a request handler may use; built once at start-up (and per test). */
export interface AppDeps {
  config: Config;
  db: Db;
  stripe: StripeGateway;
  clock: Clock;
  metrics: Metrics;
}
