import { CircleAlert } from 'lucide-react';
import { REJECTION_MESSAGES } from '@servio/shared';
import { Button } from '../../../ui/button.tsx';
import { acknowledgeNotice, useOrderNotices } from '../../../sync/notices.ts';

/**
 * S4: a change to this order that the server refused after the tablet had shown it (another
 * tablet closed the bill first, a manager's approval no longer counts…). The tablet has already
 * undone it; this says what was undone and why, and stays until someone taps "Understood".
 */
export function OrderNotices({ orderId }: { orderId: string }) {
  const notices = useOrderNotices(orderId);
  if (notices.length === 0) return null;
  return (
    <div className="flex flex-col gap-2" aria-label="Refused changes">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role="alert"
          className="flex items-start gap-3 rounded-control border-l-4 border-danger bg-danger-soft p-3 text-danger-ink"
        >
          <CircleAlert aria-hidden className="mt-0.5 size-6 shrink-0" />
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <p className="font-semibold">Not saved: {notice.attempted}</p>
            <p className="text-sm">
              {notice.message ||
                REJECTION_MESSAGES[notice.reason as keyof typeof REJECTION_MESSAGES] ||
                'The server refused this change.'}
            </p>
          </div>
          <Button variant="secondary" onPress={() => void acknowledgeNotice(notice.id)}>
            Understood
          </Button>
        </div>
      ))}
    </div>
  );
}
