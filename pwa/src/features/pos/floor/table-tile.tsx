import { sumMinor, type OrderRow, type TableRow } from '@servio/shared';
import { Users } from 'lucide-react';
import { Button } from 'react-aria-components';
import { Elapsed } from '../elapsed.tsx';
import { FLOOR_STATUS_LABEL, floorStatusOfTable } from '../floor-status.ts';
import { usePos } from '../pos-context.tsx';
import { FLOOR_STATUS_STYLE, StatusBadge } from '../status-badge.tsx';
import { cx } from '../../../ui/class-names.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/** One table on the floor: name, seats, status, time since its first order opened, bill so far. */
export function TableTile({
  table,
  orders,
  isDisabled,
  onPress,
}: {
  table: TableRow;
  orders: readonly OrderRow[];
  isDisabled: boolean;
  onPress: () => void;
}) {
  const intl = useIntl();
  const { money } = usePos();
  const status = floorStatusOfTable(orders);
  const first = orders[0];
  const total = sumMinor(orders.map((order) => order.totalMinor));
  const label = [
    table.name,
    FLOOR_STATUS_LABEL[status],
    orders.length > 1
      ? intl.formatMessage(
          { id: 'pos.tableTile.orders2', defaultMessage: '{length} orders' },
          { length: orders.length },
        )
      : null,
    orders.length > 0
      ? money(total)
      : intl.formatMessage(
          { id: 'pos.tableTile.seats2', defaultMessage: '{seats} seats' },
          { seats: table.seats },
        ),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Button
      aria-label={label}
      isDisabled={isDisabled}
      onPress={onPress}
      className={cx(
        'flex min-h-24 w-full flex-col gap-2 rounded-card border-2 p-3 text-left shadow-card sm:min-h-32',
        'transition-transform duration-75 data-pressed:scale-[0.97] data-disabled:opacity-60',
        FLOOR_STATUS_STYLE[status].tile,
      )}
    >
      <span className="flex items-start justify-between gap-2">
        <span className="text-2xl leading-none font-bold">{table.name}</span>
        <span
          className="flex items-center gap-1 text-sm text-ink-muted"
          title={
            first
              ? intl.formatMessage({ id: 'pos.tableTile.guests', defaultMessage: 'Guests' })
              : intl.formatMessage({ id: 'pos.tableTile.seats', defaultMessage: 'Seats' })
          }
        >
          <Users aria-hidden className="size-4" />
          {first ? first.covers || table.seats : table.seats}
        </span>
      </span>
      <StatusBadge status={status} className="self-start" />
      {first ? (
        <span className="mt-auto flex items-end justify-between gap-2 text-base">
          <Elapsed since={first.openedAt} className="text-ink-muted" />
          <span className="font-semibold tabular-nums">{money(total)}</span>
        </span>
      ) : null}
      {orders.length > 1 ? (
        <span className="text-sm font-semibold text-ink">
          <FormattedMessage
            id="pos.tableTile.orders"
            defaultMessage="{length} orders"
            values={{ length: orders.length }}
          />
        </span>
      ) : null}
    </Button>
  );
}
