// The ops domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { checkDatabase, type DatabaseHealth } from './health.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export { opsRoutes } from './routes.ts';
