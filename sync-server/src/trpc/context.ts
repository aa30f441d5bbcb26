import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveCaller, type Caller, bearerToken } from '../auth/index.ts';
import type { AppDeps } from '../deps.ts';

export interface AppContext {
  deps: AppDeps;
  req: FastifyRequest;
  res: FastifyReply;
  requestId: string;
  ip: string;
  caller: Caller;
}

/** Header names the tablet sends; SSE subscriptions pass the same values as connection params. */
export const STAFF_SESSION_HEADER = 'x-staff-session';

/**
 * The paired device and signed-in staff member behind a request: headers first, then (for SSE,
 * which cannot send headers) the subscription's connection params. tRPC and the plain HTTP
 * routes both resolve callers here.
 */
export function callerOf(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  req: FastifyRequest,
  params: Record<string, string | undefined> = {},
): Promise<Caller> {
  const session = req.headers[STAFF_SESSION_HEADER];
  return resolveCaller(
    deps.db,
    {
      deviceToken: bearerToken(req) ?? params.deviceToken,
      sessionToken: (Array.isArray(session) ? session[0] : session) ?? params.sessionToken,
    },
    new Date(deps.clock.now()),
  );
}

export function createContextFactory(deps: AppDeps) {
  return async ({ req, res, info }: CreateFastifyContextOptions): Promise<AppContext> => {
    const caller = await callerOf(deps, req, info.connectionParams ?? {});
    return { deps, req, res, requestId: String(req.id), ip: req.ip, caller };
  };
}
