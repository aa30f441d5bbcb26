import { Label, TextField, Input, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { cx } from '../../../ui/class-names.ts';
import { useIntl } from 'react-intl';

const REASON_MAX = 200;

/**
 * A reason from a short list a finger can tap, or typed. Voids and discounts are audited, so the
 * reason is asked every time; the presets make that one tap.
 */
export function ReasonPicker({
  label,
  presets,
  value,
  onChange,
  isInvalid,
}: {
  label: string;
  presets: readonly string[];
  value: string;
  onChange: (value: string) => void;
  isInvalid?: boolean;
}) {
  const intl = useIntl();
  return (
    <div className="flex flex-col gap-2">
      <ToggleButtonGroup
        aria-label={intl.formatMessage(
          { id: 'pos.reasonPicker.commonReasons', defaultMessage: '{label}: common reasons' },
          { label },
        )}
        selectionMode="single"
        selectedKeys={presets.includes(value) ? [value] : []}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          onChange(typeof first === 'string' ? first : '');
        }}
        className="flex flex-wrap gap-2"
      >
        {presets.map((preset) => (
          <ToggleButton
            key={preset}
            id={preset}
            className={cx(
              'min-h-touch rounded-control border-2 px-4 text-base font-semibold',
              'data-pressed:scale-[0.98] data-selected:border-brand data-selected:bg-brand-soft data-selected:text-brand-strong',
              'border-line-strong bg-surface',
            )}
          >
            {preset}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TextField
        value={value}
        onChange={(next) => onChange(next.slice(0, REASON_MAX))}
        isInvalid={isInvalid}
        className="flex flex-col gap-1.5"
      >
        <Label className="text-sm font-semibold">{label}</Label>
        <Input
          placeholder={intl.formatMessage({
            id: 'pos.reasonPicker.orTypeAReason',
            defaultMessage: 'Or type a reason',
          })}
          className="min-h-touch-lg w-full rounded-control border-2 border-line-strong bg-surface px-3 text-lg data-invalid:border-danger"
        />
      </TextField>
    </div>
  );
}
