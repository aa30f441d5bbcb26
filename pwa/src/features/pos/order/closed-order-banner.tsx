import type { OrderRow } from '@servio/shared';
import { CircleCheck, Merge, Trash2 } from 'lucide-react';
import { formatDateTime } from '../../../lib/format.ts';
import { LinkButton } from '../../../ui/link-button.tsx';

/** In place of the menu when the order takes no more items: why, and where to go next. */
export function ClosedOrderBanner({ order }: { order: OrderRow }) {
  const closedAt = order.closedAt ? formatDateTime(Date.parse(order.closedAt)) : null;
  let icon = <CircleCheck aria-hidden className="size-12 text-ok" />;
  let title = 'Paid in full';
  let text = 'Close the order to free the table.';
  if (order.status === 'closed') {
    title = 'Order closed';
    text = closedAt ? `Closed ${closedAt}.` : 'This order is closed.';
  } else if (order.status === 'void') {
    icon = order.mergedInto ? (
      <Merge aria-hidden className="size-12 text-ink-muted" />
    ) : (
      <Trash2 aria-hidden className="size-12 text-danger" />
    );
    title = order.mergedInto ? 'Merged into another order' : 'Order voided';
    text = order.voidReason ?? '';
  }
  return (
    <section className="flex flex-1 flex-col items-center justify-center gap-3 rounded-card border-2 border-dashed border-line-strong p-8 text-center">
      {icon}
      <h2 className="text-2xl font-bold">{title}</h2>
      {text ? <p className="max-w-md text-base text-ink-muted">{text}</p> : null}
      <div className="flex flex-wrap justify-center gap-2">
        {order.mergedInto ? (
          <LinkButton to={`/orders/${order.mergedInto}`}>Open the merged order</LinkButton>
        ) : null}
        <LinkButton to="/" variant="secondary">
          Back to the floor
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
          Close the order
        </LinkButton>
      ) : null}
      {status !== 'void' ? (
        <LinkButton
          to={`/orders/${orderId}/receipt`}
          variant="secondary"
          size="lg"
          className="flex-1"
        >
          Receipt
        </LinkButton>
      ) : null}
    </div>
  );
}
