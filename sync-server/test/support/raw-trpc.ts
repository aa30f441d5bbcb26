import type { Credentials } from './clients.ts';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface RawAnswer {
  status: number;
  /** The response body as text (for leak checks). */
  text: string;
  /** `result.data` of a success, or the error's message and code. */
  data?: unknown;
  error?: { message: string; code: string };
}

/**
 * Calls any procedure by path over plain HTTP, as a hand-written client would: a GET with `?input=`
 * for queries, a JSON POST for mutations. Used by the tests that sweep every procedure of the router.
 */
export async function callRaw(
  baseUrl: string,
  path: string,
  type: Exclude<ProcedureType, 'subscription'>,
  input: unknown,
  credentials: Credentials = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    ...(credentials.deviceToken ? { authorization: `Bearer ${credentials.deviceToken}` } : {}),
    ...(credentials.sessionToken ? { 'x-staff-session': credentials.sessionToken } : {}),
  };
  const encoded = input === undefined ? undefined : JSON.stringify(input);
  const response =
    type === 'query'
      ? await fetch(
          `${baseUrl}/trpc/${path}${encoded === undefined ? '' : `?input=${encodeURIComponent(encoded)}`}`,
          { headers },
        )
      : await fetch(`${baseUrl}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          ...(encoded === undefined ? {} : { body: encoded }),
        });
  const text = await response.text();
  let body: { result?: { data?: unknown }; error?: { message: string; data?: { code: string } } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { status: response.status, text };
  }
  return {
    status: response.status,
    text,
    ...(body.result ? { data: body.result.data } : {}),
    ...(body.error
      ? { error: { message: body.error.message, code: body.error.data?.code ?? 'UNKNOWN' } }
      : {}),
  };
}
