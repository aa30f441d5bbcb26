import type { StaffId, StaffRow, VenueRow } from '@servio/shared';
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { setCredentials } from '../api/credentials.ts';
import { db as appDb, type ServioDb } from '../data/db.ts';
import { readMeta, type DeviceIdentity } from '../data/meta.ts';
import { lock, signIn, type SignInResult } from './sign-in.ts';

export type SessionStatus = 'loading' | 'unpaired' | 'locked' | 'signed-in';

export interface Session {
  status: SessionStatus;
  /** The paired device (letter, venue id and name, token), or null before pairing. */
  device: DeviceIdentity | null;
  /** The venue's synced row; undefined until the first sync has brought it. */
  venue: VenueRow | undefined;
  /** Who is signed in; null when the tablet is locked (or not paired). */
  staff: StaffRow | null;
  /**
   * The server refused this device (a manager revoked it, or the server no longer knows its
   * token): sync has stopped until it is paired again; its unsynced changes stay for export.
   */
  deviceRevoked: boolean;
  /** Sign in with a PIN (for `staffId` when given; else the PIN picks the person). */
  signIn(pin: string, staffId?: StaffId): Promise<SignInResult>;
  /** Lock the tablet: back to the staff picker; the device stays paired. */
  lock(): void;
}

interface SessionRows {
  device: DeviceIdentity | null;
  venue: VenueRow | undefined;
  staff: StaffRow | null;
  deviceRevoked: boolean;
}

/** Everything the session is made of, read in one live query (it follows other tabs too). */
export async function readSession(db: ServioDb, now = Date.now()): Promise<SessionRows> {
  const [device, session, block] = await Promise.all([
    readMeta(db, 'device'),
    readMeta(db, 'session'),
    readMeta(db, 'syncBlock'),
  ]);
  if (!device) return { device: null, venue: undefined, staff: null, deviceRevoked: false };
  const venue = await db.venues.get(device.venue.id);
  let staff: StaffRow | null = null;
  if (session && Date.parse(session.expiresAt) > now) {
    const row = await db.staff.get(session.staffId);
    if (row && row.deletedAt === null && row.active) {
      const { pinHash: _pinHash, ...rest } = row;
      staff = rest;
    }
  }
  const refused = block?.kind === 'device_revoked' || block?.kind === 'not_paired';
  return { device, venue, staff, deviceRevoked: refused };
}

const actions = {
  signIn: (pin: string, staffId?: StaffId) => signIn(pin, staffId),
  lock: () => void lock(),
};

/**
 * The tablet's session: paired or not, who is signed in. Persisted in IndexedDB, so a reload
 * keeps the pairing and the person; every open tab sees the same session.
 */
export function useSession(): Session {
  useEffect(() => watchCredentials(), []);
  const rows = useLiveQuery(() => readSession(appDb), []);
  if (!rows) {
    return {
      status: 'loading',
      device: null,
      venue: undefined,
      staff: null,
      deviceRevoked: false,
      ...actions,
    };
  }
  // Signed in needs the person's synced row: screens rely on the venue and the staff row.
  const status: SessionStatus = !rows.device
    ? 'unpaired'
    : rows.staff && rows.venue
      ? 'signed-in'
      : 'locked';
  return { status, ...rows, ...actions };
}

let credentialWatchers = 0;
let stopCredentialWatch: (() => void) | null = null;

/**
 * Keep the tRPC client's credentials equal to what IndexedDB holds (the device token and the
 * staff session), in this tab, whichever tab changed them. Returns a stop function; several
 * callers share one subscription.
 */
export function watchCredentials(db: ServioDb = appDb): () => void {
  credentialWatchers += 1;
  if (credentialWatchers === 1) {
    const subscription = liveQuery(async () => ({
      device: await readMeta(db, 'device'),
      session: await readMeta(db, 'session'),
    })).subscribe({
      next: ({ device, session }) =>
        setCredentials({
          deviceToken: device?.deviceToken ?? null,
          staffSession: session?.sessionToken ?? null,
        }),
      error: () => undefined,
    });
    stopCredentialWatch = () => subscription.unsubscribe();
  }
  return () => {
    credentialWatchers -= 1;
    if (credentialWatchers === 0) {
      stopCredentialWatch?.();
      stopCredentialWatch = null;
    }
  };
}
