import { ShieldOff } from 'lucide-react';
import { Notice } from '../../ui/notice.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { PairingForm } from './pairing-form.tsx';
import { ExportUnsynced } from './export-unsynced.tsx';
import { SetupTablet } from './setup-tablet.tsx';

/**
 * A manager revoked this tablet, or the server no longer knows its token (its database was
 * reset): it cannot sync. Its unsynced changes stay on it (S7): export
 * them for a manager, or pair the tablet again (same venue: the changes then sync as usual).
 */
export function DeviceRevoked({ managerSignedIn }: { managerSignedIn: boolean }) {
  const sync = useSyncStatus();
  return (
    <SetupTablet current="pair" panelLabel="Device revoked">
      <div className="flex flex-col gap-5">
        <Notice
          tone="danger"
          title={
            sync.block?.kind === 'not_paired'
              ? 'The server no longer knows this tablet'
              : 'This tablet was revoked'
          }
        >
          <span className="inline-flex items-start gap-2">
            <ShieldOff aria-hidden className="mt-0.5 size-5 shrink-0" />
            {sync.error ?? 'A manager revoked this device, so it cannot sync.'}{' '}
            {sync.pending > 0
              ? `${sync.pending} unsynced change(s) are kept on it.`
              : 'Nothing unsynced is left on it.'}
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
