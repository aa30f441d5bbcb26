import {
  parseMajor,
  toMajorString,
  type DiscountKind,
  type Minor,
  type OrderLineRow,
  type OrderRow,
} from '@servio/shared';
import { Percent } from 'lucide-react';
import { useState } from 'react';
import { Input, Label, TextField, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useAuthorize } from '../manager-approval.tsx';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { Notice } from '../../../ui/notice.tsx';
import { ReasonPicker } from './reason-picker.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

const PERCENTS = [10, 15, 20, 25, 50, 100];
const REASONS = [
  intl.formatMessage({ id: 'pos.discountDialog.regularGuest', defaultMessage: 'Regular guest' }),
  intl.formatMessage({ id: 'pos.discountDialog.complaint', defaultMessage: 'Complaint' }),
  intl.formatMessage({ id: 'pos.discountDialog.staffMeal', defaultMessage: 'Staff meal' }),
  intl.formatMessage({ id: 'pos.discountDialog.promotion', defaultMessage: 'Promotion' }),
];

const chip = cx(
  'min-h-touch min-w-touch rounded-control border-2 px-4 text-lg font-semibold',
  'data-pressed:scale-[0.98] data-selected:border-brand data-selected:bg-brand data-selected:text-white',
  'border-line-strong bg-surface',
);

/**
 * Money off the whole order or one line, as a percentage or an amount, with a reason. Only a
 * manager may discount; anyone else gets here too, and a manager approves with their PIN
 * before it applies (`approvedBy`).
 */
