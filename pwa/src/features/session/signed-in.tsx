import type { StaffRow, VenueRow } from '@servio/shared';
import type { ReactNode } from 'react';
import { databaseWatch } from '../../data/db.ts';
import type { DeviceIdentity } from '../../data/meta.ts';
import { useDatabaseState } from '../../data/upgrade-guard.ts';
import { AppLoading } from '../../ui/app-loading.tsx';
import { PairingForm } from './pairing-form.tsx';
import { DeviceRevoked } from './device-revoked.tsx';
import { FirstSync } from './first-sync.tsx';
import { ReloadNeeded } from './reload-needed.tsx';
import { SetupTablet } from './setup-tablet.tsx';
import { StaffSignIn } from './staff-sign-in.tsx';
import { useDeviceSync } from '../../sync/use-sync-status.ts';
import { useSession, type Session } from '../../session/use-session.ts';
import { intl } from '../../i18n/intl.ts';

/** The session once someone is signed in: venue and staff are always there. */
export interface SignedInSession extends Session {
  status: 'signed-in';
  device: DeviceIdentity;
  venue: VenueRow;
  staff: StaffRow;
}

/**
 * The gate in front of every tablet screen: pairing until the device is paired, the first
 * load until the venue has arrived, the staff sign-in while locked; the screen once someone
 * is signed in. While the device is paired the sync client runs, whatever is on screen.
 */
export function SignedIn({
  children,
}: {
  children: ReactNode | ((session: SignedInSession) => ReactNode);
}) {
  const session = useSession();
  const database = useDatabaseState(databaseWatch);
  useDeviceSync(session.device !== null && database.kind === 'open');

  if (database.kind === 'reload-needed') return <ReloadNeeded message={database.message} />;
  switch (session.status) {
    case 'loading':
      return <AppLoading />;
    case 'unpaired':
      return (
        <SetupTablet
          current="pair"
          panelLabel={intl.formatMessage({
            id: 'session.signedIn.pairThisDevice',
            defaultMessage: 'Pair this device',
          })}
        >
          <PairingForm />
        </SetupTablet>
      );
    case 'locked':
    case 'signed-in':
      if (session.deviceRevoked) {
        return (
          <DeviceRevoked
            managerSignedIn={session.staff?.role === 'manager' || session.staff?.role === 'owner'}
          />
        );
      }
      if (!session.venue) return <FirstSync device={session.device!} />;
      if (session.status === 'locked') return <StaffSignIn session={session} />;
      return typeof children === 'function' ? children(session as SignedInSession) : children;
  }
}
