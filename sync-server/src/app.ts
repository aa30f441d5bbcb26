import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import * as Sentry from '@sentry/node';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { isAdminRequest } from './auth/admin.ts';
import { repoRoot } from './config/env.ts';
import type { AppDeps } from './deps.ts';
import { RouteCatalog } from './http/documented-routes.ts';
import { loggerOptions } from './http/logging.ts';
import { createRateLimits, routeClassOf, type RateLimits } from './http/rate-limit.ts';
import { requestIdFrom } from './http/request-id.ts';
import { buildApiDocs, renderApiDocsHtml } from './ops/api-docs.ts';
import { venueRowCounts } from './ops/debug-counts.ts';
import { checkHealth } from './ops/health.ts';
import { paymentRoutes } from './payments/http-routes.ts';
import { callerOf, createContextFactory } from './trpc/context.ts';
import { pokeStreamsOf } from './sync/poke.ts';
import { appRouter, type AppRouter } from './trpc/router.ts';

export const defaultPwaDir = path.join(repoRoot, 'pwa/dist');

export interface BuildAppOptions {
  /** Where the built PWA lives; when absent the server says how to build it. */
  pwaDir?: string;
  /** Log destination (tests capture lines here); stdout by default. */
  logStream?: DestinationStream;
  rateLimits?: RateLimits;
}

declare module 'fastify' {
  interface FastifyRequest {
    startedAt: bigint;
    metricRoute?: string;
  }
}

const COUNT_ROLES = new Set(['manager', 'owner']);

const countsQuery = z.object({ venueId: z.uuid({ message: 'venueId must be a venue id (UUID)' }) });

