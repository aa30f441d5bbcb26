import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { AppContext } from './context.ts';

export interface ProcedureMeta {
  /** One line for /api-docs. */
  summary?: string;
}

const t = initTRPC
  .context<AppContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      // Malformed input answers 400 with every problem named (field path and what was expected).
      const zodError = error.cause instanceof ZodError ? error.cause : undefined;
      // A server fault never leaks its internals (SQL, stack) to the caller: the request id finds it in the logs.
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: zodError
          ? describeZodError(zodError)
          : internal
            ? `Something went wrong on the server (request ${ctx?.requestId ?? 'unknown'}).`
            : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          issues: zodError ? z.treeifyError(zodError) : undefined,
        },
      };
    },
  });

export function describeZodError(error: ZodError): string {
  return `Invalid input: ${error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ')}`;
}

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
export { TRPCError };
