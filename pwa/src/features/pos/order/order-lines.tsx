import type { LineTotals, OrderLineRow } from '@servio/shared';
import { ChefHat, CircleCheck, PencilLine, StickyNote } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import {
  isRemovedBeforeSending,
  LINE_STATUS_LABEL,
  lineDiscountText,
  modifiersText,
} from '../line-text.ts';
import { usePos } from '../pos-context.tsx';
import { cx } from '../../../ui/class-names.ts';
import { FormattedMessage, useIntl } from 'react-intl';

const STATUS_STYLE: Record<OrderLineRow['status'], string> = {
  new: 'text-brand',
  sent: 'text-warn-ink',
  ready: 'text-ok-ink',
  served: 'text-ok-ink',
  voided: 'text-danger',
};

/** What a voided line would have cost, struck through on the ticket. */
function grossOf(line: OrderLineRow): number {
  const unit = line.unitPriceMinor + line.modifiers.reduce((sum, m) => sum + m.priceDeltaMinor, 0);
  return Math.max(unit, 0) * line.quantity;
}

/** The order's lines as the guest's bill will list them; tap one to change or void it. */
export function OrderLines({
  lines,
  lineTotals,
  onPress,
}: {
  lines: readonly OrderLineRow[];
  lineTotals: ReadonlyMap<string, LineTotals>;
  onPress: (line: OrderLineRow) => void;
}) {
  const intl = useIntl();
  const { money } = usePos();
  const shown = lines.filter((line) => !isRemovedBeforeSending(line));
  if (shown.length === 0) {
    return (
      <p className="flex flex-1 items-center justify-center p-6 text-center text-base text-ink-muted">
        <FormattedMessage
          id="pos.orderLines.nothingOrderedYetTap"
          defaultMessage="Nothing ordered yet. Tap items on the menu to add them."
        />
      </p>
    );
  }
  return (
    <ul
      aria-label={intl.formatMessage({
        id: 'pos.orderLines.orderLines',
        defaultMessage: 'Order lines',
      })}
      className="flex flex-col divide-y divide-line"
    >
      {shown.map((line) => {
        const voided = line.status === 'voided';
        const discount = lineDiscountText(line, money);
        const total = lineTotals.get(line.id)?.lineTotalMinor ?? line.lineTotalMinor;
        const StatusIcon =
          line.status === 'new' ? PencilLine : line.status === 'sent' ? ChefHat : CircleCheck;
        return (
          <li key={line.id}>
            <AriaButton
              aria-label={intl.formatMessage(
                { id: 'pos.orderLines.text', defaultMessage: '{quantity} × {name}, {value}' },
                { quantity: line.quantity, name: line.name, value: LINE_STATUS_LABEL[line.status] },
              )}
              onPress={() => onPress(line)}
              className={cx(
                'flex min-h-touch-lg w-full gap-3 px-4 py-2.5 text-left data-pressed:bg-sunken',
                line.status === 'new' && 'border-l-4 border-brand pl-3',
              )}
            >
              <span
                className={cx(
                  'w-8 shrink-0 text-lg font-bold tabular-nums',
                  voided && 'line-through',
                )}
              >
                <FormattedMessage
                  id="pos.orderLines.text2"
                  defaultMessage="{quantity}×"
                  values={{ quantity: line.quantity }}
                />
              </span>
              <span className="flex min-w-0 flex-1 flex-col">
                <span
                  className={cx('text-base font-semibold', voided && 'text-ink-muted line-through')}
                >
                  {line.name}
                </span>
                {line.modifiers.length > 0 ? (
                  <span className="text-sm text-ink-muted">{modifiersText(line)}</span>
                ) : null}
                {line.note ? (
                  <span className="flex items-center gap-1 text-sm font-semibold text-warn-ink">
                    <StickyNote aria-hidden className="size-4 shrink-0" />
                    {line.note}
                  </span>
                ) : null}
                <span
                  className={cx(
                    'flex items-center gap-1 text-sm font-semibold',
                    STATUS_STYLE[line.status],
                  )}
                >
                  {voided ? null : <StatusIcon aria-hidden className="size-4" />}
                  {LINE_STATUS_LABEL[line.status]}
                  {voided && line.voidReason ? (
                    <FormattedMessage
                      id="pos.orderLines.text3"
                      defaultMessage=" · {voidReason}"
                      values={{ voidReason: line.voidReason }}
                    />
                  ) : null}
                  {discount ? <span className="ml-2 text-ok-ink">{discount}</span> : null}
                </span>
              </span>
              <span
                className={cx(
                  'shrink-0 text-base font-semibold tabular-nums',
                  voided && 'text-ink-muted line-through',
                )}
              >
                {money(voided ? grossOf(line) : total)}
              </span>
            </AriaButton>
          </li>
        );
      })}
    </ul>
  );
}
