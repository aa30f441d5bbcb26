import { createContext, useContext } from 'react';

/**
 * What the sync client reports to the status bar. The sync client provides it with
 * `<SyncStatusContext value={…}>`; until a device is paired and syncing there is no provider,
 * and the bar shows no pending count or last-sync time rather than a made-up one.
 */
export interface SyncStatus {
  phase: 'idle' | 'syncing' | 'failing';
  /** Local changes not yet confirmed by the server (outbox size). */
  pendingChanges: number;
  /** When a push/pull last completed (epoch ms); null if never on this device. */
  lastSyncedAt: number | null;
  /** Why the last sync failed, when `phase` is 'failing'. */
  problem: string | null;
}

export const SyncStatusContext = createContext<SyncStatus | null>(null);

export function useSyncStatus(): SyncStatus | null {
  return useContext(SyncStatusContext);
}
