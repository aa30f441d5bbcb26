import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../src/trpc/router.ts';

export interface Credentials {
  deviceToken?: string;
  sessionToken?: string;
}

/** A real tRPC client over HTTP, as a tablet would hold one. */
export function trpcClient(baseUrl: string, credentials: Credentials = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        headers: () => ({
          ...(credentials.deviceToken
            ? { authorization: `Bearer ${credentials.deviceToken}` }
            : {}),
          ...(credentials.sessionToken ? { 'x-staff-session': credentials.sessionToken } : {}),
        }),
      }),
    ],
  });
}

export type TrpcClient = ReturnType<typeof trpcClient>;

/** The error a call failed with: tRPC code, HTTP status and message. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; httpStatus: number; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { code: string; httpStatus: number };
      return { code: data.code, httpStatus: data.httpStatus, message: error.message };
    }
    throw error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** Pairs a new device with a fresh code made directly in the database, and signs a staff member in. */
export async function pairAndSignIn(
  baseUrl: string,
  pairingCode: string,
  staff?: { id: string; pin: string },
): Promise<{
  client: TrpcClient;
  deviceToken: string;
  deviceId: string;
  letter: string;
  sessionToken?: string;
}> {
  const anonymous = trpcClient(baseUrl);
  const paired = await anonymous.auth.pair.mutate({ code: pairingCode, deviceName: 'Test tablet' });
  if (!staff)
    return { client: trpcClient(baseUrl, { deviceToken: paired.deviceToken }), ...paired };
  const signedIn = await trpcClient(baseUrl, {
    deviceToken: paired.deviceToken,
  }).auth.signIn.mutate({
    staffId: staff.id,
    pin: staff.pin,
  });
  return {
    client: trpcClient(baseUrl, {
      deviceToken: paired.deviceToken,
      sessionToken: signedIn.sessionToken,
    }),
    deviceToken: paired.deviceToken,
    deviceId: paired.deviceId,
    letter: paired.letter,
    sessionToken: signedIn.sessionToken,
  };
}
