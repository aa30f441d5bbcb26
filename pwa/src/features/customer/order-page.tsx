import { ArrowLeft, ShoppingBag } from 'lucide-react';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import {
  cancelPayment,
  describePayError,
  newAttemptId,
  orderFromPaidIntent,
  paymentStatus,
  refusalCode,
  startQrOrder,
  type MenuItem,
  type OrderFromIntent,
  type PaymentStatusView,
  type QrOrderStarted,
  type TableBillView,
} from '../../api/table-bill.ts';
import { CardCheckout, type PaidCard } from './card-payment/card-checkout.tsx';
import {
  addToCart,
  cartCount,
  cartForServer,
  cartSubtotal,
  loadCart,
  saveCart,
  setQuantity,
  type CartLine,
} from './menu/cart.ts';
import { CartView } from './menu/cart-view.tsx';
import { ItemDialog } from './menu/item-dialog.tsx';
import { MenuList } from './menu/menu-list.tsx';
import { moneyIn } from '../../lib/money.ts';
import { waitForPaymentOutcome } from './payment-outcome.ts';
import { tipPreview, type TipDraft } from './pay-preview.ts';
import { PaymentReceipt } from './payment-receipt.tsx';
import { StepHeading } from './step-heading.tsx';
import { Button } from '../../ui/button.tsx';
import { LinkButton } from '../../ui/link-button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { FinishingPayment } from './finishing-payment.tsx';
import { TableLoading, TableUnavailable } from './table-states.tsx';
import { useRefreshBill, useTableBill, useTableMenu } from './use-table.ts';

type OrderFlow =
  | { step: 'menu' }
  | { step: 'cart' }
  | { step: 'card'; started: QrOrderStarted; declined: string | null; renewing: boolean }
  | {
      step: 'finishing';
      paymentIntentId: string;
      started: QrOrderStarted | null;
      card: PaidCard | null;
    }
  | {
      step: 'placed';
      order: OrderFromIntent;
      status: PaymentStatusView;
      started: QrOrderStarted | null;
      card: PaidCard | null;
      at: Date;
    };

type Settled =
  | { kind: 'placed'; order: OrderFromIntent; status: PaymentStatusView }
  | { kind: 'failed'; status: PaymentStatusView };

/**
 * `/t/:token/order`: QR ordering with pay-now. Browse the menu, build a cart, pay; the order
 * is made only once the payment succeeded (the server's createFromPaidIntent, exactly once
 * whether the webhook or this page gets there first), and its number is shown.
 */
