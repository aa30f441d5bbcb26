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

/** Move the order to another table (guests changed tables, or a takeaway sits down). */
export function MoveTableDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
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
      { done: `Order ${order.number} moved to ${table.name}`, refused: 'Not moved' },
    );
    setMoving(null);
    if (done) onClose();
  }

  return (
    <PosDialog
      title={`Move order ${order.number}`}
      subtitle="Tap the table the guests are moving to."
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
                aria-label={`${table.name}${here ? ', current table' : status === 'free' ? ', free' : ', has an order'}`}
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
                  {here
                    ? 'Here now'
                    : status === 'free'
                      ? `Free · ${table.seats} seats`
                      : 'Has an order'}
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
      { done: `Merged into ${target.number} (${placeOf(target)})`, refused: 'Not merged' },
    );
    setMerging(false);
    if (done) {
      onClose();
      void navigate(`/orders/${target.id}`, { replace: true });
    }
  }

  return (
    <PosDialog
      title={`Merge order ${order.number}`}
      subtitle="Its items move onto the order you choose; this order then closes as merged."
      size="lg"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            Cancel
          </Button>
          <Button isDisabled={!target} isPending={merging} onPress={() => void merge()}>
            <Merge aria-hidden className="size-5" />
            {target ? `Merge into ${target.number}` : 'Choose an order'}
          </Button>
        </>
      }
    >
      {order.paidMinor > 0 ? (
        <Notice tone="warn" title="This order has payments">
          Money already taken stays on this bill, so it cannot be merged away. Merge the other order
          into this one instead.
        </Notice>
      ) : null}
      {candidates.length === 0 ? (
        <p className="text-base text-ink-muted">No other open orders to merge with.</p>
      ) : (
        <ul aria-label="Orders to merge into" className="flex flex-col gap-2">
          {candidates.map((candidate) => {
            const chosen = target?.id === candidate.id;
            return (
              <li key={candidate.id}>
                <AriaButton
                  aria-label={`${placeOf(candidate)}, order ${candidate.number}`}
                  aria-pressed={chosen}
                  onPress={() => setTarget(candidate)}
                  className={cx(
                    'flex min-h-touch-lg w-full items-center gap-3 rounded-control border-2 px-3 py-2 text-left data-pressed:scale-[0.99]',
                    chosen ? 'border-brand bg-brand-soft' : 'border-line-strong bg-surface',
                  )}
                >
                  <span className="w-16 text-xl font-bold">{placeOf(candidate)}</span>
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="font-semibold">Order {candidate.number}</span>
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
  const [covers, setCovers] = useState(order.covers);
  const [saving, setSaving] = useState(false);
  return (
    <PosDialog
      title="Guests"
      subtitle={`Order ${order.number}`}
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
              { done: `${covers} guests`, refused: 'Guests not changed' },
            ).then((done) => {
              setSaving(false);
              if (done) onClose();
            });
          }}
        >
          Save
        </Button>
      }
    >
      <QuantityStepper
        label="Guests"
        value={covers}
        onChange={setCovers}
        minValue={0}
        maxValue={500}
      />
    </PosDialog>
  );
}
