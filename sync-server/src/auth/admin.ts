import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** True when the request carries ADMIN_TOKEN as its bearer; always false while ADMIN_TOKEN is unset. */
export function isAdminRequest(
  config: Pick<Config, 'adminToken'>,
  request: FastifyRequest,
): boolean {
  const expected = config.adminToken;
  const given = bearerToken(request);
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
