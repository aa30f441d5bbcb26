import { Outlet } from 'react-router';
import { ManagerApprovalProvider } from './manager-approval.tsx';
import { PosProvider } from './pos-context.tsx';
import { FeedbackRegion } from './toast.tsx';
import { SignedIn } from '../session/index.ts';

/**
 * Every tablet and kitchen screen sits behind the session gate (pairing, first sync, staff PIN)
 * and shares one set of providers: the venue and person, manager approval, and the feedback
 * toasts. Kept above the screens so moving between floor, order and payment never restarts
 * the sync client or drops a message on screen.
 */
export function PosLayout() {
  return (
    <SignedIn>
      {({ venue, staff }) => (
        <PosProvider venue={venue} staff={staff}>
          <ManagerApprovalProvider>
            <Outlet />
            <FeedbackRegion />
          </ManagerApprovalProvider>
        </PosProvider>
      )}
    </SignedIn>
  );
}
