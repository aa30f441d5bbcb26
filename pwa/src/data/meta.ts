import type { ClientId, DeviceId, StaffId, VenueId } from '@servio/shared';
import type { ServioDb } from './db.ts';

/**
 * Typed keys of the `meta` table. Everything that must survive a reload lives here: the
 * paired device (token included), the browser database's client id (S1), the mutation and
 * order-number counters, the pull cursor, the signed-in staff member and what the syncing tab
 * last reported.
 */
export interface DeviceIdentity {
  deviceId: DeviceId;
  /** `dev_…`: the long random secret the server knows only as a hash. */
  deviceToken: string;
  /** This device's letter in order numbers (`A-12`). */
  letter: string;
  deviceName: string;
  venue: { id: VenueId; name: string; currency: string; timezone: string };
  pairedAt: string;
}

export interface StaffSessionRecord {
  staffId: StaffId;
  /** `ses_…` from the server, or null when the PIN was checked on the tablet only (offline). */
  sessionToken: string | null;
  signedInAt: string;
  /** When the server session ends; a tablet-only sign-in lasts as long. */
  expiresAt: string;
}

export type SyncPhase = 'idle' | 'syncing' | 'failing';

/** Written by the syncing tab, read by every tab (S8). */
export interface SyncReport {
  phase: SyncPhase;
  lastSyncedAt: string | null;
  error: string | null;
  /** When the syncing tab will try again after a failure (ISO), or null. */
  retryAt: string | null;
  /** The last mutation id the server confirmed (S2), for the details panel. */
  lastMutationId: number;
}

/** The server cannot sync with this device at all until something changes. */
export interface SyncBlock {
  kind: 'device_revoked' | 'version_mismatch' | 'not_paired' | 'client_taken' | 'gap';
  message: string;
  at: string;
}

/**
 * Wrong PINs typed on this device for one scope (a staff member's sign-in, or manager approval).
 * Counts only, never a PIN: kept here so a reload or another tab does not reset the lock.
 */
export interface PinAttempts {
  /** Wrong PINs since the last success or lock. */
  attempts: number;
  /** While in the future (ISO), every PIN of this scope is refused. */
  lockedUntil: string | null;
}

export interface MetaValues {
  clientId: ClientId;
  device: DeviceIdentity;
  /** S5: the venue clock value everything local is up to date with. 0 = never pulled. */
  cursor: number;
  /** The last mutation id issued on this client (never reused, even after the outbox drains). */
  lastIssuedMutationId: number;
  /** The last order-number counter used by this device. */
  orderCounter: number;
  session: StaffSessionRecord;
  sync: SyncReport;
  syncBlock: SyncBlock;
  /** Wrong-PIN counters by scope (`signIn:<staffId>`, `signIn:*`, `approval`). */
  pinAttempts: Record<string, PinAttempts>;
}

export type MetaKey = keyof MetaValues;

export async function readMeta<K extends MetaKey>(
  db: ServioDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
  db: ServioDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: ServioDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

export const INITIAL_SYNC_REPORT: SyncReport = {
  phase: 'idle',
  lastSyncedAt: null,
  error: null,
  retryAt: null,
  lastMutationId: 0,
};
