import { dehydrate, type QueryKey } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
} from '@tanstack/react-query-persist-client';
import type { AppRouter } from '@servio/sync-server/router';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it } from 'vitest';
import { trpc as trpcClient } from '../api/trpc.ts';
import {
  createIdbPersister,
  createManagerQueryClient,
  managerPersistOptions,
  queryScope,
} from './query-persist.ts';

const summary = { figures: { netSalesMinor: 4150 }, range: { from: '2026-03-04' } };

/** The keys the manager screens use: tRPC's, prefixed with the venue (api/query.ts). */
function keysFor(venueId: string): { summary: QueryKey; menu: QueryKey } {
  const trpc = createTRPCOptionsProxy<AppRouter, { keyPrefix: true }>({
    client: trpcClient,
    queryClient: createManagerQueryClient(),
    keyPrefix: venueId,
  });
  return {
    summary: trpc.reports.summary.queryKey({ preset: 'today' }),
    menu: trpc.backoffice.menu.list.queryKey(),
  };
}
const keys = keysFor('venue-1');

async function savedClient(buster = 'v1') {
  const client = createManagerQueryClient();
  client.setQueryData(keys.summary, summary);
  client.setQueryData(keys.menu, { items: [] });
  await persistQueryClientSave({ queryClient: client, ...managerPersistOptions(buster) });
  return client;
}

describe('the manager’s saved reports (IndexedDB)', () => {
  it('a report read online is there after a restart, with the time it was fetched', async () => {
    const before = await savedClient();
    const fetchedAt = before.getQueryState(keys.summary)!.dataUpdatedAt;

    const after = createManagerQueryClient();
    await persistQueryClientRestore({ queryClient: after, ...managerPersistOptions('v1') });
    const key = keys.summary;
    expect(after.getQueryData(key)).toEqual(summary);
    expect(after.getQueryState(key)!.dataUpdatedAt).toBe(fetchedAt);
  });

  it('keeps only reports on disk: back-office lists are edited and must be read fresh', async () => {
    await savedClient();
    const saved = await createIdbPersister().restoreClient();
    const scopes = saved!.clientState.queries.map((query) => queryScope(query.queryKey));
    expect(scopes).toEqual(['reports']);
  });

  it('keys each saved report by its venue: another venue’s screens never read it', async () => {
    await savedClient();
    const after = createManagerQueryClient();
    await persistQueryClientRestore({ queryClient: after, ...managerPersistOptions('v1') });
    expect(after.getQueryData(keysFor('venue-2').summary)).toBeUndefined();
    expect(after.getQueryData(keys.summary)).toEqual(summary);
  });

  it('a new app version drops the saved copy instead of reading an old shape', async () => {
    await savedClient('v1');
    const after = createManagerQueryClient();
    await persistQueryClientRestore({ queryClient: after, ...managerPersistOptions('v2') });
    expect(dehydrate(after).queries).toEqual([]);
    expect(await createIdbPersister().restoreClient()).toBeUndefined();
  });
});
