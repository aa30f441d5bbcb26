import type { OrderRow } from '@servio/shared';
import { CircleCheck, Merge, Trash2 } from 'lucide-react';
import { formatDateTime } from '../../../lib/format.ts';
import { LinkButton } from '../../../ui/link-button.tsx';
import { FormattedMessage } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

/** In place of the menu when the order takes no more items: why, and where to go next. */
export function ClosedOrderBanner({ order }: { order: OrderRow }) {
  const closedAt = order.closedAt ? formatDateTime(Date.parse(order.closedAt)) : null;
  let icon = <CircleCheck aria-hidden className="size-12 text-ok" />;
  let title = intl.formatMessage({
    id: 'pos.closedOrderBanner.paidInFull',
    defaultMessage: 'Paid in full',
  });
  let text = intl.formatMessage({
    id: 'pos.closedOrderBanner.closeTheOrderTo',
    defaultMessage: 'Close the order to free the table.',
  });
  if (order.status === 'closed') {
    title = intl.formatMessage({
      id: 'pos.closedOrderBanner.orderClosed',
      defaultMessage: 'Order closed',
    });
    text = closedAt
      ? intl.formatMessage(
          { id: 'pos.closedOrderBanner.closed', defaultMessage: 'Closed {closedAt}.' },
          { closedAt },
        )
      : intl.formatMessage({
          id: 'pos.closedOrderBanner.thisOrderIsClosed',
          defaultMessage: 'This order is closed.',
        });
  } else if (order.status === 'void') {
    icon = order.mergedInto ? (
      <Merge aria-hidden className="size-12 text-ink-muted" />
    ) : (
      <Trash2 aria-hidden className="size-12 text-danger" />
    );
    title = order.mergedInto
      ? intl.formatMessage({
          id: 'pos.closedOrderBanner.mergedIntoAnotherOrder',
          defaultMessage: 'Merged into another order',
        })
      : intl.formatMessage({
          id: 'pos.closedOrderBanner.orderVoided',
          defaultMessage: 'Order voided',
        });
    text = order.voidReason ?? '';
  }
  return (
    <section className="flex flex-1 flex-col items-center justify-center gap-3 rounded-card border-2 border-dashed border-line-strong p-8 text-center">
      {icon}
      <h2 className="text-2xl font-bold">{title}</h2>
      {text ? <p className="max-w-md text-base text-ink-muted">{text}</p> : null}
      <div className="flex flex-wrap justify-center gap-2">
        {order.mergedInto ? (
          <LinkButton to={`/orders/${order.mergedInto}`}>
            <FormattedMessage
              id="pos.closedOrderBanner.openTheMergedOrder"
              defaultMessage="Open the merged order"
            />
          </LinkButton>
        ) : null}
        <LinkButton to="/" variant="secondary">
          <FormattedMessage
            id="pos.closedOrderBanner.backToTheFloor"
            defaultMessage="Back to the floor"
          />
        </LinkButton>
      </div>
    </section>
  );
}

/** Under a paid, closed or void order: close it (paid), or see the receipt. */
export function ClosedOrderActions({ orderId, status }: { orderId: string; status: string }) {
  return (
    <div className="flex gap-2">
      {status === 'paid' ? (
        <LinkButton to={`/orders/${orderId}/pay`} size="lg" className="flex-1">
          <FormattedMessage
            id="pos.closedOrderBanner.closeTheOrder"
            defaultMessage="Close the order"
          />
        </LinkButton>
      ) : null}
      {status !== 'void' ? (
        <LinkButton
          to={`/orders/${orderId}/receipt`}
          variant="secondary"
          size="lg"
          className="flex-1"
        >
          <FormattedMessage id="pos.closedOrderBanner.receipt" defaultMessage="Receipt" />
        </LinkButton>
      ) : null}
    </div>
  );
}
