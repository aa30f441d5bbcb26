import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { PinPad } from '../../ui/pin-pad.tsx';
import { checkApproverPin } from '../../session/sign-in.ts';
import { downloadOutboxFile } from '../../sync/outbox-file.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * S7: a manager saves this tablet's unsynced changes to a file (for `sync.importOutbox` on
 * another device). A manager or owner signed in exports at once; anyone else hands the tablet
 * to a manager, who types their PIN. The outbox stays on the tablet either way.
 */
export function ExportUnsynced({
  pending,
  managerSignedIn,
}: {
  pending: number;
  managerSignedIn: boolean;
}) {
  const intl = useIntl();
  const [askingPin, setAskingPin] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'danger'; text: string } | null>(null);

  async function exportNow() {
    setBusy(true);
    try {
      const count = await downloadOutboxFile();
      setMessage({
        tone: 'info',
        text:
          count === 0
            ? intl.formatMessage({
                id: 'session.exportUnsynced.nothingToExportEvery',
                defaultMessage: 'Nothing to export: every change is synced.',
              })
            : intl.formatMessage(
                {
                  id: 'session.exportUnsynced.savedUnsyncedChangeS',
                  defaultMessage:
                    'Saved {count} unsynced change(s) to a file. They also stay on this tablet until the server has them.',
                },
                { count },
              ),
      });
    } catch (error) {
      setMessage({
        tone: 'danger',
        text: intl.formatMessage(
          { id: 'session.exportUnsynced.exportFailed', defaultMessage: 'Export failed: {value}' },
          { value: error instanceof Error ? error.message : String(error) },
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  async function approveAndExport() {
    setBusy(true);
    const check = await checkApproverPin(pin);
    setBusy(false);
    setPin('');
    if (!check.ok) {
      // Not an approver's PIN (tries left), or approval locked on this tablet (until when).
      setMessage({ tone: 'danger', text: check.message });
      return;
    }
    setAskingPin(false);
    await exportNow();
  }

  return (
    <div className="flex flex-col gap-3">
      {askingPin ? (
        <>
          <PinPad
            label={intl.formatMessage({
              id: 'session.exportUnsynced.managerPinToExport',
              defaultMessage: 'Manager PIN to export',
            })}
            value={pin}
            onChange={setPin}
            onSubmit={() => void approveAndExport()}
            isDisabled={busy}
          />
          <Button
            isPending={busy}
            isDisabled={pin.length < 4}
            onPress={() => void approveAndExport()}
          >
            <FormattedMessage
              id="session.exportUnsynced.approveAndExport"
              defaultMessage="Approve and export"
            />
          </Button>
          <Button variant="quiet" onPress={() => setAskingPin(false)}>
            <FormattedMessage id="session.exportUnsynced.cancel" defaultMessage="Cancel" />
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          isPending={busy}
          isDisabled={pending === 0}
          onPress={() => (managerSignedIn ? void exportNow() : setAskingPin(true))}
        >
          <Download aria-hidden className="size-5" />
          <FormattedMessage
            id="session.exportUnsynced.exportUnsyncedChanges"
            defaultMessage="Export unsynced changes ({pending})"
            values={{ pending }}
          />
        </Button>
      )}
      {message ? (
        <Notice
          tone={message.tone}
          title={
            message.tone === 'danger'
              ? intl.formatMessage({
                  id: 'session.exportUnsynced.notExported',
                  defaultMessage: 'Not exported',
                })
              : intl.formatMessage({
                  id: 'session.exportUnsynced.exported',
                  defaultMessage: 'Exported',
                })
          }
        >
          {message.text}
        </Notice>
      ) : null}
    </div>
  );
}
