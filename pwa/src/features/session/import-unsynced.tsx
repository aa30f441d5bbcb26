import { Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { classify, describeFailure } from '../../api/server-call.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { importOutboxFile } from '../../sync/outbox-file.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * S7: a manager uploads another tablet's exported unsynced changes; the server applies them
 * exactly once (an upload of the same file again changes nothing) and lists what it refused.
 */
export function ImportUnsynced() {
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    tone: 'info' | 'danger';
    title: string;
    text: string;
  } | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importOutboxFile(await file.text());
      if (result.status === 'ok') {
        const refused = result.rejections.map((r) => `#${r.mutationId} ${r.name}: ${r.message}`);
        setOutcome({
          tone: result.rejected > 0 ? 'danger' : 'info',
          title: intl.formatMessage({
            id: 'session.importUnsynced.imported',
            defaultMessage: 'Imported',
          }),
          text: [
            intl.formatMessage(
              {
                id: 'session.importUnsynced.changeSAppliedAlready',
                defaultMessage:
                  '{applied} change(s) applied, {skipped} already on the server, {rejected} refused.',
              },
              { applied: result.applied, skipped: result.skipped, rejected: result.rejected },
            ),
            ...refused,
          ].join(' '),
        });
      } else {
        setOutcome({
          tone: 'danger',
          title: intl.formatMessage({
            id: 'session.importUnsynced.notImported',
            defaultMessage: 'Not imported',
          }),
          text:
            'message' in result
              ? result.message
              : intl.formatMessage(
                  {
                    id: 'session.importUnsynced.theServerIsMissing',
                    defaultMessage:
                      'The server is missing earlier changes of that tablet (expected #{expectedMutationId}).',
                  },
                  { expectedMutationId: result.expectedMutationId },
                ),
        });
      }
    } catch (error) {
      setOutcome({
        tone: 'danger',
        title: intl.formatMessage({
          id: 'session.importUnsynced.notImported',
          defaultMessage: 'Not imported',
        }),
        text:
          error instanceof Error && !('data' in error)
            ? error.message
            : describeFailure(classify(error, 'sync.importOutbox')),
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={intl.formatMessage({
          id: 'session.importUnsynced.exportedChangesFile',
          defaultMessage: 'Exported changes file',
        })}
        className="sr-only"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button variant="secondary" isPending={busy} onPress={() => input.current?.click()}>
        <Upload aria-hidden className="size-5" />
        <FormattedMessage
          id="session.importUnsynced.importExportedChanges"
          defaultMessage="Import a tablet's exported changes"
        />
      </Button>
      {outcome ? (
        <Notice tone={outcome.tone} title={outcome.title}>
          {outcome.text}
        </Notice>
      ) : null}
    </div>
  );
}
