import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { startBackofficeWorld, type BackofficeWorld } from './backoffice-fixture.ts';
import { failure, pairAndSignIn, type TrpcClient } from './support/clients.ts';

describe('back office: staff', () => {
  let world: BackofficeWorld;
  let manager: TrpcClient;
  let owner: TrpcClient;
  let tablet: TrpcClient;

  const staffId = (name: string) => world.a.staff.find((s) => s.name === name)!.id;

  beforeAll(async () => {
    world = await startBackofficeWorld('staff');
    manager = (await world.signIn(world.a, 'Max Manager')).client;
    owner = (await world.signIn(world.a, 'Olivia Owner')).client;
    // A tablet with nobody signed in: what a person sees at the PIN screen.
    const { code } = await createPairingCode(world.test.db, world.a.venue.id, {
      now: world.clock.now(),
    });
    tablet = (await pairAndSignIn(world.server.url, code)).client;
  });
  afterAll(() => world?.close());

  it('adds a waiter who can then sign in with their PIN', async () => {
    const clock = await world.venueClock(world.a);
    const added = await manager.backoffice.staff.create.mutate({
      name: 'Nina New',
      role: 'waiter',
      pin: '4321',
    });
    expect(added).toMatchObject({ name: 'Nina New', role: 'waiter', active: true });
    expect(added.version).toBe(clock + 1);
    expect(JSON.stringify(added)).not.toMatch(/4321|scrypt/);
    await expect(
      tablet.auth.signIn.mutate({ staffId: added.id, pin: '4321' }),
    ).resolves.toMatchObject({ ok: true, staff: { role: 'waiter' } });
    const list = await manager.backoffice.staff.list.query();
    expect(list.find((s) => s.id === added.id)).toMatchObject({ lockedUntil: null });
  });

  it('changes a role, and only an owner makes or touches an owner', async () => {
    const nina = (await manager.backoffice.staff.list.query()).find((s) => s.name === 'Nina New')!;
    await expect(
      manager.backoffice.staff.changeRole.mutate({ staffId: nina.id, role: 'cashier' }),
    ).resolves.toMatchObject({ role: 'cashier' });

    const refusals = [
      () => manager.backoffice.staff.create.mutate({ name: 'Sneaky', role: 'owner', pin: '1111' }),
      () => manager.backoffice.staff.changeRole.mutate({ staffId: nina.id, role: 'owner' }),
      () =>
        manager.backoffice.staff.changeRole.mutate({
          staffId: staffId('Olivia Owner'),
          role: 'waiter',
        }),
      () =>
        manager.backoffice.staff.resetPin.mutate({ staffId: staffId('Olivia Owner'), pin: '0000' }),
      () => manager.backoffice.staff.deactivate.mutate({ staffId: staffId('Olivia Owner') }),
    ];
    for (const refused of refusals) {
      expect(await failure(refused())).toMatchObject({ code: 'FORBIDDEN' });
    }

    await expect(
      owner.backoffice.staff.changeRole.mutate({ staffId: nina.id, role: 'owner' }),
    ).resolves.toMatchObject({ role: 'owner' });
    await expect(
      owner.backoffice.staff.changeRole.mutate({ staffId: nina.id, role: 'manager' }),
    ).resolves.toMatchObject({ role: 'manager' });
    // Nobody demotes or deactivates themselves, so the last owner cannot lock the venue out.
    expect(
      await failure(
        owner.backoffice.staff.changeRole.mutate({
          staffId: staffId('Olivia Owner'),
          role: 'waiter',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await failure(
        manager.backoffice.staff.deactivate.mutate({ staffId: staffId('Max Manager') }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const roles = await world.test.db.query<{ details: { from: string; to: string } }>(
      `SELECT details FROM audit_log WHERE venue_id = $1 AND action = 'staff.role_changed' AND target = $2
        ORDER BY created_at, id`,
      [world.a.venue.id, nina.id],
    );
    expect(roles.rows.map((r) => r.details)).toEqual([
      { from: 'waiter', to: 'cashier' },
      { from: 'cashier', to: 'owner' },
      { from: 'owner', to: 'manager' },
    ]);
  });

  it('resets a PIN: the old one stops working and a lock-out is lifted', async () => {
    const walt = staffId('Walt Waiter');
    for (let i = 0; i < 5; i += 1) {
      await failure(tablet.auth.signIn.mutate({ staffId: walt, pin: '9999' }));
    }
    expect(await failure(tablet.auth.signIn.mutate({ staffId: walt, pin: '3100' }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    const locked = (await manager.backoffice.staff.list.query()).find((s) => s.id === walt)!;
    expect(locked.lockedUntil).not.toBeNull();

    const clock = await world.venueClock(world.a);
    const reset = await manager.backoffice.staff.resetPin.mutate({ staffId: walt, pin: '246810' });
    expect(reset).toMatchObject({ lockedUntil: null, version: clock + 1 });
    expect(await failure(tablet.auth.signIn.mutate({ staffId: walt, pin: '3100' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(
      tablet.auth.signIn.mutate({ staffId: walt, pin: '246810' }),
    ).resolves.toMatchObject({ ok: true });
    const { rows } = await world.test.db.query<{ details: object }>(
      `SELECT details FROM audit_log WHERE venue_id = $1 AND action = 'staff.pin_reset' AND target = $2`,
      [world.a.venue.id, walt],
    );
    expect(rows).toEqual([{ details: {} }]);
  });

  it('deactivates someone: their session ends at once and they cannot sign in again', async () => {
    const cass = await world.signIn(world.a, 'Cass Cashier');
    await expect(cass.client.auth.me.query()).resolves.toMatchObject({
      staff: { role: 'cashier' },
    });
    const off = await manager.backoffice.staff.deactivate.mutate({
      staffId: staffId('Cass Cashier'),
    });
    expect(off.active).toBe(false);
    await expect(cass.client.auth.me.query()).resolves.toMatchObject({ staff: null });
    expect(
      await failure(tablet.auth.signIn.mutate({ staffId: staffId('Cass Cashier'), pin: '4000' })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    await manager.backoffice.staff.reactivate.mutate({ staffId: staffId('Cass Cashier') });
    await expect(
      tablet.auth.signIn.mutate({ staffId: staffId('Cass Cashier'), pin: '4000' }),
    ).resolves.toMatchObject({ ok: true });
    expect((await world.auditActions(world.a)).filter((a) => a.startsWith('staff.'))).toEqual(
      expect.arrayContaining(['staff.deactivated', 'staff.reactivated']),
    );
  });

  it('answers malformed input with 400 and another venue’s staff with NOT_FOUND', async () => {
    const clock = await world.venueClock(world.a);
    for (const call of [
      () =>
        manager.backoffice.staff.create.mutate({ name: 'Short pin', role: 'waiter', pin: '12' }),
      () =>
        manager.backoffice.staff.create.mutate({ name: 'Letters', role: 'waiter', pin: 'abcd' }),
      () =>
        manager.backoffice.staff.create.mutate({
          name: 'Chef',
          role: 'chef' as 'kitchen',
          pin: '1234',
        }),
      () => manager.backoffice.staff.rename.mutate({ staffId: staffId('Walt Waiter'), name: '' }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    }
    expect(await world.venueClock(world.a)).toBe(clock);

    const theirs = world.b.staff.find((s) => s.role === 'waiter')!;
    for (const call of [
      () => manager.backoffice.staff.changeRole.mutate({ staffId: theirs.id, role: 'manager' }),
      () => manager.backoffice.staff.resetPin.mutate({ staffId: theirs.id, pin: '1234' }),
      () => manager.backoffice.staff.deactivate.mutate({ staffId: theirs.id }),
      () => manager.backoffice.staff.rename.mutate({ staffId: theirs.id, name: 'Mine' }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND' });
    }
    const { rows } = await world.test.db.query<{ role: string; active: boolean; name: string }>(
      'SELECT role, active, name FROM staff WHERE id = $1',
      [theirs.id],
    );
    expect(rows[0]).toEqual({ role: 'waiter', active: true, name: theirs.name });
    expect((await manager.backoffice.staff.list.query()).some((s) => s.id === theirs.id)).toBe(
      false,
    );
  });
});
