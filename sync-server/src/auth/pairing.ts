import { uuidv7 } from 'uuidv7';
import { type Db, recordAudit } from '../db/index.ts';
import { loadVenue } from '../sync/index.ts';
import { DEVICE_TOKEN_PREFIX } from './caller.ts';
import { hashToken, normalisePairingCode, randomToken } from './secrets.ts';

export class PairingError extends Error {
  override name = 'PairingError';
}

/** Device letters for order numbers: A…Z, then AA…ZZ (702 devices a venue). */
export function letterFor(index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  if (index < 26) return alphabet[index]!;
  const rest = index - 26;
  return `${alphabet[Math.floor(rest / 26) % 26]}${alphabet[rest % 26]}`;
}

export interface PairedDevice {
  deviceId: string;
  deviceToken: string;
  letter: string;
  venue: { id: string; name: string; currency: string; timezone: string };
}

/**
 * Exchanges a pairing code for a device token, once: the code is consumed in the same transaction
 * that creates the device, so two tablets racing with one code get one device between them.
 */
export async function redeemPairingCode(
  db: Db,
  code: string,
  deviceName: string,
  now: Date,
): Promise<PairedDevice> {
  const deviceToken = `${DEVICE_TOKEN_PREFIX}${randomToken(32)}`;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      venue_id: string;
      id: string;
      expires_at: Date;
      used_at: Date | null;
    }>(
      'SELECT venue_id, id, expires_at, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE',
      [hashToken(normalisePairingCode(code))],
    );
    const pairing = rows[0];
    if (!pairing) throw new PairingError('That pairing code is not valid. Check it and try again.');
    if (pairing.used_at)
      throw new PairingError(
        'That pairing code has already been used. Ask a manager for a new one.',
      );
    if (pairing.expires_at.getTime() <= now.getTime()) {
      throw new PairingError('That pairing code has expired. Ask a manager for a new one.');
    }
    const venueId = pairing.venue_id;
    // Serialise pairings of one venue so two devices never take the same letter.
    await tx.query('SELECT 1 FROM venues WHERE id = $1 FOR UPDATE', [venueId]);
    const { rows: letters } = await tx.query<{ letter: string }>(
      'SELECT letter FROM devices WHERE venue_id = $1',
      [venueId],
    );
    const taken = new Set(letters.map((row) => row.letter));
    let index = 0;
    while (taken.has(letterFor(index))) index += 1;
    const deviceId = uuidv7();
    const letter = letterFor(index);
    await tx.query(
      `INSERT INTO devices (venue_id, id, name, letter, token_hash, paired_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [venueId, deviceId, deviceName, letter, hashToken(deviceToken), now.toISOString()],
    );
    await tx.query(
      'UPDATE pairing_codes SET used_at = $3, used_by_device = $4 WHERE venue_id = $1 AND id = $2',
      [venueId, pairing.id, now.toISOString(), deviceId],
    );
    await recordAudit(
      tx,
      venueId,
      { staffId: null, deviceId },
      { action: 'device.paired', target: deviceId, details: { name: deviceName, letter } },
    );
    const { id, name, currency, timezone } = (await loadVenue(tx, venueId))!;
    return { deviceId, deviceToken, letter, venue: { id, name, currency, timezone } };
  });
}
