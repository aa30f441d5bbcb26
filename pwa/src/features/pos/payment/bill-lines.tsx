import type { LineId, OrderLineRow, OrderTotals, PaymentRow } from '@servio/shared';
import { Banknote, Check, CreditCard, Smartphone } from 'lucide-react';
import { ToggleButton } from 'react-aria-components';
import { modifiersText } from '../line-text.ts';
import { usePos } from '../pos-context.tsx';
import { cx } from '../../../ui/class-names.ts';
import { formatClock } from '../../../lib/format.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

/**
 * The bill's lines with what each comes to after discounts and tax (its exact share of the
 * total, so chosen items add up to what the guest pays). When splitting by items they become
 * toggles; items a guest already paid for on this screen are marked.
 */
export function BillLines({
  lines,
  totals,
  selectable,
  chosen,
  paid,
  onToggle,
}: {
  lines: readonly OrderLineRow[];
  totals: OrderTotals;
  selectable: boolean;
  chosen: ReadonlySet<LineId>;
  paid: ReadonlySet<LineId>;
  onToggle: (lineId: LineId) => void;
}) {
  const intl = useIntl();
  const { money } = usePos();
  const payable = new Map(totals.lines.map((line) => [line.lineId as string, line.payableMinor]));
  const billed = lines.filter((line) => line.status !== 'voided');
  if (billed.length === 0)
    return (
      <p className="text-base text-ink-muted">
        <FormattedMessage
          id="pos.billLines.nothingOnTheBill"
          defaultMessage="Nothing on the bill."
        />
      </p>
    );

  return (
    <ul
      aria-label={intl.formatMessage({
        id: 'pos.billLines.billItems',
        defaultMessage: 'Bill items',
      })}
      className="flex flex-col gap-1"
    >
      {billed.map((line) => {
        const content = (
          <>
            <span className="w-8 shrink-0 font-bold tabular-nums">
              <FormattedMessage
                id="pos.billLines.text"
                defaultMessage="{quantity}×"
                values={{ quantity: line.quantity }}
              />
            </span>
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="font-semibold">{line.name}</span>
              {line.modifiers.length > 0 ? (
                <span className="text-sm text-ink-muted">{modifiersText(line)}</span>
              ) : null}
            </span>
            {paid.has(line.id) ? (
              <span className="rounded-full bg-ok-soft px-2 text-sm font-semibold text-ok-ink">
                <FormattedMessage id="pos.billLines.paid" defaultMessage="Paid" />
              </span>
            ) : null}
            <span className="shrink-0 tabular-nums">
              {money(payable.get(line.id) ?? line.lineTotalMinor)}
            </span>
          </>
        );
        if (!selectable) {
          return (
            <li key={line.id} className="flex gap-2 py-1 text-base">
              {content}
            </li>
          );
        }
        const isSelected = chosen.has(line.id);
        return (
          <li key={line.id}>
            <ToggleButton
              isSelected={isSelected}
              isDisabled={paid.has(line.id)}
              onChange={() => onToggle(line.id)}
              aria-label={intl.formatMessage(
                { id: 'pos.billLines.text2', defaultMessage: '{quantity} × {name}' },
                { quantity: line.quantity, name: line.name },
              )}
              className={cx(
                'flex min-h-touch w-full items-center gap-2 rounded-control border-2 px-2 py-1.5 text-left text-base',
                'data-pressed:scale-[0.99] data-disabled:opacity-55',
                isSelected ? 'border-brand bg-brand-soft' : 'border-line bg-surface',
              )}
            >
              <span
                aria-hidden
                className={cx(
                  'flex size-6 shrink-0 items-center justify-center rounded border-2',
                  isSelected ? 'border-brand bg-brand text-white' : 'border-line-strong',
                )}
              >
                {isSelected ? <Check className="size-4" /> : null}
              </span>
              {content}
            </ToggleButton>
          </li>
        );
      })}
    </ul>
  );
}

const METHOD = {
  cash: {
    label: intl.formatMessage({ id: 'pos.billLines.cash', defaultMessage: 'Cash' }),
    icon: Banknote,
  },
  card: {
    label: intl.formatMessage({ id: 'pos.billLines.card', defaultMessage: 'Card' }),
    icon: CreditCard,
  },
  stripe: {
    label: intl.formatMessage({ id: 'pos.billLines.qrPhone', defaultMessage: 'QR (phone)' }),
    icon: Smartphone,
  },
} as const;

/** Money already taken on this order, newest last. */
export function PaymentsList({ payments }: { payments: readonly PaymentRow[] }) {
  const intl = useIntl();
  const { money } = usePos();
  const taken = payments.filter((payment) => payment.status === 'succeeded');
  if (taken.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 border-t border-line pt-3">
      <h2 className="text-base font-bold">
        <FormattedMessage id="pos.billLines.payments" defaultMessage="Payments" />
      </h2>
      <ul
        aria-label={intl.formatMessage({
          id: 'pos.billLines.payments',
          defaultMessage: 'Payments',
        })}
        className="flex flex-col gap-1"
      >
        {taken.map((payment) => {
          const method = METHOD[payment.method];
          return (
            <li key={payment.id} className="flex items-center gap-2 text-base">
              <method.icon aria-hidden className="size-5 text-ink-muted" />
              <span className="flex-1">
                {method.label}
                {payment.clientTime ? (
                  <span className="text-sm text-ink-muted">
                    <FormattedMessage
                      id="pos.billLines.text3"
                      defaultMessage=" · {clientTime}"
                      values={{ clientTime: formatClock(Date.parse(payment.clientTime)) }}
                    />
                  </span>
                ) : null}
                {payment.changeMinor ? (
                  <span className="text-sm text-ink-muted">
                    <FormattedMessage
                      id="pos.billLines.change"
                      defaultMessage=" · change {changeMinor}"
                      values={{ changeMinor: money(payment.changeMinor) }}
                    />
                  </span>
                ) : null}
              </span>
              <span className="tabular-nums">
                {money(payment.amountMinor)}
                {payment.tipMinor > 0 ? (
                  <span className="text-sm text-ink-muted">
                    <FormattedMessage
                      id="pos.billLines.tip"
                      defaultMessage=" + {tipMinor} tip"
                      values={{ tipMinor: money(payment.tipMinor) }}
                    />
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
