import type { StaffAuthRow, StaffId, StaffRow } from '@servio/shared';
import { setCredentials } from '../api/credentials.ts';
import { classify, describeFailure } from '../api/server-call.ts';
import { trpc } from '../api/trpc.ts';
import { db as appDb, type ServioDb } from '../data/db.ts';
import {
  deleteMeta,
  readMeta,
  writeMeta,
  type PinAttempts,
  type StaffSessionRecord,
} from '../data/meta.ts';
import { connectivity } from '../lib/connectivity.ts';
import { verifyPinHash } from './pin-hash.ts';
import { defineMessage, defineMessages } from 'react-intl';
import { FORMAT_LOCALE, intl } from '../i18n/intl.ts';

const messages = defineMessages({
  notPaired: { id: 'session.signIn.notPaired', defaultMessage: 'Pair this tablet first.' },
  pinShape: { id: 'session.pin.shape', defaultMessage: 'A PIN is 4 to 8 digits.' },
  noStaffYet: {
    id: 'session.signIn.noStaffYet',
    defaultMessage:
      'The server cannot be reached and this tablet has not loaded the staff list yet. Connect once to sign in.',
  },
  unknownStaff: {
    id: 'session.signIn.unknownStaff',
    defaultMessage: 'That person cannot sign in here.',
  },
});
const lockedOut = defineMessage<{ lock: string }>({
  id: 'session.signIn.locked',
  defaultMessage: 'Too many wrong PINs on this tablet: {lock}. Try again then, or ask a manager.',
});
const wrongPin = defineMessage<{ left: string; minutes: string }>({
  id: 'session.signIn.wrongPin',
  defaultMessage: 'Wrong PIN. {left} attempt(s) left before a {minutes}-minute lock.',
});
const approvalLocked = defineMessage<{ lock: string }>({
  id: 'session.approval.locked',
  defaultMessage: 'Too many wrong manager PINs on this tablet: approval is {lock}.',
});
const notAnApprover = defineMessage<{ left: string; minutes: string }>({
  id: 'session.approval.wrongPin',
  defaultMessage:
    'That is not a manager’s or owner’s PIN. {left} attempt(s) left before a {minutes}-minute lock.',
});

export type SignInResult =
  | { ok: true; staff: StaffRow; checkedBy: 'server' | 'tablet' }
  | {
      ok: false;
      reason: 'wrong_pin' | 'locked' | 'unknown_staff' | 'no_staff_yet' | 'not_paired';
      message: string;
    };

/** Same policy as the server (auth/staff-sign-in.ts): five wrong PINs lock for five minutes. */
export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 5 * 60 * 1000;
/** A sign-in checked on the tablet lasts as long as a server session. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How long to wait for the server before checking the PIN on the tablet instead. */
const SERVER_SIGN_IN_TIMEOUT_MS = 6_000;

/**
 * Whose wrong PINs count together: one person's sign-in on this tablet (`signIn:*` when the PIN
 * alone picks the person), or manager approval on this tablet (one counter for the device).
 */
type PinScope = `signIn:${string}` | 'approval';

export type ApproverCheck =
  { ok: true; staff: StaffRow } | { ok: false; reason: 'wrong_pin' | 'locked'; message: string };

/** A PIN checked on the tablet while offline, kept in memory only, to get a server session later. */
let pendingServerSignIn: { staffId: StaffId; pin: string } | null = null;

function toStaffRow({ pinHash: _pinHash, ...row }: StaffAuthRow): StaffRow {
  return row;
}

function isSignable(row: StaffAuthRow | undefined): row is StaffAuthRow {
  return row !== undefined && row.deletedAt === null && row.active;
}

/**
 * Sign a staff member in on this paired tablet with their PIN.
 *
 * Online, the server checks the PIN (its lock-out counts) and returns a session for
 * `x-staff-session`. When the server cannot be reached, the PIN is checked on the tablet
 * against the synced hash, so the shift can start with the Wi-Fi down; the server session is
 * fetched once the connection is back. Without `staffId`, the PIN alone picks the person
 * (checked on the tablet against everyone, then confirmed with the server when online).
 */
export async function signIn(
  pin: string,
  staffId?: StaffId,
  db: ServioDb = appDb,
  now: () => number = Date.now,
): Promise<SignInResult> {
  const device = await readMeta(db, 'device');
  if (!device) {
    return { ok: false, reason: 'not_paired', message: intl.formatMessage(messages.notPaired) };
  }
  if (!/^\d{4,8}$/.test(pin)) {
    return { ok: false, reason: 'wrong_pin', message: intl.formatMessage(messages.pinShape) };
  }

  let person = staffId;
  if (!person) {
    const local = await checkOnTablet(db, pin, null, now);
    if (!local.ok) return local;
    person = local.staff.id;
  }

  if (connectivity.getSnapshot().reachability !== 'offline') {
    const server = await signInWithServer(db, person, pin, now);
    if (server !== 'unreachable') return server;
  }
  const local = await checkOnTablet(db, pin, person, now);
  if (!local.ok) return local;
  await storeSession(db, {
    staffId: local.staff.id,
    sessionToken: null,
    signedInAt: new Date(now()).toISOString(),
    expiresAt: new Date(now() + SESSION_TTL_MS).toISOString(),
  });
  pendingServerSignIn = { staffId: local.staff.id, pin };
  return local;
}

