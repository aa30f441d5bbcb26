import type { OrderRow } from '@servio/shared';
import { ChevronRight, ShoppingBag } from 'lucide-react';
import { useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { Elapsed } from '../elapsed.tsx';
import { floorStatusOfOrder } from '../floor-status.ts';
import { usePos } from '../pos-context.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { feedback } from '../toast.tsx';
import { Button } from '../../../ui/button.tsx';
import { openOrder } from '../../../data/mutate.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/** Orders without a table: takeaway and counter sales, and QR orders placed from a phone. */
export function TakeawayPanel({
  orders,
  mayOpen,
}: {
  orders: readonly OrderRow[];
  mayOpen: boolean;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { money } = usePos();
  const [opening, setOpening] = useState(false);

  async function startTakeaway() {
    setOpening(true);
    try {
      const result = await openOrder({ kind: 'takeaway', covers: 0 });
      if (!result.ok) {
        feedback.error(
          intl.formatMessage({
            id: 'pos.takeawayPanel.takeawayOrderNotOpened',
            defaultMessage: 'Takeaway order not opened',
          }),
          result.message,
        );
        return;
      }
      feedback.ok(
        intl.formatMessage({
          id: 'pos.takeawayPanel.takeawayOrderOpened',
          defaultMessage: 'Takeaway order opened',
        }),
        intl.formatMessage(
          { id: 'pos.takeawayPanel.order2', defaultMessage: 'Order {number}' },
          { number: result.number },
        ),
      );
      void navigate(`/orders/${result.orderId}`);
    } finally {
      setOpening(false);
    }
  }

  return (
    <section
      aria-labelledby="takeaway-title"
      className="flex flex-col gap-3 rounded-card bg-surface p-4 shadow-card lg:sticky lg:top-[calc(var(--spacing-bar)+1.25rem)] lg:w-80 lg:shrink-0"
    >
      <h2 id="takeaway-title" className="flex items-center gap-2 text-xl font-bold">
        <ShoppingBag aria-hidden className="size-6" />
        <FormattedMessage
          id="pos.takeawayPanel.takeawayCounter"
          defaultMessage="Takeaway & counter"
        />
      </h2>
      {mayOpen ? (
        <Button size="lg" isPending={opening} onPress={() => void startTakeaway()}>
          <FormattedMessage
            id="pos.takeawayPanel.newTakeawayOrder"
            defaultMessage="New takeaway order"
          />
        </Button>
      ) : null}
      {orders.length === 0 ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="pos.takeawayPanel.noTakeawayOrdersOpen"
            defaultMessage="No takeaway orders open."
          />
        </p>
      ) : (
        <ul
          aria-label={intl.formatMessage({
            id: 'pos.takeawayPanel.openTakeawayOrders',
            defaultMessage: 'Open takeaway orders',
          })}
          className="flex flex-col divide-y divide-line"
        >
          {orders.map((order) => (
            <li key={order.id}>
              <AriaButton
                aria-label={intl.formatMessage(
                  { id: 'pos.takeawayPanel.order', defaultMessage: 'Order {number}, {totalMinor}' },
                  { number: order.number, totalMinor: money(order.totalMinor) },
                )}
                onPress={() => void navigate(`/orders/${order.id}`)}
                className="flex min-h-touch-lg w-full items-center gap-3 rounded-control px-1 py-2 text-left data-pressed:bg-sunken"
              >
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="font-bold">
                    {order.number}
                    <span className="ml-2 text-sm font-normal text-ink-muted">
                      {order.kind === 'qr' ? (
                        <FormattedMessage
                          id="pos.takeawayPanel.qrOrder"
                          defaultMessage="QR order"
                        />
                      ) : (
                        <FormattedMessage
                          id="pos.takeawayPanel.takeaway"
                          defaultMessage="Takeaway"
                        />
                      )}
                    </span>
                  </span>
                  <Elapsed since={order.openedAt} className="text-sm text-ink-muted" />
                </span>
                <StatusBadge status={floorStatusOfOrder(order.status)} />
                <span className="w-20 text-right font-semibold tabular-nums">
                  {money(order.totalMinor)}
                </span>
                <ChevronRight aria-hidden className="size-5 shrink-0 text-ink-muted" />
              </AriaButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
