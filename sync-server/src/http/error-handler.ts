import * as Sentry from '@sentry/node';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/index.ts';
import { dataExceptionMessage, isDataException } from '../db/index.ts';

/**
 * One answer shape for every failed route: a 4xx says what was wrong, a 5xx says nothing of the
 * server's insides (logged, and reported to Sentry when configured) but gives the request id.
 * With fastify-plugin, so it is the whole server's handler.
 */
export const errorHandler = fp<{ config: Pick<Config, 'sentryDsn'> }>(
  async (app: FastifyInstance, { config }) => {
    app.setErrorHandler(
      (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
        // A value Postgres refused (SQLSTATE class 22) is the input's fault: 400, never 500.
        if (isDataException(error)) {
          request.log.warn(
            { sqlState: error.code, err: error.message },
            'the database refused a value of the request',
          );
          return reply.code(400).send({
            error: 'bad_request',
            message: dataExceptionMessage(error),
            requestId: request.id,
          });
        }
        const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
        if (status >= 500) {
          request.log.error({ err: error }, 'request failed');
          if (config.sentryDsn)
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
  },
  { name: 'servio-error-handler' },
);
