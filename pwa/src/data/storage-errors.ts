import { intl } from '../i18n/intl.ts';

/**
 * Storage failures in words a person can act on. IndexedDB reports a full disk as
 * `QuotaExceededError` (Dexie keeps the name, sometimes on `inner`), and a database another tab
 * closed for an upgrade as `DatabaseClosedError`.
 */
export function describeStorageError(error: unknown): string | null {
  const names = [nameOf(error), nameOf((error as { inner?: unknown } | null)?.inner)];
  if (names.includes('QuotaExceededError')) {
    return intl.formatMessage({
      id: 'storage.full',
      defaultMessage:
        'This device’s storage is full, so changes cannot be saved. Free some space (or ask a manager to export the unsynced changes).',
    });
  }
  if (names.includes('DatabaseClosedError')) {
    return intl.formatMessage({
      id: 'storage.closed',
      defaultMessage:
        'This tab’s database was closed (the app was updated in another tab). Reload to continue.',
    });
  }
  return null;
}

function nameOf(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : null;
}
