import { ArrowLeft, Printer } from 'lucide-react';
import { useParams } from 'react-router';
import { modifiersText } from '../line-text.ts';
import { OrderTotalsList } from '../order-totals.tsx';
import { usePos } from '../pos-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { LinkButton } from '../../../ui/link-button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { orderPlace, useOrderView } from '../pos-queries.ts';
import { PaymentsList } from './bill-lines.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * `/orders/:orderId/receipt`: the bill before paying, the receipt after, laid out like a till
 * slip. The print stylesheet (styles/app.css) prints this slip alone, without the status bar or
 * buttons, on whatever printer the tablet's print dialog offers.
 */
export function ReceiptScreen() {
  const intl = useIntl();
  const { orderId } = useParams();
  const { venue, money } = usePos();
  const view = useOrderView(orderId, venue.taxMode);

  if (view === undefined) {
    return (
      <p role="status" className="m-5 rounded-card bg-surface p-5 text-ink-muted shadow-card">
        <FormattedMessage
          id="pos.receiptScreen.loadingTheReceipt"
          defaultMessage="Loading the receipt…"
        />
      </p>
    );
  }
  if (view === null) {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4 p-5">
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'pos.receiptScreen.orderNotFound',
            defaultMessage: 'Order not found',
          })}
        >
          <FormattedMessage
            id="pos.receiptScreen.thisTabletHasNo"
            defaultMessage="This tablet has no order at this address."
          />
        </Notice>
      </div>
    );
  }

  const { order, lines, totals, table, payments } = view;
  const settled = totals.dueMinor <= 0 && totals.paidMinor > 0;
  const title = settled
    ? intl.formatMessage({ id: 'pos.receiptScreen.receipt', defaultMessage: 'Receipt' })
    : intl.formatMessage({ id: 'pos.receiptScreen.bill', defaultMessage: 'Bill' });
  const billed = lines.filter((line) => line.status !== 'voided');

  return (
    <div className="flex flex-1 flex-col items-center gap-4 p-3 sm:p-6 print:block print:p-0">
      <div className="flex w-full max-w-md flex-wrap gap-2 print:hidden">
        <LinkButton
          to={
            order.status === 'closed' || order.status === 'void' ? '/' : `/orders/${order.id}/pay`
          }
          variant="secondary"
        >
          <ArrowLeft aria-hidden className="size-5" />
          <FormattedMessage id="pos.receiptScreen.back" defaultMessage="Back" />
        </LinkButton>
        <Button className="ml-auto" onPress={() => window.print()}>
          <Printer aria-hidden className="size-5" />
          <FormattedMessage
            id="pos.receiptScreen.print"
            defaultMessage="Print {toLowerCase}"
            values={{ toLowerCase: title.toLowerCase() }}
          />
        </Button>
      </div>

      <article
        data-print-receipt
        aria-label={title}
        className="flex w-full max-w-md flex-col gap-3 rounded-card bg-surface p-6 font-mono text-base shadow-card print:max-w-none print:rounded-none print:p-0 print:shadow-none"
      >
        <div className="flex flex-col items-center gap-0.5 text-center">
          <h1 className="font-sans text-2xl font-bold">{venue.name}</h1>
          <p className="text-sm text-ink-muted">{title}</p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 border-y border-dashed border-line-strong py-2 text-sm">
          <dt>
            <FormattedMessage id="pos.receiptScreen.order" defaultMessage="Order" />
          </dt>
          <dd className="text-right">{order.number}</dd>
          <dt>
            {table ? (
              <FormattedMessage id="pos.receiptScreen.table" defaultMessage="Table" />
            ) : (
              <FormattedMessage id="pos.receiptScreen.type" defaultMessage="Type" />
            )}
          </dt>
          <dd className="text-right">{orderPlace(order, table)}</dd>
          <dt>
            <FormattedMessage id="pos.receiptScreen.opened" defaultMessage="Opened" />
          </dt>
          <dd className="text-right">{formatDateTime(Date.parse(order.openedAt))}</dd>
          {order.closedAt ? (
            <>
              <dt>
                <FormattedMessage id="pos.receiptScreen.closed" defaultMessage="Closed" />
              </dt>
              <dd className="text-right">{formatDateTime(Date.parse(order.closedAt))}</dd>
            </>
          ) : null}
          {order.covers > 0 ? (
            <>
              <dt>
                <FormattedMessage id="pos.receiptScreen.guests" defaultMessage="Guests" />
              </dt>
              <dd className="text-right">{order.covers}</dd>
            </>
          ) : null}
        </dl>
        <ul
          aria-label={intl.formatMessage({
            id: 'pos.receiptScreen.items',
            defaultMessage: 'Items',
          })}
          className="flex flex-col gap-1"
        >
          {billed.map((line) => (
            <li key={line.id} className="flex gap-2">
              <span className="w-8 shrink-0">
                <FormattedMessage
                  id="pos.receiptScreen.text"
                  defaultMessage="{quantity}×"
                  values={{ quantity: line.quantity }}
                />
              </span>
              <span className="flex min-w-0 flex-1 flex-col">
                <span>{line.name}</span>
                {line.modifiers.length > 0 ? (
                  <span className="text-sm text-ink-muted">{modifiersText(line)}</span>
                ) : null}
              </span>
              <span className="tabular-nums">{money(line.lineTotalMinor)}</span>
            </li>
          ))}
        </ul>
        <OrderTotalsList
          totals={totals}
          className="border-t border-dashed border-line-strong pt-2"
        />
        <PaymentsList payments={payments} />
        <p className="border-t border-dashed border-line-strong pt-2 text-center text-sm">
          {settled ? (
            <FormattedMessage
              id="pos.receiptScreen.thankYouForYour"
              defaultMessage="Thank you for your visit!"
            />
          ) : (
            <FormattedMessage
              id="pos.receiptScreen.notPaidYetPlease"
              defaultMessage="Not paid yet. Please pay your server."
            />
          )}
        </p>
      </article>
    </div>
  );
}
