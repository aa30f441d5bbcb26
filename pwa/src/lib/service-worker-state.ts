import { useSyncExternalStore } from 'react';

/**
 * Whether a service worker controls this page, i.e. whether the app shell is stored on this
 * device and the screens open without a network.
 */
export type OfflineCopy = 'installed' | 'not-installed' | 'unsupported';

function read(): OfflineCopy {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  return navigator.serviceWorker.controller ? 'installed' : 'not-installed';
}

function subscribe(listener: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  navigator.serviceWorker.addEventListener('controllerchange', listener);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
}

export function useOfflineCopy(): OfflineCopy {
  return useSyncExternalStore(subscribe, read);
}
