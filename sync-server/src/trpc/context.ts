import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveCaller, type Caller } from '../auth/caller.ts';
import { bearerToken } from '../auth/admin.ts';
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

export function createContextFactory(deps: AppDeps) {
  return async ({ req, res, info }: CreateFastifyContextOptions): Promise<AppContext> => {
    const params = info.connectionParams ?? {};
    const session = req.headers[STAFF_SESSION_HEADER];
    const caller = await resolveCaller(
      deps.db,
      {
        deviceToken: bearerToken(req) ?? params.deviceToken,
        sessionToken: (Array.isArray(session) ? session[0] : session) ?? params.sessionToken,
      },
      new Date(deps.clock.now()),
    );
    return { deps, req, res, requestId: String(req.id), ip: req.ip, caller };
  };
}
