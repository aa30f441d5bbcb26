import { useSyncExternalStore } from 'react';
import type { Dexie } from 'dexie';
import { intl } from '../i18n/intl.ts';

/**
 * What happens when another tab opens a newer version of the app whose database schema is
 * newer: the browser asks this tab to let go of the database (`versionchange`). Dexie's default
 * closes it and quietly reopens later with the old code over the new schema; instead this tab
 * closes its connection for good, so the upgrade can go ahead in the other tab, and asks the
 * person to reload. Nothing is dropped: the outbox lives in the database, not in this tab, and
 * an upgrade never deletes it (S7).
 */
export type DatabaseState = { kind: 'open' } | { kind: 'reload-needed'; message: string };

export interface DatabaseWatch {
  getSnapshot(): DatabaseState;
  subscribe(listener: () => void): () => void;
}

export function guardUpgrades(db: Dexie): DatabaseWatch {
  let state: DatabaseState = { kind: 'open' };
  const listeners = new Set<() => void>();
  db.on('versionchange', (event) => {
    db.close({ disableAutoOpen: true });
    state = {
      kind: 'reload-needed',
      message:
        event.newVersion === null
          ? intl.formatMessage({
              id: 'database.removedElsewhere',
              defaultMessage: 'This device’s data was removed in another tab. Reload to continue.',
            })
          : intl.formatMessage({
              id: 'database.upgradedElsewhere',
              defaultMessage:
                'A newer version of Servio was opened in another tab. Reload this tab to continue; unsynced changes are kept.',
            }),
    };
    for (const listener of listeners) listener();
    // False stops Dexie's own handler, which would reopen the database under the old code.
    return false;
  });
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useDatabaseState(watch: DatabaseWatch): DatabaseState {
  return useSyncExternalStore(watch.subscribe, watch.getSnapshot);
}
