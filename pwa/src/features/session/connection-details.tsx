import { RefreshCw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Dialog, Heading } from 'react-aria-components';
import {
  connectivity,
  useConnectivity,
  type ConnectivitySnapshot,
} from '../../lib/connectivity.ts';
import { formatBytes, formatClock } from '../../lib/format.ts';
import { useStorageHealth, type StorageHealth } from '../../lib/persist-storage.ts';
import { ExportUnsynced } from './export-unsynced.tsx';
import { ImportUnsynced } from './import-unsynced.tsx';
import { useSession } from '../../session/use-session.ts';
import { syncNow } from '../../sync/device-sync.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';

/** The status bar's details: what the last health check saw, the server, and this device. */
export function ConnectionDetails() {
  const connection = useConnectivity();
  const storage = useStorageHealth();
  const sync = useSyncStatus();
  const session = useSession();
  const [checking, setChecking] = useState(false);
  const manager = session.staff?.role === 'manager' || session.staff?.role === 'owner';

  async function checkNow() {
    setChecking(true);
    try {
      await connectivity.checkNow();
      if (sync.paired) await syncNow();
    } finally {
      setChecking(false);
    }
  }

  const health = connection.health;
  return (
    <Dialog className="flex flex-col gap-4 p-5 outline-none">
      <Heading slot="title" className="text-xl font-bold">
        Connection
      </Heading>
      <p className="text-base">{describeConnection(connection)}</p>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {sync.paired ? (
          <>
            <Row label="Waiting to sync">{sync.pending}</Row>
            <Row label="Last sync">
              {sync.lastSyncedAt === null ? 'Never' : formatClock(Date.parse(sync.lastSyncedAt))}
            </Row>
            {sync.error ? <Row label="Sync problem">{sync.error}</Row> : null}
            {sync.retryAt ? (
              <Row label="Next try">{formatClock(Date.parse(sync.retryAt))}</Row>
            ) : null}
          </>
        ) : null}
        {session.device ? (
          <Row label="This device">
            {session.device.deviceName} (letter {session.device.letter})
          </Row>
        ) : null}
        {health?.version ? <Row label="Server">{health.version}</Row> : null}
        {health?.databaseMode ? (
          <Row label="Database">
            {health.databaseMode}
            {health.migrations ? `, migrations ${health.migrations}` : ''}
          </Row>
        ) : null}
        {health?.paymentsMode ? <Row label="Payments">{health.paymentsMode}</Row> : null}
        <Row label="Storage">{describeStorage(storage)}</Row>
        <Row label="App">{__APP_VERSION__}</Row>
      </dl>

      <Button variant="secondary" isPending={checking} onPress={() => void checkNow()}>
        <RefreshCw aria-hidden className={checking ? 'size-5 animate-spin' : 'size-5'} />
        {sync.paired ? 'Check and sync now' : 'Check now'}
      </Button>
      {sync.paired && sync.pending > 0 ? (
        <ExportUnsynced pending={sync.pending} managerSignedIn={manager} />
      ) : null}
      {manager && session.status === 'signed-in' ? <ImportUnsynced /> : null}
    </Dialog>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

export function describeConnection(connection: ConnectivitySnapshot): string {
  const checked =
    connection.lastCheckedAt === null ? '' : ` (checked ${formatClock(connection.lastCheckedAt)})`;
  switch (connection.reachability) {
    case 'checking':
      return 'Checking the connection to the server…';
    case 'online':
      return `Online: the server answered${checked}.`;
    case 'server-trouble':
      return `Server problem${checked}. ${connection.problem ?? ''} Work continues on this device and syncs when the server is back.`;
    case 'offline': {
      const lastReached =
        connection.lastReachedAt === null
          ? ''
          : ` Last reached at ${formatClock(connection.lastReachedAt)}.`;
      return `Offline${checked}. ${connection.problem ?? ''}${lastReached} Work continues on this device and syncs when the connection is back.`;
    }
  }
}

export function describeStorage({ persistence, estimate }: StorageHealth): string {
  const parts: string[] = [];
  switch (persistence?.kind) {
    case 'persisted':
      parts.push('kept (persistent)');
      break;
    case 'not-granted':
      parts.push('not persistent: the browser may clear it when space runs low');
      break;
    case 'unsupported':
      parts.push('persistence not supported by this browser');
      break;
    case 'failed':
      parts.push(`persistence request failed: ${persistence.error}`);
      break;
    case undefined:
      parts.push('checking…');
  }
  if (estimate?.kind === 'known') {
    parts.push(`${formatBytes(estimate.usageBytes)} of ${formatBytes(estimate.quotaBytes)} used`);
  } else if (estimate?.kind === 'failed') {
    parts.push(`usage unknown: ${estimate.error}`);
  }
  return parts.join('; ');
}
