import { CheckCircle2, Clock3 } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CustomerBill, CustomerBillLine } from '../../api/table-bill.ts';
import { cx } from '../../ui/class-names.ts';
import { moneyIn } from '../../lib/money.ts';
import { formatRate } from './pay-preview.ts';

export interface BillCardProps {
  bill: CustomerBill;
  currency: string;
  /** Several open bills at the table: each names its order. */
  showNumber: boolean;
}

/**
 * The table's bill as the server computed it: lines with their options and discounts, then
 * subtotal, discounts, service charge, tax, what is already paid, what is being paid from
 * another phone right now, and what is left.
 */
export function BillCard({ bill, currency, showNumber }: BillCardProps) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const heading = showNumber
    ? intl.formatMessage(
        { id: 'customer.billCard.billNumber', defaultMessage: 'Bill {number}' },
        { number: bill.number },
      )
    : intl.formatMessage({ id: 'customer.billCard.yourBill', defaultMessage: 'Your bill' });
  return (
    <section
      aria-label={heading}
      className="flex flex-col gap-3 rounded-card bg-surface p-4 shadow-card sm:p-5"
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="text-xl font-bold">{heading}</h2>
        <span className="text-sm text-ink-muted">
          <FormattedMessage
            id="customer.billCard.orderNumber"
            defaultMessage="Order {number}"
            values={{ number: bill.number }}
          />
        </span>
      </div>
      {bill.lines.length === 0 ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="customer.billCard.nothingOrdered"
            defaultMessage="Nothing has been ordered on this bill yet."
          />
        </p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-line"
          aria-label={intl.formatMessage({
            id: 'customer.billCard.items',
            defaultMessage: 'Items',
          })}
        >
          {bill.lines.map((line) => (
            <BillLine key={line.id} line={line} money={money} />
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t-2 border-ink pt-3 text-base">
        <dt>
          <FormattedMessage id="customer.billCard.subtotal" defaultMessage="Subtotal" />
        </dt>
        <dd className="text-right tabular-nums">{money(bill.subtotalMinor)}</dd>
        {bill.discountMinor > 0 ? (
          <>
            <dt>
              <FormattedMessage id="customer.billCard.discounts" defaultMessage="Discounts" />
            </dt>
            <dd className="text-right tabular-nums text-ok-ink">
              <Deducted amount={money(bill.discountMinor)} />
            </dd>
          </>
        ) : null}
        {bill.serviceChargeMinor > 0 ? (
          <>
            <dt>
              <FormattedMessage
                id="customer.billCard.serviceCharge"
                defaultMessage="Service charge"
              />
            </dt>
            <dd className="text-right tabular-nums">{money(bill.serviceChargeMinor)}</dd>
          </>
        ) : null}
        {!bill.taxIncluded && bill.taxMinor > 0
          ? bill.taxes.map((tax) => (
              <TaxRow
                key={tax.rateBps}
                label={intl.formatMessage(
                  { id: 'customer.billCard.tax', defaultMessage: 'Tax {rate}' },
                  { rate: formatRate(tax.rateBps) },
                )}
              >
                {money(tax.taxMinor)}
              </TaxRow>
            ))
          : null}
        <dt className="font-semibold">
          <FormattedMessage id="customer.billCard.total" defaultMessage="Total" />
        </dt>
        <dd className="text-right font-semibold tabular-nums">{money(bill.totalMinor)}</dd>
        {bill.taxIncluded && bill.taxMinor > 0
          ? bill.taxes
              .filter((tax) => tax.taxMinor > 0)
              .map((tax) => (
                <TaxRow
                  key={tax.rateBps}
                  label={intl.formatMessage(
                    { id: 'customer.billCard.inclTax', defaultMessage: 'incl. tax {rate}' },
                    { rate: formatRate(tax.rateBps) },
                  )}
                  className="text-sm text-ink-muted"
                >
                  {money(tax.taxMinor)}
                </TaxRow>
              ))
          : null}
        {bill.paidMinor > 0 ? (
          <>
            <dt className="text-ok-ink">
              <FormattedMessage id="customer.billCard.alreadyPaid" defaultMessage="Already paid" />
            </dt>
            <dd className="text-right tabular-nums text-ok-ink">
              <Deducted amount={money(bill.paidMinor)} />
            </dd>
          </>
        ) : null}
        {bill.pendingMinor > 0 ? (
          <>
            <dt className="text-warn-ink">
              <FormattedMessage
                id="customer.billCard.beingPaidElsewhere"
                defaultMessage="Being paid on another phone"
              />
            </dt>
            <dd className="text-right tabular-nums text-warn-ink">
              <Deducted amount={money(bill.pendingMinor)} />
            </dd>
          </>
        ) : null}
        <dt className="mt-2 text-xl font-bold">
          <FormattedMessage id="customer.billCard.leftToPay" defaultMessage="Left to pay" />
        </dt>
        <dd className="mt-2 text-right text-xl font-bold tabular-nums" data-testid="bill-due">
          {money(bill.dueMinor)}
        </dd>
      </dl>
    </section>
  );
}

function TaxRow({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: string;
}) {
  return (
    <>
      <dt className={className}>{label}</dt>
      <dd className={cx('text-right tabular-nums', className)}>{children}</dd>
    </>
  );
}

function BillLine({ line, money }: { line: CustomerBillLine; money: (amount: number) => string }) {
  return (
    <li className="flex flex-col gap-0.5 py-2.5">
      <div className="flex items-start justify-between gap-3">
        <span className="min-w-0 text-base">
          <FormattedMessage
            id="customer.billCard.line"
            defaultMessage="<count>{quantity} ×</count> {name}"
            values={{
              quantity: line.quantity,
              name: line.name,
              count: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
            }}
          />
        </span>
        <span className={cx('tabular-nums', line.paid && 'text-ink-muted line-through')}>
          {money(line.grossMinor)}
        </span>
      </div>
      {line.modifiers.length > 0 ? (
        <ul className="pl-6 text-sm text-ink-muted">
          {line.modifiers.map((modifier, index) => (
            <li key={`${modifier.name}-${index}`}>
              {modifier.name}
              {modifier.priceDeltaMinor !== 0 ? (
                <FormattedMessage
                  id="customer.billCard.modifierPrice"
                  defaultMessage=" (+{price})"
                  values={{ price: money(modifier.priceDeltaMinor) }}
                />
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {line.note ? (
        <p className="pl-6 text-sm text-ink-muted italic">
          <FormattedMessage
            id="customer.billCard.note"
            defaultMessage="“{note}”"
            values={{ note: line.note }}
          />
        </p>
      ) : null}
      {line.discountMinor > 0 ? (
        <p className="flex justify-between pl-6 text-sm text-ok-ink">
          <span>
            <FormattedMessage id="customer.billCard.discount" defaultMessage="Discount" />
          </span>
          <span className="tabular-nums">
            <Deducted amount={money(line.discountMinor)} />
          </span>
        </p>
      ) : null}
      {line.paid ? (
        <span className="flex items-center gap-1 pl-6 text-sm font-semibold text-ok-ink">
          <CheckCircle2 aria-hidden className="size-4" />
          <FormattedMessage id="customer.billCard.paid" defaultMessage="Paid" />
        </span>
      ) : line.beingPaid ? (
        <span className="flex items-center gap-1 pl-6 text-sm font-semibold text-warn-ink">
          <Clock3 aria-hidden className="size-4" />
          <FormattedMessage
            id="customer.billCard.beingPaidElsewhere"
            defaultMessage="Being paid on another phone"
          />
        </span>
      ) : null}
    </li>
  );
}

/** An amount taken off what is left ("−€4.00"). */
function Deducted({ amount }: { amount: string }) {
  return (
    <FormattedMessage
      id="customer.billCard.deducted"
      defaultMessage="−{amount}"
      values={{ amount }}
    />
  );
}
