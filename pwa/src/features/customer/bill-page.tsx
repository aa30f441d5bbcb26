import { ArrowLeft, RefreshCw, UtensilsCrossed } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Label, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import {
  cancelPayment,
  createPayment,
  describePayError,
  newAttemptId,
  type PaymentCreated,
  type PaySelection,
  type PaymentStatusView,
  type TableBillView,
  type TipChoice,
} from '../../api/table-bill.ts';
import { BillCard } from './bill-card.tsx';
import { CardCheckout, type PaidCard } from './card-payment/card-checkout.tsx';
import { RadioTile } from './choice-tiles.tsx';
import { moneyIn } from '../../lib/money.ts';
import { PayOptions } from './pay-options.tsx';
import { initialDraft, type PayDraft } from './pay-preview.ts';
import { PaymentReceipt } from './payment-receipt.tsx';
import { StepHeading } from './step-heading.tsx';
import { Button } from '../../ui/button.tsx';
import { LinkButton } from '../../ui/link-button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { waitForPaymentOutcome } from './payment-outcome.ts';
import { FinishingPayment } from './finishing-payment.tsx';
import { TableUnavailable, TableLoading } from './table-states.tsx';
import { useRefreshBill, useTableBill } from './use-table.ts';

/** One attempt at paying part of a bill: what the server reserved and the intent to confirm. */
interface Attempt extends PaymentCreated {
  orderId: string;
  selection: PaySelection;
  tip: TipChoice;
}

type BillFlow =
  | { step: 'choose' }
  | { step: 'card'; attempt: Attempt; declined: string | null; renewing: boolean }
  | { step: 'finishing'; paymentIntentId: string; attempt: Attempt | null; card: PaidCard | null }
  | { step: 'receipt'; status: PaymentStatusView; card: PaidCard | null; at: Date };

