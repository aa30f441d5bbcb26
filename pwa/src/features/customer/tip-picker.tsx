import { Label, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { percentOf } from '@servio/shared/money';
import { RadioTile } from './choice-tiles.tsx';
import { CustomerField } from './field.tsx';
import { currencySymbol, moneyIn } from '../../lib/money.ts';
import { formatRate, type TipDraft } from './pay-preview.ts';

export interface TipPickerProps {
  currency: string;
  /** The venue's presets, as rates of the amount paid. */
  presetsBps: readonly number[];
  /** What the tip is a rate of (null while the amount is not known yet). */
  amountMinor: number | null;
  tip: TipDraft;
  onChange: (tip: TipDraft) => void;
  error?: string | undefined;
}

function tipKey(tip: TipDraft): string {
  return tip.kind === 'preset' ? `preset:${tip.bps}` : tip.kind;
}

/** No tip, one of the venue's presets (with what it comes to), or an amount of one's own. */
export function TipPicker({
  currency,
  presetsBps,
  amountMinor,
  tip,
  onChange,
  error,
}: TipPickerProps) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const customText = tip.kind === 'custom' ? tip.text : '';
  return (
    <div className="flex flex-col gap-2">
      <RadioGroup
        value={tipKey(tip)}
        onChange={(key) => {
          if (key === 'none') onChange({ kind: 'none' });
          else if (key === 'custom') onChange({ kind: 'custom', text: customText });
          else onChange({ kind: 'preset', bps: Number(key.slice('preset:'.length)) });
        }}
        className="flex flex-col gap-2"
      >
        <Label className="text-lg font-bold">
          <FormattedMessage
            id="customer.tipPicker.heading"
            defaultMessage="Add a tip for the team?"
          />
        </Label>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          <RadioTile
            value="none"
            title={intl.formatMessage({ id: 'customer.tipPicker.noTip', defaultMessage: 'No tip' })}
            className="items-center text-center"
          />
          {presetsBps.map((bps) => (
            <RadioTile
              key={bps}
              value={`preset:${bps}`}
              title={formatRate(bps)}
              detail={amountMinor !== null ? money(percentOf(amountMinor, bps)) : undefined}
              className="items-center text-center"
            />
          ))}
          <RadioTile
            value="custom"
            title={intl.formatMessage({ id: 'customer.tipPicker.other', defaultMessage: 'Other' })}
            className="items-center text-center"
          />
        </div>
      </RadioGroup>
      {tip.kind === 'custom' ? (
        <CustomerField
          label={intl.formatMessage({
            id: 'customer.tipPicker.tipAmount',
            defaultMessage: 'Tip amount',
          })}
          prefix={currencySymbol(currency)}
          value={customText}
          onChange={(text) => onChange({ kind: 'custom', text })}
          inputMode="decimal"
          placeholder={intl.formatMessage({
            id: 'customer.tipPicker.tipPlaceholder',
            defaultMessage: '0.00',
          })}
          error={error}
        />
      ) : null}
    </div>
  );
}
