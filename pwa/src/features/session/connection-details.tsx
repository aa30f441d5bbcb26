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
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../i18n/intl.ts';

/** The status bar's details: what the last health check saw, the server, and this device. */
export function ConnectionDetails() {
  const intl = useIntl();
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
        <FormattedMessage id="session.connectionDetails.connection" defaultMessage="Connection" />
      </Heading>
      <p className="text-base">{describeConnection(connection)}</p>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {sync.paired ? (
          <>
            <Row
              label={intl.formatMessage({
                id: 'session.connectionDetails.waitingToSync',
                defaultMessage: 'Waiting to sync',
              })}
            >
              {sync.pending}
            </Row>
            <Row
              label={intl.formatMessage({
                id: 'session.connectionDetails.lastSync',
                defaultMessage: 'Last sync',
              })}
            >
              {sync.lastSyncedAt === null ? (
                <FormattedMessage id="session.connectionDetails.never" defaultMessage="Never" />
              ) : (
                formatClock(Date.parse(sync.lastSyncedAt))
              )}
            </Row>
            {sync.error ? (
              <Row
                label={intl.formatMessage({
                  id: 'session.connectionDetails.syncProblem',
                  defaultMessage: 'Sync problem',
                })}
              >
                {sync.error}
              </Row>
            ) : null}
            {sync.retryAt ? (
              <Row
                label={intl.formatMessage({
                  id: 'session.connectionDetails.nextTry',
                  defaultMessage: 'Next try',
                })}
              >
                {formatClock(Date.parse(sync.retryAt))}
              </Row>
            ) : null}
          </>
        ) : null}
        {session.device ? (
          <Row
            label={intl.formatMessage({
              id: 'session.connectionDetails.thisDevice',
              defaultMessage: 'This device',
            })}
          >
            <FormattedMessage
              id="session.connectionDetails.letter"
              defaultMessage="{deviceName} (letter {letter})"
              values={{ deviceName: session.device.deviceName, letter: session.device.letter }}
            />
          </Row>
        ) : null}
        {health?.version ? (
          <Row
            label={intl.formatMessage({
              id: 'session.connectionDetails.server',
              defaultMessage: 'Server',
            })}
          >
            {health.version}
          </Row>
        ) : null}
        {health?.databaseMode ? (
          <Row
            label={intl.formatMessage({
              id: 'session.connectionDetails.database',
              defaultMessage: 'Database',
            })}
          >
            {health.databaseMode}
            {health.migrations ? (
              <FormattedMessage
                id="session.connectionDetails.migrations"
                defaultMessage=", migrations {migrations}"
                values={{ migrations: health.migrations }}
              />
            ) : (
              ''
            )}
          </Row>
        ) : null}
        {health?.paymentsMode ? (
          <Row
            label={intl.formatMessage({
              id: 'session.connectionDetails.payments',
              defaultMessage: 'Payments',
            })}
          >
            {health.paymentsMode}
          </Row>
        ) : null}
        <Row
          label={intl.formatMessage({
            id: 'session.connectionDetails.storage',
            defaultMessage: 'Storage',
          })}
        >
          {describeStorage(storage)}
        </Row>
        <Row
          label={intl.formatMessage({ id: 'session.connectionDetails.app', defaultMessage: 'App' })}
        >
          {__APP_VERSION__}
        </Row>
      </dl>

      <Button variant="secondary" isPending={checking} onPress={() => void checkNow()}>
        <RefreshCw aria-hidden className={checking ? 'size-5 animate-spin' : 'size-5'} />
        {sync.paired ? (
          <FormattedMessage
            id="session.connectionDetails.checkAndSyncNow"
            defaultMessage="Check and sync now"
          />
        ) : (
          <FormattedMessage id="session.connectionDetails.checkNow" defaultMessage="Check now" />
        )}
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
    connection.lastCheckedAt === null
      ? ''
      : intl.formatMessage(
          { id: 'session.connectionDetails.checked', defaultMessage: ' (checked {lastCheckedAt})' },
          { lastCheckedAt: formatClock(connection.lastCheckedAt) },
        );
  switch (connection.reachability) {
    case 'checking':
      return intl.formatMessage({
        id: 'session.connectionDetails.checkingTheConnectionTo',
        defaultMessage: 'Checking the connection to the server…',
      });
    case 'online':
      return intl.formatMessage(
        {
          id: 'session.connectionDetails.onlineTheServerAnswered',
          defaultMessage: 'Online: the server answered{checked}.',
        },
        { checked },
      );
    case 'server-trouble':
      return intl.formatMessage(
        {
          id: 'session.connectionDetails.serverProblemWorkContinues',
          defaultMessage:
            'Server problem{checked}. {value} Work continues on this device and syncs when the server is back.',
        },
        { checked, value: connection.problem ?? '' },
      );
    case 'offline': {
      const lastReached =
        connection.lastReachedAt === null
          ? ''
          : intl.formatMessage(
              {
                id: 'session.connectionDetails.lastReachedAt',
                defaultMessage: ' Last reached at {lastReachedAt}.',
              },
              { lastReachedAt: formatClock(connection.lastReachedAt) },
            );
      return intl.formatMessage(
        {
          id: 'session.connectionDetails.offlineWorkContinuesOn',
          defaultMessage:
            'Offline{checked}. {value}{lastReached} Work continues on this device and syncs when the connection is back.',
        },
        { checked, value: connection.problem ?? '', lastReached },
      );
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
      parts.push(
        intl.formatMessage(
          {
            id: 'session.connectionDetails.persistenceRequestFailed',
            defaultMessage: 'persistence request failed: {error}',
          },
          { error: persistence.error },
        ),
      );
      break;
    case undefined:
      parts.push('checking…');
  }
  if (estimate?.kind === 'known') {
    parts.push(
      intl.formatMessage(
        {
          id: 'session.connectionDetails.ofUsed',
          defaultMessage: '{usageBytes} of {quotaBytes} used',
        },
        {
          usageBytes: formatBytes(estimate.usageBytes),
          quotaBytes: formatBytes(estimate.quotaBytes),
        },
      ),
    );
  } else if (estimate?.kind === 'failed') {
    parts.push(
      intl.formatMessage(
        { id: 'session.connectionDetails.usageUnknown', defaultMessage: 'usage unknown: {error}' },
        { error: estimate.error },
      ),
    );
  }
  return parts.join('; ');
}
