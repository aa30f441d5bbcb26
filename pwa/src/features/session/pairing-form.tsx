import { WifiOff } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { z } from 'zod';
import { DeviceNameSchema, PairingCodeSchema } from '../../api/pair-device.ts';
import { ServerCallError } from '../../api/server-call.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { DeviceIdentity } from '../../data/meta.ts';
import { useConnectivity } from '../../lib/connectivity.ts';
import { pairThisDevice, UnsyncedWorkError } from '../../session/device.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../i18n/intl.ts';

/** Field-level check with the same schema the request is built from. */
function firstIssue(schema: z.ZodType, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success
    ? null
    : (result.error.issues[0]?.message ??
        intl.formatMessage({ id: 'session.pairingForm.notValid', defaultMessage: 'Not valid' }));
}

/**
 * Pairs the tablet and keeps its identity in IndexedDB (`pairThisDevice`); the session gate
 * then moves on to loading the venue and the staff sign-in by itself.
 */
export function PairingForm({ onPaired }: { onPaired?: (device: DeviceIdentity) => void }) {
  const intl = useIntl();
  const connection = useConnectivity();
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [showFieldErrors, setShowFieldErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const codeIssue = firstIssue(PairingCodeSchema, code);
  const nameIssue = firstIssue(DeviceNameSchema, deviceName);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShowFieldErrors(true);
    if (codeIssue || nameIssue || submitting) return;
    setSubmitting(true);
    setFailure(null);
    try {
      const device = await pairThisDevice({ code, deviceName });
      onPaired?.(device);
    } catch (error) {
      setFailure(
        error instanceof ServerCallError || error instanceof UnsyncedWorkError
          ? error.message
          : intl.formatMessage(
              {
                id: 'session.pairingForm.pairingFailed',
                defaultMessage: 'Pairing failed: {value}',
              },
              { value: error instanceof Error ? error.message : String(error) },
            ),
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form
      onSubmit={(event) => void submit(event)}
      validationBehavior="aria"
      className="flex flex-col gap-5"
    >
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-bold">
          <FormattedMessage
            id="session.pairingForm.pairThisDevice"
            defaultMessage="Pair this device"
          />
        </h2>
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="session.pairingForm.aManagerCreatesA"
            defaultMessage="A manager creates a pairing code for each new device. It works once and expires soon."
          />
        </p>
      </div>

      {connection.reachability === 'offline' ? (
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'session.pairingForm.thisDeviceIsOffline',
            defaultMessage: 'This device is offline',
          })}
        >
          <span className="inline-flex items-center gap-2">
            <WifiOff aria-hidden className="size-5" />
            <FormattedMessage
              id="session.pairingForm.pairingNeedsTheServer"
              defaultMessage="Pairing needs the server. Connect to the venue's network to continue."
            />
          </span>
        </Notice>
      ) : null}

      <TextField
        label={intl.formatMessage({
          id: 'session.pairingForm.pairingCode',
          defaultMessage: 'Pairing code',
        })}
        name="code"
        value={code}
        onChange={setCode}
        isRequired
        autoFocus
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck="false"
        placeholder={intl.formatMessage({
          id: 'session.pairingForm.k7pq4qxm',
          defaultMessage: 'K7PQ-4QXM',
        })}
        validate={() => (showFieldErrors ? codeIssue : null)}
        inputClassName="font-mono text-2xl tracking-[0.2em] uppercase"
      />
      <TextField
        label={intl.formatMessage({
          id: 'session.pairingForm.deviceName',
          defaultMessage: 'Device name',
        })}
        name="deviceName"
        value={deviceName}
        onChange={setDeviceName}
        isRequired
        autoComplete="off"
        placeholder={intl.formatMessage({
          id: 'session.pairingForm.eGBarTablet',
          defaultMessage: 'e.g. Bar tablet',
        })}
        description={intl.formatMessage({
          id: 'session.pairingForm.managersSeeThisName',
          defaultMessage: 'Managers see this name in the list of devices.',
        })}
        validate={() => (showFieldErrors ? nameIssue : null)}
      />

      {failure ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'session.pairingForm.notPaired',
            defaultMessage: 'Not paired',
          })}
        >
          {failure}
        </Notice>
      ) : null}

      <Button type="submit" size="lg" isPending={submitting} className="w-full">
        {submitting ? (
          <FormattedMessage id="session.pairingForm.pairing" defaultMessage="Pairing…" />
        ) : (
          <FormattedMessage
            id="session.pairingForm.pairThisDevice"
            defaultMessage="Pair this device"
          />
        )}
      </Button>
    </Form>
  );
}
