import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config/index.ts';
import { redactUrl } from './redact.ts';

/** Paths whose values never reach a log line: credentials, PINs, tokens, card data. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-staff-session"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-staff-session"]',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.pin',
  '*.managerPin',
  '*.password',
  '*.token',
  '*.deviceToken',
  '*.pairingCode',
  '*.secret',
  '*.clientSecret',
  '*.client_secret',
  '*.cardNumber',
  '*.cvc',
];

export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  stream?: DestinationStream,
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // L1: Fastify's request line, with the URL's credentials removed (redact.ts).
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        version: [request.headers['accept-version']].flat()[0],
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...(stream ? { stream } : {}),
  };
}
