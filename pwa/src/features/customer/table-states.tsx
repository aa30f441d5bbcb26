import { RefreshCw } from 'lucide-react';
import { describePayError, refusalCode } from '../../api/table-bill.ts';
import { Button } from '../../ui/button.tsx';
import { StepHeading } from './step-heading.tsx';
import { Notice } from '../../ui/notice.tsx';

export function TableLoading({ what }: { what: string }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-card bg-surface p-5 shadow-card">
      <p className="text-base text-ink-muted">Fetching {what} from the venue…</p>
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
  const gone = refusalCode(error) === 'NOT_FOUND';
  return (
    <div className="flex flex-col gap-4">
      <StepHeading title={heading} />
      <Notice
        tone="danger"
        title={gone ? 'This QR code is not in use' : 'Could not reach the venue'}
        action={
          gone ? undefined : (
            <Button variant="secondary" onPress={onRetry}>
              <RefreshCw aria-hidden className="size-5" />
              Try again
            </Button>
          )
        }
      >
        {describePayError(error)}
      </Notice>
    </div>
  );
}
