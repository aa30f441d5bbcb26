import {
  CloudAlert,
  CloudCheck,
  CloudUpload,
  HardDrive,
  LoaderCircle,
  RefreshCw,
  ServerCrash,
  Wifi,
  WifiOff,
  type LucideIcon,
} from 'lucide-react';
import { DialogTrigger, Popover } from 'react-aria-components';
import { useMatches } from 'react-router';
import { useNow } from '../lib/clock.ts';
import { useConnectivity, type Reachability } from '../lib/connectivity.ts';
import { formatClock } from '../lib/format.ts';
import { storageWarning, useStorageHealth } from '../lib/persist-storage.ts';
import { useSyncStatus, type SyncStatus } from '../sync/use-sync-status.ts';
import { ConnectionDetails } from '../features/session/index.ts';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/class-names.ts';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { intl } from '../i18n/intl.ts';

/** Route `handle` field naming the part of the app, shown next to the brand ("Kitchen"). */
export interface AreaHandle {
  area: MessageDescriptor;
}

function isAreaHandle(handle: unknown): handle is AreaHandle {
  return typeof handle === 'object' && handle !== null && 'area' in handle;
}

const reachabilityView: Record<Reachability, { label: string; icon: LucideIcon; pill: string }> = {
  checking: {
    label: intl.formatMessage({ id: 'app.statusBar.checking', defaultMessage: 'Checking…' }),
    icon: LoaderCircle,
    pill: 'bg-bar-raised text-bar-ink',
  },
  online: {
    label: intl.formatMessage({ id: 'app.statusBar.online', defaultMessage: 'Online' }),
    icon: Wifi,
    pill: 'bg-ok text-white',
  },
  'server-trouble': {
    label: intl.formatMessage({
      id: 'app.statusBar.serverProblem',
      defaultMessage: 'Server problem',
    }),
    icon: ServerCrash,
    pill: 'bg-warn text-white',
  },
  offline: {
    label: intl.formatMessage({ id: 'app.statusBar.offline', defaultMessage: 'Offline' }),
    icon: WifiOff,
    pill: 'bg-danger text-white',
  },
};

/**
 * The bar across the top of every staff screen. It only states what is known: connection
 * (from asking the server, not from navigator.onLine), sync progress when a sync client reports
 * it, storage trouble when there is any, and the time. Tapping the connection opens the details.
 */
export function StatusBar() {
  const intl = useIntl();
  const matches = useMatches();
  const area = matches.map((match) => match.handle).findLast(isAreaHandle)?.area;
  const connection = useConnectivity();
  const storage = useStorageHealth();
  const sync = useSyncStatus();
  const view = reachabilityView[connection.reachability];
  const warning = storageWarning(storage);

  return (
    <header className="sticky top-0 z-20 flex h-bar items-center gap-3 bg-bar px-3 text-bar-ink sm:px-4">
      <div className="flex min-w-0 items-center gap-2">
        <img src="/icons/icon.svg" alt="" className="size-8 shrink-0" />
        <span className="text-lg font-bold">
          <FormattedMessage id="app.statusBar.servio" defaultMessage="Servio" />
        </span>
        {area ? (
          <span className="truncate text-base text-bar-muted max-sm:hidden">
            <FormattedMessage
              id="app.statusBar.text"
              defaultMessage="· {area}"
              values={{ area: intl.formatMessage(area) }}
            />
          </span>
        ) : null}
      </div>

      <div className="ml-auto flex min-w-0 items-center gap-2">
        {sync.paired ? <SyncSummary sync={sync} /> : null}
        {warning ? (
          <span
            role="status"
            className="flex min-h-touch items-center gap-1.5 rounded-control bg-warn px-3 text-sm font-semibold text-white"
          >
            <HardDrive aria-hidden className="size-5 shrink-0" />
            <span className="max-md:sr-only">{warning}</span>
          </span>
        ) : null}

        <DialogTrigger>
          <Button
            variant="bare"
            aria-label={intl.formatMessage(
              {
                id: 'app.statusBar.connectionShowDetails',
                defaultMessage: 'Connection: {label}. Show details',
              },
              { label: view.label },
            )}
            className={cx('rounded-full! px-3 text-sm!', view.pill)}
          >
            <view.icon
              aria-hidden
              className={cx(
                'size-5 shrink-0',
                connection.reachability === 'checking' && 'animate-spin',
              )}
            />
            {/* Announced when it changes, so a screen-reader user hears "Offline". */}
            <span aria-live="polite">{view.label}</span>
          </Button>
          <Popover
            placement="bottom end"
            offset={8}
            className="max-h-[calc(100dvh-var(--spacing-bar)-1rem)] w-[min(26rem,calc(100vw-1.5rem))] overflow-y-auto rounded-card border border-line bg-surface text-ink shadow-float outline-none"
          >
            <ConnectionDetails />
          </Popover>
        </DialogTrigger>

        <Clock />
      </div>
    </header>
  );
}

