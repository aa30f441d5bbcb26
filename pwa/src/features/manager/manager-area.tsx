import { onlineManager } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LoadingBlock } from '../../ui/query-state.tsx';
import { LinkButton } from '../../ui/link-button.tsx';
import { connectivity } from '../../lib/connectivity.ts';
import { createManagerQueryClient, managerPersistOptions } from '../../lib/query-persist.ts';
import { SignedIn, type SignedInSession } from '../session/index.ts';
import { ROLE_LABELS } from './manager-api.ts';
import { ManagerContext, type ManagerIdentity } from './manager-context.ts';
import { ManagerLayout } from './manager-layout.tsx';
import { NeedsManager } from './needs-manager.tsx';
import { SystemStatus } from './system-status.tsx';

// Each section is its own chunk: opening the reports does not load the menu editor, and chart.js
// loads with the reports only.
const ReportsScreen = lazy(() => import('./reports/reports-screen.tsx'));
const PaymentsScreen = lazy(() => import('./payments/payments-screen.tsx'));
const MenuScreen = lazy(() => import('./menu/menu-screen.tsx'));
const TablesScreen = lazy(() => import('./tables/tables-screen.tsx'));
const QrSheet = lazy(() => import('./tables/qr-sheet.tsx'));
const StaffScreen = lazy(() => import('./staff/staff-screen.tsx'));
const DevicesScreen = lazy(() => import('./devices/devices-screen.tsx'));
const VenueScreen = lazy(() => import('./venue/venue-screen.tsx'));
const AuditScreen = lazy(() => import('./audit/audit-screen.tsx'));

const queryClient = createManagerQueryClient();
const persistOptions = managerPersistOptions(`${__APP_VERSION__}`);

// react-query pauses reads while the server is unreachable (and resumes them when it is back),
// judged by the same probe as the status bar rather than by navigator.onLine.
onlineManager.setEventListener((setOnline) =>
  connectivity.subscribe(() => setOnline(connectivity.getSnapshot().reachability !== 'offline')),
);

/**
 * `/manager/*`: reports and the back office. Only a signed-in manager or owner gets past the
 * gate; anyone else is told plainly that this needs a manager (the server refuses them anyway).
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
    <ManagerContext.Provider value={identity}>
      <ManagerLayout onLock={session.lock}>
        <Suspense fallback={<LoadingBlock label="Opening…" />}>
          <ManagerRoutes />
        </Suspense>
      </ManagerLayout>
    </ManagerContext.Provider>
  );
}

function ManagerRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsScreen />} />
      <Route path="payments" element={<PaymentsScreen />} />
      <Route path="menu" element={<MenuScreen />} />
      <Route path="tables" element={<TablesScreen />} />
      <Route path="tables/qr" element={<QrSheet />} />
      <Route path="staff" element={<StaffScreen />} />
      <Route path="devices" element={<DevicesScreen />} />
      <Route path="venue" element={<VenueScreen />} />
      <Route path="audit" element={<AuditScreen />} />
      <Route path="system" element={<SystemStatus />} />
      <Route path="*" element={<NoSuchScreen />} />
    </Routes>
  );
}

function NoSuchScreen(): ReactNode {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">No manager screen at this address</h1>
      <LinkButton to="/manager" variant="secondary">
        Back to the reports
      </LinkButton>
    </div>
  );
}
