import type { OrderRow, TableRow } from '@servio/shared';
import { ChevronRight, Plus } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Elapsed } from '../elapsed.tsx';
import { floorStatusOfOrder } from '../floor-status.ts';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { QuantityStepper } from '../quantity-stepper.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { feedback } from '../toast.tsx';
import { Button } from '../../../ui/button.tsx';
import { openOrder } from '../../../data/mutate.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/** Opens an order at a table: how many guests, then straight to the menu. */
export function OpenTableDialog({ table, onClose }: { table: TableRow; onClose: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [covers, setCovers] = useState(Math.min(table.seats, 2));
  const [opening, setOpening] = useState(false);

  async function open() {
    setOpening(true);
    try {
      const result = await openOrder({ kind: 'table', tableId: table.id, covers });
      if (!result.ok) {
        feedback.error(
          intl.formatMessage(
            { id: 'pos.openTableDialog.notOpened', defaultMessage: '{name} not opened' },
            { name: table.name },
          ),
          result.message,
        );
        return;
      }
      feedback.ok(
        intl.formatMessage(
          { id: 'pos.openTableDialog.opened', defaultMessage: '{name} opened' },
          { name: table.name },
        ),
        intl.formatMessage(
          { id: 'pos.openTableDialog.order2', defaultMessage: 'Order {number}' },
          { number: result.number },
        ),
      );
      void navigate(`/orders/${result.orderId}`);
    } catch (error) {
      feedback.error(
        intl.formatMessage(
          { id: 'pos.openTableDialog.notOpened', defaultMessage: '{name} not opened' },
          { name: table.name },
        ),
        error instanceof Error ? error.message : String(error),
      );
    } finally {
      setOpening(false);
    }
  }

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.openTableDialog.open', defaultMessage: 'Open {name}' },
        { name: table.name },
      )}
      subtitle={
        table.area
          ? intl.formatMessage(
              { id: 'pos.openTableDialog.areaSeats', defaultMessage: '{area} · {seats} seats' },
              { area: table.area, seats: table.seats },
            )
          : intl.formatMessage(
              { id: 'pos.openTableDialog.seats', defaultMessage: '{seats} seats' },
              { seats: table.seats },
            )
      }
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="pos.openTableDialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button isPending={opening} onPress={() => void open()}>
            <FormattedMessage id="pos.openTableDialog.openOrder" defaultMessage="Open order" />
          </Button>
        </>
      }
    >
      <QuantityStepper
        label={intl.formatMessage({ id: 'pos.openTableDialog.guests', defaultMessage: 'Guests' })}
        value={covers}
        onChange={setCovers}
        minValue={0}
        maxValue={500}
      />
      <div
        className="flex flex-wrap gap-2"
        role="group"
        aria-label={intl.formatMessage({
          id: 'pos.openTableDialog.quickGuestCount',
          defaultMessage: 'Quick guest count',
        })}
      >
        {[1, 2, 3, 4, 5, 6, 8].map((count) => (
          <Button
            key={count}
            variant={count === covers ? 'primary' : 'secondary'}
            aria-pressed={count === covers}
            onPress={() => setCovers(count)}
          >
            {count}
          </Button>
        ))}
      </div>
    </PosDialog>
  );
}

/** A table holding more than one order: pick one, or start another. */
export function TableOrdersDialog({
  table,
  orders,
  mayOpen,
  onClose,
}: {
  table: TableRow;
  orders: readonly OrderRow[];
  mayOpen: boolean;
  onClose: () => void;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { money } = usePos();
  const [opening, setOpening] = useState(false);

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.openTableDialog.orders', defaultMessage: '{name}: {length} orders' },
        { name: table.name, length: orders.length },
      )}
      subtitle={intl.formatMessage({
        id: 'pos.openTableDialog.chooseTheOrderTo',
        defaultMessage: 'Choose the order to open.',
      })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        mayOpen ? (
          <Button
            variant="secondary"
            isPending={opening}
            onPress={() => {
              setOpening(true);
              void openOrder({ kind: 'table', tableId: table.id, covers: 0 })
                .then((result) => {
                  if (result.ok) void navigate(`/orders/${result.orderId}`);
                  else
                    feedback.error(
                      intl.formatMessage({
                        id: 'pos.openTableDialog.orderNotOpened',
                        defaultMessage: 'Order not opened',
                      }),
                      result.message,
                    );
                })
                .finally(() => setOpening(false));
            }}
          >
            <Plus aria-hidden className="size-5" />
            <FormattedMessage
              id="pos.openTableDialog.anotherOrderAt"
              defaultMessage="Another order at {name}"
              values={{ name: table.name }}
            />
          </Button>
        ) : null
      }
    >
      <ul className="flex flex-col gap-2">
        {orders.map((order) => (
          <li key={order.id}>
            <Button
              variant="secondary"
              className="w-full justify-between! py-2"
              onPress={() => void navigate(`/orders/${order.id}`)}
            >
              <span className="flex flex-col items-start">
                <span className="font-bold">
                  <FormattedMessage
                    id="pos.openTableDialog.order"
                    defaultMessage="Order {number}"
                    values={{ number: order.number }}
                  />
                </span>
                <Elapsed since={order.openedAt} className="text-sm font-normal text-ink-muted" />
              </span>
              <span className="flex items-center gap-3">
                <StatusBadge status={floorStatusOfOrder(order.status)} />
                <span className="tabular-nums">{money(order.totalMinor)}</span>
                <ChevronRight aria-hidden className="size-5" />
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </PosDialog>
  );
}