async function signInWithServer(
  db: ServioDb,
  staffId: StaffId,
  pin: string,
  now: () => number,
): Promise<SignInResult | 'unreachable'> {
  try {
    const answer = await trpc.auth.signIn.mutate(
      { staffId, pin },
      { signal: AbortSignal.timeout(SERVER_SIGN_IN_TIMEOUT_MS) },
    );
    await clearWrongPins(db, `signIn:${staffId}`);
    await storeSession(db, {
      staffId,
      sessionToken: answer.sessionToken,
      signedInAt: new Date(now()).toISOString(),
      expiresAt: answer.expiresAt,
    });
    const row = await db.staff.get(staffId);
    const staff: StaffRow = row
      ? toStaffRow(row)
      : {
          // Signed in before the first sync brought the staff list: what the server said.
          venueId: (await readMeta(db, 'device'))!.venue.id,
          id: staffId,
          name: answer.staff.name,
          role: answer.staff.role,
          active: true,
          deactivatedAt: null,
          version: 0,
          deletedAt: null,
          createdAt: new Date(now()).toISOString(),
          updatedAt: new Date(now()).toISOString(),
        };
    return { ok: true, staff, checkedBy: 'server' };
  } catch (error) {
    const failure = classify(error, 'auth.signIn');
    if (failure.kind === 'unreachable' || failure.kind === 'server-error') return 'unreachable';
    if (failure.kind === 'refused') {
      const reason =
        failure.code === 'TOO_MANY_REQUESTS'
          ? 'locked'
          : /no such staff/i.test(failure.message)
            ? 'unknown_staff'
            : 'wrong_pin';
      return { ok: false, reason, message: failure.message };
    }
    return { ok: false, reason: 'wrong_pin', message: describeFailure(failure) };
  }
}

/** The PIN checked against the synced hashes (one person, or everyone when `staffId` is null). */
async function checkOnTablet(
  db: ServioDb,
  pin: string,
  staffId: StaffId | null,
  now: () => number,
): Promise<Extract<SignInResult, { ok: true }> | Extract<SignInResult, { ok: false }>> {
  const scope: PinScope = `signIn:${staffId ?? '*'}`;
  const lockedUntil = await pinLockedUntil(db, scope, now);
  if (lockedUntil !== null) {
    return {
      ok: false,
      reason: 'locked',
      message: intl.formatMessage(lockedOut, { lock: describeLock(lockedUntil, now) }),
    };
  }
  const candidates = staffId
    ? [await db.staff.get(staffId)].filter(isSignable)
    : (await db.staff.toArray()).filter(isSignable);
  if (candidates.length === 0) {
    const anyStaff = await db.staff.count();
    return anyStaff === 0
      ? {
          ok: false,
          reason: 'no_staff_yet',
          message: intl.formatMessage(messages.noStaffYet),
        }
      : { ok: false, reason: 'unknown_staff', message: intl.formatMessage(messages.unknownStaff) };
  }
  for (const candidate of candidates) {
    if (await verifyPinHash(pin, candidate.pinHash)) {
      await clearWrongPins(db, scope);
      return { ok: true, staff: toStaffRow(candidate), checkedBy: 'tablet' };
    }
  }
  const wrong = await recordWrongPin(db, scope, now);
  if (wrong.lockedUntil !== null) {
    return {
      ok: false,
      reason: 'locked',
      message: intl.formatMessage(lockedOut, { lock: describeLock(wrong.lockedUntil, now) }),
    };
  }
  return {
    ok: false,
    reason: 'wrong_pin',
    message: intl.formatMessage(wrongPin, {
      left: String(wrong.left),
      minutes: String(PIN_LOCK_MS / 60_000),
    }),
  };
}

/** When this scope's lock ends (ms), or null when its PINs may be tried now. */
async function pinLockedUntil(
  db: ServioDb,
  scope: PinScope,
  now: () => number,
): Promise<number | null> {
  const lockedUntil = (await readMeta(db, 'pinAttempts'))?.[scope]?.lockedUntil;
  const until = lockedUntil ? Date.parse(lockedUntil) : Number.NaN;
  return until > now() ? until : null;
}

/**
 * Count one wrong PIN for this scope in IndexedDB (so a reload or another tab does not reset
 * it); the fifth in a row locks the scope for five minutes. Read and written in one
 * transaction, so wrong PINs typed in two tabs at once all count.
 */
