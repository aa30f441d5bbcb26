import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/index.ts';

/** One registry per app instance, so tests (and two servers in one process) never share counters. */
export function createMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'servio_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const metrics = {
    registry,
    httpRequests: new Counter({
      name: 'servio_http_requests_total',
      help: 'HTTP requests by method, route (or tRPC procedure) and status code.',
      labelNames,
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: 'servio_http_errors_total',
      help: 'HTTP requests answered with a 5xx (server error) or 4xx (client error), by class.',
      labelNames: ['method', 'route', 'class'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'servio_http_request_duration_seconds',
      help: 'HTTP request latency by method and route (or tRPC procedure).',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'servio_rate_limited_total',
      help: 'Requests refused with 429, by route class.',
      labelNames: ['class'] as const,
      registers: [registry],
    }),
    paymentsOutcome: new Counter({
      name: 'servio_payments_total',
      help: 'Card payment attempts by outcome (succeeded, failed); the success rate is succeeded / all.',
      labelNames: ['method', 'outcome'] as const,
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: 'servio_stripe_webhook_events_total',
      help: 'Stripe webhook deliveries by event type and outcome (processed, duplicate, failed, rejected).',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'servio_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = db.poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
