import type { UseQueryResult } from '@tanstack/react-query';
import { History, LoaderCircle, RefreshCw } from 'lucide-react';
import { classify, describeFailure } from '../api/server-call.ts';
import { formatDateTime } from '../lib/format.ts';
import { Button } from './button.tsx';
import { Notice } from './notice.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

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
  const intl = useIntl();
  return (
    <Notice
      tone="danger"
      title={intl.formatMessage(
        { id: 'ui.queryState.couldNotLoad', defaultMessage: 'Could not load {what}' },
        { what },
      )}
      action={
        <Button
          variant="secondary"
          isPending={query.isFetching}
          onPress={() => void query.refetch()}
        >
          <RefreshCw aria-hidden className="size-5" />
          <FormattedMessage id="ui.queryState.tryAgain" defaultMessage="Try again" />
        </Button>
      }
    >
      {describeError(query.error)}
    </Notice>
  );
}

/** Offline, and nothing saved on this device to show instead. */
export function OfflineNotice({ what }: { what: string }) {
  const intl = useIntl();
  return (
    <Notice
      tone="warn"
      title={intl.formatMessage({ id: 'ui.queryState.offline', defaultMessage: 'Offline' })}
    >
      <FormattedMessage
        id="ui.queryState.thisDeviceCannotReach"
        defaultMessage="This device cannot reach the server and has no saved copy of {what}. It loads as soon as the server is reachable again."
        values={{ what }}
      />
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
  const why = refreshFailed ? (
    <FormattedMessage
      id="ui.queryState.refreshFailed"
      defaultMessage="The refresh failed: {reason}"
      values={{ reason: describeError(query.error) }}
    />
  ) : waiting ? (
    <FormattedMessage
      id="ui.queryState.offlineRefreshLater"
      defaultMessage="This device is offline; it refreshes when the server is reachable again."
    />
  ) : (
    <FormattedMessage id="ui.queryState.refreshing" defaultMessage="Refreshing from the server…" />
  );
  return (
    <div
      role="status"
      data-cached="true"
      className="flex items-start gap-3 rounded-control border-l-4 border-warn bg-warn-soft p-3 text-warn-ink"
    >
      <History aria-hidden className="mt-0.5 size-5 shrink-0" />
      <p className="text-base">
        <FormattedMessage
          id="ui.queryState.cachedCopyFrom"
          defaultMessage="<strong>Cached copy from {when}.</strong> {why}"
          values={{
            when,
            why,
            strong: (chunks) => <span className="font-semibold">{chunks}</span>,
          }}
        />
      </p>
    </div>
  );
}
