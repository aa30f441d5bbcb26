import { useSyncExternalStore } from 'react';
import { intl } from '../i18n/intl.ts';

/**
 * Unsynced orders live in this browser's storage until the server confirms them (S7), so the
 * browser must not evict it. We ask once for persistent storage and keep the answer and the
 * usage estimate where the status bar and the manager's device page can show them. Failures
 * are kept as failures with their message: a storage problem on a till must be seen.
 */
export type PersistOutcome =
  | { kind: 'persisted' }
  /** The browser declined (Chromium decides by engagement; an installed app is granted). */
  | { kind: 'not-granted' }
  | { kind: 'unsupported' }
  | { kind: 'failed'; error: string };

export type EstimateOutcome =
  | { kind: 'known'; usageBytes: number; quotaBytes: number }
  | { kind: 'unsupported' }
  | { kind: 'failed'; error: string };

export interface StorageHealth {
  persistence: PersistOutcome | null;
  estimate: EstimateOutcome | null;
}

/** Usage above this share of the quota is worth a warning before writes start failing. */
export const NEARLY_FULL_RATIO = 0.8;

type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function defaultStorage(): StorageApi | undefined {
  return globalThis.navigator?.storage;
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Ask for persistent storage, unless it is already granted (asking again may prompt). */
export async function requestPersistence(
  storage: StorageApi | undefined = defaultStorage(),
): Promise<PersistOutcome> {
  if (!storage || typeof storage.persist !== 'function') return { kind: 'unsupported' };
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) {
      return { kind: 'persisted' };
    }
    return (await storage.persist()) ? { kind: 'persisted' } : { kind: 'not-granted' };
  } catch (error) {
    return { kind: 'failed', error: message(error) };
  }
}

export async function estimateStorage(
  storage: StorageApi | undefined = defaultStorage(),
): Promise<EstimateOutcome> {
  if (!storage || typeof storage.estimate !== 'function') return { kind: 'unsupported' };
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return { kind: 'unsupported' };
    return { kind: 'known', usageBytes: usage, quotaBytes: quota };
  } catch (error) {
    return { kind: 'failed', error: message(error) };
  }
}

/** The one line the status bar shows, or null when storage is fine. */
export function storageWarning(health: StorageHealth): string | null {
  const { persistence, estimate } = health;
  if (persistence?.kind === 'failed') {
    return intl.formatMessage(
      {
        id: 'storage.persistFailed',
        defaultMessage: "Could not ask to keep this device's data: {error}",
      },
      { error: persistence.error },
    );
  }
  if (estimate?.kind === 'failed') {
    return intl.formatMessage(
      { id: 'storage.estimateFailed', defaultMessage: 'Could not check storage: {error}' },
      { error: estimate.error },
    );
  }
  if (estimate?.kind === 'known' && estimate.quotaBytes > 0) {
    const ratio = estimate.usageBytes / estimate.quotaBytes;
    if (ratio >= NEARLY_FULL_RATIO) {
      return intl.formatMessage(
        { id: 'storage.nearlyFull', defaultMessage: 'Storage {percent} % full' },
        { percent: String(Math.round(ratio * 100)) },
      );
    }
  }
  return null;
}

export interface StorageHealthStore {
  getSnapshot(): StorageHealth;
  subscribe(listener: () => void): () => void;
  /** Request persistence (first call only) and refresh the estimate. */
  refresh(): Promise<StorageHealth>;
}

export function createStorageHealthStore(
  storage: () => StorageApi | undefined = defaultStorage,
): StorageHealthStore {
  let snapshot: StorageHealth = { persistence: null, estimate: null };
  let persistence: Promise<PersistOutcome> | null = null;
  const listeners = new Set<() => void>();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refresh() {
      // Once per page: the answer does not change without a browser settings change.
      persistence ??= requestPersistence(storage());
      const [persisted, estimate] = await Promise.all([persistence, estimateStorage(storage())]);
      snapshot = { persistence: persisted, estimate };
      for (const listener of listeners) listener();
      return snapshot;
    },
  };
}

export const storageHealth = createStorageHealthStore();

export function useStorageHealth(store: StorageHealthStore = storageHealth): StorageHealth {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
