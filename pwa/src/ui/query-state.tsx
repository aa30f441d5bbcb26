import type { UseQueryResult } from '@tanstack/react-query';
import { History, LoaderCircle, RefreshCw } from 'lucide-react';
import { classify, describeFailure } from '../api/server-call.ts';
import { formatDateTime } from '../lib/format.ts';
import { Button } from './button.tsx';
import { Notice } from './notice.tsx';

/** When this page was loaded: data fetched before it came from the saved copy on disk. */
const pageLoadedAt = Date.now();

/** What went wrong with a server call, in the words a manager needs (tRPC errors classified). */
export function describeError(error: unknown, path = 'the server'): string {
  return describeFailure(classify(error, path));
}

export function LoadingBlock({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center gap-3 p-4 text-base text-ink-muted">
      <LoaderCircle aria-hidden className="size-6 animate-spin" />
      {label}
    </div>
  );
}

/** A failed read with no data to show: the reason, and a way to try again. */
export function QueryErrorNotice({
  query,
  what,
}: {
  query: Pick<UseQueryResult<unknown, unknown>, 'error' | 'refetch' | 'isFetching'>;
  what: string;
}) {
  return (
    <Notice
      tone="danger"
      title={`Could not load ${what}`}
      action={
        <Button
          variant="secondary"
          isPending={query.isFetching}
          onPress={() => void query.refetch()}
        >
          <RefreshCw aria-hidden className="size-5" />
          Try again
        </Button>
      }
    >
      {describeError(query.error)}
    </Notice>
  );
}

/** Offline, and nothing saved on this device to show instead. */
export function OfflineNotice({ what }: { what: string }) {
  return (
    <Notice tone="warn" title="Offline">
      This device cannot reach the server and has no saved copy of {what}. It loads as soon as the
      server is reachable again.
    </Notice>
  );
}

/**
 * Says when the figures on screen are not a fresh answer from the server: a copy saved on this
 * device (shown offline, or while the refresh is on its way), or an answer the last refresh
 * could not replace.
 */
export function CachedNote({
  query,
}: {
  query: Pick<
    UseQueryResult<unknown, unknown>,
    'data' | 'dataUpdatedAt' | 'isRefetchError' | 'fetchStatus' | 'error'
  >;
}) {
  if (query.data === undefined) return null;
  const saved = query.dataUpdatedAt < pageLoadedAt;
  const refreshFailed = query.isRefetchError;
  const waiting = query.fetchStatus === 'paused';
  if (!saved && !refreshFailed && !waiting) return null;
  const when = formatDateTime(query.dataUpdatedAt);
  const why = refreshFailed
    ? `The refresh failed: ${describeError(query.error)}`
    : waiting
      ? 'This device is offline; it refreshes when the server is reachable again.'
      : 'Refreshing from the server…';
  return (
    <div
      role="status"
      data-cached="true"
      className="flex items-start gap-3 rounded-control border-l-4 border-warn bg-warn-soft p-3 text-warn-ink"
    >
      <History aria-hidden className="mt-0.5 size-5 shrink-0" />
      <p className="text-base">
        <span className="font-semibold">Cached copy from {when}.</span> {why}
      </p>
    </div>
  );
}
