import { describe, expect, it, vi } from 'vitest';
import {
  createStorageHealthStore,
  estimateStorage,
  requestPersistence,
  storageWarning,
} from './persist-storage.ts';

function fakeStorage(overrides: Partial<Record<'persist' | 'persisted' | 'estimate', unknown>>) {
  return {
    persist: vi.fn(async () => true),
    persisted: vi.fn(async () => false),
    estimate: vi.fn(async () => ({ usage: 1_000, quota: 100_000 })),
    ...overrides,
  } as unknown as StorageManager &
    Record<'persist' | 'persisted' | 'estimate', ReturnType<typeof vi.fn>>;
}

describe('persistent storage', () => {
  it('[S7] asks the browser to keep the data, and reports a refusal as not granted', async () => {
    const storage = fakeStorage({ persist: vi.fn(async () => false) });
    expect(await requestPersistence(storage)).toEqual({ kind: 'not-granted' });
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when storage is already persistent', async () => {
    const storage = fakeStorage({ persisted: vi.fn(async () => true) });
    expect(await requestPersistence(storage)).toEqual({ kind: 'persisted' });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('surfaces a failing request with its message instead of swallowing it', async () => {
    const storage = fakeStorage({
      persist: vi.fn(async () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }),
    });
    const persistence = await requestPersistence(storage);
    expect(persistence).toEqual({
      kind: 'failed',
      error: 'SecurityError: The operation is insecure.',
    });
    expect(storageWarning({ persistence, estimate: null })).toBe(
      "Could not ask to keep this device's data: SecurityError: The operation is insecure.",
    );
  });

  it('reports a browser without the API as unsupported', async () => {
    expect(await requestPersistence(undefined)).toEqual({ kind: 'unsupported' });
    expect(await estimateStorage(undefined)).toEqual({ kind: 'unsupported' });
  });

  it('warns when storage is nearly full, and not before', async () => {
    const nearlyFull = await estimateStorage(
      fakeStorage({ estimate: vi.fn(async () => ({ usage: 85, quota: 100 })) }),
    );
    expect(storageWarning({ persistence: { kind: 'persisted' }, estimate: nearlyFull })).toBe(
      'Storage 85 % full',
    );
    const roomy = await estimateStorage(fakeStorage({}));
    expect(storageWarning({ persistence: { kind: 'persisted' }, estimate: roomy })).toBeNull();
  });

  it('surfaces a failing estimate', async () => {
    const estimate = await estimateStorage(
      fakeStorage({
        estimate: vi.fn(async () => {
          throw new Error('quota manager unavailable');
        }),
      }),
    );
    expect(storageWarning({ persistence: null, estimate })).toBe(
      'Could not check storage: Error: quota manager unavailable',
    );
  });

  it('the store asks for persistence once however often it refreshes, and tells subscribers', async () => {
    const storage = fakeStorage({});
    const store = createStorageHealthStore(() => storage);
    const listener = vi.fn();
    store.subscribe(listener);
    await store.refresh();
    await store.refresh();
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(storage.estimate).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot()).toEqual({
      persistence: { kind: 'persisted' },
      estimate: { kind: 'known', usageBytes: 1_000, quotaBytes: 100_000 },
    });
  });
});
