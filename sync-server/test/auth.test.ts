import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { failure, pairAndSignIn, trpcClient } from './support/clients.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('who may do what', () => {
  let test: TestDb;
  let server: TestServer;
  let a: DemoSeed;
  let b: DemoSeed;
  const clock = {
    at: Date.parse('2026-11-20T12:00:00Z'),
    now() {
      return this.at;
    },
  };
  const staffOf = (seed: DemoSeed, role: string) => seed.staff.find((s) => s.role === role)!;
  const freshCode = async (seed: DemoSeed, ttlMs?: number) =>
    (
      await createPairingCode(test.db, seed.venue.id, {
        now: clock.now(),
        ...(ttlMs ? { ttlMs } : {}),
      })
    ).code;

  beforeAll(async () => {
    test = await createTestDb();
    a = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'auth-a',
    });
    b = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'auth-b',
    });
    server = await startTestServer(test.db, { clock });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  describe('device pairing', () => {
    it('pairs a device once per code, with its own order-number letter', async () => {
      const first = await pairAndSignIn(server.url, a.pairingCode.code);
      expect(first.letter).toBe('A');
      expect(first.deviceToken).toMatch(/^dev_[\w-]{40,}$/);
      const reuse = await failure(
        trpcClient(server.url).auth.pair.mutate({ code: a.pairingCode.code }),
      );
      expect(reuse).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/already been used/),
      });
      const second = await pairAndSignIn(
        server.url,
        (await freshCode(a)).toLowerCase().replace('-', ' '),
      );
      expect(second.letter).toBe('B');
      const { rows } = await test.db.query<{ token_hash: string }>(
        'SELECT token_hash FROM devices WHERE venue_id = $1',
        [a.venue.id],
      );
      expect(rows.map((r) => r.token_hash)).not.toContain(first.deviceToken);
    });

    it('refuses an expired or unknown code', async () => {
      const code = await freshCode(a, 1000);
      clock.at += 2000;
      expect(await failure(trpcClient(server.url).auth.pair.mutate({ code }))).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/expired/),
      });
      expect(
        (await failure(trpcClient(server.url).auth.pair.mutate({ code: 'ZZZZ-ZZZZ' }))).message,
      ).toMatch(/not valid/);
    });

    it('gives one device between two tablets racing with the same code', async () => {
      const code = await freshCode(a);
      const results = await Promise.allSettled([
        trpcClient(server.url).auth.pair.mutate({ code }),
        trpcClient(server.url).auth.pair.mutate({ code }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });
  });

  describe('staff PIN sign-in', () => {
    it('signs in with the right PIN and says who is signed in', async () => {
      const waiter = staffOf(a, 'waiter');
      const device = await pairAndSignIn(server.url, await freshCode(a), waiter);
      expect(await device.client.auth.me.query()).toMatchObject({
        staff: { id: waiter.id, role: 'waiter' },
      });
    });

    it('[auth] locks a staff member after five wrong PINs, even against the right one, until the lock passes', async () => {
      const cashier = staffOf(a, 'cashier');
      const device = await pairAndSignIn(server.url, await freshCode(a));
      const messages: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        messages.push(
          (await failure(device.client.auth.signIn.mutate({ staffId: cashier.id, pin: '9999' })))
            .message,
        );
      }
      expect(messages[0]).toMatch(/Wrong PIN\. 4 attempt\(s\) left/);
      expect(messages[4]).toMatch(/locked/);
      const locked = await failure(
        device.client.auth.signIn.mutate({ staffId: cashier.id, pin: cashier.pin }),
      );
      expect(locked).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/locked/),
      });
      clock.at += 5 * 60 * 1000 + 1;
      await expect(
        device.client.auth.signIn.mutate({ staffId: cashier.id, pin: cashier.pin }),
      ).resolves.toMatchObject({ ok: true });
    });

    it('answers a malformed PIN with a 400 naming the field, and counts nothing', async () => {
      const owner = staffOf(a, 'owner');
      const device = await pairAndSignIn(server.url, await freshCode(a));
      const bad = await failure(
        device.client.auth.signIn.mutate({ staffId: owner.id, pin: '12a' }),
      );
      expect(bad).toMatchObject({
        httpStatus: 400,
        message: expect.stringMatching(/pin: a PIN is 4 to 8 digits/),
      });
      const { rows } = await test.db.query<{ failed_pin_attempts: number }>(
        'SELECT failed_pin_attempts FROM staff WHERE id = $1',
        [owner.id],
      );
      expect(rows[0]!.failed_pin_attempts).toBe(0);
    });

    it('will not sign in another venue’s staff member on this device', async () => {
      const device = await pairAndSignIn(server.url, await freshCode(a));
      const other = staffOf(b, 'owner');
      expect(
        await failure(device.client.auth.signIn.mutate({ staffId: other.id, pin: other.pin })),
      ).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  describe('roles and revocation', () => {
    it('keeps manager procedures from a waiter', async () => {
      const waiter = await pairAndSignIn(server.url, await freshCode(a), staffOf(a, 'waiter'));
      expect(await failure(waiter.client.devices.createPairingCode.mutate({}))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(waiter.client.devices.list.query())).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('refuses a revoked device with a clear reason, and a manager of another venue cannot revoke it', async () => {
      const manager = await pairAndSignIn(server.url, await freshCode(a), staffOf(a, 'manager'));
      const tablet = await pairAndSignIn(server.url, await freshCode(a), staffOf(a, 'waiter'));
      const otherManager = await pairAndSignIn(
        server.url,
        await freshCode(b),
        staffOf(b, 'manager'),
      );
      expect(
        await failure(otherManager.client.devices.revoke.mutate({ deviceId: tablet.deviceId })),
      ).toMatchObject({ code: 'NOT_FOUND' });
      await expect(tablet.client.auth.me.query()).resolves.toBeTruthy();

      await manager.client.devices.revoke.mutate({ deviceId: tablet.deviceId });
      const refused = await failure(tablet.client.auth.me.query());
      expect(refused).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/revoked/),
      });
      const list = await manager.client.devices.list.query();
      expect(list.find((d) => d.id === tablet.deviceId)?.revokedAt).not.toBeNull();
      expect(list.every((d) => d.id !== otherManager.deviceId)).toBe(true);
    });

    it('lets a manager create a pairing code that pairs exactly one more device', async () => {
      const manager = await pairAndSignIn(server.url, await freshCode(a), staffOf(a, 'manager'));
      const { code } = await manager.client.devices.createPairingCode.mutate({
        deviceName: 'Bar tablet',
      });
      await expect(trpcClient(server.url).auth.pair.mutate({ code })).resolves.toMatchObject({
        venue: { id: a.venue.id },
      });
    });
  });
});
