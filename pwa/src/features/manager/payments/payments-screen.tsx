import { useQuery } from '@tanstack/react-query';
import { Undo2 } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';
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
  cash: intl.formatMessage({ id: 'manager.payments.method.cash', defaultMessage: 'Cash' }),
  card: intl.formatMessage({
    id: 'manager.payments.method.card',
    defaultMessage: 'Card (terminal)',
  }),
  stripe: intl.formatMessage({
    id: 'manager.payments.method.stripe',
    defaultMessage: 'Card by QR',
  }),
};
const REFUND_STATUS: Record<string, string> = {
  pending: intl.formatMessage({
    id: 'manager.payments.refundStatus.pending',
    defaultMessage: 'pending',
  }),
  succeeded: intl.formatMessage({
    id: 'manager.payments.refundStatus.succeeded',
    defaultMessage: 'refunded',
  }),
  failed: intl.formatMessage({
    id: 'manager.payments.refundStatus.failed',
    defaultMessage: 'failed',
  }),
};

/** "order A12 · T4", as the refund dialog's title names it ("Refund order A12 · T4"). */
function orderLabel(intl: IntlShape, number: string, table: string | null) {
  return table
    ? intl.formatMessage(
        { id: 'manager.payments.orderAtTable', defaultMessage: 'order {number} · {table}' },
        { number, table },
      )
    : intl.formatMessage(
        { id: 'manager.payments.order', defaultMessage: 'order {number}' },
        { number },
      );
}

