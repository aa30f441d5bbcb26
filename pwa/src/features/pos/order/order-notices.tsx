import { CircleAlert } from 'lucide-react';
import { REJECTION_MESSAGES } from '@servio/shared';
import { Button } from '../../../ui/button.tsx';
import { acknowledgeNotice, useOrderNotices } from '../../../sync/notices.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * S4: a change to this order that the server refused after the tablet had shown it (another
 * tablet closed the bill first, a manager's approval no longer counts…). The tablet has already
 * undone it; this says what was undone and why, and stays until someone taps "Understood".
 */
export function OrderNotices({ orderId }: { orderId: string }) {
  const intl = useIntl();
  const notices = useOrderNotices(orderId);
  if (notices.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-2"
      aria-label={intl.formatMessage({
        id: 'pos.orderNotices.refusedChanges',
        defaultMessage: 'Refused changes',
      })}
    >
      {notices.map((notice) => (
        <div
          key={notice.id}
          role="alert"
          className="flex items-start gap-3 rounded-control border-l-4 border-danger bg-danger-soft p-3 text-danger-ink"
        >
          <CircleAlert aria-hidden className="mt-0.5 size-6 shrink-0" />
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <p className="font-semibold">
              <FormattedMessage
                id="pos.orderNotices.notSaved"
                defaultMessage="Not saved: {attempted}"
                values={{ attempted: notice.attempted }}
              />
            </p>
            <p className="text-sm">
              {notice.message ||
                REJECTION_MESSAGES[notice.reason as keyof typeof REJECTION_MESSAGES] || (
                  <FormattedMessage
                    id="pos.orderNotices.theServerRefusedThis"
                    defaultMessage="The server refused this change."
                  />
                )}
            </p>
          </div>
          <Button variant="secondary" onPress={() => void acknowledgeNotice(notice.id)}>
            <FormattedMessage id="pos.orderNotices.understood" defaultMessage="Understood" />
          </Button>
        </div>
      ))}
    </div>
  );
}
