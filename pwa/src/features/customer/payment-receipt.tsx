import { CircleCheckBig } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PaidCard } from './card-payment/card-checkout.tsx';
import { brandName } from './card-payment/card-input.ts';
import { moneyIn } from '../../lib/money.ts';

export interface PaymentReceiptProps {
  title: string;
  /** A sentence under the title ("Table T4 · Order A-12"). */
  subtitle: string;
  currency: string;
  /** What went against the bill (or paid the order), tip excluded. */
  amountMinor: number;
  amountLabel: string;
  tipMinor: number;
  card: PaidCard | null;
  paidAt: Date;
  /** Extra rows between the amounts and the actions (remaining balance, order items). */
  children?: ReactNode;
  actions?: ReactNode;
}

/** After a card payment: what was paid, the tip, the card charged, and when. */
export function PaymentReceipt({
  title,
  subtitle,
  currency,
  amountMinor,
  amountLabel,
  tipMinor,
  card,
  paidAt,
  children,
  actions,
}: PaymentReceiptProps) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section
      aria-labelledby="receipt-heading"
      className="flex flex-col gap-4 rounded-card bg-surface p-5 shadow-card"
    >
      <div className="flex flex-col items-center gap-2 text-center">
        <span className="flex size-16 items-center justify-center rounded-full bg-ok-soft text-ok">
          <CircleCheckBig aria-hidden className="size-9" />
        </span>
        <h2
          id="receipt-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold outline-none"
        >
          {title}
        </h2>
        <p className="text-base text-ink-muted">{subtitle}</p>
      </div>
      <dl
        aria-label={intl.formatMessage({
          id: 'customer.paymentReceipt.receipt',
          defaultMessage: 'Receipt',
        })}
        className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 border-y border-line py-4 text-base"
      >
        <dt>{amountLabel}</dt>
        <dd className="text-right tabular-nums">{money(amountMinor)}</dd>
        <dt>
          <FormattedMessage id="customer.paymentReceipt.tip" defaultMessage="Tip" />
        </dt>
        <dd className="text-right tabular-nums">{money(tipMinor)}</dd>
        <dt className="text-lg font-bold">
          <FormattedMessage id="customer.paymentReceipt.charged" defaultMessage="Charged" />
        </dt>
        <dd className="text-right text-lg font-bold tabular-nums">
          {money(amountMinor + tipMinor)}
        </dd>
        {card ? (
          <>
            <dt className="text-ink-muted">
              <FormattedMessage id="customer.paymentReceipt.card" defaultMessage="Card" />
            </dt>
            <dd className="text-right text-ink-muted">
              <FormattedMessage
                id="customer.paymentReceipt.cardNumber"
                defaultMessage="{brand} •••• {last4}"
                values={{ brand: brandName(card.brand), last4: card.last4 }}
              />
            </dd>
          </>
        ) : null}
        <dt className="text-ink-muted">
          <FormattedMessage id="customer.paymentReceipt.time" defaultMessage="Time" />
        </dt>
        <dd className="text-right text-ink-muted">
          {paidAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
        </dd>
      </dl>
      {children}
      {actions ? <div className="flex flex-col gap-2">{actions}</div> : null}
    </section>
  );
}
