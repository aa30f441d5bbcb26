import { useQuery } from '@tanstack/react-query';
import { Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTRPC } from '../../../api/query.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { money } from '../../../lib/money.ts';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { Button } from '../../../ui/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { OverpaidOrder } from '../manager-api.ts';
import { useVenueCurrency } from '../use-venue.ts';
import { useSyncedCardPayments } from './card-payments.ts';
import { RefundDialog, type RefundTarget } from './refund-dialog.tsx';

const METHOD: Record<string, string> = {
  cash: 'Cash',
  card: 'Card (terminal)',
  stripe: 'Card by QR',
};
const REFUND_STATUS: Record<string, string> = {
  pending: 'pending',
  succeeded: 'refunded',
  failed: 'failed',
};

function orderLabel(number: string, table: string | null) {
  return `order ${number}${table ? ` · ${table}` : ''}`;
}

/** Money to give back: bills paid twice, pending refunds, and refunds of card payments made by QR. */
export function PaymentsScreen() {
  const trpc = useTRPC();
  const currency = useVenueCurrency();
  const overpaid = useQuery(trpc.payments.overpaid.queryOptions());
  const synced = useSyncedCardPayments();
  const [refunding, setRefunding] = useState<RefundTarget | null>(null);

  return (
    <>
      <ScreenHeader
        title="Payments"
        description="Refunds go back to the customer's card through Stripe. Cash goes back at the till."
      />
      <Panel
        title="Overpaid or refund pending"
        description="Bills paid more than once (such as cash on an offline tablet and card by QR), found when both reached the server."
      >
        {!overpaid.data || !currency ? (
          overpaid.isError ? (
            <QueryErrorNotice query={overpaid} what="the overpaid bills" />
          ) : (
            <LoadingBlock label="Loading…" />
          )
        ) : overpaid.data.length === 0 ? (
          <p className="text-base text-ink-muted">
            No bill is paid more than its total, and no refund is waiting.
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {overpaid.data.map((order) => (
              <OverpaidCard
                key={order.orderId}
                order={order}
                currency={currency}
                onRefund={setRefunding}
              />
            ))}
          </ul>
        )}
      </Panel>

      <Panel
        title="Card payments by QR"
        description={`From this device's synced copy (open orders and the last business days)${synced?.lastSyncedAt ? `, synced ${formatDateTime(Date.parse(synced.lastSyncedAt))}` : ''}.`}
      >
        {!synced || !currency ? (
          <LoadingBlock label="Reading this device's payments…" />
        ) : (
          <DataTable
            caption="Card payments by QR"
            rows={synced.payments}
            rowKey={(payment) => payment.paymentId}
            empty="No card payments by QR on this device yet."
            columns={[
              {
                header: 'Order',
                cell: (p) => <span className="font-semibold">{p.orderNumber}</span>,
              },
              { header: 'Table', cell: (p) => p.tableName ?? '—' },
              { header: 'Paid at', cell: (p) => formatDateTime(Date.parse(p.at)) },
              { header: 'Amount', numeric: true, cell: (p) => money(p.amountMinor, currency) },
              { header: 'Tip', numeric: true, cell: (p) => money(p.tipMinor, currency) },
              {
                header: 'Refunded',
                numeric: true,
                cell: (p) =>
                  money(p.refundedMinor + p.pendingRefundMinor, currency) +
                  (p.pendingRefundMinor > 0 ? ' (pending)' : ''),
              },
              {
                header: 'Refund',
                cell: (p) =>
                  p.refundableMinor > 0 ? (
                    <Button
                      variant="secondary"
                      aria-label={`Refund order ${p.orderNumber}`}
                      onPress={() =>
                        setRefunding({
                          paymentId: p.paymentId,
                          label: orderLabel(p.orderNumber, p.tableName),
                          refundableMinor: p.refundableMinor,
                          suggestedMinor: p.refundableMinor,
                        })
                      }
                    >
                      <Undo2 aria-hidden className="size-5" />
                      Refund
                    </Button>
                  ) : (
                    <span className="text-sm text-ink-muted">Fully refunded</span>
                  ),
              },
            ]}
          />
        )}
      </Panel>
      {refunding && currency ? (
        <RefundDialog target={refunding} currency={currency} onClose={() => setRefunding(null)} />
      ) : null}
    </>
  );
}

function OverpaidCard({
  order,
  currency,
  onRefund,
}: {
  order: OverpaidOrder;
  currency: string;
  onRefund: (target: RefundTarget) => void;
}) {
  const m = (amount: number) => money(amount, currency);
  return (
    <li
      data-order={order.number}
      className="flex flex-col gap-3 rounded-control border-2 border-warn bg-warn-soft/40 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-bold">
          Order {order.number}
          {order.tableName ? ` · ${order.tableName}` : ''}
        </p>
        <p className="text-base">
          Total {m(order.totalMinor)} · paid {m(order.paidMinor)}
          {order.overpaidMinor > 0 ? (
            <span className="font-bold text-warn-ink"> · overpaid {m(order.overpaidMinor)}</span>
          ) : null}
        </p>
      </div>
      <DataTable
        caption={`Payments of order ${order.number}`}
        rows={order.payments}
        rowKey={(p) => p.paymentId}
        empty="No payments."
        columns={[
          { header: 'Method', cell: (p) => METHOD[p.method] ?? p.method },
          { header: 'Paid at', cell: (p) => formatDateTime(Date.parse(p.at)) },
          { header: 'Amount', numeric: true, cell: (p) => m(p.amountMinor + p.tipMinor) },
          { header: 'Refunded', numeric: true, cell: (p) => m(p.refundedMinor) },
          {
            header: 'Refund',
            cell: (p) =>
              p.refundableMinor > 0 ? (
                <Button
                  variant="secondary"
                  aria-label={`Refund the card payment of order ${order.number}`}
                  onPress={() =>
                    onRefund({
                      paymentId: p.paymentId,
                      label: orderLabel(order.number, order.tableName),
                      refundableMinor: p.refundableMinor,
                      suggestedMinor: Math.min(
                        Math.max(order.overpaidMinor, 0) || p.refundableMinor,
                        p.refundableMinor,
                      ),
                    })
                  }
                >
                  <Undo2 aria-hidden className="size-5" />
                  Refund
                </Button>
              ) : (
                <span className="text-sm text-ink-muted">
                  {p.method === 'stripe' ? 'Nothing left' : 'At the till'}
                </span>
              ),
          },
        ]}
      />
      {order.refunds.length > 0 ? (
        <ul className="flex flex-col gap-1 text-base">
          {order.refunds.map((refund) => (
            <li key={refund.refundId}>
              Refund {m(refund.amountMinor)} {REFUND_STATUS[refund.status] ?? refund.status} — “
              {refund.reason}”, {formatDateTime(Date.parse(refund.at))}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default PaymentsScreen;
