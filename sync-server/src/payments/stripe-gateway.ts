import type { StripeEmulator } from '@servio/stripe-emulator';
import Stripe from 'stripe';
import type { Config } from '../config/index.ts';
import type { StripeGateway } from '../deps.ts';

// The one module that reaches the emulator (lint enforces it); the rest of the server names its
// type through here.
export type { StripeEmulator };

/**
 * With STRIPE_SECRET_KEY: Stripe itself. Without: the local emulator, reached through the very same
 * SDK client (host/port/protocol), so no payment code path differs between the two. The emulator
 * is imported only here and only then, so a server with real keys never loads it.
 */
export async function createStripeGateway(
  config: Config,
): Promise<{ gateway: StripeGateway; emulator: StripeEmulator | undefined }> {
  if (config.stripe.secretKey) {
    return {
      gateway: {
        client: new Stripe(config.stripe.secretKey, {
          maxNetworkRetries: 2,
          appInfo: { name: 'Servio' },
        }),
        mode: config.stripe.mode,
        publishableKey: config.stripe.publishableKey!,
        webhookSecret: config.stripe.webhookSecret,
      },
      emulator: undefined,
    };
  }
  const { startStripeEmulator } = await import('@servio/stripe-emulator');
  const emulator = await startStripeEmulator({
    host: '127.0.0.1',
    port: 0,
    ...(config.stripe.webhookSecret ? { webhookSecret: config.stripe.webhookSecret } : {}),
  });
  return {
    gateway: {
      client: new Stripe(emulator.secretKey, {
        host: emulator.host,
        port: emulator.port,
        protocol: 'http',
        maxNetworkRetries: 2,
        appInfo: { name: 'Servio' },
      }),
      mode: 'emulator',
      publishableKey: emulator.publishableKey,
      webhookSecret: emulator.webhookSecret,
      emulatorUrl: emulator.url,
    },
    emulator,
  };
}
