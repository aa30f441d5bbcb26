import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../db/index.ts';
import { hashToken, randomPairingCode } from './secrets.ts';

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;

/** Creates a short, expiring, single-use code a tablet exchanges for its device token. Only the hash is kept. */
export async function createPairingCode(
  tx: Queryable,
  venueId: string,
  options: { now: number; ttlMs?: number; createdBy?: string | null; deviceName?: string | null },
): Promise<{ code: string; expiresAt: string }> {
  const code = randomPairingCode();
  const expiresAt = new Date(options.now + (options.ttlMs ?? PAIRING_CODE_TTL_MS)).toISOString();
  await tx.query(
    `INSERT INTO pairing_codes (venue_id, id, code_hash, device_name, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      venueId,
      uuidv7(),
      hashToken(code),
      options.deviceName ?? null,
      options.createdBy ?? null,
      expiresAt,
    ],
  );
  return { code, expiresAt };
}
