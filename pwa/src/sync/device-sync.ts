import { getCredentials, setCredentials } from '../api/credentials.ts';
import { db as appDb } from '../data/db.ts';
import { connectivity } from '../lib/connectivity.ts';
import { completeOfflineSignIn } from '../session/sign-in.ts';
import { runAsLeader, type LeaderHandle } from './leader.ts';
import { trpcSyncApi } from './sync-api.ts';
import { SyncClient } from './sync-client.ts';

/**
 * The app's sync client, run by the one tab holding the database's sync lock (S8). Started
 * while a paired device's screens are open (`useDeviceSync`); the connection monitor, focus
 * and visibility wake it up in addition to its own triggers.
 */
const client = new SyncClient({
  db: appDb,
  api: trpcSyncApi,
  prepare: ({ deviceToken }) => {
    if (getCredentials().deviceToken !== deviceToken) setCredentials({ deviceToken });
  },
  onFailure: () => void connectivity.checkNow(),
  onSuccess: () => {
    if (connectivity.getSnapshot().reachability !== 'online') void connectivity.checkNow();
    void completeOfflineSignIn().catch(() => undefined);
  },
});

let handle: LeaderHandle | null = null;
let users = 0;

function leadInThisTab() {
  const stopClient = client.start();
  // Reconnect detection: the monitor probes the server (not navigator.onLine) and says when
  // it answers again; focus and a tab becoming visible are moments a person expects fresh data.
  let previous = connectivity.getSnapshot().reachability;
  const stopWatching = connectivity.subscribe(() => {
    const current = connectivity.getSnapshot().reachability;
    if (current === 'online' && previous !== 'online') client.reconnected();
    previous = current;
  });
  const onFocus = () => client.requestSync();
  const onVisible = () => {
    if (document.visibilityState === 'visible') client.requestSync();
  };
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', onVisible);
  return {
    requestSync: () => client.requestSync(),
    stop() {
      stopClient();
      stopWatching();
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

/** Start syncing this device (shared by every caller); returns a release function. */
export function startDeviceSync(): () => void {
  users += 1;
  handle ??= runAsLeader(`servio-sync:${appDb.name}`, leadInThisTab);
  return () => {
    users -= 1;
    if (users === 0) {
      handle?.stop();
      handle = null;
    }
  };
}

/**
 * Sync now: in this tab when it is the syncing one (resolves when the cycle is over), or by
 * asking the syncing tab.
 */
export async function syncNow(): Promise<void> {
  if (handle?.isLeader()) return client.syncNow();
  if (handle) handle.requestSync();
  else if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(`servio-sync:${appDb.name}:requests`);
    channel.postMessage('sync-now');
    channel.close();
  }
}

/** Clear what stopped sync (after re-pairing or an update) and try at once. */
export async function retrySync(): Promise<void> {
  await client.unblock();
  await syncNow();
}
