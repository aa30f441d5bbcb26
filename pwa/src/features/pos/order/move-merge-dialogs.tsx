import type { OrderRow, TableRow } from '@servio/shared';
import { ArrowRight, Merge } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button as AriaButton } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { Elapsed } from '../elapsed.tsx';
import { floorStatusOfOrder, floorStatusOfTable } from '../floor-status.ts';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { QuantityStepper } from '../quantity-stepper.tsx';
import { runMutation } from '../run-mutation.ts';
import { FLOOR_STATUS_STYLE, StatusBadge } from '../status-badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { Notice } from '../../../ui/notice.tsx';
import { orderPlace, useFloor } from '../pos-queries.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/** Move the order to another table (guests changed tables, or a takeaway sits down). */
export function MoveTableDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const intl = useIntl();
  const floor = useFloor();
  const [moving, setMoving] = useState<string | null>(null);
  const ordersByTable = useMemo(() => {
    const map = new Map<string, OrderRow[]>();
    for (const other of floor?.orders ?? []) {
      if (other.tableId && other.id !== order.id) {
        map.set(other.tableId, [...(map.get(other.tableId) ?? []), other]);
      }
    }
    return map;
  }, [floor, order.id]);

  async function moveTo(table: TableRow) {
    setMoving(table.id);
    const done = await runMutation(
      'order.moveTable',
      { orderId: order.id, tableId: table.id },
      {
        done: intl.formatMessage(
          {
            id: 'pos.moveMergeDialogs.orderMovedTo',
            defaultMessage: 'Order {number} moved to {name}',
          },
          { number: order.number, name: table.name },
        ),
        refused: intl.formatMessage({
          id: 'pos.moveMergeDialogs.notMoved',
          defaultMessage: 'Not moved',
        }),
      },
    );
    setMoving(null);
    if (done) onClose();
  }

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.moveMergeDialogs.moveOrder', defaultMessage: 'Move order {number}' },
        { number: order.number },
      )}
      subtitle={intl.formatMessage({
        id: 'pos.moveMergeDialogs.tapTheTableThe',
        defaultMessage: 'Tap the table the guests are moving to.',
      })}
      size="lg"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] gap-2">
        {(floor?.tables ?? []).map((table) => {
          const status = floorStatusOfTable(ordersByTable.get(table.id) ?? []);
          const here = table.id === order.tableId;
          return (
            <li key={table.id} className="flex">
              <AriaButton
                aria-label={intl.formatMessage(
                  { id: 'pos.moveMergeDialogs.text', defaultMessage: '{name}{value}' },
                  {
                    name: table.name,
                    value: here
                      ? ', current table'
                      : status === 'free'
                        ? ', free'
                        : ', has an order',
                  },
                )}
                isDisabled={here || moving !== null}
                onPress={() => void moveTo(table)}
                className={cx(
                  'flex min-h-20 w-full flex-col items-start gap-1 rounded-card border-2 p-2.5 text-left',
                  'data-pressed:scale-[0.97] data-disabled:opacity-50',
                  FLOOR_STATUS_STYLE[status].tile,
                )}
              >
                <span className="text-xl font-bold">{table.name}</span>
                <span className="text-sm text-ink-muted">
                  {here ? (
                    <FormattedMessage id="pos.moveMergeDialogs.hereNow" defaultMessage="Here now" />
                  ) : status === 'free' ? (
                    <FormattedMessage
                      id="pos.moveMergeDialogs.freeSeats"
                      defaultMessage="Free · {seats} seats"
                      values={{ seats: table.seats }}
                    />
                  ) : (
                    <FormattedMessage
                      id="pos.moveMergeDialogs.hasAnOrder"
                      defaultMessage="Has an order"
                    />
                  )}
                </span>
              </AriaButton>
            </li>
          );
        })}
      </ul>
    </PosDialog>
  );
}

/**
 * Merge this order into another open one: every line moves onto the target, and this order is
 * closed as merged (order.merge). An order with payments stays as it is: money stays on the
 * bill it was paid to.
 */
