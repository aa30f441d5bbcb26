import { FormattedMessage } from 'react-intl';

/** Shown for the moment the first screen's code is being fetched (entry chunk, no UI library). */
export function AppLoading() {
  return (
    <div role="status" className="flex min-h-dvh flex-col items-center justify-center gap-3">
      <img src="/icons/icon.svg" alt="" className="size-16" />
      <p className="text-lg font-semibold text-ink-muted">
        <FormattedMessage id="app.loading" defaultMessage="Loading Servio…" />
      </p>
    </div>
  );
}
