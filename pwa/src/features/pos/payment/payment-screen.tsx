import type { LineId } from '@servio/shared';
import { ArrowLeft, CircleCheck, HandCoins, ReceiptText } from 'lucide-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { permissionFor } from '../manager-approval.tsx';
import { OrderTotalsList } from '../order-totals.tsx';
import { usePos } from '../pos-context.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { LinkButton } from '../../../ui/link-button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { orderPlace, useOrderView, type OrderView } from '../pos-queries.ts';
import { BillLines, PaymentsList } from './bill-lines.tsx';
import type { SplitMode } from './payment-plan.ts';
import { TakePayment, type RecordedPayment } from './take-payment.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * `/orders/:orderId/pay`: take the money. The bill on the left (its items become choosable when
 * splitting by items), the payment on the right (`TakePayment`), the change to give back after
 * cash, and once nothing is due, closing the order.
 */
export function PaymentScreen() {
  const intl = useIntl();
  const { orderId } = useParams();
  const { venue } = usePos();
  const view = useOrderView(orderId, venue.taxMode);

  if (view === undefined) {
    return (
      <p role="status" className="m-5 rounded-card bg-surface p-5 text-ink-muted shadow-card">
        <FormattedMessage
          id="pos.paymentScreen.loadingTheBill"
          defaultMessage="Loading the bill…"
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
            id: 'pos.paymentScreen.orderNotFound',
            defaultMessage: 'Order not found',
          })}
        >
          <FormattedMessage
            id="pos.paymentScreen.thisTabletHasNo"
            defaultMessage="This tablet has no order at this address."
          />
        </Notice>
        <LinkButton to="/" variant="secondary" className="self-start">
          <FormattedMessage
            id="pos.paymentScreen.backToTheFloor"
            defaultMessage="Back to the floor"
          />
        </LinkButton>
      </div>
    );
  }
  return <Payment view={view} />;
}

