import { CircleAlert, CircleCheck, X } from 'lucide-react';
import {
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
  Text,
} from 'react-aria-components';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { useIntl } from 'react-intl';

/**
 * Feedback for every action on the POS screens: a short line at the top of the screen that
 * says what just happened ("2 × Cola added", "Sent to kitchen") or why it did not. Successes
 * leave on their own; failures stay until dismissed, so nobody misses one. They sit under the
 * status bar, clear of the order's action buttons at the bottom.
 */
interface ToastContentValue {
  tone: 'ok' | 'error';
  title: string;
  detail?: string;
}

const queue = new ToastQueue<ToastContentValue>({ maxVisibleToasts: 3 });

// Only the latest success stays: a waiter tapping fast sees what the last tap did, and a stack
// of old confirmations never covers the screen.
let lastOk: string | null = null;

export const feedback = {
  ok(title: string, detail?: string): void {
    if (lastOk !== null) queue.close(lastOk);
    lastOk = queue.add({ tone: 'ok', title, ...(detail ? { detail } : {}) }, { timeout: 4_000 });
  },
  error(title: string, detail?: string): void {
    queue.add({ tone: 'error', title, ...(detail ? { detail } : {}) });
  },
};

export function FeedbackRegion() {
  const intl = useIntl();
  return (
    <ToastRegion
      queue={queue}
      className="pointer-events-none fixed inset-x-3 top-[calc(var(--spacing-bar)+0.5rem)] z-50 flex flex-col items-center gap-2 outline-none print:hidden"
    >
      {({ toast }) => (
        <Toast
          toast={toast}
          className={cx(
            'pointer-events-auto flex w-full max-w-lg items-center gap-3 rounded-card py-2 pr-2 pl-4 text-white shadow-float',
            toast.content.tone === 'ok' ? 'bg-ink' : 'bg-danger',
          )}
        >
          {toast.content.tone === 'ok' ? (
            <CircleCheck aria-hidden className="size-6 shrink-0 text-ok-soft" />
          ) : (
            <CircleAlert aria-hidden className="size-6 shrink-0" />
          )}
          <ToastContent className="flex min-w-0 flex-1 flex-col">
            <Text slot="title" className="font-semibold">
              {toast.content.title}
            </Text>
            {toast.content.detail ? (
              <Text slot="description" className="text-sm">
                {toast.content.detail}
              </Text>
            ) : null}
          </ToastContent>
          <Button
            slot="close"
            variant="bare"
            aria-label={intl.formatMessage({ id: 'pos.toast.dismiss', defaultMessage: 'Dismiss' })}
            className="text-white"
          >
            <X aria-hidden className="size-5" />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
