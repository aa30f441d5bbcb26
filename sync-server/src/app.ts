import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { resolveDevice } from './auth/index.ts';
import type { AppDeps } from './deps.ts';
import {
  RouteCatalog,
  errorHandler,
  httpHooks,
  loggerOptions,
  pwaStatic,
  type RateLimits,
  requestIdFrom,
  securityHeaders,
} from './http/index.ts';
import { opsRoutes } from './ops/index.ts';
import { paymentRoutes } from './payments/index.ts';
import { trpcRoutes } from './trpc/index.ts';

export { defaultPwaDir } from './http/index.ts';

export interface BuildAppOptions {
  /** Where the built PWA lives; when absent the server says how to build it. */
  pwaDir?: string;
  /** Log destination (tests capture lines here); stdout by default. */
  logStream?: DestinationStream;
  rateLimits?: RateLimits;
}

/**
 * TRUST_PROXY as Fastify takes it. Off unless set: X-Forwarded-For is otherwise any client's word.
 * Fastify reads a bare number as "trust nothing" (a hop count cannot tell the proxy from a client
 * that reached the server directly), so a count is given as proxy-addr's hop function: the
 * connection and the next `hops - 1` entries are proxies, the entry before them the client.
 */
function fastifyTrustProxy(
  trust: AppDeps['config']['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/** The HTTP server: each concern is a plugin of the folder that owns it; this only registers them. */
export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config, options.logStream),
    genReqId: requestIdFrom,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { maxParamLength: 5000 },
  });
  // Routes outside tRPC describe themselves here, for /api-docs.
  const catalog = new RouteCatalog();

  // First, so every answer carries the headers, the rate limit's 429 included.
  await app.register(securityHeaders, { config: deps.config });
  await app.register(httpHooks, {
    deps,
    deviceIdOf: async (token) => {
      const device = await resolveDevice(deps.db, token);
      return device && !device.revoked ? device.deviceId : undefined;
    },
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  await app.register(errorHandler, { config: deps.config });
  await app.register(trpcRoutes, { deps });
  await app.register(opsRoutes, { deps, catalog });
  await app.register(paymentRoutes(deps, catalog));
  await app.register(pwaStatic, options.pwaDir ? { pwaDir: options.pwaDir } : {});
  return app;
}
