import { RefreshCw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, defineMessage, defineMessages, useIntl } from 'react-intl';
import { describeConnection, describeStorage } from '../../session/index.ts';
import { Button } from '../../../ui/button.tsx';
import { Notice, type NoticeTone } from '../../../ui/notice.tsx';
import { connectivity, useConnectivity, type Reachability } from '../../../lib/connectivity.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useStorageHealth } from '../../../lib/persist-storage.ts';
import { useOfflineCopy } from '../../../lib/service-worker-state.ts';

const connectionTone: Record<Reachability, NoticeTone> = {
  checking: 'info',
  online: 'info',
  'server-trouble': 'warn',
  offline: 'danger',
};

const connectionTitle = defineMessages<Reachability>({
  checking: { id: 'manager.system.checking', defaultMessage: 'Checking the server' },
  online: { id: 'manager.system.online', defaultMessage: 'Server reachable' },
  'server-trouble': { id: 'manager.system.serverTrouble', defaultMessage: 'Server problem' },
  offline: { id: 'manager.system.offline', defaultMessage: 'Offline' },
});

/** What the server's health answer left out. */
const UNKNOWN = defineMessage({ id: 'manager.system.unknown', defaultMessage: 'unknown' });

/** This device and the server it talks to: what works, and what to fix when it does not. */
export function SystemStatus() {
  const intl = useIntl();
  const connection = useConnectivity();
  const storage = useStorageHealth();
  const offlineCopy = useOfflineCopy();
  const [checking, setChecking] = useState(false);
  const health = connection.health;
  const unknown = intl.formatMessage(UNKNOWN);

  async function checkNow() {
    setChecking(true);
    try {
      await connectivity.checkNow();
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 p-4 sm:p-6">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">
          <FormattedMessage id="manager.system.title" defaultMessage="Device and server" />
        </h1>
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="manager.system.description"
            defaultMessage="The state of this device and of the Servio server it syncs with."
          />
        </p>
      </div>

      <Notice
        tone={connectionTone[connection.reachability]}
        title={intl.formatMessage(connectionTitle[connection.reachability])}
        action={
          <Button variant="secondary" isPending={checking} onPress={() => void checkNow()}>
            <RefreshCw aria-hidden className={checking ? 'size-5 animate-spin' : 'size-5'} />
            <FormattedMessage id="manager.system.checkNow" defaultMessage="Check now" />
          </Button>
        }
      >
        {describeConnection(connection)}
      </Notice>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={intl.formatMessage({ id: 'manager.system.server', defaultMessage: 'Server' })}>
          {health ? (
            <Facts>
              <Fact
                label={intl.formatMessage({
                  id: 'manager.system.status',
                  defaultMessage: 'Status',
                })}
              >
                {health.status ?? unknown}
              </Fact>
              <Fact
                label={intl.formatMessage({
                  id: 'manager.system.version',
                  defaultMessage: 'Version',
                })}
              >
                {health.version ?? unknown}
              </Fact>
              <Fact
                label={intl.formatMessage({
                  id: 'manager.system.environment',
                  defaultMessage: 'Environment',
                })}
              >
                {health.environment ?? unknown}
              </Fact>
              <Fact
                label={intl.formatMessage({
                  id: 'manager.system.database',
                  defaultMessage: 'Database',
                })}
              >
                {[
                  health.databaseMode,
                  health.migrations &&
                    intl.formatMessage(
                      {
                        id: 'manager.system.migrations',
                        defaultMessage: 'migrations {migrations}',
                      },
                      { migrations: health.migrations },
                    ),
                ]
                  .filter(Boolean)
                  .join(', ') || unknown}
              </Fact>
              <Fact
                label={intl.formatMessage({
                  id: 'manager.system.payments',
                  defaultMessage: 'Payments',
                })}
              >
                {health.paymentsMode ?? unknown}
              </Fact>
            </Facts>
          ) : (
            <p className="text-base text-ink-muted">
              <FormattedMessage
                id="manager.system.noHealth"
                defaultMessage="The server has not answered a health check from this device yet."
              />
            </p>
          )}
        </Card>

        <Card
          title={intl.formatMessage({
            id: 'manager.system.thisDevice',
            defaultMessage: 'This device',
          })}
        >
          <Facts>
            <Fact
              label={intl.formatMessage({
                id: 'manager.system.offlineCopy',
                defaultMessage: 'Offline copy',
              })}
            >
              {offlineCopy === 'installed' ? (
                <FormattedMessage
                  id="manager.system.offlineInstalled"
                  defaultMessage="Installed: screens open without a network"
                />
              ) : offlineCopy === 'not-installed' ? (
                <FormattedMessage
                  id="manager.system.offlineNotInstalled"
                  defaultMessage="Not active in this tab yet: reload once to work offline"
                />
              ) : (
                <FormattedMessage
                  id="manager.system.offlineUnsupported"
                  defaultMessage="Not supported by this browser"
                />
              )}
            </Fact>
            <Fact
              label={intl.formatMessage({
                id: 'manager.system.storage',
                defaultMessage: 'Storage',
              })}
            >
              {describeStorage(storage)}
            </Fact>
            <Fact
              label={intl.formatMessage({
                id: 'manager.system.appVersion',
                defaultMessage: 'App version',
              })}
            >
              <FormattedMessage
                id="manager.system.appVersionValue"
                defaultMessage="{version}, built {builtAt}"
                values={{
                  version: __APP_VERSION__,
                  builtAt: formatDateTime(Date.parse(__APP_BUILT_AT__)),
                }}
              />
            </Fact>
          </Facts>
        </Card>
      </div>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 rounded-card bg-surface p-5 shadow-card">
      <h2 className="text-lg font-bold">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-base">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
