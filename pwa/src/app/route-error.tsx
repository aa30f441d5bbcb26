import type { ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * The last line of defence for every route. It lives in the entry chunk, with no UI library,
 * so it still renders when the lazy chunks themselves failed to load.
 */
export function RouteError() {
  const intl = useIntl();
  const error = useRouteError();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage
        title={intl.formatMessage({
          id: 'app.routeError.noScreenAtThis',
          defaultMessage: 'No screen at this address',
        })}
      >
        <FormattedMessage
          id="app.routeError.theAddressDoesNot"
          defaultMessage="The address {pathname} does not match any Servio screen."
          values={{ pathname: window.location.pathname }}
        />
      </ErrorPage>
    );
  }

  if (isChunkLoadError(error)) {
    return (
      <ErrorPage
        title={intl.formatMessage({
          id: 'app.routeError.thisScreenCouldNot',
          defaultMessage: 'This screen could not be loaded',
        })}
        offerReload
      >
        <FormattedMessage
          id="app.routeError.eitherThisDeviceIs"
          defaultMessage="Either this device is offline and the screen is not stored on it yet, or a newer version of Servio was installed meanwhile. Reload to try again."
        />
      </ErrorPage>
    );
  }

  return (
    <ErrorPage
      title={intl.formatMessage({
        id: 'app.routeError.somethingWentWrong',
        defaultMessage: 'Something went wrong',
      })}
      offerReload
    >
      {error instanceof Error ? (
        error.message
      ) : (
        <FormattedMessage
          id="app.routeError.anUnexpectedErrorStopped"
          defaultMessage="An unexpected error stopped this screen."
        />
      )}
      <FormattedMessage
        id="app.routeError.nothingSavedOnThis"
        defaultMessage=" Nothing saved on this device is lost by reloading."
      />
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
              <FormattedMessage id="app.routeError.reload" defaultMessage="Reload" />
            </button>
          ) : null}
          <a
            href="/"
            className="inline-flex min-h-touch items-center rounded-control border-2 border-line-strong px-5 font-semibold text-ink active:bg-sunken"
          >
            <FormattedMessage
              id="app.routeError.goToTheStart"
              defaultMessage="Go to the start screen"
            />
          </a>
        </div>
      </div>
    </main>
  );
}
