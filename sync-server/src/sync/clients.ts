import type { Queryable } from '../db/index.ts';

/** A client (one tablet browser database, S1) as the sync paths need it. */
export interface ClientState {
  deviceId: string;
  lastMutationId: number;
}

/** The client id belongs to another, still paired device of the venue. */
export class ClientOwnershipError extends Error {
  override name = 'ClientOwnershipError';
}

/** `pending_mutations` is an integer column; a silly count must not fail every push forever. */
const MAX_PENDING = 2_147_483_647;

/**
 * Creates the client's row on first contact (bound to the calling device) and locks it until the
 * transaction ends: the same push arriving on two connections is applied by whichever locks first,
 * and the other then sees the advanced counter and skips it (S2/S3).
 *
 * A client stays with the device it was created by. One exception: when that device was revoked
 * and the tablet is paired again, its browser database (and unsynced outbox, S7) is the same, so a
 * new device of the venue takes over a revoked device's client. `adopt` (a manager importing an
 * exported outbox) uses the client as it is, whichever device it belongs to.
 */
export async function claimClient(
  tx: Queryable,
  venueId: string,
  clientId: string,
  deviceId: string,
  options: { now: string; adopt?: boolean },
): Promise<ClientState> {
  // The no-op DO UPDATE takes the row lock and returns the row whether it was just made or not.
  const { rows } = await tx.query<{ device_id: string; last_mutation_id: number }>(
    `INSERT INTO clients (venue_id, id, device_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (venue_id, id) DO UPDATE SET device_id = clients.device_id
     RETURNING device_id, last_mutation_id`,
    [venueId, clientId, deviceId, options.now],
  );
  const client = rows[0]!;
  if (client.device_id !== deviceId && !options.adopt) {
    const { rows: owner } = await tx.query<{ revoked_at: Date | null }>(
      'SELECT revoked_at FROM devices WHERE venue_id = $1 AND id = $2',
      [venueId, client.device_id],
    );
    if (owner[0] && owner[0].revoked_at === null) {
      throw new ClientOwnershipError(
        'This browser database already syncs through another paired tablet of the venue.',
      );
    }
    await tx.query('UPDATE clients SET device_id = $3 WHERE venue_id = $1 AND id = $2', [
      venueId,
      clientId,
      deviceId,
    ]);
  }
  return {
    deviceId: options.adopt ? client.device_id : deviceId,
    lastMutationId: client.last_mutation_id,
  };
}

/**
 * Records contact: the counter, how many changes the tablet still holds unsynced (shown to managers,
 * who need to know which devices hold unsynced work), when it last pushed or pulled, and that the
 * device was seen.
 */
export async function recordContact(
  tx: Queryable,
  venueId: string,
  clientId: string,
  deviceId: string,
  contact: {
    kind: 'push' | 'pull';
    at: string;
    pending: number;
    lastMutationId?: number;
    /** False when a manager imports the outbox: the tablet itself was not seen. */
    deviceSeen?: boolean;
  },
): Promise<void> {
  const stamp = contact.kind === 'push' ? 'last_push_at' : 'last_pull_at';
  await tx.query(
    `WITH client AS (
       UPDATE clients
          SET ${stamp} = $4, pending_mutations = $5,
              last_mutation_id = GREATEST(last_mutation_id, $6)
        WHERE venue_id = $1 AND id = $2
     )
     UPDATE devices SET last_seen_at = $4 WHERE venue_id = $1 AND id = $3 AND $7::boolean`,
    [
      venueId,
      clientId,
      deviceId,
      contact.at,
      Math.min(Math.max(contact.pending, 0), MAX_PENDING),
      contact.lastMutationId ?? 0,
      contact.deviceSeen ?? true,
    ],
  );
}
