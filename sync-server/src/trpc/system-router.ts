import { z } from 'zod';
import { serverVersion } from '../config/index.ts';
import { publicProcedure, router } from './init.ts';

export const systemRouter = router({
  info: publicProcedure
    .meta({ summary: 'Server version, Stripe mode and the publishable key the pay page needs.' })
    .input(z.void())
    .query(({ ctx }) => ({
      serverVersion,
      stripe: {
        mode: ctx.deps.config.stripe.mode,
        publishableKey: ctx.deps.stripe.publishableKey,
      },
      time: new Date(ctx.deps.clock.now()).toISOString(),
    })),
});
