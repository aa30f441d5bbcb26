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
    errorFormatter({ shape, error }) {
      // Malformed input answers 400 with every problem named (field path and what was expected).
      const zodError = error.cause instanceof ZodError ? error.cause : undefined;
      return {
        ...shape,
        message: zodError ? describeZodError(zodError) : shape.message,
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
