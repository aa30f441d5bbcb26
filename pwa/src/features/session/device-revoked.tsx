import { ShieldOff } from 'lucide-react';
import { Notice } from '../../ui/notice.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { PairingForm } from './pairing-form.tsx';
import { ExportUnsynced } from './export-unsynced.tsx';
import { SetupTablet } from './setup-tablet.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * A manager revoked this tablet, or the server no longer knows its token (its database was
 * reset): it cannot sync. Its unsynced changes stay on it (S7): export
 * them for a manager, or pair the tablet again (same venue: the changes then sync as usual).
 */
export function DeviceRevoked({ managerSignedIn }: { managerSignedIn: boolean }) {
  const intl = useIntl();
  const sync = useSyncStatus();
  return (
    <SetupTablet
      current="pair"
      panelLabel={intl.formatMessage({
        id: 'session.deviceRevoked.deviceRevoked',
        defaultMessage: 'Device revoked',
      })}
    >
      <div className="flex flex-col gap-5">
        <Notice
          tone="danger"
          title={
            sync.block?.kind === 'not_paired'
              ? intl.formatMessage({
                  id: 'session.deviceRevoked.theServerNoLonger',
                  defaultMessage: 'The server no longer knows this tablet',
                })
              : intl.formatMessage({
                  id: 'session.deviceRevoked.thisTabletWasRevoked',
                  defaultMessage: 'This tablet was revoked',
                })
          }
        >
          <span className="inline-flex items-start gap-2">
            <ShieldOff aria-hidden className="mt-0.5 size-5 shrink-0" />
            {sync.error ?? (
              <FormattedMessage
                id="session.deviceRevoked.aManagerRevokedThis"
                defaultMessage="A manager revoked this device, so it cannot sync."
              />
            )}
            {sync.pending > 0 ? (
              <FormattedMessage
                id="session.deviceRevoked.unsyncedChangeSAre"
                defaultMessage=" {pending} unsynced change(s) are kept on it."
                values={{ pending: sync.pending }}
              />
            ) : (
              <FormattedMessage
                id="session.deviceRevoked.nothingUnsyncedIsLeft"
                defaultMessage=" Nothing unsynced is left on it."
              />
            )}
          </span>
        </Notice>
        {sync.pending > 0 ? (
          <ExportUnsynced pending={sync.pending} managerSignedIn={managerSignedIn} />
        ) : null}
        <PairingForm />
      </div>
    </SetupTablet>
  );
}