export function OrderPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const refreshBill = useRefreshBill(token);
  const menu = useTableMenu(token);
  const bill = useTableBill(token);
  const [searchParams, setSearchParams] = useSearchParams();
  const [flow, setFlow] = useState<OrderFlow>(() => {
    const returned = searchParams.get('payment_intent');
    return returned
      ? { step: 'finishing', paymentIntentId: returned, started: null, card: null }
      : { step: 'menu' };
  });
  const [cart, setCart] = useState<CartLine[]>(() => loadCart(sessionStorage, token));
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [tip, setTip] = useState<TipDraft>({ kind: 'none' });
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<'starting' | 'leaving' | null>(null);

  useEffect(() => saveCart(sessionStorage, token, cart), [token, cart]);
  useEffect(() => {
    if (searchParams.has('payment_intent')) setSearchParams({}, { replace: true });
  }, [searchParams, setSearchParams]);

  const currency = menu.data?.currency;
  const venue: TableBillView['venue'] | undefined = bill.data?.venue;

  async function start(): Promise<QrOrderStarted | null> {
    if (currency === undefined) return null;
    const tipped = tipPreview(tip, cartSubtotal(cart), currency);
    if (!tipped.ok) {
      setRefusal(tipped.problem);
      return null;
    }
    try {
      return await startQrOrder({
        token,
        attemptId: newAttemptId(),
        items: cartForServer(cart),
        tip: tipped.choice,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } catch (error) {
      setRefusal(describePayError(error));
      return null;
    }
  }

  async function pay() {
    setBusy('starting');
    setRefusal(null);
    const started = await start();
    setBusy(null);
    if (started) setFlow({ step: 'card', started, declined: null, renewing: false });
  }

  async function renew(started: QrOrderStarted, declined: string) {
    setFlow({ step: 'card', started, declined, renewing: true });
    await cancelPayment(token, started.paymentIntentId).catch(() => undefined);
    const again = await start();
    if (again) setFlow({ step: 'card', started: again, declined, renewing: false });
    else setFlow({ step: 'cart' });
  }

  async function leaveCardStep(started: QrOrderStarted) {
    setBusy('leaving');
    await cancelPayment(token, started.paymentIntentId).catch(() => undefined);
    setBusy(null);
    setFlow({ step: 'cart' });
  }

  if (flow.step === 'finishing') {
    return (
      <FinishingPayment<Settled>
        key={flow.paymentIntentId}
        settle={(signal) => settleOrder(token, flow.paymentIntentId, signal)}
        onSettled={(result) => {
          if (result.kind === 'placed') {
            setCart([]);
            setTip({ kind: 'none' });
            setNote('');
            void refreshBill();
            setFlow({
              step: 'placed',
              order: result.order,
              status: result.status,
              started: flow.started,
              card: result.status.card ?? flow.card,
              at: new Date(),
            });
          } else if (result.status.outcome === 'failed' && flow.started) {
            void renew(
              flow.started,
              result.status.errorMessage ??
                intl.formatMessage({
                  id: 'customer.card.declined',
                  defaultMessage: 'Your card was declined.',
                }),
            );
          } else {
            setRefusal(
              intl.formatMessage({
                id: 'customer.order.stoppedBeforePaid',
                defaultMessage: 'This payment was stopped before it was paid. Nothing was charged.',
              }),
            );
            setFlow({ step: 'cart' });
          }
        }}
      />
    );
  }

  if (flow.step === 'placed') {
    return (
      <OrderPlaced
        flow={flow}
        currency={currency}
        token={token}
        onMore={() => setFlow({ step: 'menu' })}
      />
    );
  }

  if (menu.data === undefined || venue === undefined || currency === undefined) {
    const error = menu.error ?? bill.error;
    return error ? (
      <TableUnavailable
        heading={intl.formatMessage({
          id: 'customer.order.heading',
          defaultMessage: 'Order at your table',
        })}
        error={error}
        onRetry={() => {
          void menu.refetch();
          void bill.refetch();
        }}
      />
    ) : (
      <TableLoading
        what={intl.formatMessage({
          id: 'customer.order.loadingWhatMenu',
          defaultMessage: 'the menu',
        })}
      />
    );
  }
  const money = moneyIn(currency);

  if (flow.step === 'card') {
    const { started } = flow;
    const payLabel = intl.formatMessage(
      { id: 'customer.order.payAmount', defaultMessage: 'Pay {amount}' },
      { amount: money(started.chargeMinor) },
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
              onPress={() => void leaveCardStep(started)}
            >
              <ArrowLeft aria-hidden className="size-5" />
              <FormattedMessage id="customer.order.change" defaultMessage="Change" />
            </Button>
          }
        />
        <OrderSummary started={started} />
        <div className="rounded-card bg-surface p-4 shadow-card">
          <CardCheckout
            stripe={venue.stripe}
            intent={started}
            payLabel={payLabel}
            amountLabel={money(started.chargeMinor)}
            merchant={venue.name}
            returnUrl={`${window.location.origin}/t/${token}/order`}
            declineMessage={flow.declined}
            isRenewing={flow.renewing}
            onConfirmed={(card) =>
              setFlow({
                step: 'finishing',
                paymentIntentId: started.paymentIntentId,
                started,
                card,
              })
            }
            onDeclined={(message) => void renew(started, message)}
          />
        </div>
      </>
    );
  }

  if (flow.step === 'cart') {
    return (
      <>
        <StepHeading
          title={intl.formatMessage({
            id: 'customer.order.yourOrder',
            defaultMessage: 'Your order',
          })}
          back={
            <Button variant="quiet" onPress={() => setFlow({ step: 'menu' })}>
              <ArrowLeft aria-hidden className="size-5" />
              <FormattedMessage id="customer.order.backToMenu" defaultMessage="Menu" />
            </Button>
          }
        />
        {cart.length === 0 ? (
          <div className="flex flex-col items-start gap-3 rounded-card bg-surface p-5 shadow-card">
            <p className="text-base">
              <FormattedMessage id="customer.order.empty" defaultMessage="Your order is empty." />
            </p>
            <Button variant="secondary" onPress={() => setFlow({ step: 'menu' })}>
              <FormattedMessage id="customer.order.browseMenu" defaultMessage="Browse the menu" />
            </Button>
          </div>
        ) : (
          <CartView
            cart={cart}
            currency={currency}
            tipPresetsBps={venue.tipPresetsBps}
            tip={tip}
            onTipChange={setTip}
            note={note}
            onNoteChange={setNote}
            onQuantity={(key, quantity) =>
              setCart((current) => setQuantity(current, key, quantity))
            }
            refusal={refusal}
            isStarting={busy === 'starting'}
            onPay={() => void pay()}
          />
        )}
      </>
    );
  }

  const count = cartCount(cart);
  const inCart = new Map<string, number>();
  for (const line of cart) inCart.set(line.itemId, (inCart.get(line.itemId) ?? 0) + line.quantity);

  return (
    <>
      {menu.data.categories.length === 0 ? (
        <Notice
          tone="info"
          title={intl.formatMessage({
            id: 'customer.order.nothingToOrder',
            defaultMessage: 'Nothing to order right now',
          })}
        >
          <FormattedMessage
            id="customer.order.nothingToOrderBody"
            defaultMessage="The menu has nothing available to order from your phone at the moment. Please ask the staff."
          />
        </Notice>
      ) : (
        <MenuList menu={menu.data} inCart={inCart} onChoose={setChoosing} />
      )}
      <p role="status" className="sr-only">
        {added ?? ''}
      </p>
      {count > 0 ? (
        <div className="sticky bottom-0 -mx-4 mt-auto border-t border-line bg-canvas/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur">
          <Button
            size="lg"
            className="w-full justify-between"
            onPress={() => setFlow({ step: 'cart' })}
          >
            <span className="flex items-center gap-2">
              <ShoppingBag aria-hidden className="size-6" />
              <FormattedMessage
                id="customer.order.viewOrder"
                defaultMessage="View your order ({count, plural, one {# item} other {# items}})"
                values={{ count }}
              />
            </span>
            <span className="tabular-nums">{money(cartSubtotal(cart))}</span>
          </Button>
        </div>
      ) : null}
      <ItemDialog
        item={choosing}
        currency={currency}
        onClose={() => setChoosing(null)}
        onAdd={(line) => {
          setCart((current) => addToCart(current, line));
          setAdded(
            intl.formatMessage(
              {
                id: 'customer.order.added',
                defaultMessage: 'Added {quantity} × {name} to your order.',
              },
              { quantity: line.quantity, name: line.name },
            ),
          );
          setChoosing(null);
        }}
      />
    </>
  );
}

