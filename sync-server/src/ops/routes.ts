import * as Sentry from '@sentry/node';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAdminRequest } from '../auth/index.ts';
import type { AppDeps } from '../deps.ts';
import type { RouteCatalog } from '../http/index.ts';
import { callerOf, appRouter } from '../trpc/index.ts';
import { buildApiDocs, renderApiDocsHtml } from './api-docs.ts';
import { venueRowCounts } from './debug-counts.ts';
import { checkHealth } from './health.ts';

const COUNT_ROLES = new Set(['manager', 'owner']);

const countsQuery = z.object({ venueId: z.uuid({ message: 'venueId must be a venue id (UUID)' }) });

export interface OpsRoutesOptions {
  deps: AppDeps;
  /** Every documented HTTP route; /api-docs reads it when asked, so later plugins appear too. */
  catalog: RouteCatalog;
}

/**
 * The operator's routes: health in the runbook's shape, a venue's row counts, Prometheus
 * metrics, the API docs, and (development only) a line at each log level.
 */
export async function opsRoutes(app: FastifyInstance, { deps, catalog }: OpsRoutesOptions) {
  const { metrics } = deps;

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
  const docs = () => buildApiDocs(appRouter, catalog.routes);
  app.get('/api-docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocsHtml(docs())),
  );
  app.get('/api-docs.json', async () => docs());
}
