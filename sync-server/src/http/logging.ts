import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config/index.ts';

/** Paths whose values never reach a log line: credentials, PINs, tokens, card data. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
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
    ...(stream ? { stream } : {}),
  };
}