/** `/t/:token`: the table's open bill, and paying it (all, a share, items or an amount). */
export function BillPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const refreshBill = useRefreshBill(token);
  const query = useTableBill(token);
  const [searchParams, setSearchParams] = useSearchParams();
  // Back from a payment method that left the page (Stripe's return_url): pick it up again.
  const [flow, setFlow] = useState<BillFlow>(() => {
    const returned = searchParams.get('payment_intent');
    return returned
      ? { step: 'finishing', paymentIntentId: returned, attempt: null, card: null }
      : { step: 'choose' };
  });
  const [draft, setDraft] = useState<PayDraft>(initialDraft);
  const [chosenOrderId, setChosenOrderId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<'starting' | 'leaving' | null>(null);

  useEffect(() => {
    if (searchParams.has('payment_intent')) setSearchParams({}, { replace: true });
  }, [searchParams, setSearchParams]);

  async function start(orderId: string, selection: PaySelection, tip: TipChoice) {
    setBusy('starting');
    setRefusal(null);
    try {
      const created = await createPayment({
        token,
        orderId,
        selection,
        tip,
        attemptId: newAttemptId(),
      });
      setFlow({
        step: 'card',
        attempt: { ...created, orderId, selection, tip },
        declined: null,
        renewing: false,
      });
    } catch (error) {
      setRefusal(describePayError(error));
      void refreshBill();
    } finally {
      setBusy(null);
    }
  }

  /**
   * A refused card: the spent attempt is canceled (its part of the bill freed at once) and a
   * fresh one made for the same choice, so the next card is charged what the server says now.
   */
  async function renew(attempt: Attempt, declined: string) {
    setFlow({ step: 'card', attempt, declined, renewing: true });
    await cancelPayment(token, attempt.paymentIntentId).catch(() => undefined);
    try {
      const created = await createPayment({
        token,
        orderId: attempt.orderId,
        selection: attempt.selection,
        tip: attempt.tip,
        attemptId: newAttemptId(),
      });
      setFlow({
        step: 'card',
        attempt: {
          ...created,
          orderId: attempt.orderId,
          selection: attempt.selection,
          tip: attempt.tip,
        },
        declined,
        renewing: false,
      });
    } catch (error) {
      setRefusal(
        intl.formatMessage(
          { id: 'customer.bill.declinedAndNotRenewed', defaultMessage: '{declined} {problem}' },
          { declined, problem: describePayError(error) },
        ),
      );
      setFlow({ step: 'choose' });
      void refreshBill();
    }
  }

  async function leaveCardStep(attempt: Attempt) {
    setBusy('leaving');
    // Give the reserved part back before anyone (this phone included) asks for it again.
    await cancelPayment(token, attempt.paymentIntentId).catch(() => undefined);
    setBusy(null);
    setFlow({ step: 'choose' });
    void refreshBill();
  }

  if (flow.step === 'finishing') {
    return (
      <FinishingPayment
        key={flow.paymentIntentId}
        settle={async (signal) => {
          const status = await waitForPaymentOutcome(token, flow.paymentIntentId, signal);
          return ['succeeded', 'failed', 'canceled'].includes(status.outcome) ? status : null;
        }}
        onSettled={(status) => {
          void refreshBill();
          if (status.outcome === 'succeeded') {
            setFlow({ step: 'receipt', status, card: status.card ?? flow.card, at: new Date() });
          } else if (status.outcome === 'failed' && flow.attempt) {
            void renew(
              flow.attempt,
              status.errorMessage ??
                intl.formatMessage({
                  id: 'customer.bill.cardDeclined',
                  defaultMessage: 'Your card was declined.',
                }),
            );
          } else {
            setRefusal(
              status.outcome === 'failed'
                ? intl.formatMessage(
                    {
                      id: 'customer.bill.failedNothingCharged',
                      defaultMessage: '{problem} Nothing was charged.',
                    },
                    {
                      problem:
                        status.errorMessage ??
                        intl.formatMessage({
                          id: 'customer.bill.paymentFailed',
                          defaultMessage: 'The payment failed.',
                        }),
                    },
                  )
                : intl.formatMessage({
                    id: 'customer.bill.stoppedNothingCharged',
                    defaultMessage:
                      'This payment was stopped before it was paid. Nothing was charged.',
                  }),
            );
            setFlow({ step: 'choose' });
          }
        }}
      />
    );
  }

  if (flow.step === 'receipt') {
    return (
      <BillReceipt
        status={flow.status}
        card={flow.card}
        at={flow.at}
        bills={query.data}
        token={token}
        onBack={() => {
          setDraft(initialDraft);
          setFlow({ step: 'choose' });
        }}
      />
    );
  }

  if (query.data === undefined) {
    return query.isError ? (
      <TableUnavailable
        heading={intl.formatMessage({ id: 'customer.bill.yourBill', defaultMessage: 'Your bill' })}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    ) : (
      <TableLoading
        what={intl.formatMessage({ id: 'customer.bill.loadingWhat', defaultMessage: 'the bill' })}
      />
    );
  }

  const view = query.data;
  const currency = view.venue.currency;
  const bills = view.bills;
  if (bills.length === 0) {
    return (
      <>
        {refusal ? (
          <Notice
            tone="danger"
            title={intl.formatMessage({
              id: 'customer.bill.paymentNotStarted',
              defaultMessage: 'Payment not started',
            })}
          >
            {refusal}
          </Notice>
        ) : null}
        <div className="flex flex-col items-start gap-3 rounded-card bg-surface p-5 shadow-card">
          <h2 className="text-xl font-bold">
            <FormattedMessage id="customer.bill.noOpenBill" defaultMessage="No open bill" />
          </h2>
          <p className="text-base text-ink-muted">
            <FormattedMessage
              id="customer.bill.noOpenBillDetail"
              defaultMessage="There is no open bill at this table right now. It appears here as soon as something is ordered."
            />
          </p>
          <LinkButton to={`/t/${token}/order`} variant="secondary">
            <UtensilsCrossed aria-hidden className="size-5" />
            <FormattedMessage
              id="customer.bill.orderFromMenu"
              defaultMessage="Order from the menu"
            />
          </LinkButton>
        </div>
      </>
    );
  }

  const bill =
    bills.find((candidate) => candidate.orderId === chosenOrderId) ??
    bills.find((candidate) => candidate.dueMinor > 0) ??
    bills[0]!;
  const money = moneyIn(currency);

  if (flow.step === 'card') {
    const { attempt } = flow;
    const payLabel = intl.formatMessage(
      { id: 'customer.bill.payAmount', defaultMessage: 'Pay {amount}' },
      { amount: money(attempt.chargeMinor) },
    );
    return (
      <>
        <StepHeading
          title={payLabel}
          back={
            <Button
              variant="quiet"
              isPending={busy === 'leaving'}
              isDisabled={busy !== null || flow.renewing}
              onPress={() => void leaveCardStep(attempt)}
            >
              <ArrowLeft aria-hidden className="size-5" />
              <FormattedMessage id="customer.bill.change" defaultMessage="Change" />
            </Button>
          }
        />
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-card bg-surface p-4 text-base shadow-card">
          <dt>
            <FormattedMessage
              id="customer.bill.towardsBillNumber"
              defaultMessage="Towards the bill {number}"
              values={{ number: bills.length > 1 ? bill.number : '' }}
            />
          </dt>
          <dd className="text-right tabular-nums">{money(attempt.amountMinor)}</dd>
          <dt>
            <FormattedMessage id="customer.bill.tip" defaultMessage="Tip" />
          </dt>
          <dd className="text-right tabular-nums">{money(attempt.tipMinor)}</dd>
          <dt className="text-lg font-bold">
            <FormattedMessage id="customer.bill.total" defaultMessage="Total" />
          </dt>
          <dd className="text-right text-lg font-bold tabular-nums">
            {money(attempt.chargeMinor)}
          </dd>
        </dl>
        {attempt.capped ? (
          <Notice
            tone="info"
            title={intl.formatMessage({
              id: 'customer.bill.lessLeft',
              defaultMessage: 'Less was left to pay',
            })}
          >
            <FormattedMessage
              id="customer.bill.lessLeftDetail"
              defaultMessage="Only {amount} of the {requested} you chose was still to pay, so that is what you pay."
              values={{
                amount: money(attempt.amountMinor),
                requested: money(attempt.requestedMinor),
              }}
            />
          </Notice>
        ) : null}
        <div className="rounded-card bg-surface p-4 shadow-card">
          <CardCheckout
            stripe={view.venue.stripe}
            intent={attempt}
            payLabel={payLabel}
            amountLabel={money(attempt.chargeMinor)}
            merchant={view.venue.name}
            returnUrl={`${window.location.origin}/t/${token}`}
            declineMessage={flow.declined}
            isRenewing={flow.renewing}
            onConfirmed={(card) =>
              setFlow({
                step: 'finishing',
                paymentIntentId: attempt.paymentIntentId,
                attempt,
                card,
              })
            }
            onDeclined={(message) => void renew(attempt, message)}
          />
        </div>
      </>
    );
  }

  return (
    <>
      {bills.length > 1 ? (
        <BillChooser
          view={view}
          chosen={bill.orderId}
          onChoose={(orderId) => {
            setChosenOrderId(orderId);
            setDraft(initialDraft);
          }}
        />
      ) : null}
      <BillCard bill={bill} currency={currency} showNumber={bills.length > 1} />
      <p className="-mt-2 flex items-center gap-1.5 px-1 text-sm text-ink-muted">
        <RefreshCw aria-hidden className="size-4" />
        <FormattedMessage
          id="customer.bill.updatesByItself"
          defaultMessage="Updates by itself as the staff add items."
        />
      </p>
      <PayOptions
        bill={bill}
        currency={currency}
        tipPresetsBps={view.venue.tipPresetsBps}
        draft={draft}
        onDraftChange={(next) => {
          setDraft(next);
          setRefusal(null);
        }}
        refusal={refusal}
        isStarting={busy === 'starting'}
        onContinue={(preview) => void start(bill.orderId, preview.selection, preview.tip)}
      />
    </>
  );
}

