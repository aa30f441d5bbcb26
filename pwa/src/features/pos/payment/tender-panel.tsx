import { minor, parseMajor, toMajorString, type Minor } from '@servio/shared';
import { Banknote, CreditCard } from 'lucide-react';
import { Input, Label, TextField, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { usePos } from '../pos-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { cashSuggestions, tipFromBps } from './payment-plan.ts';
import { FormattedMessage, useIntl } from 'react-intl';

export type Method = 'cash' | 'card';
export type TipChoice = 'none' | 'custom' | `${number}`;

export const segment = cx(
  'flex min-h-touch items-center justify-center gap-2 rounded-control border-2 px-3 text-base font-semibold',
  'data-pressed:scale-[0.98] data-selected:border-ink data-selected:bg-ink data-selected:text-white',
  'border-line-strong bg-surface text-ink',
);

/** Parse money typed by a person; null when it is not an amount. */
export function parseAmount(text: string, currency: string): Minor | null {
  if (!text.trim()) return null;
  try {
    const value = parseMajor(text, currency);
    return value >= 0 ? value : null;
  } catch {
    return null;
  }
}

export function tipOf(
  choice: TipChoice,
  customText: string,
  amount: Minor,
  currency: string,
): Minor | null {
  if (choice === 'none') return minor(0);
  if (choice === 'custom') return customText.trim() ? parseAmount(customText, currency) : minor(0);
  return tipFromBps(amount, Number(choice));
}

export function AmountField({
  label,
  value,
  onChange,
  isInvalid,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  isInvalid?: boolean;
}) {
  const intl = useIntl();
  return (
    <TextField
      value={value}
      onChange={onChange}
      isInvalid={isInvalid}
      className="flex flex-col gap-1.5"
    >
      <Label className="text-sm font-semibold">{label}</Label>
      <Input
        inputMode="decimal"
        autoComplete="off"
        placeholder={intl.formatMessage({ id: 'pos.tenderPanel.000', defaultMessage: '0.00' })}
        className="min-h-touch-lg w-full rounded-control border-2 border-line-strong bg-surface px-3 text-2xl tabular-nums data-invalid:border-danger"
      />
    </TextField>
  );
}

/** Tip: none, the venue's percentages of the amount paid, or an amount typed in. */
export function TipPicker({
  amount,
  choice,
  onChoice,
  customText,
  onCustomText,
}: {
  amount: Minor;
  choice: TipChoice;
  onChoice: (choice: TipChoice) => void;
  customText: string;
  onCustomText: (text: string) => void;
}) {
  const intl = useIntl();
  const { venue, money } = usePos();
  return (
    <div className="flex flex-col gap-2">
      <ToggleButtonGroup
        aria-label={intl.formatMessage({ id: 'pos.tenderPanel.tip', defaultMessage: 'Tip' })}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[choice]}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          if (typeof first === 'string') onChoice(first as TipChoice);
        }}
        className="grid grid-cols-3 gap-2 sm:grid-cols-5"
      >
        <ToggleButton id="none" className={segment}>
          <FormattedMessage id="pos.tenderPanel.noTip" defaultMessage="No tip" />
        </ToggleButton>
        {venue.tipPresetsBps.map((bps) => (
          <ToggleButton
            key={bps}
            id={String(bps)}
            className={cx(segment, 'flex-col gap-0 leading-tight')}
          >
            <span>
              {bps / 100} <FormattedMessage id="pos.tenderPanel.text" defaultMessage="%" />
            </span>
            <span className="text-sm font-normal tabular-nums">
              {money(tipFromBps(amount, bps))}
            </span>
          </ToggleButton>
        ))}
        <ToggleButton id="custom" className={segment}>
          <FormattedMessage id="pos.tenderPanel.other" defaultMessage="Other" />
        </ToggleButton>
      </ToggleButtonGroup>
      {choice === 'custom' ? (
        <AmountField
          label={intl.formatMessage(
            { id: 'pos.tenderPanel.tip2', defaultMessage: 'Tip ({currency})' },
            { currency: venue.currency },
          )}
          value={customText}
          onChange={onCustomText}
        />
      ) : null}
    </div>
  );
}

export function MethodPicker({
  method,
  onChange,
}: {
  method: Method;
  onChange: (method: Method) => void;
}) {
  const intl = useIntl();
  return (
    <ToggleButtonGroup
      aria-label={intl.formatMessage({
        id: 'pos.tenderPanel.paymentMethod',
        defaultMessage: 'Payment method',
      })}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[method]}
      onSelectionChange={(keys) => {
        const [first] = [...keys];
        if (first === 'cash' || first === 'card') onChange(first);
      }}
      className="grid grid-cols-2 gap-2"
    >
      <ToggleButton id="cash" className={cx(segment, 'min-h-touch-lg text-lg')}>
        <Banknote aria-hidden className="size-6" />
        <FormattedMessage id="pos.tenderPanel.cash" defaultMessage="Cash" />
      </ToggleButton>
      <ToggleButton id="card" className={cx(segment, 'min-h-touch-lg text-lg')}>
        <CreditCard aria-hidden className="size-6" />
        <FormattedMessage id="pos.tenderPanel.card" defaultMessage="Card" />
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

/** Cash handed over: the exact sum or the next round notes in one tap, or typed. */
export function CashTendered({
  owed,
  text,
  onText,
  isInvalid,
}: {
  owed: Minor;
  text: string;
  onText: (text: string) => void;
  isInvalid: boolean;
}) {
  const intl = useIntl();
  const { venue, money } = usePos();
  return (
    <div className="flex flex-col gap-2">
      <AmountField
        label={intl.formatMessage(
          { id: 'pos.tenderPanel.cashReceived', defaultMessage: 'Cash received ({currency})' },
          { currency: venue.currency },
        )}
        value={text}
        onChange={onText}
        isInvalid={isInvalid}
      />
      <div
        role="group"
        aria-label={intl.formatMessage({
          id: 'pos.tenderPanel.quickCashAmounts',
          defaultMessage: 'Quick cash amounts',
        })}
        className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-2 xl:grid-cols-4"
      >
        {cashSuggestions(owed, venue.currency).map((amount, index) => (
          <Button
            key={amount}
            variant="secondary"
            onPress={() => onText(toMajorString(amount, venue.currency))}
            className="px-2 tabular-nums"
          >
            {index === 0 ? (
              <FormattedMessage
                id="pos.tenderPanel.exact"
                defaultMessage="Exact {amount}"
                values={{ amount: money(amount) }}
              />
            ) : (
              money(amount)
            )}
          </Button>
        ))}
      </div>
    </div>
  );
}
