import { authRouter } from './auth-router.ts';
import { devicesRouter } from './devices-router.ts';
import { router } from './init.ts';
import { systemRouter } from './system-router.ts';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  devices: devicesRouter,
});

/** The only thing the PWA imports from the server: the router's type (import type). */
export type AppRouter = typeof appRouter;
