import { minor, type LineId, type Minor, type PaymentId } from '@servio/shared';
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { usePos } from '../pos-context.tsx';
import { QuantityStepper } from '../quantity-stepper.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { newRecordId } from '../../../data/mutate.ts';
import type { OrderView } from '../pos-queries.ts';
import { evenShare, itemsAmount, type SplitMode } from './payment-plan.ts';
import {
  AmountField,
  CashTendered,
  MethodPicker,
  parseAmount,
  segment,
  tipOf,
  TipPicker,
  type Method,
  type TipChoice,
} from './tender-panel.tsx';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

// Said both when nothing is chosen and when the chosen items come to nothing.
const CHOOSE_THE_ITEMS = defineMessage({
  id: 'pos.takePayment.chooseTheItemsBeing',
  defaultMessage: 'Choose the items being paid.',
});

const SPLIT_LABEL: Record<SplitMode, string> = {
  whole: intl.formatMessage({ id: 'pos.takePayment.wholeBill', defaultMessage: 'Whole bill' }),
  even: intl.formatMessage({ id: 'pos.takePayment.splitEvenly', defaultMessage: 'Split evenly' }),
  items: intl.formatMessage({ id: 'pos.takePayment.byItems', defaultMessage: 'By items' }),
  amount: intl.formatMessage({ id: 'pos.takePayment.byAmount', defaultMessage: 'By amount' }),
};

export interface RecordedPayment {
  /** Cash handed over and the change given back, for the big "Change" banner. */
  cash: { tendered: Minor; change: Minor } | null;
  /** The lines this payment was for (split by items), to mark them paid. */
  lineIds: readonly LineId[];
}

/**
 * Taking one payment: how much (whole bill, an even share, chosen items, a typed amount), a
 * tip, and the method — cash with what was handed over, or a card on the venue's own
 * terminal, recorded as `card`. Each is one `payment.record` mutation (works offline).
 */
