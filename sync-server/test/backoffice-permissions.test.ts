import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { appRouter } from '../src/trpc/router.ts';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { pairAndSignIn, type Credentials } from './support/clients.ts';

/** Every procedure of the manager routers, by path, with whether it is a query or a mutation. */
const managerProcedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> })
    .procedures,
)
  .filter(([path]) => path.startsWith('reports.') || path.startsWith('backoffice.'))
  .map(([path, procedure]) => ({ path, type: procedure._def.type }));

/** Calls a procedure over HTTP exactly as a browser would, without the typed client's help. */
async function call(
  baseUrl: string,
  procedure: { path: string; type: string },
  credentials: Credentials,
): Promise<{ status: number; code: string | undefined }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credentials.deviceToken) headers.authorization = `Bearer ${credentials.deviceToken}`;
  if (credentials.sessionToken) headers['x-staff-session'] = credentials.sessionToken;
  const response =
    procedure.type === 'query'
      ? await fetch(`${baseUrl}/trpc/${procedure.path}`, { headers })
      : await fetch(`${baseUrl}/trpc/${procedure.path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify({}),
        });
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code };
}

describe('[auth] the manager procedures are closed to everyone but managers and owners', () => {
  let world: BackofficeWorld;

  beforeAll(async () => {
    world = await startBackofficeWorld('perms');
  });
  afterAll(() => world?.close());

  it('covers every reports and back-office procedure', () => {
    expect(managerProcedures.length).toBeGreaterThanOrEqual(40);
    expect(managerProcedures.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'reports.summary',
        'reports.csv',
        'backoffice.menu.updateItem',
        'backoffice.tables.qrSheet',
        'backoffice.staff.resetPin',
        'backoffice.venue.update',
        'backoffice.audit.list',
      ]),
    );
  });

  it.each(['Wendy Waiter', 'Cass Cashier', 'Kit Kitchen'])(
    'answers FORBIDDEN to %s on every one, and nothing changes',
    async (name) => {
      const session = await world.signIn(world.a, name);
      const clock = await world.venueClock(world.a);
      const audits = (await world.auditActions(world.a)).length;
      const answers = [];
      for (const procedure of managerProcedures) {
        answers.push({
          path: procedure.path,
          ...(await call(world.server.url, procedure, session)),
        });
      }
      expect(answers.filter((a) => a.status !== 403 || a.code !== 'FORBIDDEN')).toEqual([]);
      expect(await world.venueClock(world.a)).toBe(clock);
      expect((await world.auditActions(world.a)).length).toBe(audits);
    },
  );

  it('answers UNAUTHORIZED without a signed-in person or without a paired device', async () => {
    const { code } = await createPairingCode(world.test.db, world.a.venue.id, {
      now: world.clock.now(),
    });
    const device = await pairAndSignIn(world.server.url, code);
    for (const credentials of [{ deviceToken: device.deviceToken }, {}]) {
      for (const procedure of managerProcedures) {
        expect(await call(world.server.url, procedure, credentials)).toEqual({
          status: 401,
          code: 'UNAUTHORIZED',
        });
      }
    }
  });

  it('keeps the owner-only procedures from a manager', async () => {
    const manager = await world.signIn(world.a, 'Max Manager');
    for (const path of ['backoffice.venue.update', 'backoffice.audit.list']) {
      const procedure = managerProcedures.find((p) => p.path === path)!;
      expect(await call(world.server.url, procedure, manager)).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });
});