async function recordWrongPin(
  db: ServioDb,
  scope: PinScope,
  now: () => number,
): Promise<{ left: number; lockedUntil: number | null }> {
  return db.transaction('rw', db.meta, async () => {
    const all = (await readMeta(db, 'pinAttempts')) ?? {};
    const current: PinAttempts = all[scope] ?? { attempts: 0, lockedUntil: null };
    const stillLocked = current.lockedUntil !== null && Date.parse(current.lockedUntil) > now();
    const attempts = stillLocked ? 0 : current.attempts + 1;
    const lockedUntil = stillLocked
      ? Date.parse(current.lockedUntil!)
      : attempts >= MAX_PIN_ATTEMPTS
        ? now() + PIN_LOCK_MS
        : null;
    await writeMeta(db, 'pinAttempts', {
      ...all,
      [scope]: {
        attempts: lockedUntil === null ? attempts : 0,
        lockedUntil: lockedUntil === null ? null : new Date(lockedUntil).toISOString(),
      },
    });
    return { left: MAX_PIN_ATTEMPTS - attempts, lockedUntil };
  });
}

async function clearWrongPins(db: ServioDb, scope: PinScope): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const all = await readMeta(db, 'pinAttempts');
    if (!all?.[scope]) return;
    const { [scope]: _cleared, ...rest } = all;
    await writeMeta(db, 'pinAttempts', rest);
  });
}

/** "locked until 14:35 (about 5 min)", in this tablet's time. */
function describeLock(lockedUntil: number, now: () => number): string {
  const time = new Date(lockedUntil).toLocaleTimeString(FORMAT_LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const minutes = Math.max(1, Math.ceil((lockedUntil - now()) / 60_000));
  return intl.formatMessage(
    { id: 'session.pin.lockedUntil', defaultMessage: 'locked until {time} (about {minutes} min)' },
    { time, minutes: String(minutes) },
  );
}

async function storeSession(db: ServioDb, session: StaffSessionRecord): Promise<void> {
  await writeMeta(db, 'session', session);
  setCredentials({ staffSession: session.sessionToken });
}

/**
 * A manager or owner approving one action on the spot: their PIN is checked on the tablet
 * (works offline). Resolves the approver, or why not: not a manager's or owner's PIN, or
 * approval locked on this tablet after five wrong PINs in a row (for five minutes, kept in
 * IndexedDB). The server checks the approver's role again when the mutation arrives (S12).
 */
export async function checkApproverPin(
  pin: string,
  db: ServioDb = appDb,
  now: () => number = Date.now,
): Promise<ApproverCheck> {
  const lockedUntil = await pinLockedUntil(db, 'approval', now);
  if (lockedUntil !== null) {
    return {
      ok: false,
      reason: 'locked',
      message: intl.formatMessage(approvalLocked, { lock: describeLock(lockedUntil, now) }),
    };
  }
  if (!/^\d{4,8}$/.test(pin)) {
    return { ok: false, reason: 'wrong_pin', message: intl.formatMessage(messages.pinShape) };
  }
  const approvers = (await db.staff.toArray()).filter(
    (row) => isSignable(row) && (row.role === 'manager' || row.role === 'owner'),
  );
  for (const approver of approvers) {
    if (await verifyPinHash(pin, approver.pinHash)) {
      await clearWrongPins(db, 'approval');
      return { ok: true, staff: toStaffRow(approver) };
    }
  }
  const wrong = await recordWrongPin(db, 'approval', now);
  if (wrong.lockedUntil !== null) {
    return {
      ok: false,
      reason: 'locked',
      message: intl.formatMessage(approvalLocked, { lock: describeLock(wrong.lockedUntil, now) }),
    };
  }
  return {
    ok: false,
    reason: 'wrong_pin',
    message: intl.formatMessage(notAnApprover, {
      left: String(wrong.left),
      minutes: String(PIN_LOCK_MS / 60_000),
    }),
  };
}

/**
 * `checkApproverPin` for callers that only need the approver: null when the PIN is not a
 * manager's or owner's, or while approval is locked on this tablet.
 */
export async function verifyStaffPin(
  pin: string,
  db: ServioDb = appDb,
  now: () => number = Date.now,
): Promise<StaffRow | null> {
  const result = await checkApproverPin(pin, db, now);
  return result.ok ? result.staff : null;
}

/** Hand the tablet back to the staff picker; the device stays paired. */
export async function lock(db: ServioDb = appDb): Promise<void> {
  const session = await readMeta(db, 'session');
  pendingServerSignIn = null;
  await deleteMeta(db, 'session');
  setCredentials({ staffSession: null });
  if (session?.sessionToken) {
    // Best effort: the server session also ends by itself after its time.
    const token = session.sessionToken;
    void trpc.auth.signOut
      .mutate(undefined, { context: { staffSession: token } })
      .catch(() => undefined);
  }
}

/**
 * After a sign-in checked on the tablet, get the server session once the server answers, so
 * manager screens and other online calls carry `x-staff-session`. Called by the sync client
 * when a sync succeeds.
 */
export async function completeOfflineSignIn(db: ServioDb = appDb, now: () => number = Date.now) {
  const pending = pendingServerSignIn;
  if (!pending) return;
  const session = await readMeta(db, 'session');
  if (!session || session.staffId !== pending.staffId || session.sessionToken) {
    pendingServerSignIn = null;
    return;
  }
  const result = await signInWithServer(db, pending.staffId, pending.pin, now);
  if (result === 'unreachable') return;
  pendingServerSignIn = null;
  // The server refused the PIN the tablet accepted (changed meanwhile, or locked): sign out.
  if (!result.ok) await lock(db);
}
