import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDeps } from '../deps.ts';
import { API_PATH } from './api-path.ts';
import { createRateLimits, routeClassOf, type RateLimits } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    startedAt: bigint;
    metricRoute?: string;
  }
}

export interface HttpHooksOptions {
  deps: AppDeps;
  /**
   * The paired device a bearer token names (undefined for a token nobody issued, or a revoked
   * one): the composition root passes the auth domain's lookup.
   */
  deviceIdOf: (deviceToken: string) => Promise<string | undefined>;
  /** The limiter to use (tests pass their own); built from the configuration when absent. */
  rateLimits?: RateLimits;
}

/**
 * What every request goes through: its id echoed back, the rate limit of its route class, and
 * the request metrics once answered. Registered with fastify-plugin so the hooks apply to the
 * whole server, not just to this plugin's own (empty) scope.
 */
export const httpHooks = fp<HttpHooksOptions>(
  async (app: FastifyInstance, { deps, deviceIdOf, rateLimits: given }) => {
    const rateLimits = given ?? createRateLimits(deps.config);
    if (!(await rateLimits.ready())) {
      // Until Redis answers, each process limits on its own (rate-limiter-flexible's insurance limiter).
      app.log.warn(
        'REDIS_URL is set but Redis is not reachable yet: rate limits are per process for now',
      );
    }
    const { metrics } = deps;

    app.decorateRequest('startedAt', 0n);
    app.addHook('onRequest', async (request, reply) => {
      request.startedAt = process.hrtime.bigint();
      reply.header('x-request-id', request.id);
      // The app shell and its assets are static and cached by the service worker: not limited.
      if (request.method === 'GET' && !API_PATH.test(request.url)) return;
      const routeClass = routeClassOf(request.url);
      const key = await rateLimitKey(request, deviceIdOf);
      const retryAfter = await rateLimits.consume(routeClass, key);
      if (retryAfter !== undefined) {
        metrics.rateLimited.inc({ class: routeClass });
        request.log.warn({ routeClass, retryAfter }, 'rate limited');
        return reply
          .code(429)
          .header('retry-after', String(retryAfter))
          .send({
            error: 'rate_limited',
            message: `Too many requests; try again in ${retryAfter} s.`,
          });
      }
    });
    app.addHook('onResponse', async (request, reply) => {
      const route = metricRoute(request.url, request.routeOptions.url);
      const labels = { method: request.method, route };
      const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
      metrics.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
      metrics.httpDuration.observe(labels, seconds);
      if (reply.statusCode >= 400) {
        metrics.httpErrors.inc({ ...labels, class: reply.statusCode >= 500 ? '5xx' : '4xx' });
      }
    });
    app.addHook('onClose', async () => {
      await rateLimits.close();
    });
  },
  { name: 'servio-http-hooks' },
);

/**
 * Paired tablets are limited per device, because a venue's tablets usually share one public
 * address; everything else (customers' phones, sign-in attempts before pairing) per address.
 * A device's own allowance only once its token resolved to a paired device: a token the caller
 * made up would otherwise be a fresh allowance per request. The address is the connection's
 * unless TRUST_PROXY names the proxy in front (config/env.ts), for the same reason.
 */
async function rateLimitKey(
  request: FastifyRequest,
  deviceIdOf: HttpHooksOptions['deviceIdOf'],
): Promise<string> {
  const token = /^Bearer (dev_\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const deviceId = token
    ? await deviceIdOf(token).catch((error: unknown) => {
        // The database is away: limit by address, and let the route answer what it can.
        request.log.warn({ err: error }, 'device lookup for the rate limit failed');
        return undefined;
      })
    : undefined;
  return deviceId ? `dev:${deviceId}` : `ip:${request.ip}`;
}

/** One label per route or tRPC procedure (a batch names each of its procedures), never a raw URL. */
function metricRoute(url: string, routeUrl: string | undefined): string {
  if (url.startsWith('/trpc/')) {
    const procedures = url.slice('/trpc/'.length).split('?')[0] ?? '';
    return `trpc:${procedures}`;
  }
  if (routeUrl === '/*' || routeUrl === undefined) return 'static';
  return routeUrl;
}
