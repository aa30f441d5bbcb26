import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';

export interface AppContext {
  deps: AppDeps;
  req: FastifyRequest;
  res: FastifyReply;
  requestId: string;
  ip: string;
}

export function createContextFactory(deps: AppDeps) {
  return ({ req, res }: { req: FastifyRequest; res: FastifyReply }): AppContext => ({
    deps,
    req,
    res,
    requestId: String(req.id),
    ip: req.ip,
  });
}
