import { dehydrate } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
} from '@tanstack/react-query-persist-client';
import { describe, expect, it } from 'vitest';
import {
  createIdbPersister,
  createManagerQueryClient,
  managerPersistOptions,
} from './query-persist.ts';

const summary = { figures: { netSalesMinor: 4150 }, range: { from: '2026-03-04' } };

async function savedClient(buster = 'v1') {
  const client = createManagerQueryClient();
  client.setQueryData(['reports', 'venue-1', 'summary', { preset: 'today' }], summary);
  client.setQueryData(['backoffice', 'venue-1', 'menu'], { items: [] });
  await persistQueryClientSave({ queryClient: client, ...managerPersistOptions(buster) });
  return client;
}

describe('the manager’s saved reports (IndexedDB)', () => {
  it('a report read online is there after a restart, with the time it was fetched', async () => {
    const before = await savedClient();
    const fetchedAt = before.getQueryState([
      'reports',
      'venue-1',
      'summary',
      { preset: 'today' },
    ])!.dataUpdatedAt;

    const after = createManagerQueryClient();
    await persistQueryClientRestore({ queryClient: after, ...managerPersistOptions('v1') });
    const key = ['reports', 'venue-1', 'summary', { preset: 'today' }];
    expect(after.getQueryData(key)).toEqual(summary);
    expect(after.getQueryState(key)!.dataUpdatedAt).toBe(fetchedAt);
  });

  it('keeps only reports on disk: back-office lists are edited and must be read fresh', async () => {
    await savedClient();
    const saved = await createIdbPersister().restoreClient();
    const keys = saved!.clientState.queries.map((query) => query.queryKey[0]);
    expect(keys).toEqual(['reports']);
  });

  it('a new app version drops the saved copy instead of reading an old shape', async () => {
    await savedClient('v1');
    const after = createManagerQueryClient();
    await persistQueryClientRestore({ queryClient: after, ...managerPersistOptions('v2') });
    expect(dehydrate(after).queries).toEqual([]);
    expect(await createIdbPersister().restoreClient()).toBeUndefined();
  });
});
