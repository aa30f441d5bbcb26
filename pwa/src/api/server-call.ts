import { createTRPCUntypedClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import type { z } from 'zod';
import { intl } from '../i18n/intl.ts';

/**
 * Calls to server procedures that only make sense online (pairing, a table's bill). They go
 * through tRPC's own client and wire format; the answer is parsed with zod before anyone uses
 * it. Untyped by path for now: the procedures called here are being added to the server's
 * router, and each caller names its path in one constant.
 */
export type ServerCallFailure =
  /** No answer: offline, server down, or too slow. */
  | { kind: 'unreachable' }
  /** The server does not have this procedure (it is older than this app). */
  | { kind: 'not-available'; path: string }
  /** The server refused the request (bad code, expired, not allowed, too many tries). */
  | { kind: 'refused'; code: string; message: string }
  /** The server failed while handling it. */
  | { kind: 'server-error'; status: number; message: string }
  /** The answer was not what this app expects. */
  | { kind: 'bad-answer'; message: string };

export class ServerCallError extends Error {
  readonly failure: ServerCallFailure;

  constructor(failure: ServerCallFailure) {
    super(describeFailure(failure));
    this.name = 'ServerCallError';
    this.failure = failure;
  }
}

/** A call that has not answered by then is treated as unreachable. */
const CALL_TIMEOUT_MS = 15_000;

const client = createTRPCUntypedClient<AnyRouter>({ links: [httpLink({ url: '/trpc' })] });

export async function callMutation<TSchema extends z.ZodType>(
  path: string,
  input: unknown,
  output: TSchema,
): Promise<z.output<TSchema>> {
  return parseAnswer(
    await send(
      () => client.mutation(path, input, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
      path,
    ),
    output,
  );
}

export async function callQuery<TSchema extends z.ZodType>(
  path: string,
  input: unknown,
  output: TSchema,
): Promise<z.output<TSchema>> {
  return parseAnswer(
    await send(
      () => client.query(path, input, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
      path,
    ),
    output,
  );
}

async function send(call: () => Promise<unknown>, path: string): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    throw new ServerCallError(classify(error, path));
  }
}

function parseAnswer<TSchema extends z.ZodType>(
  answer: unknown,
  output: TSchema,
): z.output<TSchema> {
  const parsed = output.safeParse(answer);
  if (!parsed.success) {
    throw new ServerCallError({ kind: 'bad-answer', message: parsed.error.message });
  }
  return parsed.data;
}

/** Map what tRPC's client threw to what the person needs to know. */
export function classify(error: unknown, path: string): ServerCallFailure {
  if (!(error instanceof TRPCClientError)) {
    return { kind: 'server-error', status: 0, message: String(error) };
  }
  const data: unknown = error.data;
  const response: unknown = error.meta?.['response'];
  const status =
    readNumber(data, 'httpStatus') ?? (response instanceof Response ? response.status : undefined);
  const code = readString(data, 'code');
  // No HTTP status at all: the request never got an answer (network down, timed out).
  if (status === undefined) return { kind: 'unreachable' };
  if (status === 404 && code === 'NOT_FOUND' && /no procedure/i.test(error.message)) {
    return { kind: 'not-available', path };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: 'refused', code: code ?? String(status), message: error.message };
  }
  return { kind: 'server-error', status: status ?? 0, message: error.message };
}

export function describeFailure(failure: ServerCallFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return intl.formatMessage({
        id: 'api.failure.unreachable',
        defaultMessage: 'The server could not be reached. Check the connection and try again.',
      });
    case 'not-available':
      return intl.formatMessage(
        {
          id: 'api.failure.notAvailable',
          defaultMessage:
            'This server does not offer this yet ({path} is missing). Update the Servio server.',
        },
        { path: failure.path },
      );
    case 'refused':
      return failure.message;
    case 'server-error':
      return intl.formatMessage(
        {
          id: 'api.failure.serverError',
          defaultMessage: 'The server failed ({status}): {message}',
        },
        {
          status: failure.status
            ? String(failure.status)
            : intl.formatMessage({ id: 'api.failure.noStatus', defaultMessage: 'no status' }),
          message: failure.message,
        },
      );
    case 'bad-answer':
      return intl.formatMessage(
        {
          id: 'api.failure.badAnswer',
          defaultMessage: "The server's answer was not understood: {message}",
        },
        { message: failure.message },
      );
  }
}

function readNumber(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'number' ? field : undefined;
}

function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}