function Payment({ view }: { view: OrderView }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { staff, money } = usePos();
  const { order, totals, lines, table } = view;
  const place = orderPlace(order, table);

  const [mode, setMode] = useState<SplitMode>('whole');
  const [chosenLines, setChosenLines] = useState<ReadonlySet<LineId>>(new Set());
  const [paidLines, setPaidLines] = useState<ReadonlySet<LineId>>(new Set());
  const [closing, setClosing] = useState(false);
  const [lastCash, setLastCash] = useState<RecordedPayment['cash']>(null);

  const mayPay = permissionFor(staff.role, 'payment.record') === 'allowed';
  const mayClose = permissionFor(staff.role, 'order.close') === 'allowed';
  const due = totals.dueMinor;
  const finished = order.status === 'closed' || order.status === 'void';

  const recorded = (payment: RecordedPayment) => {
    setLastCash(payment.cash);
    if (payment.lineIds.length > 0) {
      setPaidLines((paid) => new Set([...paid, ...payment.lineIds]));
      setChosenLines(new Set());
    }
  };

  async function close() {
    setClosing(true);
    const done = await runMutation(
      'order.close',
      { orderId: order.id },
      {
        done: intl.formatMessage(
          {
            id: 'pos.paymentScreen.orderClosed',
            defaultMessage: '{place} · order {number} closed',
          },
          { place, number: order.number },
        ),
        refused: intl.formatMessage({
          id: 'pos.paymentScreen.orderNotClosed',
          defaultMessage: 'Order not closed',
        }),
      },
    );
    setClosing(false);
    if (done) void navigate('/');
  }

  return (
    <div className="mx-auto flex w-full max-w-[96rem] flex-1 flex-col gap-4 p-3 sm:p-4 lg:flex-row lg:items-start lg:p-5">
      <section
        aria-label={intl.formatMessage({ id: 'pos.paymentScreen.bill', defaultMessage: 'Bill' })}
        className="flex flex-col gap-3 rounded-card bg-surface p-4 shadow-card lg:w-[26rem] lg:shrink-0"
      >
        <div className="flex flex-wrap items-center gap-2">
          <LinkButton
            to={`/orders/${order.id}`}
            variant="secondary"
            aria-label={intl.formatMessage({
              id: 'pos.paymentScreen.backToTheOrder',
              defaultMessage: 'Back to the order',
            })}
          >
            <ArrowLeft aria-hidden className="size-5" />
          </LinkButton>
          <h1 className="mr-auto text-2xl font-bold">
            <FormattedMessage
              id="pos.paymentScreen.heading"
              defaultMessage="{place} <muted>· Order {number}</muted>"
              values={{
                place,
                number: order.number,
                muted: (chunks) => (
                  <span className="text-lg font-semibold text-ink-muted">{chunks}</span>
                ),
              }}
            />
          </h1>
          <LinkButton to={`/orders/${order.id}/receipt`} variant="secondary">
            <ReceiptText aria-hidden className="size-5" />
            {totals.dueMinor > 0 ? (
              <FormattedMessage id="pos.paymentScreen.bill" defaultMessage="Bill" />
            ) : (
              <FormattedMessage id="pos.paymentScreen.receipt" defaultMessage="Receipt" />
            )}
          </LinkButton>
        </div>
        <BillLines
          lines={lines}
          totals={totals}
          selectable={mode === 'items' && due > 0}
          chosen={chosenLines}
          paid={paidLines}
          onToggle={(lineId) =>
            setChosenLines((current) => {
              const next = new Set(current);
              if (next.has(lineId)) next.delete(lineId);
              else next.add(lineId);
              return next;
            })
          }
        />
        <OrderTotalsList totals={totals} className="border-t-2 border-ink pt-3" />
        <PaymentsList payments={view.payments} />
      </section>

      <section
        aria-labelledby="tender-title"
        className="flex min-w-0 flex-1 flex-col gap-4 rounded-card bg-surface p-4 shadow-card"
      >
        {totals.overpaidMinor > 0 ? (
          <Notice
            tone="warn"
            title={intl.formatMessage(
              { id: 'pos.paymentScreen.overpaidBy', defaultMessage: 'Overpaid by {overpaidMinor}' },
              { overpaidMinor: money(totals.overpaidMinor) },
            )}
          >
            <FormattedMessage
              id="pos.paymentScreen.moreWasTakenThan"
              defaultMessage="More was taken than the bill. A manager refunds the difference from the back office."
            />
          </Notice>
        ) : null}
        {lastCash ? (
          <div
            role="status"
            className="flex flex-wrap items-center gap-4 rounded-card border-2 border-ok bg-ok-soft p-4 text-ok-ink"
          >
            <HandCoins aria-hidden className="size-10" />
            <div className="flex flex-1 flex-col">
              <span className="text-base">
                <FormattedMessage
                  id="pos.paymentScreen.cashReceived"
                  defaultMessage="Cash received {tendered}"
                  values={{ tendered: money(lastCash.tendered) }}
                />
              </span>
              <span className="text-3xl font-bold" data-testid="change-due">
                <FormattedMessage
                  id="pos.paymentScreen.change"
                  defaultMessage="Change {change}"
                  values={{ change: money(lastCash.change) }}
                />
              </span>
            </div>
            <Button variant="secondary" onPress={() => setLastCash(null)}>
              <FormattedMessage id="pos.paymentScreen.done" defaultMessage="Done" />
            </Button>
          </div>
        ) : null}

        {finished ? (
          <Notice
            tone="info"
            title={
              order.status === 'closed'
                ? intl.formatMessage({
                    id: 'pos.paymentScreen.thisOrderIsClosed',
                    defaultMessage: 'This order is closed',
                  })
                : intl.formatMessage({
                    id: 'pos.paymentScreen.thisOrderWasVoided',
                    defaultMessage: 'This order was voided',
                  })
            }
          >
            <FormattedMessage
              id="pos.paymentScreen.nothingMoreCanBe"
              defaultMessage="Nothing more can be taken on it."
            />
          </Notice>
        ) : due <= 0 ? (
          <div className="flex flex-col items-center gap-4 py-6 text-center">
            <CircleCheck aria-hidden className="size-16 text-ok" />
            <h2 id="tender-title" className="text-3xl font-bold">
              <FormattedMessage id="pos.paymentScreen.paidInFull" defaultMessage="Paid in full" />
            </h2>
            <p className="text-base text-ink-muted">
              {totals.tipMinor > 0 ? (
                <FormattedMessage
                  id="pos.paymentScreen.paidWithTips"
                  defaultMessage="{paid} paid and {tips} in tips. Close the order to free {place}."
                  values={{
                    paid: money(totals.paidMinor),
                    tips: money(totals.tipMinor),
                    place: table ? (
                      table.name
                    ) : (
                      <FormattedMessage
                        id="pos.paymentScreen.theOrder"
                        defaultMessage="the order"
                      />
                    ),
                  }}
                />
              ) : (
                <FormattedMessage
                  id="pos.paymentScreen.paidNoTips"
                  defaultMessage="{paid} paid. Close the order to free {place}."
                  values={{
                    paid: money(totals.paidMinor),
                    place: table ? (
                      table.name
                    ) : (
                      <FormattedMessage
                        id="pos.paymentScreen.theOrder"
                        defaultMessage="the order"
                      />
                    ),
                  }}
                />
              )}
            </p>
            <div className="flex flex-wrap justify-center gap-3">
              <LinkButton to={`/orders/${order.id}/receipt`} variant="secondary" size="lg">
                <ReceiptText aria-hidden className="size-5" />
                <FormattedMessage id="pos.paymentScreen.receipt" defaultMessage="Receipt" />
              </LinkButton>
              {mayClose ? (
                <Button size="lg" isPending={closing} onPress={() => void close()}>
                  <FormattedMessage
                    id="pos.paymentScreen.closeTheOrder"
                    defaultMessage="Close the order"
                  />
                </Button>
              ) : null}
            </div>
          </div>
        ) : !mayPay ? (
          <Notice
            tone="info"
            title={intl.formatMessage({
              id: 'pos.paymentScreen.paymentsAreTakenBy',
              defaultMessage: 'Payments are taken by waiters, cashiers and managers',
            })}
          >
            <FormattedMessage
              id="pos.paymentScreen.yourRoleCannotTake"
              defaultMessage="Your role cannot take payments."
            />
          </Notice>
        ) : (
          <TakePayment
            view={view}
            mode={mode}
            onMode={setMode}
            chosenLines={chosenLines}
            onRecorded={recorded}
          />
        )}
      </section>
    </div>
  );
}
