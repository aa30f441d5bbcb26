import { CircleCheck, LoaderCircle } from 'lucide-react';
import { Notice } from '../../ui/notice.tsx';
import { useConnectivity } from '../../lib/connectivity.ts';
import type { DeviceIdentity } from '../../data/meta.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { SetupTablet } from './setup-tablet.tsx';

/** Paired, waiting for the first pull to bring the venue, its staff, tables and menu. */
export function FirstSync({ device }: { device: DeviceIdentity }) {
  const connection = useConnectivity();
  const sync = useSyncStatus();
  return (
    <SetupTablet current="sign-in" panelLabel="Device paired">
      <div role="status" className="flex flex-col items-start gap-3">
        <CircleCheck aria-hidden className="size-10 text-ok" />
        <h2 className="text-xl font-bold">Paired with {device.venue.name}</h2>
        <p className="inline-flex items-center gap-2 text-base text-ink-muted">
          <LoaderCircle aria-hidden className="size-5 animate-spin" />
          Loading the venue&apos;s staff, tables and menu onto this tablet…
        </p>
        {connection.reachability === 'offline' ? (
          <Notice tone="warn" title="Offline">
            The first load needs the server. It continues by itself when the connection is back.
          </Notice>
        ) : sync.error ? (
          <Notice tone="danger" title="Could not load the venue yet">
            {sync.error}
          </Notice>
        ) : null}
      </div>
    </SetupTablet>
  );
}
