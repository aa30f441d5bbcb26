import type { Queryable } from '../db/index.ts';
import { hashToken } from './secrets.ts';

export type Role = 'waiter' | 'cashier' | 'kitchen' | 'manager' | 'owner';

export type DeviceCaller = { venueId: string; deviceId: string; letter: string; revoked: boolean };
export type StaffCaller = {
  venueId: string;
  staffId: string;
  role: Role;
  name: string;
  sessionId: string;
};

/** Who is calling: a paired device (tablet or manager browser), optionally with a signed-in staff member. */
export interface Caller {
  device: DeviceCaller | undefined;
  staff: StaffCaller | undefined;
}

export const DEVICE_TOKEN_PREFIX = 'dev_';
export const SESSION_TOKEN_PREFIX = 'ses_';

/**
 * Resolves tokens to a caller. Lookups go by the token's hash, which is unique across venues, so this
 * is the one place that reads before the venue is known; everything after is scoped to `venueId`.
 */
export async function resolveCaller(
  db: Queryable,
  tokens: { deviceToken?: string | undefined; sessionToken?: string | undefined },
  now: Date,
): Promise<Caller> {
  let staff: StaffCaller | undefined;
  const device = tokens.deviceToken ? await resolveDevice(db, tokens.deviceToken) : undefined;
  if (device && !device.revoked && tokens.sessionToken?.startsWith(SESSION_TOKEN_PREFIX)) {
    const { rows } = await db.query<{ id: string; staff_id: string; role: Role; name: string }>(
      `SELECT s.id, s.staff_id, st.role, st.name
         FROM staff_sessions s
         JOIN staff st ON st.venue_id = s.venue_id AND st.id = s.staff_id
        WHERE s.token_hash = $1 AND s.venue_id = $2 AND s.device_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > $4
          AND st.active AND st.deleted_at IS NULL`,
      [hashToken(tokens.sessionToken), device.venueId, device.deviceId, now.toISOString()],
    );
    const row = rows[0];
    if (row)
      staff = {
        venueId: device.venueId,
        staffId: row.staff_id,
        role: row.role,
        name: row.name,
        sessionId: row.id,
      };
  }
  return { device, staff };
}

/** The paired device a device token names (revoked or not), or undefined for a token nobody issued. */
export async function resolveDevice(
  db: Queryable,
  deviceToken: string,
): Promise<DeviceCaller | undefined> {
  if (!deviceToken.startsWith(DEVICE_TOKEN_PREFIX)) return undefined;
  const { rows } = await db.query<{
    venue_id: string;
    id: string;
    letter: string;
    revoked_at: Date | null;
  }>('SELECT venue_id, id, letter, revoked_at FROM devices WHERE token_hash = $1', [
    hashToken(deviceToken),
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    venueId: row.venue_id,
    deviceId: row.id,
    letter: row.letter,
    revoked: row.revoked_at !== null,
  };
}