/** Its own component so the 5-second tick re-renders only the time. */
function Clock() {
  const now = useNow();
  return (
    <time
      dateTime={new Date(now).toISOString()}
      className="min-w-[4.5ch] text-right text-lg font-semibold tabular-nums max-sm:hidden"
    >
      {formatClock(now)}
    </time>
  );
}

/**
 * The sync state in words: syncing, how many changes wait for the server, when the last sync
 * succeeded, or that sync is stopped. Read from the database, so every tab says the same.
 */
function SyncSummary({ sync }: { sync: SyncStatus }) {
  const last =
    sync.lastSyncedAt === null
      ? 'never synced'
      : intl.formatMessage(
          { id: 'app.statusBar.lastSync', defaultMessage: 'last sync {lastSyncedAt}' },
          { lastSyncedAt: formatClock(Date.parse(sync.lastSyncedAt)) },
        );
  const waiting = intl.formatMessage(
    {
      id: 'app.statusBar.changesWaiting',
      defaultMessage: '{pending, plural, one {# change waiting} other {# changes waiting}}',
    },
    { pending: sync.pending },
  );
  if (sync.block) {
    return (
      <span
        role="status"
        className="flex items-center gap-1.5 text-sm font-semibold text-warn-soft"
      >
        <CloudAlert aria-hidden className="size-5 shrink-0" />
        <FormattedMessage id="app.statusBar.syncStopped" defaultMessage="Sync stopped" />
        {sync.pending > 0 ? (
          <FormattedMessage
            id="app.statusBar.text2"
            defaultMessage=" · {waiting}"
            values={{ waiting }}
          />
        ) : (
          ''
        )}
      </span>
    );
  }
  if (sync.connection === 'syncing') {
    return (
      <span role="status" className="flex items-center gap-1.5 text-sm text-bar-muted">
        <RefreshCw aria-hidden className="size-5 shrink-0 animate-spin" />
        <FormattedMessage id="app.statusBar.syncing" defaultMessage="Syncing…" />
        {sync.pending > 0 ? (
          <FormattedMessage
            id="app.statusBar.text3"
            defaultMessage=" {waiting}"
            values={{ waiting }}
          />
        ) : (
          ''
        )}
      </span>
    );
  }
  if (sync.pending > 0) {
    return (
      <span
        role="status"
        className={cx(
          'flex items-center gap-1.5 text-sm font-semibold',
          sync.error ? 'text-warn-soft' : 'text-bar-ink',
        )}
      >
        <CloudUpload aria-hidden className="size-5 shrink-0" />
        {waiting}
        <span className="font-normal text-bar-muted max-md:hidden">
          <FormattedMessage id="app.statusBar.text4" defaultMessage="· {last}" values={{ last }} />
        </span>
      </span>
    );
  }
  return (
    <span role="status" className="flex items-center gap-1.5 text-sm text-bar-muted">
      <CloudCheck aria-hidden className="size-5 shrink-0" />
      <FormattedMessage id="app.statusBar.allSynced" defaultMessage="All synced" />
      <span className="max-md:hidden">
        <FormattedMessage id="app.statusBar.text4" defaultMessage="· {last}" values={{ last }} />
      </span>
    </span>
  );
}