export function TakePayment({
  view,
  mode,
  onMode,
  chosenLines,
  onRecorded,
}: {
  view: OrderView;
  mode: SplitMode;
  onMode: (mode: SplitMode) => void;
  /** Lines chosen on the bill when splitting by items. */
  chosenLines: ReadonlySet<LineId>;
  onRecorded: (payment: RecordedPayment) => void;
}) {
  const intl = useIntl();
  const { venue, money } = usePos();
  const { order, totals } = view;
  const due = totals.dueMinor;
  const [guestsLeft, setGuestsLeft] = useState(Math.max(order.covers, 2));
  const [amountText, setAmountText] = useState('');
  const [tipChoice, setTipChoice] = useState<TipChoice>('none');
  const [tipText, setTipText] = useState('');
  const [method, setMethod] = useState<Method>('cash');
  const [tenderedText, setTenderedText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);

  let amount: Minor | null;
  switch (mode) {
    case 'whole':
      amount = due;
      break;
    case 'even':
      amount = evenShare(due, guestsLeft);
      break;
    case 'items':
      amount = itemsAmount(totals, chosenLines);
      break;
    case 'amount':
      amount = parseAmount(amountText, venue.currency);
      break;
  }
  const tip = amount === null ? null : tipOf(tipChoice, tipText, amount, venue.currency);
  const owed = amount !== null && tip !== null ? minor(amount + tip) : null;
  const tendered =
    method === 'cash'
      ? tenderedText.trim()
        ? parseAmount(tenderedText, venue.currency)
        : owed
      : null;
  const change = owed !== null && tendered !== null ? minor(tendered - owed) : null;

  function resetTender() {
    setTipChoice('none');
    setTipText('');
    setTenderedText('');
    setAmountText('');
    setProblem(null);
  }

  async function record() {
    if (amount === null) {
      setProblem(
        mode === 'items'
          ? intl.formatMessage(CHOOSE_THE_ITEMS)
          : intl.formatMessage({
              id: 'pos.takePayment.typeTheAmountBeing',
              defaultMessage: 'Type the amount being paid.',
            }),
      );
      return;
    }
    if (amount <= 0) {
      setProblem(
        mode === 'items'
          ? intl.formatMessage(CHOOSE_THE_ITEMS)
          : intl.formatMessage({
              id: 'pos.takePayment.theAmountMustBe',
              defaultMessage: 'The amount must be more than zero.',
            }),
      );
      return;
    }
    if (amount > due) {
      setProblem(`Only ${money(due)} is due; take at most that (add the rest as a tip).`);
      return;
    }
    if (tip === null) {
      setProblem(
        intl.formatMessage({
          id: 'pos.takePayment.theTipIsNot',
          defaultMessage: 'The tip is not an amount.',
        }),
      );
      return;
    }
    if (method === 'cash' && (tendered === null || owed === null || tendered < owed)) {
      setProblem(
        tendered === null
          ? intl.formatMessage({
              id: 'pos.takePayment.theCashReceivedIs',
              defaultMessage: 'The cash received is not an amount.',
            })
          : intl.formatMessage(
              {
                id: 'pos.takePayment.cashReceivedIsLess',
                defaultMessage: 'Cash received is less than {value}.',
              },
              { value: money(owed ?? 0) },
            ),
      );
      return;
    }
    setRecording(true);
    const base = {
      paymentId: newRecordId<PaymentId>(),
      orderId: order.id,
      amountMinor: amount,
      tipMinor: tip,
    };
    const paid = {
      method:
        method === 'cash'
          ? intl.formatMessage({ id: 'pos.takePayment.cash', defaultMessage: 'Cash' })
          : intl.formatMessage({ id: 'pos.takePayment.card', defaultMessage: 'Card' }),
      amount: money(amount),
      tip: money(tip),
    };
    const label =
      tip > 0
        ? intl.formatMessage(
            {
              id: 'pos.takePayment.paymentWithTip',
              defaultMessage: '{method} {amount} + {tip} tip',
            },
            paid,
          )
        : intl.formatMessage(
            { id: 'pos.takePayment.payment', defaultMessage: '{method} {amount}' },
            { method: paid.method, amount: paid.amount },
          );
    const done =
      method === 'cash'
        ? await runMutation(
            'payment.record',
            { ...base, method: 'cash', tenderedMinor: tendered ?? undefined },
            {
              done: intl.formatMessage(
                { id: 'pos.takePayment.recorded', defaultMessage: '{label} recorded' },
                { label },
              ),
              refused: intl.formatMessage({
                id: 'pos.takePayment.paymentNotRecorded',
                defaultMessage: 'Payment not recorded',
              }),
            },
          )
        : await runMutation(
            'payment.record',
            { ...base, method: 'card' },
            {
              done: intl.formatMessage(
                { id: 'pos.takePayment.recorded', defaultMessage: '{label} recorded' },
                { label },
              ),
              refused: intl.formatMessage({
                id: 'pos.takePayment.paymentNotRecorded',
                defaultMessage: 'Payment not recorded',
              }),
            },
          );
    setRecording(false);
    if (!done) return;
    onRecorded({
      cash: method === 'cash' && tendered !== null && change !== null ? { tendered, change } : null,
      lineIds: mode === 'items' ? [...chosenLines] : [],
    });
    if (mode === 'even') setGuestsLeft((left) => Math.max(1, left - 1));
    resetTender();
  }

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tender-title" className="text-2xl font-bold">
          <FormattedMessage id="pos.takePayment.takePayment" defaultMessage="Take payment" />
        </h2>
        <span className="text-lg">
          <FormattedMessage id="pos.takePayment.due" defaultMessage="Due " />
          <strong className="text-2xl tabular-nums">{money(due)}</strong>
        </span>
      </div>

      <ToggleButtonGroup
        aria-label={intl.formatMessage({
          id: 'pos.takePayment.howTheBillIs',
          defaultMessage: 'How the bill is paid',
        })}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[mode]}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          if (typeof first === 'string') onMode(first as SplitMode);
          setProblem(null);
        }}
        className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-2 xl:grid-cols-4"
      >
        {(Object.keys(SPLIT_LABEL) as SplitMode[]).map((key) => (
          <ToggleButton key={key} id={key} className={segment}>
            {SPLIT_LABEL[key]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>

      {mode === 'even' ? (
        <div className="flex flex-wrap items-end gap-4">
          <QuantityStepper
            label={intl.formatMessage({
              id: 'pos.takePayment.guestsStillToPay',
              defaultMessage: 'Guests still to pay',
            })}
            value={guestsLeft}
            onChange={setGuestsLeft}
            minValue={1}
            maxValue={100}
          />
          <p className="pb-2 text-lg">
            <FormattedMessage id="pos.takePayment.eachPays" defaultMessage="Each pays " />
            <strong className="tabular-nums">{money(evenShare(due, guestsLeft))}</strong>
          </p>
        </div>
      ) : null}
      {mode === 'items' ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="pos.takePayment.tapTheItemsOn"
            defaultMessage="Tap the items on the bill this guest pays for. "
          />
          {chosenLines.size > 0 ? (
            <strong className="text-ink">
              <FormattedMessage
                id="pos.takePayment.chosen"
                defaultMessage="{size} chosen."
                values={{ size: chosenLines.size }}
              />
            </strong>
          ) : null}
        </p>
      ) : null}
      {mode === 'amount' ? (
        <AmountField
          label={intl.formatMessage(
            { id: 'pos.takePayment.amountPaid', defaultMessage: 'Amount paid ({currency})' },
            { currency: venue.currency },
          )}
          value={amountText}
          onChange={(next) => {
            setAmountText(next);
            setProblem(null);
          }}
          isInvalid={problem !== null && amount === null}
        />
      ) : null}

      <div className="flex flex-col gap-2">
        <h3 className="text-lg font-bold">
          <FormattedMessage id="pos.takePayment.tip" defaultMessage="Tip" />
        </h3>
        <TipPicker
          amount={amount ?? minor(0)}
          choice={tipChoice}
          onChoice={setTipChoice}
          customText={tipText}
          onCustomText={setTipText}
        />
      </div>

      <div className="flex flex-col gap-2">
        <h3 className="text-lg font-bold">
          <FormattedMessage id="pos.takePayment.method" defaultMessage="Method" />
        </h3>
        <MethodPicker method={method} onChange={setMethod} />
      </div>

      {method === 'cash' ? (
        <CashTendered
          owed={owed ?? minor(0)}
          text={tenderedText}
          onText={(next) => {
            setTenderedText(next);
            setProblem(null);
          }}
          isInvalid={problem !== null && (tendered === null || (owed !== null && tendered < owed))}
        />
      ) : (
        <p className="rounded-control bg-sunken p-3 text-base">
          <FormattedMessage id="pos.takePayment.take" defaultMessage="Take " />
          <strong className="tabular-nums">{money(owed ?? 0)}</strong>
          <FormattedMessage
            id="pos.takePayment.onTheCardTerminal"
            defaultMessage=" on the card terminal, then record it here once the terminal approves it."
          />
        </p>
      )}

      {problem ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'pos.takePayment.notRecordedYet',
            defaultMessage: 'Not recorded yet',
          })}
        >
          {problem}
        </Notice>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <div className="flex flex-col text-base">
          <span>
            <FormattedMessage id="pos.takePayment.paying" defaultMessage="Paying " />
            <strong className="tabular-nums">{money(amount ?? 0)}</strong>
            {tip ? (
              <>
                <FormattedMessage id="pos.takePayment.tip2" defaultMessage=" + tip " />
                <strong className="tabular-nums">{money(tip)}</strong>
              </>
            ) : null}
          </span>
          {method === 'cash' && tenderedText.trim() && change !== null && change >= 0 ? (
            <span className="text-xl font-bold text-ok-ink">
              <FormattedMessage
                id="pos.takePayment.change"
                defaultMessage="Change {change}"
                values={{ change: money(change) }}
              />
            </span>
          ) : null}
        </div>
        <Button size="lg" isPending={recording} onPress={() => void record()}>
          <FormattedMessage
            id="pos.takePayment.record"
            defaultMessage="Record {method} {value}"
            values={{ method, value: money(owed ?? 0) }}
          />
        </Button>
      </div>
    </>
  );
}
