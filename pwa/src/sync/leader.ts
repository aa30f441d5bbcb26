/**
 * S8: one tab per browser database syncs. Every tab asks for the same Web Lock; the browser
 * grants it to one, and hands it to the next when that tab closes or crashes. The others
 * follow the shared database through Dexie's live queries, and pass "sync now" requests to the
 * syncing tab over a BroadcastChannel.
 */
export interface LeaderHandle {
  /** Ask the syncing tab (this one or another) for a sync now. */
  requestSync(): void;
  /** Whether this tab holds the lock and syncs. */
  isLeader(): boolean;
  stop(): void;
}

export function runAsLeader(
  name: string,
  lead: () => { stop: () => void; requestSync: () => void },
): LeaderHandle {
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name}:requests`) : null;
  const abort = new AbortController();
  let leading: { stop: () => void; requestSync: () => void } | null = null;
  let release: (() => void) | null = null;

  const become = () => {
    leading = lead();
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        if (event.data === 'sync-now') leading?.requestSync();
      };
    }
  };

  const locks = globalThis.navigator?.locks;
  if (locks && typeof locks.request === 'function') {
    locks
      .request(
        name,
        { signal: abort.signal },
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
            become();
          }),
      )
      .catch((error: unknown) => {
        // Aborted while waiting for the lock (this tab stopped first): nothing to do.
        if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      });
  } else {
    // No Web Locks (an old browser): sync in every tab; the server's counters keep it exactly-once.
    become();
  }

  return {
    requestSync() {
      if (leading) leading.requestSync();
      else channel?.postMessage('sync-now');
    },
    isLeader: () => leading !== null,
    stop() {
      abort.abort();
      leading?.stop();
      leading = null;
      release?.();
      release = null;
      channel?.close();
    },
  };
}
