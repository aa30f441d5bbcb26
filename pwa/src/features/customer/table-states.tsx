import { RefreshCw } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describePayError, refusalCode } from '../../api/table-bill.ts';
import { Button } from '../../ui/button.tsx';
import { StepHeading } from './step-heading.tsx';
import { Notice } from '../../ui/notice.tsx';

export function TableLoading({ what }: { what: string }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-card bg-surface p-5 shadow-card">
      <p className="text-base text-ink-muted">
        <FormattedMessage
          id="customer.tableStates.fetching"
          defaultMessage="Fetching {what} from the venue…"
          values={{ what }}
        />
      </p>
      <div aria-hidden className="flex flex-col gap-2">
        <div className="h-5 w-3/4 animate-pulse rounded bg-sunken" />
        <div className="h-5 w-1/2 animate-pulse rounded bg-sunken" />
        <div className="h-5 w-2/3 animate-pulse rounded bg-sunken" />
      </div>
    </div>
  );
}

/** The table could not be read: an old QR code (the server's words), or no connection. */
export function TableUnavailable({
  error,
  onRetry,
  heading,
}: {
  error: unknown;
  onRetry: () => void;
  /** The page's title, kept when its content cannot be shown ("Your bill", "Order"). */
  heading: string;
}) {
  const intl = useIntl();
  const gone = refusalCode(error) === 'NOT_FOUND';
  return (
    <div className="flex flex-col gap-4">
      <StepHeading title={heading} />
      <Notice
        tone="danger"
        title={
          gone
            ? intl.formatMessage({
                id: 'customer.tableStates.qrNotInUse',
                defaultMessage: 'This QR code is not in use',
              })
            : intl.formatMessage({
                id: 'customer.tableStates.unreachable',
                defaultMessage: 'Could not reach the venue',
              })
        }
        action={
          gone ? undefined : (
            <Button variant="secondary" onPress={onRetry}>
              <RefreshCw aria-hidden className="size-5" />
              <FormattedMessage id="customer.tableStates.tryAgain" defaultMessage="Try again" />
            </Button>
          )
        }
      >
        {describePayError(error)}
      </Notice>
    </div>
  );
}
