// The trpc domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { callerOf } from './context.ts';
export { type ProcedureMeta } from './init.ts';
export { trpcRoutes } from './plugin.ts';
export { appRouter } from './router.ts';
