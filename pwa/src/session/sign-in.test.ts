import { randomBytes, scryptSync } from 'node:crypto';
import type { StaffId } from '@servio/shared';
import { describe, expect, it, vi } from 'vitest';
import { ServioDb } from '../data/db.ts';
import { readMeta, writeMeta } from '../data/meta.ts';
import { MemorySyncServer, pairedTablet } from '../sync/testing/memory-sync-server.ts';
import { SyncClient } from '../sync/sync-client.ts';
import { checkApproverPin, PIN_LOCK_MS, signIn, verifyStaffPin } from './sign-in.ts';

/** A PIN hash in the server's format (cheap parameters: the format carries them). */
function pinHash(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** A synced tablet whose waiter's PIN is 3000 and manager's 2000; the server is unreachable. */
async function offlineTablet() {
  const server = new MemorySyncServer();
  const { db, device } = await pairedTablet(server);
  await new SyncClient({ db, api: server.connect(device.deviceId) }).syncOnce();
  await db.staff.update(server.fx.staff.waiter, { pinHash: pinHash('3000') });
  await db.staff.update(server.fx.staff.manager, { pinHash: pinHash('2000') });
  await db.meta.delete('session');
  return { server, db };
}

/** The lock's end as the tablet shows it ("14:35"). */
function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}

/**
 * A reload or a second tab: the code loaded afresh (nothing kept in memory) over the same
 * browser database opened again.
 */
async function newPage(db: ServioDb) {
  vi.resetModules();
  const page = await import('./sign-in.ts');
  const again = new ServioDb(db.name);
  await again.open();
  return { ...page, db: again };
}

