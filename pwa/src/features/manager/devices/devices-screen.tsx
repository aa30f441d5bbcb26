import { useQuery } from '@tanstack/react-query';
import { Ban, Plus } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { intl } from '../../../i18n/intl.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { DeviceRow, Outputs } from '../manager-api.ts';

type PairingCode = Outputs['devices']['createPairingCode'];

const when = (iso: string | null) =>
  iso
    ? formatDateTime(Date.parse(iso))
    : intl.formatMessage({ id: 'manager.devices.never', defaultMessage: 'Never' });

const PAIRED = defineMessage({ id: 'manager.devices.paired', defaultMessage: 'Paired devices' });

/** Paired tablets: last contact, unsynced work, revoking; and codes to pair another. */
export function DevicesScreen() {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const devices = useQuery(trpc.devices.list.queryOptions(undefined, { refetchInterval: 30_000 }));
  const [deviceName, setDeviceName] = useState('');
  const [code, setCode] = useState<PairingCode | null>(null);
  const [revoking, setRevoking] = useState<DeviceRow | null>(null);
  const createCode = useServerMutation(
    {
      mutationFn: (name: string) =>
        client.devices.createPairingCode.mutate(name ? { deviceName: name } : {}),
    },
    [],
    { onSuccess: (created) => setCode(created) },
  );

  return (
    <>
      <ScreenHeader
        title={intl.formatMessage({ id: 'manager.devices.title', defaultMessage: 'Devices' })}
        description={intl.formatMessage({
          id: 'manager.devices.description',
          defaultMessage: 'Tablets paired with this venue.',
        })}
      />
      <Panel
        title={intl.formatMessage({
          id: 'manager.devices.pairTitle',
          defaultMessage: 'Pair a new tablet',
        })}
        description={intl.formatMessage({
          id: 'manager.devices.pairDescription',
          defaultMessage:
            "A code works once, for 15 minutes. Type it on the new tablet's first screen.",
        })}
      >
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            createCode.mutate(deviceName.trim());
          }}
        >
          <TextField
            label={intl.formatMessage({
              id: 'manager.devices.deviceName',
              defaultMessage: 'Device name (optional)',
            })}
            placeholder={intl.formatMessage({
              id: 'manager.devices.deviceNamePlaceholder',
              defaultMessage: 'Bar tablet',
            })}
            value={deviceName}
            onChange={setDeviceName}
            className="w-72 max-w-full"
          />
          <Button type="submit" size="lg" isPending={createCode.isPending}>
            <Plus aria-hidden className="size-5" />
            <FormattedMessage
              id="manager.devices.createCode"
              defaultMessage="Create pairing code"
            />
          </Button>
        </form>
        <FormError message={createCode.problem} />
        {code ? (
          <div
            role="status"
            className="flex flex-col gap-1 rounded-control bg-brand-soft p-4 text-brand-strong"
          >
            <span className="text-sm font-semibold">
              <FormattedMessage id="manager.devices.pairingCode" defaultMessage="Pairing code" />
            </span>
            <output data-pairing-code className="font-mono text-3xl font-bold tracking-widest">
              {code.code}
            </output>
            <span className="text-sm">
              <FormattedMessage
                id="manager.devices.validUntil"
                defaultMessage="Valid until {time}"
                values={{ time: formatDateTime(Date.parse(code.expiresAt)) }}
              />
            </span>
          </div>
        ) : null}
      </Panel>

      <Panel title={intl.formatMessage(PAIRED)}>
        {devices.data ? (
          <DataTable
            caption={intl.formatMessage(PAIRED)}
            rows={devices.data}
            rowKey={(device) => device.id}
            empty={intl.formatMessage({
              id: 'manager.devices.empty',
              defaultMessage: 'No devices paired yet.',
            })}
            columns={[
              {
                header: intl.formatMessage({
                  id: 'manager.devices.device',
                  defaultMessage: 'Device',
                }),
                cell: (device) => (
                  <span className="font-semibold">
                    <FormattedMessage
                      id="manager.devices.nameAndLetter"
                      defaultMessage="{name} <muted>({letter})</muted>"
                      values={{
                        name: device.name,
                        letter: device.letter,
                        muted: (chunks) => <span className="text-ink-muted">{chunks}</span>,
                      }}
                    />
                  </span>
                ),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.devices.lastSeen',
                  defaultMessage: 'Last seen',
                }),
                cell: (device) => when(device.lastSeenAt),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.devices.lastSync',
                  defaultMessage: 'Last sync',
                }),
                cell: (device) => when(device.lastSyncAt),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.devices.unsynced',
                  defaultMessage: 'Unsynced changes',
                }),
                numeric: true,
                cell: (device) =>
                  device.pendingMutations > 0 ? (
                    <span className="font-semibold text-warn-ink">{device.pendingMutations}</span>
                  ) : (
                    '0'
                  ),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.devices.status',
                  defaultMessage: 'Status',
                }),
                cell: (device) =>
                  device.revokedAt ? (
                    <span className="font-semibold text-danger">
                      <FormattedMessage
                        id="manager.devices.revokedAt"
                        defaultMessage="Revoked {when}"
                        values={{ when: when(device.revokedAt) }}
                      />
                    </span>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={intl.formatMessage(
                        { id: 'manager.devices.revokeName', defaultMessage: 'Revoke {name}' },
                        { name: device.name },
                      )}
                      onPress={() => setRevoking(device)}
                    >
                      <Ban aria-hidden className="size-5" />
                      <FormattedMessage id="manager.devices.revoke" defaultMessage="Revoke" />
                    </Button>
                  ),
              },
            ]}
          />
        ) : devices.isError ? (
          <QueryErrorNotice
            query={devices}
            what={intl.formatMessage({
              id: 'manager.devices.whatDevices',
              defaultMessage: 'the devices',
            })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.devices.loading',
              defaultMessage: 'Loading the devices…',
            })}
          />
        )}
      </Panel>
      {revoking ? <RevokeDialog device={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeDialog({ device, onClose }: { device: DeviceRow; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const revoke = useServerMutation(
    { mutationFn: () => client.devices.revoke.mutate({ deviceId: device.id }) },
    [trpc.devices.list.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.devices.revokeTitle', defaultMessage: 'Revoke {name}?' },
        { name: device.name },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          revoke.mutate();
        }}
      >
        <p className="text-base">
          <FormattedMessage
            id="manager.devices.revokeExplanation"
            defaultMessage="{name} stops syncing at once and whoever is signed in on it is signed out. Changes it has not sent stay on it: pair it again to send them, or export them there and import them here."
            values={{ name: device.name }}
          />
        </p>
        {device.pendingMutations > 0 ? (
          <p className="rounded-control bg-warn-soft p-3 font-semibold text-warn-ink">
            <FormattedMessage
              id="manager.devices.stillHolds"
              defaultMessage="It still holds {count, plural, one {{countText} unsynced change} other {{countText} unsynced changes}}."
              values={{
                count: device.pendingMutations,
                countText: String(device.pendingMutations),
              }}
            />
          </p>
        ) : null}
        <FormError message={revoke.problem} />
        <DialogButtons
          onClose={onClose}
          pending={revoke.isPending}
          label={intl.formatMessage({
            id: 'manager.devices.revokeDevice',
            defaultMessage: 'Revoke device',
          })}
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default DevicesScreen;
