import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/index.ts';

/** Stripe.js with real keys (Stripe's integration security guide): its script, frames and API. */
const STRIPE_JS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const STRIPE_FRAMES = [...STRIPE_JS, 'https://hooks.stripe.com'];
const STRIPE_API = ['https://api.stripe.com'];

/**
 * The one policy for every answer: the app shell, the customer's pay page, the manager's pages,
 * static files, the API and the errors. Scripts come only from this origin and from Stripe.js
 * (the emulator's card form posts to this origin, `/api/stripe-emulator`); nothing inline, no
 * eval. Styles allow inline because the API docs page carries its own `<style>` and Stripe.js
 * styles its mount points; an injected style cannot run code.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", ...STRIPE_JS],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://*.stripe.com'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", ...STRIPE_API],
  'frame-src': STRIPE_FRAMES,
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // No page of ours is meant to be inside another site's frame (the pay and manager pages least).
  'frame-ancestors': ["'none'"],
} as const;

/** A year, the floor browsers' preload lists ask for; subdomains too, since they are ours. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response, through @fastify/helmet. Registered before the rate limits
 * (fastify-plugin, whole server) so a 429 carries them too. HSTS only where https is real: the
 * request came over TLS, or through a proxy TRUST_PROXY believes that says so, or PUBLIC_URL is
 * https. A venue's LAN install on plain HTTP must not be told to refuse HTTP.
 */
export const securityHeaders = fp<{ config: Pick<Config, 'publicUrl'> }>(
  async (app: FastifyInstance, { config }) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // Set below, only over https.
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
      // Table tokens are in the pay page's path: another site learns at most our origin.
      referrerPolicy: { policy: 'strict-origin' },
      // Stripe's wallets may open a window of their own from the Payment Element.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    });
    const publishedOverHttps = config.publicUrl?.startsWith('https://') ?? false;
    app.addHook('onRequest', async (request, reply) => {
      if (publishedOverHttps || request.protocol === 'https') {
        reply.header('strict-transport-security', HSTS);
      }
    });
  },
  { name: 'servio-security-headers' },
);
