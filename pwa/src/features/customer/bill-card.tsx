import { CheckCircle2, Clock3 } from 'lucide-react';
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
  const money = moneyIn(currency);
  const heading = showNumber ? `Bill ${bill.number}` : 'Your bill';
  return (
    <section
      aria-label={heading}
      className="flex flex-col gap-3 rounded-card bg-surface p-4 shadow-card sm:p-5"
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="text-xl font-bold">{heading}</h2>
        <span className="text-sm text-ink-muted">Order {bill.number}</span>
      </div>
      {bill.lines.length === 0 ? (
        <p className="text-base text-ink-muted">Nothing has been ordered on this bill yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" aria-label="Items">
          {bill.lines.map((line) => (
            <BillLine key={line.id} line={line} money={money} />
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t-2 border-ink pt-3 text-base">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{money(bill.subtotalMinor)}</dd>
        {bill.discountMinor > 0 ? (
          <>
            <dt>Discounts</dt>
            <dd className="text-right tabular-nums text-ok-ink">−{money(bill.discountMinor)}</dd>
          </>
        ) : null}
        {bill.serviceChargeMinor > 0 ? (
          <>
            <dt>Service charge</dt>
            <dd className="text-right tabular-nums">{money(bill.serviceChargeMinor)}</dd>
          </>
        ) : null}
        {!bill.taxIncluded && bill.taxMinor > 0
          ? bill.taxes.map((tax) => (
              <TaxRow key={tax.rateBps} label={`Tax ${formatRate(tax.rateBps)}`}>
                {money(tax.taxMinor)}
              </TaxRow>
            ))
          : null}
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{money(bill.totalMinor)}</dd>
        {bill.taxIncluded && bill.taxMinor > 0
          ? bill.taxes
              .filter((tax) => tax.taxMinor > 0)
              .map((tax) => (
                <TaxRow
                  key={tax.rateBps}
                  label={`incl. tax ${formatRate(tax.rateBps)}`}
                  className="text-sm text-ink-muted"
                >
                  {money(tax.taxMinor)}
                </TaxRow>
              ))
          : null}
        {bill.paidMinor > 0 ? (
          <>
            <dt className="text-ok-ink">Already paid</dt>
            <dd className="text-right tabular-nums text-ok-ink">−{money(bill.paidMinor)}</dd>
          </>
        ) : null}
        {bill.pendingMinor > 0 ? (
          <>
            <dt className="text-warn-ink">Being paid on another phone</dt>
            <dd className="text-right tabular-nums text-warn-ink">−{money(bill.pendingMinor)}</dd>
          </>
        ) : null}
        <dt className="mt-2 text-xl font-bold">Left to pay</dt>
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
          <span className="font-semibold tabular-nums">{line.quantity} ×</span> {line.name}
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
              {modifier.priceDeltaMinor !== 0 ? ` (+${money(modifier.priceDeltaMinor)})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {line.note ? <p className="pl-6 text-sm text-ink-muted italic">“{line.note}”</p> : null}
      {line.discountMinor > 0 ? (
        <p className="flex justify-between pl-6 text-sm text-ok-ink">
          <span>Discount</span>
          <span className="tabular-nums">−{money(line.discountMinor)}</span>
        </p>
      ) : null}
      {line.paid ? (
        <span className="flex items-center gap-1 pl-6 text-sm font-semibold text-ok-ink">
          <CheckCircle2 aria-hidden className="size-4" /> Paid
        </span>
      ) : line.beingPaid ? (
        <span className="flex items-center gap-1 pl-6 text-sm font-semibold text-warn-ink">
          <Clock3 aria-hidden className="size-4" /> Being paid on another phone
        </span>
      ) : null}
    </li>
  );
}