/** Money to give back: bills paid twice, pending refunds, and refunds of card payments made by QR. */
export function PaymentsScreen() {
  const intl = useIntl();
  const trpc = useTRPC();
  const currency = useVenueCurrency();
  const overpaid = useQuery(trpc.payments.overpaid.queryOptions());
  const synced = useSyncedCardPayments();
  const [refunding, setRefunding] = useState<RefundTarget | null>(null);

  return (
    <>
      <ScreenHeader
        title={intl.formatMessage({ id: 'manager.payments.title', defaultMessage: 'Payments' })}
        description={intl.formatMessage({
          id: 'manager.payments.description',
          defaultMessage:
            "Refunds go back to the customer's card through Stripe. Cash goes back at the till.",
        })}
      />
      <Panel
        title={intl.formatMessage({
          id: 'manager.payments.overpaid.title',
          defaultMessage: 'Overpaid or refund pending',
        })}
        description={intl.formatMessage({
          id: 'manager.payments.overpaid.description',
          defaultMessage:
            'Bills paid more than once (such as cash on an offline tablet and card by QR), found when both reached the server.',
        })}
      >
        {!overpaid.data || !currency ? (
          overpaid.isError ? (
            <QueryErrorNotice
              query={overpaid}
              what={intl.formatMessage({
                id: 'manager.payments.overpaid.what',
                defaultMessage: 'the overpaid bills',
              })}
            />
          ) : (
            <LoadingBlock
              label={intl.formatMessage({
                id: 'manager.payments.overpaid.loading',
                defaultMessage: 'Loading…',
              })}
            />
          )
        ) : overpaid.data.length === 0 ? (
          <p className="text-base text-ink-muted">
            <FormattedMessage
              id="manager.payments.overpaid.none"
              defaultMessage="No bill is paid more than its total, and no refund is waiting."
            />
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
        title={intl.formatMessage({
          id: 'manager.payments.byQr.title',
          defaultMessage: 'Card payments by QR',
        })}
        description={
          synced?.lastSyncedAt
            ? intl.formatMessage(
                {
                  id: 'manager.payments.byQr.descriptionSynced',
                  defaultMessage:
                    "From this device's synced copy (open orders and the last business days), synced {at}.",
                },
                { at: formatDateTime(Date.parse(synced.lastSyncedAt)) },
              )
            : intl.formatMessage({
                id: 'manager.payments.byQr.description',
                defaultMessage:
                  "From this device's synced copy (open orders and the last business days).",
              })
        }
      >
        {!synced || !currency ? (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.payments.byQr.loading',
              defaultMessage: "Reading this device's payments…",
            })}
          />
        ) : (
          <DataTable
            caption={intl.formatMessage({
              id: 'manager.payments.byQr.caption',
              defaultMessage: 'Card payments by QR',
            })}
            rows={synced.payments}
            rowKey={(payment) => payment.paymentId}
            empty={intl.formatMessage({
              id: 'manager.payments.byQr.empty',
              defaultMessage: 'No card payments by QR on this device yet.',
            })}
            columns={[
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.order',
                  defaultMessage: 'Order',
                }),
                cell: (p) => <span className="font-semibold">{p.orderNumber}</span>,
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.table',
                  defaultMessage: 'Table',
                }),
                cell: (p) => p.tableName ?? '—',
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.paidAt',
                  defaultMessage: 'Paid at',
                }),
                cell: (p) => formatDateTime(Date.parse(p.at)),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.amount',
                  defaultMessage: 'Amount',
                }),
                numeric: true,
                cell: (p) => money(p.amountMinor, currency),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.tip',
                  defaultMessage: 'Tip',
                }),
                numeric: true,
                cell: (p) => money(p.tipMinor, currency),
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.refunded',
                  defaultMessage: 'Refunded',
                }),
                numeric: true,
                cell: (p) => {
                  const refunded = money(p.refundedMinor + p.pendingRefundMinor, currency);
                  return p.pendingRefundMinor > 0
                    ? intl.formatMessage(
                        {
                          id: 'manager.payments.byQr.refundedPending',
                          defaultMessage: '{amount} (pending)',
                        },
                        { amount: refunded },
                      )
                    : refunded;
                },
              },
              {
                header: intl.formatMessage({
                  id: 'manager.payments.column.refund',
                  defaultMessage: 'Refund',
                }),
                cell: (p) =>
                  p.refundableMinor > 0 ? (
                    <Button
                      variant="secondary"
                      aria-label={intl.formatMessage(
                        {
                          id: 'manager.payments.byQr.refundOrder',
                          defaultMessage: 'Refund order {number}',
                        },
                        { number: p.orderNumber },
                      )}
                      onPress={() =>
                        setRefunding({
                          paymentId: p.paymentId,
                          label: orderLabel(intl, p.orderNumber, p.tableName),
                          refundableMinor: p.refundableMinor,
                          suggestedMinor: p.refundableMinor,
                        })
                      }
                    >
                      <Undo2 aria-hidden className="size-5" />
                      <FormattedMessage id="manager.payments.refund" defaultMessage="Refund" />
                    </Button>
                  ) : (
                    <span className="text-sm text-ink-muted">
                      <FormattedMessage
                        id="manager.payments.byQr.fullyRefunded"
                        defaultMessage="Fully refunded"
                      />
                    </span>
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
  const intl = useIntl();
  const m = (amount: number) => money(amount, currency);
  return (
    <li
      data-order={order.number}
      className="flex flex-col gap-3 rounded-control border-2 border-warn bg-warn-soft/40 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-bold">
          {order.tableName ? (
            <FormattedMessage
              id="manager.payments.overpaid.orderAtTable"
              defaultMessage="Order {number} · {table}"
              values={{ number: order.number, table: order.tableName }}
            />
          ) : (
            <FormattedMessage
              id="manager.payments.overpaid.order"
              defaultMessage="Order {number}"
              values={{ number: order.number }}
            />
          )}
        </p>
        <p className="text-base">
          {order.overpaidMinor > 0 ? (
            <FormattedMessage
              id="manager.payments.overpaid.totalsOverpaid"
              defaultMessage="Total {total} · paid {paid}<warn> · overpaid {overpaid}</warn>"
              values={{
                total: m(order.totalMinor),
                paid: m(order.paidMinor),
                overpaid: m(order.overpaidMinor),
                warn: (chunks) => <span className="font-bold text-warn-ink">{chunks}</span>,
              }}
            />
          ) : (
            <FormattedMessage
              id="manager.payments.overpaid.totals"
              defaultMessage="Total {total} · paid {paid}"
              values={{ total: m(order.totalMinor), paid: m(order.paidMinor) }}
            />
          )}
        </p>
      </div>
      <DataTable
        caption={intl.formatMessage(
          { id: 'manager.payments.overpaid.caption', defaultMessage: 'Payments of order {number}' },
          { number: order.number },
        )}
        rows={order.payments}
        rowKey={(p) => p.paymentId}
        empty={intl.formatMessage({
          id: 'manager.payments.overpaid.empty',
          defaultMessage: 'No payments.',
        })}
        columns={[
          {
            header: intl.formatMessage({
              id: 'manager.payments.column.method',
              defaultMessage: 'Method',
            }),
            cell: (p) => METHOD[p.method] ?? p.method,
          },
          {
            header: intl.formatMessage({
              id: 'manager.payments.column.paidAt',
              defaultMessage: 'Paid at',
            }),
            cell: (p) => formatDateTime(Date.parse(p.at)),
          },
          {
            header: intl.formatMessage({
              id: 'manager.payments.column.amount',
              defaultMessage: 'Amount',
            }),
            numeric: true,
            cell: (p) => m(p.amountMinor + p.tipMinor),
          },
          {
            header: intl.formatMessage({
              id: 'manager.payments.column.refunded',
              defaultMessage: 'Refunded',
            }),
            numeric: true,
            cell: (p) => m(p.refundedMinor),
          },
          {
            header: intl.formatMessage({
              id: 'manager.payments.column.refund',
              defaultMessage: 'Refund',
            }),
            cell: (p) =>
              p.refundableMinor > 0 ? (
                <Button
                  variant="secondary"
                  aria-label={intl.formatMessage(
                    {
                      id: 'manager.payments.overpaid.refundPayment',
                      defaultMessage: 'Refund the card payment of order {number}',
                    },
                    { number: order.number },
                  )}
                  onPress={() =>
                    onRefund({
                      paymentId: p.paymentId,
                      label: orderLabel(intl, order.number, order.tableName),
                      refundableMinor: p.refundableMinor,
                      suggestedMinor: Math.min(
                        Math.max(order.overpaidMinor, 0) || p.refundableMinor,
                        p.refundableMinor,
                      ),
                    })
                  }
                >
                  <Undo2 aria-hidden className="size-5" />
                  <FormattedMessage id="manager.payments.refund" defaultMessage="Refund" />
                </Button>
              ) : (
                <span className="text-sm text-ink-muted">
                  {p.method === 'stripe' ? (
                    <FormattedMessage
                      id="manager.payments.overpaid.nothingLeft"
                      defaultMessage="Nothing left"
                    />
                  ) : (
                    <FormattedMessage
                      id="manager.payments.overpaid.atTheTill"
                      defaultMessage="At the till"
                    />
                  )}
                </span>
              ),
          },
        ]}
      />
      {order.refunds.length > 0 ? (
        <ul className="flex flex-col gap-1 text-base">
          {order.refunds.map((refund) => (
            <li key={refund.refundId}>
              <FormattedMessage
                id="manager.payments.overpaid.refundLine"
                defaultMessage="Refund {amount} {status} — “{reason}”, {at}"
                values={{
                  amount: m(refund.amountMinor),
                  status: REFUND_STATUS[refund.status] ?? refund.status,
                  reason: refund.reason,
                  at: formatDateTime(Date.parse(refund.at)),
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default PaymentsScreen;