function BillChooser({
  view,
  chosen,
  onChoose,
}: {
  view: TableBillView;
  chosen: string;
  onChoose: (orderId: string) => void;
}) {
  const intl = useIntl();
  const money = moneyIn(view.venue.currency);
  return (
    <RadioGroup value={chosen} onChange={onChoose} className="flex flex-col gap-2">
      <Label className="text-lg font-bold">
        <FormattedMessage
          id="customer.bill.openBills"
          defaultMessage="This table has {count} open bills"
          values={{ count: view.bills.length }}
        />
      </Label>
      <div className="grid grid-cols-2 gap-2">
        {view.bills.map((bill) => (
          <RadioTile
            key={bill.orderId}
            value={bill.orderId}
            title={intl.formatMessage(
              { id: 'customer.bill.billNumber', defaultMessage: 'Bill {number}' },
              { number: bill.number },
            )}
            detail={intl.formatMessage(
              { id: 'customer.bill.amountLeft', defaultMessage: '{amount} left' },
              { amount: money(bill.dueMinor) },
            )}
          />
        ))}
      </div>
    </RadioGroup>
  );
}

function BillReceipt({
  status,
  card,
  at,
  bills,
  token,
  onBack,
}: {
  status: PaymentStatusView;
  card: PaidCard | null;
  at: Date;
  bills: TableBillView | undefined;
  token: string;
  onBack: () => void;
}) {
  const intl = useIntl();
  // The venue's currency comes with the bill (read again after the page came back from Stripe).
  if (!bills) {
    return (
      <TableLoading
        what={intl.formatMessage({
          id: 'customer.bill.loadingReceipt',
          defaultMessage: 'your receipt',
        })}
      />
    );
  }
  const currency = bills.venue.currency;
  const money = moneyIn(currency);
  // null: the server could not say (the order is gone); then no balance is claimed either way.
  const remaining = status.order.dueMinor;
  return (
    <PaymentReceipt
      title={intl.formatMessage({
        id: 'customer.bill.paymentReceived',
        defaultMessage: 'Payment received',
      })}
      subtitle={[
        intl.formatMessage(
          { id: 'customer.bill.receiptTable', defaultMessage: 'Table {name}' },
          { name: bills.table.name },
        ),
        status.order.number &&
          intl.formatMessage(
            { id: 'customer.bill.receiptOrder', defaultMessage: 'Order {number}' },
            { number: status.order.number },
          ),
      ]
        .filter(Boolean)
        .join(' · ')}
      currency={currency}
      amountMinor={status.amountMinor}
      amountLabel={intl.formatMessage({
        id: 'customer.bill.towardsBill',
        defaultMessage: 'Towards the bill',
      })}
      tipMinor={status.tipMinor}
      card={card}
      paidAt={at}
      actions={
        <>
          {remaining !== null && remaining > 0 ? (
            <Button size="lg" onPress={onBack}>
              <FormattedMessage id="customer.bill.backToBill" defaultMessage="Back to the bill" />
            </Button>
          ) : null}
          <LinkButton to={`/t/${token}/order`} variant="secondary" size="lg">
            <UtensilsCrossed aria-hidden className="size-5" />
            <FormattedMessage id="customer.bill.orderMore" defaultMessage="Order more" />
          </LinkButton>
        </>
      }
    >
      {remaining === null ? null : remaining > 0 ? (
        <p
          className="flex justify-between rounded-control bg-warn-soft p-3 text-base text-warn-ink"
          data-testid="receipt-remaining"
        >
          <span>
            <FormattedMessage
              id="customer.bill.stillToPay"
              defaultMessage="Still to pay on this bill"
            />
          </span>
          <strong className="tabular-nums">{money(remaining)}</strong>
        </p>
      ) : (
        <p
          className="rounded-control bg-ok-soft p-3 text-center text-base font-semibold text-ok-ink"
          data-testid="receipt-remaining"
        >
          <FormattedMessage
            id="customer.bill.fullyPaid"
            defaultMessage="The bill is fully paid. Thank you!"
          />
        </p>
      )}
    </PaymentReceipt>
  );
}
