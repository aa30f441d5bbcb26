import type { PokeMessage, PullRequest, PullResult, PushRequest, PushResult } from '@servio/shared';
import { trpc } from '../api/trpc.ts';

/**
 * What the sync client needs from the server: the three sync procedures (S2, S5, S9). The app
 * uses the tRPC client; tests plug in an in-memory server running the same shared rules.
 */
export interface SyncApi {
  push(request: PushRequest, signal: AbortSignal): Promise<PushResult>;
  pull(request: PullRequest, signal: AbortSignal): Promise<PullResult>;
  /**
   * Listen for pokes. `onOpen` fires each time the stream (re)connects (a moment to pull:
   * pokes may have been missed); `onError` when it drops (it reconnects by itself).
   */
  subscribePokes(handlers: {
    onPoke: (poke: PokeMessage) => void;
    onOpen: () => void;
    onError: (error: unknown) => void;
  }): () => void;
}

/** Requests that take longer than this count as failed (and are retried with backoff). */
export const SYNC_REQUEST_TIMEOUT_MS = 20_000;

export const trpcSyncApi: SyncApi = {
  push: (request, signal) => trpc.sync.push.mutate(request, { signal }),
  pull: (request, signal) => trpc.sync.pull.query(request, { signal }) as Promise<PullResult>,
  subscribePokes({ onPoke, onOpen, onError }) {
    const subscription = trpc.sync.poke.subscribe(undefined, {
      onStarted: onOpen,
      onData: onPoke,
      onError,
      onConnectionStateChange: (state) => {
        if (state.state === 'connecting' && state.error) onError(state.error);
      },
    });
    return () => subscription.unsubscribe();
  },
};
