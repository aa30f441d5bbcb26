import { systemRouter } from './system-router.ts';
import { router } from './init.ts';

export const appRouter = router({
  system: systemRouter,
});

/** The only thing the PWA imports from the server: the router's type (import type). */
export type AppRouter = typeof appRouter;