/**
 * Ask for the order the paid intent stands for (the runbook's createFromPaidIntent). If the
 * payment is not final yet, wait for it through the status path first; then ask again.
 */
async function settleOrder(
  token: string,
  paymentIntentId: string,
  signal: AbortSignal,
): Promise<Settled | null> {
  let order: OrderFromIntent;
  try {
    order = await orderFromPaidIntent(paymentIntentId);
  } catch (error) {
    if (refusalCode(error) !== 'CONFLICT') throw error;
    const status = await waitForPaymentOutcome(token, paymentIntentId, signal);
    if (status.outcome === 'failed' || status.outcome === 'canceled') {
      return { kind: 'failed', status };
    }
    if (status.outcome !== 'succeeded') return null;
    order = await orderFromPaidIntent(paymentIntentId);
  }
  return { kind: 'placed', order, status: await paymentStatus(token, paymentIntentId) };
}

function OrderSummary({ started }: { started: QrOrderStarted }) {
  const intl = useIntl();
  const money = moneyIn(started.currency);
  return (
    <section
      aria-label={intl.formatMessage({
        id: 'customer.order.summary',
        defaultMessage: 'Order summary',
      })}
      className="flex flex-col gap-2 rounded-card bg-surface p-4 shadow-card"
    >
      <ul className="flex flex-col gap-1">
        {started.lines.map((line, index) => (
          <li key={index} className="flex justify-between gap-3 text-base">
            <span className="min-w-0">
              <FormattedMessage
                id="customer.order.lineQuantity"
                defaultMessage="{quantity} × {name}"
                values={{ quantity: line.quantity, name: line.name }}
              />
              {line.modifiers.length > 0 ? (
                <span className="block text-sm text-ink-muted">{line.modifiers.join(', ')}</span>
              ) : null}
            </span>
            <span className="tabular-nums">{money(line.lineTotalMinor)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-line pt-2 text-base">
        {started.serviceChargeMinor > 0 ? (
          <>
            <dt>
              <FormattedMessage id="customer.order.serviceCharge" defaultMessage="Service charge" />
            </dt>
            <dd className="text-right tabular-nums">{money(started.serviceChargeMinor)}</dd>
          </>
        ) : null}
        {!started.taxIncluded && started.taxMinor > 0 ? (
          <>
            <dt>
              <FormattedMessage id="customer.order.tax" defaultMessage="Tax" />
            </dt>
            <dd className="text-right tabular-nums">{money(started.taxMinor)}</dd>
          </>
        ) : null}
        <dt>
          <FormattedMessage id="customer.order.order" defaultMessage="Order" />
        </dt>
        <dd className="text-right tabular-nums">{money(started.amountMinor)}</dd>
        <dt>
          <FormattedMessage id="customer.order.tip" defaultMessage="Tip" />
        </dt>
        <dd className="text-right tabular-nums">{money(started.tipMinor)}</dd>
        <dt className="text-lg font-bold">
          <FormattedMessage id="customer.order.total" defaultMessage="Total" />
        </dt>
        <dd className="text-right text-lg font-bold tabular-nums">{money(started.chargeMinor)}</dd>
        {started.taxIncluded && started.taxMinor > 0 ? (
          <>
            <dt className="text-sm text-ink-muted">
              <FormattedMessage id="customer.order.inclTax" defaultMessage="incl. tax" />
            </dt>
            <dd className="text-right text-sm text-ink-muted tabular-nums">
              {money(started.taxMinor)}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function OrderPlaced({
  flow,
  currency,
  token,
  onMore,
}: {
  flow: Extract<OrderFlow, { step: 'placed' }>;
  currency: string | undefined;
  token: string;
  onMore: () => void;
}) {
  const intl = useIntl();
  const shownIn = currency ?? flow.started?.currency;
  if (!shownIn)
    return (
      <TableLoading
        what={intl.formatMessage({
          id: 'customer.order.loadingWhatOrder',
          defaultMessage: 'your order',
        })}
      />
    );
  const number = flow.order.orderNumber ?? flow.status.order.number;
  return (
    <PaymentReceipt
      title={intl.formatMessage({ id: 'customer.order.placed', defaultMessage: 'Order placed' })}
      subtitle={intl.formatMessage({
        id: 'customer.order.placedSubtitle',
        defaultMessage: 'Paid and sent to the kitchen and bar.',
      })}
      currency={shownIn}
      amountMinor={flow.status.amountMinor}
      amountLabel={intl.formatMessage({ id: 'customer.order.order', defaultMessage: 'Order' })}
      tipMinor={flow.status.tipMinor}
      card={flow.card}
      paidAt={flow.at}
      actions={
        <>
          <Button size="lg" onPress={onMore}>
            <FormattedMessage id="customer.order.orderMore" defaultMessage="Order something else" />
          </Button>
          <LinkButton to={`/t/${token}`} variant="secondary" size="lg">
            <FormattedMessage id="customer.order.seeBill" defaultMessage="See the table’s bill" />
          </LinkButton>
        </>
      }
    >
      <div className="flex flex-col items-center gap-1 rounded-control bg-brand-soft p-4 text-brand-strong">
        <span className="text-sm font-semibold">
          <FormattedMessage id="customer.order.number" defaultMessage="Your order number" />
        </span>
        <span className="text-3xl font-bold tracking-wide" data-testid="order-number">
          {number ?? intl.formatMessage({ id: 'customer.order.noNumber', defaultMessage: '—' })}
        </span>
      </div>
      {flow.started ? (
        <ul
          aria-label={intl.formatMessage({
            id: 'customer.order.whatYouOrdered',
            defaultMessage: 'What you ordered',
          })}
          className="flex flex-col gap-1 text-base"
        >
          {flow.started.lines.map((line, index) => (
            <li key={index}>
              <FormattedMessage
                id="customer.order.lineQuantity"
                defaultMessage="{quantity} × {name}"
                values={{ quantity: line.quantity, name: line.name }}
              />
              {line.modifiers.length > 0 ? (
                <span className="text-sm text-ink-muted">
                  <FormattedMessage
                    id="customer.order.lineModifiers"
                    defaultMessage=" ({modifiers})"
                    values={{ modifiers: line.modifiers.join(', ') }}
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </PaymentReceipt>
  );
}