export function DiscountDialog({
  order,
  line,
  baseMinor,
  onClose,
}: {
  order: OrderRow;
  line?: OrderLineRow;
  /** What the discount comes off, to show the effect and cap an amount. */
  baseMinor: Minor;
  onClose: () => void;
}) {
  const intl = useIntl();
  const { money, venue, staff } = usePos();
  const authorize = useAuthorize(staff.role);
  const current = line
    ? { kind: line.discountKind, value: line.discountValue }
    : { kind: order.discountKind, value: order.discountValue };
  const [kind, setKind] = useState<DiscountKind>(current.kind ?? 'percent');
  const [percent, setPercent] = useState<number | null>(
    current.kind === 'percent' && current.value !== null ? current.value / 100 : null,
  );
  const [amountText, setAmountText] = useState(
    current.kind === 'amount' && current.value !== null
      ? toMajorString(current.value as Minor, venue.currency)
      : '',
  );
  const [reason, setReason] = useState(line ? '' : (order.discountReason ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const target = line
    ? intl.formatMessage(
        { id: 'pos.discountDialog.lineTarget', defaultMessage: '{quantity} × {name}' },
        { quantity: line.quantity, name: line.name },
      )
    : intl.formatMessage(
        { id: 'pos.discountDialog.order', defaultMessage: 'order {number}' },
        { number: order.number },
      );

  function chosenDiscount():
    { kind: 'percent'; bps: number } | { kind: 'amount'; amountMinor: Minor } | string {
    if (kind === 'percent') {
      if (percent === null)
        return intl.formatMessage({
          id: 'pos.discountDialog.chooseAPercentage',
          defaultMessage: 'Choose a percentage.',
        });
      return { kind: 'percent', bps: Math.round(percent * 100) };
    }
    let amount: Minor;
    try {
      amount = parseMajor(amountText, venue.currency);
    } catch {
      return intl.formatMessage(
        {
          id: 'pos.discountDialog.isNotAnAmount',
          defaultMessage: '“{amountText}” is not an amount.',
        },
        { amountText },
      );
    }
    if (amount <= 0)
      return intl.formatMessage({
        id: 'pos.discountDialog.theAmountMustBe',
        defaultMessage: 'The amount must be more than zero.',
      });
    if (amount > baseMinor)
      return intl.formatMessage(
        {
          id: 'pos.discountDialog.theDiscountCannotBe',
          defaultMessage: 'The discount cannot be more than {baseMinor}.',
        },
        { baseMinor: money(baseMinor) },
      );
    return { kind: 'amount', amountMinor: amount };
  }

  async function apply(remove: boolean) {
    const discount = remove ? null : chosenDiscount();
    if (typeof discount === 'string') {
      setProblem(discount);
      return;
    }
    if (!remove && !reason.trim()) {
      setProblem(
        intl.formatMessage({
          id: 'pos.discountDialog.giveAReasonFor',
          defaultMessage: 'Give a reason for the discount.',
        }),
      );
      return;
    }
    const what = remove
      ? intl.formatMessage(
          {
            id: 'pos.discountDialog.removeTheDiscountOn',
            defaultMessage: 'Remove the discount on {target}',
          },
          { target },
        )
      : intl.formatMessage(
          { id: 'pos.discountDialog.off', defaultMessage: '{value} off {target}' },
          {
            value:
              discount?.kind === 'percent'
                ? intl.formatMessage(
                    { id: 'pos.discountDialog.percentOff', defaultMessage: '{percent} %' },
                    { percent: discount.bps / 100 },
                  )
                : money(discount?.amountMinor ?? 0),
            target,
          },
        );
    setSaving(true);
    const clearance = await authorize({ action: 'order.applyDiscount', what });
    if (!clearance) {
      setSaving(false);
      return;
    }
    const done = await runMutation(
      'order.applyDiscount',
      {
        orderId: order.id,
        ...(line ? { lineId: line.id } : {}),
        discount,
        reason: remove ? null : reason.trim(),
      },
      {
        ...clearance,
        done: remove
          ? intl.formatMessage({
              id: 'pos.discountDialog.discountRemoved',
              defaultMessage: 'Discount removed',
            })
          : intl.formatMessage(
              {
                id: 'pos.discountDialog.discountApplied',
                defaultMessage: 'Discount applied: {what}',
              },
              { what },
            ),
        refused: intl.formatMessage({
          id: 'pos.discountDialog.discountNotApplied',
          defaultMessage: 'Discount not applied',
        }),
      },
    );
    setSaving(false);
    if (done) onClose();
  }

  return (
    <PosDialog
      title={
        line
          ? intl.formatMessage({
              id: 'pos.discountDialog.discountThisItem',
              defaultMessage: 'Discount this item',
            })
          : intl.formatMessage({
              id: 'pos.discountDialog.discountTheOrder',
              defaultMessage: 'Discount the order',
            })
      }
      subtitle={`${target} · ${money(baseMinor)}`}
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          {current.kind !== null ? (
            <Button variant="secondary" isDisabled={saving} onPress={() => void apply(true)}>
              <FormattedMessage
                id="pos.discountDialog.removeDiscount"
                defaultMessage="Remove discount"
              />
            </Button>
          ) : null}
          <Button isPending={saving} onPress={() => void apply(false)}>
            <Percent aria-hidden className="size-5" />
            <FormattedMessage
              id="pos.discountDialog.applyDiscount"
              defaultMessage="Apply discount"
            />
          </Button>
        </>
      }
    >
      {problem ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'pos.discountDialog.notAppliedYet',
            defaultMessage: 'Not applied yet',
          })}
        >
          {problem}
        </Notice>
      ) : null}
      <ToggleButtonGroup
        aria-label={intl.formatMessage({
          id: 'pos.discountDialog.kindOfDiscount',
          defaultMessage: 'Kind of discount',
        })}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[kind]}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          if (first === 'percent' || first === 'amount') setKind(first);
          setProblem(null);
        }}
        className="flex gap-2"
      >
        <ToggleButton id="percent" className={chip}>
          <FormattedMessage id="pos.discountDialog.percentage" defaultMessage="Percentage" />
        </ToggleButton>
        <ToggleButton id="amount" className={chip}>
          <FormattedMessage id="pos.discountDialog.amount" defaultMessage="Amount" />
        </ToggleButton>
      </ToggleButtonGroup>

      {kind === 'percent' ? (
        <ToggleButtonGroup
          aria-label={intl.formatMessage({
            id: 'pos.discountDialog.percentageOff',
            defaultMessage: 'Percentage off',
          })}
          selectionMode="single"
          selectedKeys={percent === null ? [] : [String(percent)]}
          onSelectionChange={(keys) => {
            const [first] = [...keys];
            setPercent(first === undefined ? null : Number(first));
            setProblem(null);
          }}
          className="grid grid-cols-3 gap-2 sm:grid-cols-6"
        >
          {PERCENTS.map((value) => (
            <ToggleButton key={value} id={String(value)} className={chip}>
              <FormattedMessage
                id="pos.discountDialog.text"
                defaultMessage="{value} %"
                values={{ value }}
              />
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      ) : (
        <TextField
          value={amountText}
          onChange={(next) => {
            setAmountText(next);
            setProblem(null);
          }}
          className="flex flex-col gap-1.5"
        >
          <Label className="text-sm font-semibold">
            <FormattedMessage
              id="pos.discountDialog.amountOff"
              defaultMessage="Amount off ({currency})"
              values={{ currency: venue.currency }}
            />
          </Label>
          <Input
            inputMode="decimal"
            placeholder={intl.formatMessage({
              id: 'pos.discountDialog.000',
              defaultMessage: '0.00',
            })}
            className="min-h-touch-lg w-full max-w-xs rounded-control border-2 border-line-strong bg-surface px-3 text-2xl tabular-nums"
          />
        </TextField>
      )}

      <ReasonPicker
        label={intl.formatMessage({ id: 'pos.discountDialog.reason', defaultMessage: 'Reason' })}
        presets={REASONS}
        value={reason}
        onChange={(next) => {
          setReason(next);
          setProblem(null);
        }}
      />
    </PosDialog>
  );
}
