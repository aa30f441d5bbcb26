import { SYNCED_TABLES, type DeviceId, type VenueId } from '@servio/shared';
import { setCredentials } from '../api/credentials.ts';
import { pairDevice, type PairDeviceInput } from '../api/pair-device.ts';
import { db as appDb, type ServioDb } from '../data/db.ts';
import { deleteMeta, readMeta, writeMeta, type DeviceIdentity } from '../data/meta.ts';
import { intl } from '../i18n/intl.ts';

/** A pairing that would throw away unsynced work is refused with this error. */
export class UnsyncedWorkError extends Error {
  override name = 'UnsyncedWorkError';
}

/**
 * Pair this tablet with a code from a manager and keep the device's identity and token in
 * IndexedDB, so a reload or a restart keeps it paired. Throws `ServerCallError` when the
 * server refuses or cannot be reached, `UnsyncedWorkError` when pairing with another venue
 * would drop changes not yet synced (S7: export them first).
 */
export async function pairThisDevice(
  input: PairDeviceInput,
  db: ServioDb = appDb,
  now: () => Date = () => new Date(),
): Promise<DeviceIdentity> {
  const paired = await pairDevice(input);
  const identity: DeviceIdentity = {
    deviceId: paired.deviceId as DeviceId,
    deviceToken: paired.deviceToken,
    letter: paired.letter,
    deviceName: typeof input.deviceName === 'string' ? input.deviceName.trim() : 'Tablet',
    venue: { ...paired.venue, id: paired.venue.id as VenueId },
    pairedAt: now().toISOString(),
  };
  await storeDeviceIdentity(db, identity);
  setCredentials({ deviceToken: identity.deviceToken, staffSession: null });
  return identity;
}

/**
 * Keep a newly paired identity. Paired again with the same venue (after a manager revoked
 * this tablet), the browser database keeps its client id, counters and outbox: the server
 * hands the revoked device's client to the new one, so the unsynced changes still go through.
 * Paired with another venue, the old venue's data goes, but only when nothing is unsynced.
 */
export async function storeDeviceIdentity(db: ServioDb, identity: DeviceIdentity): Promise<void> {
  await db.transaction('rw', db.allStores(), async () => {
    const previous = await readMeta(db, 'device');
    if (previous && previous.venue.id !== identity.venue.id) {
      const unsynced = await db.outbox.count();
      if (unsynced > 0) {
        throw new UnsyncedWorkError(
          intl.formatMessage(
            {
              id: 'session.pair.unsyncedElsewhere',
              defaultMessage:
                'This tablet still holds {count} unsynced change(s) of {venue}. Export them (Connection → Export unsynced changes) before pairing with another venue.',
            },
            { count: String(unsynced), venue: previous.venue.name },
          ),
        );
      }
      await Promise.all(SYNCED_TABLES.map((table) => db.table(table).clear()));
      await Promise.all([db.shadows.clear(), db.notices.clear()]);
      // A new venue knows nothing of this client: start its counters afresh (S2).
      for (const key of ['clientId', 'cursor', 'lastIssuedMutationId', 'orderCounter'] as const) {
        await deleteMeta(db, key);
      }
    }
    await deleteMeta(db, 'session');
    await deleteMeta(db, 'sync');
    await deleteMeta(db, 'syncBlock');
    await writeMeta(db, 'device', identity);
  });
}