export function MergeDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const intl = useIntl();
  const floor = useFloor();
  const navigate = useNavigate();
  const { money } = usePos();
  const [target, setTarget] = useState<OrderRow | null>(null);
  const [merging, setMerging] = useState(false);
  const tables = useMemo(
    () => new Map((floor?.tables ?? []).map((t) => [t.id as string, t])),
    [floor],
  );
  const candidates = (floor?.orders ?? []).filter(
    (other) => other.id !== order.id && ['open', 'sent', 'part_paid'].includes(other.status),
  );
  const placeOf = (candidate: OrderRow) =>
    orderPlace(candidate, candidate.tableId ? (tables.get(candidate.tableId) ?? null) : null);

  async function merge() {
    if (!target) return;
    setMerging(true);
    const done = await runMutation(
      'order.merge',
      { sourceOrderId: order.id, targetOrderId: target.id },
      {
        done: intl.formatMessage(
          {
            id: 'pos.moveMergeDialogs.mergedInto',
            defaultMessage: 'Merged into {number} ({target})',
          },
          { number: target.number, target: placeOf(target) },
        ),
        refused: intl.formatMessage({
          id: 'pos.moveMergeDialogs.notMerged',
          defaultMessage: 'Not merged',
        }),
      },
    );
    setMerging(false);
    if (done) {
      onClose();
      void navigate(`/orders/${target.id}`, { replace: true });
    }
  }

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.moveMergeDialogs.mergeOrder', defaultMessage: 'Merge order {number}' },
        { number: order.number },
      )}
      subtitle="Its items move onto the order you choose; this order then closes as merged."
      size="lg"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="pos.moveMergeDialogs.cancel" defaultMessage="Cancel" />
          </Button>
          <Button isDisabled={!target} isPending={merging} onPress={() => void merge()}>
            <Merge aria-hidden className="size-5" />
            {target ? (
              <FormattedMessage
                id="pos.moveMergeDialogs.mergeInto"
                defaultMessage="Merge into {number}"
                values={{ number: target.number }}
              />
            ) : (
              <FormattedMessage
                id="pos.moveMergeDialogs.chooseAnOrder"
                defaultMessage="Choose an order"
              />
            )}
          </Button>
        </>
      }
    >
      {order.paidMinor > 0 ? (
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'pos.moveMergeDialogs.thisOrderHasPayments',
            defaultMessage: 'This order has payments',
          })}
        >
          <FormattedMessage
            id="pos.moveMergeDialogs.moneyAlreadyTakenStays"
            defaultMessage="Money already taken stays on this bill, so it cannot be merged away. Merge the other order into this one instead."
          />
        </Notice>
      ) : null}
      {candidates.length === 0 ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="pos.moveMergeDialogs.noOtherOpenOrders"
            defaultMessage="No other open orders to merge with."
          />
        </p>
      ) : (
        <ul
          aria-label={intl.formatMessage({
            id: 'pos.moveMergeDialogs.ordersToMergeInto',
            defaultMessage: 'Orders to merge into',
          })}
          className="flex flex-col gap-2"
        >
          {candidates.map((candidate) => {
            const chosen = target?.id === candidate.id;
            return (
              <li key={candidate.id}>
                <AriaButton
                  aria-label={intl.formatMessage(
                    {
                      id: 'pos.moveMergeDialogs.order',
                      defaultMessage: '{candidate}, order {number}',
                    },
                    { candidate: placeOf(candidate), number: candidate.number },
                  )}
                  aria-pressed={chosen}
                  onPress={() => setTarget(candidate)}
                  className={cx(
                    'flex min-h-touch-lg w-full items-center gap-3 rounded-control border-2 px-3 py-2 text-left data-pressed:scale-[0.99]',
                    chosen ? 'border-brand bg-brand-soft' : 'border-line-strong bg-surface',
                  )}
                >
                  <span className="w-16 text-xl font-bold">{placeOf(candidate)}</span>
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="font-semibold">
                      <FormattedMessage
                        id="pos.moveMergeDialogs.order2"
                        defaultMessage="Order {number}"
                        values={{ number: candidate.number }}
                      />
                    </span>
                    <Elapsed since={candidate.openedAt} className="text-sm text-ink-muted" />
                  </span>
                  <StatusBadge status={floorStatusOfOrder(candidate.status)} />
                  <span className="w-20 text-right tabular-nums">
                    {money(candidate.totalMinor)}
                  </span>
                  {chosen ? <ArrowRight aria-hidden className="size-5 text-brand" /> : null}
                </AriaButton>
              </li>
            );
          })}
        </ul>
      )}
    </PosDialog>
  );
}

/** How many guests the order is for (covers, used by reports and even splits). */
export function GuestsDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const intl = useIntl();
  const [covers, setCovers] = useState(order.covers);
  const [saving, setSaving] = useState(false);
  return (
    <PosDialog
      title={intl.formatMessage({ id: 'pos.moveMergeDialogs.guests', defaultMessage: 'Guests' })}
      subtitle={intl.formatMessage(
        { id: 'pos.moveMergeDialogs.order3', defaultMessage: 'Order {number}' },
        { number: order.number },
      )}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <Button
          isPending={saving}
          onPress={() => {
            setSaving(true);
            void runMutation(
              'order.setCovers',
              { orderId: order.id, covers },
              {
                done: intl.formatMessage(
                  { id: 'pos.moveMergeDialogs.guests2', defaultMessage: '{covers} guests' },
                  { covers },
                ),
                refused: intl.formatMessage({
                  id: 'pos.moveMergeDialogs.guestsNotChanged',
                  defaultMessage: 'Guests not changed',
                }),
              },
            ).then((done) => {
              setSaving(false);
              if (done) onClose();
            });
          }}
        >
          <FormattedMessage id="pos.moveMergeDialogs.save" defaultMessage="Save" />
        </Button>
      }
    >
      <QuantityStepper
        label={intl.formatMessage({ id: 'pos.moveMergeDialogs.guests', defaultMessage: 'Guests' })}
        value={covers}
        onChange={setCovers}
        minValue={0}
        maxValue={500}
      />
    </PosDialog>
  );
}