/** Paths that belong to the API: never answered with the PWA's index.html. */
const API_PATH = /^\/(api|trpc|metrics|api-docs)(\/|\.|$|\?)/;

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
  const rateLimits = options.rateLimits ?? createRateLimits(deps.config);
  if (!(await rateLimits.ready())) {
    // Until Redis answers, each process limits on its own (rate-limiter-flexible's insurance limiter).
    app.log.warn(
      'REDIS_URL is set but Redis is not reachable yet: rate limits are per process for now',
    );
  }
  const catalog = new RouteCatalog();
  const { metrics } = deps;

  app.decorateRequest('startedAt', 0n);
  app.addHook('onRequest', async (request, reply) => {
    request.startedAt = process.hrtime.bigint();
    reply.header('x-request-id', request.id);
    // The app shell and its assets are static and cached by the service worker: not limited.
    if (request.method === 'GET' && !API_PATH.test(request.url)) return;
    const routeClass = routeClassOf(request.url);
    const retryAfter = await rateLimits.consume(routeClass, rateLimitKey(request));
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
  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        if (deps.config.sentryDsn)
          Sentry.captureException(error, { tags: { requestId: String(request.id) } });
        return reply.code(status).send({
          error: 'internal',
          message: 'Something went wrong on the server.',
          requestId: request.id,
        });
      }
      return reply
        .code(status)
        .send({ error: 'bad_request', message: error.message, requestId: request.id });
    },
  );

  // tRPC at /trpc.
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(deps),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
          if (deps.config.sentryDsn) Sentry.captureException(error.cause ?? error);
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  catalog.add({
    method: 'GET',
    path: '/api/auth/health',
    summary:
      'System health in the runbook shape: database reachability and migrations, Stripe mode.',
    auth: 'none',
    responses: { 200: 'healthy', 503: 'database unreachable or migrations pending' },
  });
  app.get('/api/auth/health', async (request, reply) => {
    const admin = isAdminRequest(deps.config, request);
    const report = await checkHealth(
      deps.config,
      deps.db,
      deps.stripe,
      { sessionStatus: admin ? 'active' : 'none', hasUser: admin },
      new Date(deps.clock.now()),
    );
    return reply
      .code(report.status === 'healthy' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });

  catalog.add({
    method: 'GET',
    path: '/api/debug/counts',
    summary: 'Row counts per table for one venue.',
    auth: 'a manager or owner of the venue (device token + x-staff-session), or Bearer ADMIN_TOKEN when set',
    query: countsQuery,
    responses: {
      200: '{ venueId, counts: { table: n } }',
      400: 'bad venueId',
      401: 'no or wrong credentials',
      403: 'signed in, but not a manager or owner of this venue',
      404: 'unknown venue',
    },
  });
  app.get('/api/debug/counts', async (request, reply) => {
    const admin = isAdminRequest(deps.config, request);
    const caller = admin ? undefined : await callerOf(deps, request);
    if (!admin && !caller?.staff) {
      return reply.code(401).send({
        error: 'unauthorized',
        message: deps.config.adminToken
          ? 'Sign in as a manager of the venue, or send "Authorization: Bearer <ADMIN_TOKEN>".'
          : 'Sign in as a manager of the venue (ADMIN_TOKEN is not set on this server, so the admin token is off).',
      });
    }
    const parsed = countsQuery.safeParse(request.query);
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'bad_request',
        message: parsed.error.issues.map((i) => i.message).join('; '),
      });
    }
    const staff = caller?.staff;
    if (staff && (staff.venueId !== parsed.data.venueId || !COUNT_ROLES.has(staff.role))) {
      // Another venue's id gets the same answer as a waiter: nothing says whether it exists.
      return reply.code(403).send({
        error: 'forbidden',
        message: 'Only a manager or owner of this venue may read its counts.',
      });
    }
    const { rows } = await deps.db.query('SELECT 1 FROM venues WHERE id = $1', [
      parsed.data.venueId,
    ]);
    if (rows.length === 0)
      return reply.code(404).send({ error: 'not_found', message: 'No venue with that id.' });
    return {
      venueId: parsed.data.venueId,
      counts: await venueRowCounts(deps.db, parsed.data.venueId),
    };
  });

  if (deps.config.nodeEnv === 'development') {
    catalog.add({
      method: 'POST',
      path: '/api/test-log',
      summary:
        'Development only: writes one log line at each level (and reports a test error to Sentry when SENTRY_DSN is set), to check that logging reaches where it should.',
      auth: 'none (the route does not exist unless NODE_ENV=development)',
      responses: { 200: '{ requestId, levels }' },
    });
    app.post('/api/test-log', async (request) => {
      const levels = ['debug', 'info', 'warn', 'error'] as const;
      for (const level of levels) request.log[level]({ testLog: true }, `test-log at ${level}`);
      if (deps.config.sentryDsn) Sentry.captureMessage('test-log from /api/test-log', 'info');
      return { requestId: String(request.id), levels };
    });
  }

  catalog.add({
    method: 'GET',
    path: '/metrics',
    summary:
      'Prometheus metrics: requests, errors and latency per route and procedure, payments, webhooks, DB pool.',
    auth: 'none (expose only on the internal network)',
    responses: { 200: 'text/plain; version=0.0.4' },
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  catalog.add({
    method: 'GET',
    path: '/api-docs',
    summary:
      'This page: every tRPC procedure and HTTP route with its input schema (also /api-docs.json).',
    auth: 'none',
    responses: { 200: 'text/html' },
  });
  await app.register(paymentRoutes(deps, catalog));

  const docs = () => buildApiDocs(appRouter, catalog.routes);
  app.get('/api-docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocsHtml(docs())),
  );
  app.get('/api-docs.json', async () => docs());

  await registerPwa(app, options.pwaDir ?? defaultPwaDir);

  // SSE poke streams never go idle: end them first, or closing would wait for every tablet.
  app.addHook('preClose', async () => pokeStreamsOf(deps).endAll());
  app.addHook('onClose', async () => {
    await rateLimits.close();
  });
  return app;
}

/**
 * Paired tablets are limited per device, because a venue's tablets usually share one public
 * address; everything else (customers' phones, sign-in attempts before pairing) per address.
 * The token is hashed so the shared limiter store never holds a credential.
 */
function rateLimitKey(request: FastifyRequest): string {
  const token = /^Bearer (dev_\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return `ip:${request.ip}`;
  return `dev:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
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

async function registerPwa(app: FastifyInstance, pwaDir: string): Promise<void> {
  const built = existsSync(path.join(pwaDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: pwaDir,
      wildcard: true,
      index: 'index.html',
      setHeaders(res, filePath) {
        // Hashed assets never change; everything else (index.html, sw.js, manifest) must be revalidated
        // so a new release reaches tablets through the service worker's update prompt.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !API_PATH.test(request.url);
    if (wantsPage && built) {
      // SPA fallback: deep links (/kitchen, /t/<token>) load the app, which routes on the client.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (wantsPage) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `The tablet app is not built. Run "pnpm build" (or "pnpm start", which builds it) and reload.`,
        );
    }
    return reply.code(404).send({
      error: 'not_found',
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
}
