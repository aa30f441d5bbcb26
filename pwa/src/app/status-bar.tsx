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

/** Route `handle` field naming the part of the app, shown next to the brand ("Kitchen"). */
export interface AreaHandle {
  area: string;
}

function isAreaHandle(handle: unknown): handle is AreaHandle {
  return typeof handle === 'object' && handle !== null && 'area' in handle;
}

const reachabilityView: Record<Reachability, { label: string; icon: LucideIcon; pill: string }> = {
  checking: { label: 'Checking…', icon: LoaderCircle, pill: 'bg-bar-raised text-bar-ink' },
  online: { label: 'Online', icon: Wifi, pill: 'bg-ok text-white' },
  'server-trouble': { label: 'Server problem', icon: ServerCrash, pill: 'bg-warn text-white' },
  offline: { label: 'Offline', icon: WifiOff, pill: 'bg-danger text-white' },
};

/**
 * The bar across the top of every staff screen. It only states what is known: connection
 * (from asking the server, not from navigator.onLine), sync progress when a sync client reports
 * it, storage trouble when there is any, and the time. Tapping the connection opens the details.
 */
export function StatusBar() {
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
        <span className="text-lg font-bold">Servio</span>
        {area ? (
          <span className="truncate text-base text-bar-muted max-sm:hidden">· {area}</span>
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
            aria-label={`Connection: ${view.label}. Show details`}
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
      : `last sync ${formatClock(Date.parse(sync.lastSyncedAt))}`;
  const waiting = sync.pending === 1 ? '1 change waiting' : `${sync.pending} changes waiting`;
  if (sync.block) {
    return (
      <span
        role="status"
        className="flex items-center gap-1.5 text-sm font-semibold text-warn-soft"
      >
        <CloudAlert aria-hidden className="size-5 shrink-0" />
        Sync stopped{sync.pending > 0 ? ` · ${waiting}` : ''}
      </span>
    );
  }
  if (sync.connection === 'syncing') {
    return (
      <span role="status" className="flex items-center gap-1.5 text-sm text-bar-muted">
        <RefreshCw aria-hidden className="size-5 shrink-0 animate-spin" />
        Syncing…{sync.pending > 0 ? ` ${waiting}` : ''}
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
        <span className="font-normal text-bar-muted max-md:hidden">· {last}</span>
      </span>
    );
  }
  return (
    <span role="status" className="flex items-center gap-1.5 text-sm text-bar-muted">
      <CloudCheck aria-hidden className="size-5 shrink-0" />
      All synced
      <span className="max-md:hidden">· {last}</span>
    </span>
  );
}
