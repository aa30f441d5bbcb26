import { initTRPC, TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { ZodError, z } from 'zod';
import { dataExceptionMessage, isDataException } from '../db/index.ts';
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
      // A value Postgres refused (SQLSTATE class 22) was the caller's fault too: 400, never 500.
      if (isDataException(error.cause)) {
        return {
          ...shape,
          code: TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST,
          message: dataExceptionMessage(error.cause),
          data: { ...shape.data, code: 'BAD_REQUEST', httpStatus: 400, stack: undefined },
        };
      }
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
