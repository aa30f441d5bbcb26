import { uuidv7 } from 'uuidv7';
import { type Db, inVenue, recordAudit } from '../db/index.ts';
import { SESSION_TOKEN_PREFIX, type Role } from './caller.ts';
import { hashToken, randomToken, verifyPin } from './secrets.ts';

export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 5 * 60 * 1000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type SignInFailure =
  | { reason: 'unknown_staff'; message: string }
  | { reason: 'wrong_pin'; message: string; attemptsLeft: number }
  | { reason: 'locked'; message: string; lockedUntil: string };

export type SignInResult =
  | {
      ok: true;
      sessionToken: string;
      expiresAt: string;
      staff: { id: string; name: string; role: Role };
    }
  | ({ ok: false } & SignInFailure);

/**
 * Checks a PIN for one staff member of the device's venue. Five wrong PINs in a row lock that person
 * for five minutes; a right PIN resets the count. Every outcome is written before answering.
 */
export async function signInWithPin(
  db: Db,
  venueId: string,
  deviceId: string,
  staffId: string,
  pin: string,
  now: Date,
): Promise<SignInResult> {
  const { rows } = await inVenue(db, venueId, (tx) =>
    tx.query<{ id: string; name: string; role: Role; pin_hash: string; locked_until: Date | null }>(
      'SELECT id, name, role, pin_hash, locked_until FROM staff WHERE venue_id = $1 AND id = $2 AND active AND deleted_at IS NULL',
      [venueId, staffId],
    ),
  );
  const person = rows[0];
  if (!person)
    return { ok: false, reason: 'unknown_staff', message: 'No such staff member at this venue.' };
  if (person.locked_until && person.locked_until.getTime() > now.getTime()) {
    return lockedAnswer(person.locked_until, now);
  }
  // The slow hash runs outside any transaction; the counter update below re-checks under a row lock.
  const matches = await verifyPin(pin, person.pin_hash);
  return inVenue(db, venueId, async (tx) => {
    const { rows: current } = await tx.query<{
      failed_pin_attempts: number;
      locked_until: Date | null;
    }>(
      'SELECT failed_pin_attempts, locked_until FROM staff WHERE venue_id = $1 AND id = $2 FOR UPDATE',
      [venueId, staffId],
    );
    const state = current[0]!;
    if (state.locked_until && state.locked_until.getTime() > now.getTime())
      return lockedAnswer(state.locked_until, now);
    if (!matches) {
      const attempts = state.failed_pin_attempts + 1;
      const lock = attempts >= MAX_PIN_ATTEMPTS ? new Date(now.getTime() + PIN_LOCK_MS) : null;
      await tx.query(
        'UPDATE staff SET failed_pin_attempts = $3, locked_until = $4 WHERE venue_id = $1 AND id = $2',
        [venueId, staffId, lock ? 0 : attempts, lock?.toISOString() ?? null],
      );
      await recordAudit(
        tx,
        venueId,
        { staffId, deviceId },
        {
          action: lock ? 'staff.locked' : 'staff.pin_failed',
          target: staffId,
          details: { attempts },
        },
      );
      if (lock) return lockedAnswer(lock, now);
      return {
        ok: false,
        reason: 'wrong_pin',
        message: `Wrong PIN. ${MAX_PIN_ATTEMPTS - attempts} attempt(s) left before a ${PIN_LOCK_MS / 60_000}-minute lock.`,
        attemptsLeft: MAX_PIN_ATTEMPTS - attempts,
      };
    }
    await tx.query(
      'UPDATE staff SET failed_pin_attempts = 0, locked_until = NULL WHERE venue_id = $1 AND id = $2',
      [venueId, staffId],
    );
    const sessionToken = `${SESSION_TOKEN_PREFIX}${randomToken(32)}`;
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await tx.query(
      `INSERT INTO staff_sessions (venue_id, id, staff_id, device_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [venueId, uuidv7(), staffId, deviceId, hashToken(sessionToken), expiresAt],
    );
    await recordAudit(
      tx,
      venueId,
      { staffId, deviceId },
      { action: 'staff.signed_in', target: staffId },
    );
    return {
      ok: true,
      sessionToken,
      expiresAt,
      staff: { id: person.id, name: person.name, role: person.role },
    };
  });
}

function lockedAnswer(until: Date, now: Date): SignInResult {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return {
    ok: false,
    reason: 'locked',
    message: `Too many wrong PINs: locked until ${until.toISOString().slice(11, 16)} UTC (about ${minutes} min). A manager can reset the PIN.`,
    lockedUntil: until.toISOString(),
  };
}
