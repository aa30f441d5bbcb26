import type { OrderTotals } from '@servio/shared';
import { cx } from '../../ui/class-names.ts';
import { usePos } from './pos-context.tsx';
import { intl } from '../../i18n/intl.ts';

/**
 * The money of an order as the shared rules compute it (`computeOrderTotals`, the same the
 * server runs): subtotal, discounts, service, tax (inside the prices or on top, per the venue),
 * total, and what is paid and still due once money was taken.
 */
export function OrderTotalsList({
  totals,
  className,
}: {
  totals: OrderTotals;
  className?: string;
}) {
  const { money, venue } = usePos();
  const inclusive = venue.taxMode === 'inclusive';
  const rows: Array<{ label: string; value: string; strong?: boolean; tone?: string }> = [];
  if (totals.discountMinor > 0 || totals.serviceChargeMinor > 0 || !inclusive) {
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.subtotal', defaultMessage: 'Subtotal' }),
      value: money(totals.subtotalMinor),
    });
  }
  if (totals.discountMinor > 0) {
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.discount', defaultMessage: 'Discount' }),
      value: `−${money(totals.discountMinor)}`,
      tone: 'text-ok-ink',
    });
  }
  if (totals.serviceChargeMinor > 0) {
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.service', defaultMessage: 'Service' }),
      value: money(totals.serviceChargeMinor),
    });
  }
  if (!inclusive)
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.tax', defaultMessage: 'Tax' }),
      value: money(totals.taxMinor),
    });
  rows.push({
    label: intl.formatMessage({ id: 'pos.orderTotals.total', defaultMessage: 'Total' }),
    value: money(totals.totalMinor),
    strong: true,
  });
  if (inclusive && totals.taxMinor > 0) {
    for (const tax of totals.taxes) {
      if (tax.taxMinor === 0) continue;
      rows.push({
        label: intl.formatMessage(
          { id: 'pos.orderTotals.inclTax', defaultMessage: 'incl. tax {value} %' },
          { value: tax.rateBps / 100 },
        ),
        value: money(tax.taxMinor),
        tone: 'text-ink-muted text-sm',
      });
    }
  }
  if (totals.paidMinor > 0) {
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.paid', defaultMessage: 'Paid' }),
      value: `−${money(totals.paidMinor)}`,
    });
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.stillDue', defaultMessage: 'Still due' }),
      value: money(totals.dueMinor),
      strong: true,
    });
  }
  if (totals.tipMinor > 0)
    rows.push({
      label: intl.formatMessage({ id: 'pos.orderTotals.tips', defaultMessage: 'Tips' }),
      value: money(totals.tipMinor),
      tone: 'text-ink-muted',
    });

  return (
    <dl className={cx('grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 text-base', className)}>
      {rows.map((row) => (
        <div key={row.label} className={cx('contents', row.tone)}>
          <dt className={cx(row.strong && 'text-xl font-bold')}>{row.label}</dt>
          <dd
            className={cx('text-right tabular-nums', row.strong && 'text-xl font-bold')}
            data-testid={`total-${row.label.toLowerCase().replace(/[^a-z]+/g, '-')}`}
          >
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