describe('staff sign-in on the tablet', () => {
  it('signs in offline against the synced PIN hash, and keeps the session in IndexedDB', async () => {
    const { server, db } = await offlineTablet();
    const result = await signIn('3000', server.fx.staff.waiter, db);
    expect(result).toMatchObject({
      ok: true,
      checkedBy: 'tablet',
      staff: { id: server.fx.staff.waiter },
    });
    expect(result.ok && 'pinHash' in result.staff).toBe(false);
    expect(await readMeta(db, 'session')).toMatchObject({
      staffId: server.fx.staff.waiter,
      sessionToken: null,
    });
  });

  it('says how many tries are left, then locks after five wrong PINs', async () => {
    const { server, db } = await offlineTablet();
    const waiter = server.fx.staff.waiter;
    const first = await signIn('1111', waiter, db);
    expect(first).toEqual({
      ok: false,
      reason: 'wrong_pin',
      message: 'Wrong PIN. 4 attempt(s) left before a 5-minute lock.',
    });
    for (let i = 0; i < 3; i += 1) await signIn('1111', waiter, db);
    expect(await signIn('1111', waiter, db)).toMatchObject({ ok: false, reason: 'locked' });
    // Even the right PIN waits out the lock.
    expect(await signIn('3000', waiter, db)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await readMeta(db, 'session')).toBeUndefined();
  });

  it('keeps the offline lock across a reload and another tab, says until when, and lifts it after five minutes', async () => {
    const { server, db } = await offlineTablet();
    const waiter = server.fx.staff.waiter;
    let time = Date.parse('2025-03-10T12:00:00Z');
    const now = () => time;
    for (let i = 0; i < 3; i += 1) await signIn('1111', waiter, db, now);
    // A reload (a new page, the same IndexedDB) does not reset the count.
    const reload = await newPage(db);
    expect(await reload.signIn('1111', waiter, reload.db, now)).toMatchObject({
      reason: 'wrong_pin',
      message: 'Wrong PIN. 1 attempt(s) left before a 5-minute lock.',
    });
    const until = time + PIN_LOCK_MS;
    expect(await reload.signIn('1111', waiter, reload.db, now)).toEqual({
      ok: false,
      reason: 'locked',
      message: `Too many wrong PINs on this tablet: locked until ${clock(until)} (about 5 min). Try again then, or ask a manager.`,
    });
    // Another tab sees the lock too, even with the right PIN; nothing about the PIN is stored.
    const otherTab = await newPage(db);
    time += 2 * 60_000;
    expect(await otherTab.signIn('3000', waiter, otherTab.db, now)).toMatchObject({
      ok: false,
      reason: 'locked',
      message: expect.stringContaining(`locked until ${clock(until)} (about 3 min)`),
    });
    expect(await readMeta(db, 'pinAttempts')).toEqual({
      [`signIn:${waiter}`]: { attempts: 0, lockedUntil: new Date(until).toISOString() },
    });
    // The lock is per person: the manager can still sign in.
    expect(await otherTab.signIn('2000', server.fx.staff.manager, otherTab.db, now)).toMatchObject({
      ok: true,
    });

    time = until;
    expect(await otherTab.signIn('3000', waiter, otherTab.db, now)).toMatchObject({ ok: true });
    // The success reset the count: a wrong PIN now has all five tries again.
    expect(await signIn('1111', waiter, db, now)).toMatchObject({
      message: 'Wrong PIN. 4 attempt(s) left before a 5-minute lock.',
    });
  });

  it('refuses someone who is no longer active', async () => {
    const { server, db } = await offlineTablet();
    const result = await signIn('3000', server.fx.formerWaiter as StaffId, db);
    expect(result).toMatchObject({ ok: false, reason: 'unknown_staff' });
  });

  it('a manager’s PIN approves on the spot; a waiter’s does not', async () => {
    const { server, db } = await offlineTablet();
    expect(await verifyStaffPin('2000', db)).toMatchObject({
      id: server.fx.staff.manager,
      role: 'manager',
    });
    expect(await verifyStaffPin('3000', db)).toBeNull();
    expect(await verifyStaffPin('12', db)).toBeNull();
  });

  it('manager approval locks after five wrong PINs (across reloads), says until when, and a success resets it', async () => {
    const { server, db } = await offlineTablet();
    let time = Date.parse('2025-03-10T12:00:00Z');
    const now = () => time;
    expect(await checkApproverPin('9999', db, now)).toEqual({
      ok: false,
      reason: 'wrong_pin',
      message: 'That is not a manager’s or owner’s PIN. 4 attempt(s) left before a 5-minute lock.',
    });
    // A waiter's PIN is a wrong approval PIN too.
    expect(await checkApproverPin('3000', db, now)).toMatchObject({ reason: 'wrong_pin' });
    // A success resets the count.
    expect(await checkApproverPin('2000', db, now)).toMatchObject({
      ok: true,
      staff: { id: server.fx.staff.manager },
    });
    for (let i = 0; i < 3; i += 1) await checkApproverPin('9999', db, now);
    const reload = await newPage(db);
    expect(await reload.checkApproverPin('9999', reload.db, now)).toMatchObject({
      reason: 'wrong_pin',
      message: expect.stringContaining('1 attempt(s) left'),
    });
    const until = time + PIN_LOCK_MS;
    expect(await reload.checkApproverPin('9999', reload.db, now)).toEqual({
      ok: false,
      reason: 'locked',
      message: `Too many wrong manager PINs on this tablet: approval is locked until ${clock(until)} (about 5 min).`,
    });
    // While locked even the manager's PIN is refused, through either entry point.
    const otherTab = await newPage(db);
    expect(await otherTab.checkApproverPin('2000', otherTab.db, now)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await verifyStaffPin('2000', db, now)).toBeNull();

    time = until;
    expect(await verifyStaffPin('2000', db, now)).toMatchObject({ id: server.fx.staff.manager });
    expect(await checkApproverPin('9999', db, now)).toMatchObject({
      message: expect.stringContaining('4 attempt(s) left'),
    });
  });
});

describe('a device the server refuses', () => {
  it.each(['device_revoked', 'not_paired'] as const)(
    'a %s block sends the tablet to the re-pair screen',
    async (kind) => {
      const { db } = await offlineTablet();
      const { readSession } = await import('./use-session.ts');
      expect((await readSession(db)).deviceRevoked).toBe(false);
      await writeMeta(db, 'syncBlock', { kind, message: 'refused', at: new Date().toISOString() });
      expect((await readSession(db)).deviceRevoked).toBe(true);
    },
  );
});
