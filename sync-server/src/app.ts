import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './deps.ts';
import {
  RouteCatalog,
  errorHandler,
  httpHooks,
  loggerOptions,
  pwaStatic,
  type RateLimits,
  requestIdFrom,
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

/** The HTTP server: each concern is a plugin of the folder that owns it; this only registers them. */
export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config, options.logStream),
    genReqId: requestIdFrom,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { maxParamLength: 5000 },
  });
  // Routes outside tRPC describe themselves here, for /api-docs.
  const catalog = new RouteCatalog();

  await app.register(httpHooks, {
    deps,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  await app.register(errorHandler, { config: deps.config });
  await app.register(trpcRoutes, { deps });
  await app.register(opsRoutes, { deps, catalog });
  await app.register(paymentRoutes(deps, catalog));
  await app.register(pwaStatic, options.pwaDir ? { pwaDir: options.pwaDir } : {});
  return app;
}
