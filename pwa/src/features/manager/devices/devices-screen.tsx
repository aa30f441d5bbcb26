import { useQuery } from '@tanstack/react-query';
import { Ban, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
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

const when = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso)) : 'Never');

/** Paired tablets: last contact, unsynced work, revoking; and codes to pair another. */
export function DevicesScreen() {
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
      <ScreenHeader title="Devices" description="Tablets paired with this venue." />
      <Panel
        title="Pair a new tablet"
        description="A code works once, for 15 minutes. Type it on the new tablet's first screen."
      >
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            createCode.mutate(deviceName.trim());
          }}
        >
          <TextField
            label="Device name (optional)"
            placeholder="Bar tablet"
            value={deviceName}
            onChange={setDeviceName}
            className="w-72 max-w-full"
          />
          <Button type="submit" size="lg" isPending={createCode.isPending}>
            <Plus aria-hidden className="size-5" />
            Create pairing code
          </Button>
        </form>
        <FormError message={createCode.problem} />
        {code ? (
          <div
            role="status"
            className="flex flex-col gap-1 rounded-control bg-brand-soft p-4 text-brand-strong"
          >
            <span className="text-sm font-semibold">Pairing code</span>
            <output data-pairing-code className="font-mono text-3xl font-bold tracking-widest">
              {code.code}
            </output>
            <span className="text-sm">
              Valid until {formatDateTime(Date.parse(code.expiresAt))}
            </span>
          </div>
        ) : null}
      </Panel>

      <Panel title="Paired devices">
        {devices.data ? (
          <DataTable
            caption="Paired devices"
            rows={devices.data}
            rowKey={(device) => device.id}
            empty="No devices paired yet."
            columns={[
              {
                header: 'Device',
                cell: (device) => (
                  <span className="font-semibold">
                    {device.name} <span className="text-ink-muted">({device.letter})</span>
                  </span>
                ),
              },
              { header: 'Last seen', cell: (device) => when(device.lastSeenAt) },
              { header: 'Last sync', cell: (device) => when(device.lastSyncAt) },
              {
                header: 'Unsynced changes',
                numeric: true,
                cell: (device) =>
                  device.pendingMutations > 0 ? (
                    <span className="font-semibold text-warn-ink">{device.pendingMutations}</span>
                  ) : (
                    '0'
                  ),
              },
              {
                header: 'Status',
                cell: (device) =>
                  device.revokedAt ? (
                    <span className="font-semibold text-danger">
                      Revoked {when(device.revokedAt)}
                    </span>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={`Revoke ${device.name}`}
                      onPress={() => setRevoking(device)}
                    >
                      <Ban aria-hidden className="size-5" />
                      Revoke
                    </Button>
                  ),
              },
            ]}
          />
        ) : devices.isError ? (
          <QueryErrorNotice query={devices} what="the devices" />
        ) : (
          <LoadingBlock label="Loading the devices…" />
        )}
      </Panel>
      {revoking ? <RevokeDialog device={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeDialog({ device, onClose }: { device: DeviceRow; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const revoke = useServerMutation(
    { mutationFn: () => client.devices.revoke.mutate({ deviceId: device.id }) },
    [trpc.devices.list.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog title={`Revoke ${device.name}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          revoke.mutate();
        }}
      >
        <p className="text-base">
          {device.name} stops syncing at once and whoever is signed in on it is signed out. Changes
          it has not sent stay on it: pair it again to send them, or export them there and import
          them here.
        </p>
        {device.pendingMutations > 0 ? (
          <p className="rounded-control bg-warn-soft p-3 font-semibold text-warn-ink">
            It still holds {device.pendingMutations} unsynced{' '}
            {device.pendingMutations === 1 ? 'change' : 'changes'}.
          </p>
        ) : null}
        <FormError message={revoke.problem} />
        <DialogButtons
          onClose={onClose}
          pending={revoke.isPending}
          label="Revoke device"
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default DevicesScreen;
