import { lazy, Suspense, useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { connectivity } from '../lib/connectivity.ts';
import { storageHealth } from '../lib/persist-storage.ts';
import { UpdateGateProvider } from '../pwa/update-gate.tsx';

// Loaded after the first screen: registering the service worker is not on the critical path.
const UpdatePrompt = lazy(() =>
  import('../pwa/update-prompt.tsx').then((module) => ({ default: module.UpdatePrompt })),
);

/**
 * Wraps every screen. Staff devices get connection monitoring, persistent storage and the service
 * worker with its update prompt. A customer's phone on a table's pay page (`/t/…`) gets none of
 * them: it is online by definition, must not download the whole tablet app for offline use over
 * mobile data, and must never see staff messages.
 */
export function RootLayout() {
  const customer = useLocation().pathname.startsWith('/t/');
  useEffect(() => (customer ? undefined : connectivity.start({ window, document })), [customer]);
  useEffect(() => {
    if (!customer) void storageHealth.refresh();
  }, [customer]);

  return (
    <UpdateGateProvider>
      <Outlet />
      {customer ? null : (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
    </UpdateGateProvider>
  );
}
