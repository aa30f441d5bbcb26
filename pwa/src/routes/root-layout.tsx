import { lazy, Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { connectivity } from '../lib/connectivity.ts';
import { storageHealth } from '../lib/persist-storage.ts';
import { UpdateGateProvider } from '../pwa/update-gate.tsx';

// Loaded after the first screen: registering the service worker is not on the critical path.
const UpdatePrompt = lazy(() =>
  import('../pwa/update-prompt.tsx').then((module) => ({ default: module.UpdatePrompt })),
);

/** Wraps every screen: connection monitoring, persistent storage, and the update prompt. */
export function RootLayout() {
  useEffect(() => connectivity.start({ window, document }), []);
  useEffect(() => {
    void storageHealth.refresh();
  }, []);

  return (
    <UpdateGateProvider>
      <Outlet />
      <Suspense fallback={null}>
        <UpdatePrompt />
      </Suspense>
    </UpdateGateProvider>
  );
}
