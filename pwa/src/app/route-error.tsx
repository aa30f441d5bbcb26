import type { ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * The last line of defence for every route. It lives in the entry chunk, with no UI library,
 * so it still renders when the lazy chunks themselves failed to load.
 */
export function RouteError() {
  const error = useRouteError();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage title="No screen at this address">
        The address {window.location.pathname} does not match any Servio screen.
      </ErrorPage>
    );
  }

  if (isChunkLoadError(error)) {
    return (
      <ErrorPage title="This screen could not be loaded" offerReload>
        Either this device is offline and the screen is not stored on it yet, or a newer version of
        Servio was installed meanwhile. Reload to try again.
      </ErrorPage>
    );
  }

  return (
    <ErrorPage title="Something went wrong" offerReload>
      {error instanceof Error ? error.message : 'An unexpected error stopped this screen.'} Nothing
      saved on this device is lost by reloading.
    </ErrorPage>
  );
}

/** Dynamic import failures, as Chromium, Firefox and Safari word them. */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
    error.message,
  );
}

function ErrorPage({
  title,
  children,
  offerReload = false,
}: {
  title: string;
  children: ReactNode;
  offerReload?: boolean;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div
        role="alert"
        className="flex max-w-lg flex-col gap-4 rounded-card bg-surface p-8 shadow-card"
      >
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-base text-ink-muted">{children}</p>
        <div className="flex flex-wrap gap-3">
          {offerReload ? (
            <button
              type="button"
              onClick={() => window.location.reload()}
              className="min-h-touch rounded-control bg-brand px-5 font-semibold text-white active:bg-brand-strong"
            >
              Reload
            </button>
          ) : null}
          <a
            href="/"
            className="inline-flex min-h-touch items-center rounded-control border-2 border-line-strong px-5 font-semibold text-ink active:bg-sunken"
          >
            Go to the start screen
          </a>
        </div>
      </div>
    </main>
  );
}
