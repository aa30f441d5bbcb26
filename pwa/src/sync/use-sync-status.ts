import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db as appDb } from '../data/db.ts';
import { INITIAL_SYNC_REPORT, readMeta, type SyncBlock } from '../data/meta.ts';
import { useConnectivity } from '../lib/connectivity.ts';
import { startDeviceSync } from './device-sync.ts';

export interface SyncStatus {
  /** Whether this browser holds a paired device at all (nothing to sync otherwise). */
  paired: boolean;
  /** Syncing right now; else whether the server answers (asked, not guessed from navigator.onLine). */
  connection: 'online' | 'offline' | 'syncing';
  /** Local changes the server has not confirmed yet (the outbox). */
  pending: number;
  /** When a sync last completed (ISO), on this device, by any tab. */
  lastSyncedAt: string | null;
  /** Why the last sync failed, or why sync is stopped; null when all is well. */
  error: string | null;
  /** The server will not sync this device until something changes (revoked, old app…). */
  block: SyncBlock | null;
  /** When a failed sync will be tried again (ISO). */
  retryAt: string | null;
}

/**
 * The truth for the status bar: read from the database the syncing tab writes to (S8), so
 * every tab shows the same, plus this tab's own connection checks.
 */
export function useSyncStatus(): SyncStatus {
  const connection = useConnectivity();
  const stored = useLiveQuery(
    async () => ({
      pending: await appDb.outbox.count(),
      report: (await readMeta(appDb, 'sync')) ?? INITIAL_SYNC_REPORT,
      block: (await readMeta(appDb, 'syncBlock')) ?? null,
      paired: (await readMeta(appDb, 'device')) !== undefined,
    }),
    [],
  );
  const report = stored?.report ?? INITIAL_SYNC_REPORT;
  const unreachable =
    connection.reachability === 'offline' || connection.reachability === 'server-trouble';
  return {
    paired: stored?.paired ?? false,
    connection:
      report.phase === 'syncing' && !unreachable ? 'syncing' : unreachable ? 'offline' : 'online',
    pending: stored?.pending ?? 0,
    lastSyncedAt: report.lastSyncedAt,
    error: stored?.block?.message ?? (report.phase === 'failing' ? report.error : null),
    block: stored?.block ?? null,
    retryAt: report.phase === 'failing' ? report.retryAt : null,
  };
}

/** Keep this device syncing while the calling screen is mounted (any number of callers). */
export function useDeviceSync(active = true): void {
  useEffect(() => (active ? startDeviceSync() : undefined), [active]);
}
