import { ArrowUpCircle, TriangleAlert } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { Button } from '../ui/button.tsx';
import { useUpdateBlockers } from './update-gate.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/** How often a long-running tablet asks whether a new version was deployed. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Set when the person pressed "Update" in this tab. The worker then takes over and the page
 * must reload to run the new code. Any other takeover (another tab of this device pressed
 * "Update") must not reload this one: it may be in the middle of a sale.
 */
let updateRequestedHere = false;

/**
 * Offers a new app version. Never reloads on its own: the person chooses "Update", and the
 * button is not offered while a screen holds the update gate (an open order).
 */
export function UpdatePrompt() {
  const blockers = useUpdateBlockers();
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | null>(null);
  const [registerError, setRegisterError] = useState<string | null>(null);
  const [takenOverElsewhere, setTakenOverElsewhere] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [errorDismissed, setErrorDismissed] = useState(false);

  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_url, found) => setRegistration(found ?? null),
    onRegisterError: (error: unknown) =>
      setRegisterError(error instanceof Error ? error.message : String(error)),
    // Called when a new worker took control of this page. Without this option the plugin
    // reloads the page itself.
    onNeedReload: () => {
      if (updateRequestedHere) window.location.reload();
      else setTakenOverElsewhere(true);
    },
  });

  // A tablet can stay open for days: look for a new version hourly and when it comes back into
  // view. A failed check (offline) changes nothing and the next one retries, so it is ignored.
  useEffect(() => {
    if (!registration) return;
    const check = () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
    };
    const interval = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(interval);
      document.removeEventListener('visibilitychange', check);
    };
  }, [registration]);

  const blocked = blockers.length > 0;

  if (registerError && !errorDismissed) {
    return (
      <Panel>
        <div className="flex gap-3">
          <TriangleAlert aria-hidden className="size-6 shrink-0 text-warn" />
          <div className="flex flex-col gap-1">
            <p className="font-semibold">
              <FormattedMessage
                id="pwa.updatePrompt.thisDeviceCannotWork"
                defaultMessage="This device cannot work offline yet"
              />
            </p>
            <p className="text-sm text-ink-muted">
              <FormattedMessage
                id="pwa.updatePrompt.theOfflineCopyOf"
                defaultMessage="The offline copy of the app could not be installed: {registerError}"
                values={{ registerError }}
              />
            </p>
          </div>
        </div>
        <div className="flex justify-end">
          <Button variant="secondary" onPress={() => setErrorDismissed(true)}>
            <FormattedMessage id="pwa.updatePrompt.dismiss" defaultMessage="Dismiss" />
          </Button>
        </div>
      </Panel>
    );
  }

  if (!needRefresh && !takenOverElsewhere) return null;

  if (collapsed) {
    return (
      <div className="fixed right-3 bottom-3 z-30">
        <Button variant="primary" onPress={() => setCollapsed(false)} className="shadow-float">
          <ArrowUpCircle aria-hidden className="size-5" />
          <FormattedMessage id="pwa.updatePrompt.updateReady" defaultMessage="Update ready" />
        </Button>
      </div>
    );
  }

  const apply = () => {
    if (takenOverElsewhere) {
      window.location.reload();
      return;
    }
    updateRequestedHere = true;
    void updateServiceWorker(true);
  };

  return (
    <Panel>
      <div className="flex gap-3">
        <ArrowUpCircle aria-hidden className="size-6 shrink-0 text-brand" />
        <div className="flex flex-col gap-1">
          <p className="font-semibold">
            {takenOverElsewhere ? (
              <FormattedMessage
                id="pwa.updatePrompt.servioWasUpdatedIn"
                defaultMessage="Servio was updated in another tab"
              />
            ) : (
              <FormattedMessage
                id="pwa.updatePrompt.aNewVersionOf"
                defaultMessage="A new version of Servio is ready"
              />
            )}
          </p>
          <p className="text-sm text-ink-muted">
            {blocked ? (
              <FormattedMessage
                id="pwa.updatePrompt.itWillBeOffered"
                defaultMessage="It will be offered when this is done: {value}."
                values={{ value: blockers[0] }}
              />
            ) : takenOverElsewhere ? (
              <FormattedMessage
                id="pwa.updatePrompt.reloadToKeepThis"
                defaultMessage="Reload to keep this tab working with the new version."
              />
            ) : (
              <FormattedMessage
                id="pwa.updatePrompt.updatingReloadsTheApp"
                defaultMessage="Updating reloads the app; nothing on this device is lost."
              />
            )}
          </p>
        </div>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onPress={() => setCollapsed(true)}>
          <FormattedMessage id="pwa.updatePrompt.later" defaultMessage="Later" />
        </Button>
        {blocked ? null : (
          <Button variant="primary" onPress={apply}>
            {takenOverElsewhere ? (
              <FormattedMessage id="pwa.updatePrompt.reload" defaultMessage="Reload" />
            ) : (
              <FormattedMessage id="pwa.updatePrompt.update" defaultMessage="Update" />
            )}
          </Button>
        )}
      </div>
    </Panel>
  );
}

function Panel({ children }: { children: ReactNode }) {
  const intl = useIntl();
  return (
    <section
      role="status"
      aria-label={intl.formatMessage({
        id: 'pwa.updatePrompt.appUpdate',
        defaultMessage: 'App update',
      })}
      className="fixed inset-x-3 bottom-3 z-30 flex flex-col gap-3 rounded-card border border-line bg-surface p-4 text-ink shadow-float sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-[26rem]"
    >
      {children}
    </section>
  );
}
