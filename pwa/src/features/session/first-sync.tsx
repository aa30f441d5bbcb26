import { CircleCheck, LoaderCircle } from 'lucide-react';
import { Notice } from '../../ui/notice.tsx';
import { useConnectivity } from '../../lib/connectivity.ts';
import type { DeviceIdentity } from '../../data/meta.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { SetupTablet } from './setup-tablet.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/** Paired, waiting for the first pull to bring the venue, its staff, tables and menu. */
export function FirstSync({ device }: { device: DeviceIdentity }) {
  const intl = useIntl();
  const connection = useConnectivity();
  const sync = useSyncStatus();
  return (
    <SetupTablet
      current="sign-in"
      panelLabel={intl.formatMessage({
        id: 'session.firstSync.devicePaired',
        defaultMessage: 'Device paired',
      })}
    >
      <div role="status" className="flex flex-col items-start gap-3">
        <CircleCheck aria-hidden className="size-10 text-ok" />
        <h2 className="text-xl font-bold">
          <FormattedMessage
            id="session.firstSync.pairedWith"
            defaultMessage="Paired with {name}"
            values={{ name: device.venue.name }}
          />
        </h2>
        <p className="inline-flex items-center gap-2 text-base text-ink-muted">
          <LoaderCircle aria-hidden className="size-5 animate-spin" />
          <FormattedMessage
            id="session.firstSync.loadingVenueData"
            defaultMessage="Loading the venue's staff, tables and menu onto this tablet…"
          />
        </p>
        {connection.reachability === 'offline' ? (
          <Notice
            tone="warn"
            title={intl.formatMessage({
              id: 'session.firstSync.offline',
              defaultMessage: 'Offline',
            })}
          >
            <FormattedMessage
              id="session.firstSync.theFirstLoadNeeds"
              defaultMessage="The first load needs the server. It continues by itself when the connection is back."
            />
          </Notice>
        ) : sync.error ? (
          <Notice
            tone="danger"
            title={intl.formatMessage({
              id: 'session.firstSync.couldNotLoadThe',
              defaultMessage: 'Could not load the venue yet',
            })}
          >
            {sync.error}
          </Notice>
        ) : null}
      </div>
    </SetupTablet>
  );
}
