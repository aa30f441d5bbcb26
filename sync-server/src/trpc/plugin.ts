import * as Sentry from '@sentry/node';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { isDataException } from '../db/index.ts';
import { pokeStreamsOf } from '../sync/index.ts';
import { createContextFactory } from './context.ts';
import { appRouter, type AppRouter } from './router.ts';

/** Every tRPC procedure at /trpc, and the end of the sync poke streams it serves on close. */
export async function trpcRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }) {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(deps),
      onError({ error, path, req }) {
        if (isDataException(error.cause)) {
          // Answered 400 (init.ts); logged so the validation that let it through gets fixed.
          req.log.warn(
            { sqlState: error.cause.code, err: error.cause.message, procedure: path },
            'the database refused a value of the input',
          );
          return;
        }
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
          if (deps.config.sentryDsn) Sentry.captureException(error.cause ?? error);
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  // SSE poke streams never go idle: end them first, or closing would wait for every tablet.
  app.addHook('preClose', async () => pokeStreamsOf(deps).endAll());
}
