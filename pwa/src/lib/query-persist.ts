import { QueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import type {
  PersistedClient,
  Persister,
  PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * The manager's server reads (reports, back office) through react-query, with the last viewed
 * reports kept in IndexedDB: a manager who opens the app without a network still reads the
 * figures last fetched, marked as a saved copy with the time they were fetched (`useCachedNote`).
 *
 * Only report queries are written to disk. Back-office lists (menu, staff, devices) are edited,
 * and an edit made from a stale offline copy would be a lie; they are read fresh or not at all.
 */

/** A saved copy older than this is dropped: a week-old "today" helps nobody. */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The router of every persisted query: the `reports.*` procedures. */
export const PERSISTED_SCOPE = 'reports';

const storeKey = 'servio-manager-queries';
let store: UseStore | undefined;

/** One IndexedDB database of its own, so nothing here can collide with the tablet's Dexie tables. */
function queryStore(): UseStore {
  store ??= createStore('servio-query-cache', 'queries');
  return store;
}

/** idb-keyval stores the dehydrated client as a structured clone (no JSON round trip). */
export function createIdbPersister(key = storeKey): Persister {
  return {
    persistClient: (client: PersistedClient) => set(key, client, queryStore()),
    restoreClient: () => get<PersistedClient>(key, queryStore()),
    removeClient: () => del(key, queryStore()),
  };
}

/**
 * The router a query reads from. Keys come from tRPC (api/query.ts): `[[venueId], path,
 * { input, type }]`, the path split into its parts (`['reports', 'summary']`).
 */
export function queryScope(queryKey: QueryKey): string | undefined {
  const path = queryKey[1];
  return Array.isArray(path) && typeof path[0] === 'string' ? path[0] : undefined;
}

function isPersisted(query: Query): boolean {
  return queryScope(query.queryKey) === PERSISTED_SCOPE && query.state.status === 'success';
}

export function createManagerQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Restored copies must outlive the default five minutes of an unused query, or they
        // would be collected (and dropped from disk) before the manager opens that report again.
        gcTime: PERSIST_MAX_AGE_MS,
        staleTime: 30_000,
        // A refusal (not a manager, bad input) will not change by asking again.
        retry: (failures, error) => failures < 2 && !isRefusal(error),
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function managerPersistOptions(
  buster: string,
): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister: createIdbPersister(),
    maxAge: PERSIST_MAX_AGE_MS,
    // A new app version may read another shape: its first start refetches instead of guessing.
    buster,
    dehydrateOptions: { shouldDehydrateQuery: isPersisted },
  };
}

function isRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('data' in error)) return false;
  const data = (error as { data: unknown }).data;
  if (typeof data !== 'object' || data === null || !('httpStatus' in data)) return false;
  const status = (data as { httpStatus: unknown }).httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}
