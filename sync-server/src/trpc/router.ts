import { authRouter } from './auth-router.ts';
import { backofficeRouter } from './backoffice-router.ts';
import { devicesRouter } from './devices-router.ts';
import { router } from './init.ts';
import { payRouter } from './pay-router.ts';
import { paymentsRouter } from './payments-router.ts';
import { reportsRouter } from './reports-router.ts';
import { syncRouter } from './sync-router.ts';
import { systemRouter } from './system-router.ts';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  devices: devicesRouter,
  sync: syncRouter,
  reports: reportsRouter,
  backoffice: backofficeRouter,
  pay: payRouter,
  payments: paymentsRouter,
});

/** The only thing the PWA imports from the server: the router's type (import type). */
export type AppRouter = typeof appRouter;
