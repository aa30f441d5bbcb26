import { onlineManager } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useMemo } from 'react';
import { Outlet } from 'react-router';
import { ServerQueryProvider } from '../../api/query.ts';
import { trpc } from '../../api/trpc.ts';
import { connectivity } from '../../lib/connectivity.ts';
import { createManagerQueryClient, managerPersistOptions } from '../../lib/query-persist.ts';
import { SignedIn, type SignedInSession } from '../session/index.ts';
import { ROLE_LABELS } from './manager-api.ts';
import { ManagerContext, type ManagerIdentity } from './manager-context.ts';
import { ManagerLayout } from './manager-layout.tsx';
import { NeedsManager } from './needs-manager.tsx';

export { NoSuchScreen } from './no-such-screen.tsx';
export { SystemStatus } from './system/system-status.tsx';

const queryClient = createManagerQueryClient();
const persistOptions = managerPersistOptions(`${__APP_VERSION__}`);

// react-query pauses reads while the server is unreachable (and resumes them when it is back),
// judged by the same probe as the status bar rather than by navigator.onLine.
onlineManager.setEventListener((setOnline) =>
  connectivity.subscribe(() => setOnline(connectivity.getSnapshot().reachability !== 'offline')),
);

/**
 * `/manager`: reports and the back office, the layout route of the manager's screens
 * (features/manager/routes.tsx). Only a signed-in manager or owner gets past the gate; anyone
 * else is told plainly that this needs a manager (the server refuses them anyway).
 */
export function ManagerArea() {
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
      {/* Pairing and the staff PIN sign-in come first, as on every tablet screen. */}
      <SignedIn>{(session) => <ManagerGate session={session} />}</SignedIn>
    </PersistQueryClientProvider>
  );
}

function ManagerGate({ session }: { session: SignedInSession }) {
  const { staff, device, venue } = session;
  const identity = useMemo<ManagerIdentity | null>(
    () =>
      staff.role === 'manager' || staff.role === 'owner'
        ? {
            venueId: device.venue.id,
            venueName: venue.name,
            staff: { id: staff.id, name: staff.name, role: staff.role },
          }
        : null,
    [staff, device, venue],
  );

  if (!identity) {
    return (
      <NeedsManager name={staff.name} role={ROLE_LABELS[staff.role]} onSwitchUser={session.lock} />
    );
  }
  return (
    // Every query key starts with the venue, so one venue's saved reports never show on
    // another's screens.
    <ServerQueryProvider trpcClient={trpc} queryClient={queryClient} keyPrefix={identity.venueId}>
      <ManagerContext.Provider value={identity}>
        <ManagerLayout onLock={session.lock}>
          <Outlet />
        </ManagerLayout>
      </ManagerContext.Provider>
    </ServerQueryProvider>
  );
}
