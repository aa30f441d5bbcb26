import { Delete } from 'lucide-react';
import { Input, Label, TextField } from 'react-aria-components';
import { Button } from './button.tsx';
import { useIntl } from 'react-intl';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Digits are the same in every language the app speaks; the last row holds the 0. */
const ZERO = '0';
export const PIN_MAX_LENGTH = 8;

export interface PinPadProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  isInvalid?: boolean;
  isDisabled?: boolean;
}

/**
 * A PIN entry a finger can use: a masked field (a hardware keyboard types into it too) above a
 * 3 × 4 keypad of large keys. Digits only; Enter or the caller's button submits.
 */
export function PinPad({ label, value, onChange, onSubmit, isInvalid, isDisabled }: PinPadProps) {
  const intl = useIntl();
  const type = (digit: string) => {
    if (value.length < PIN_MAX_LENGTH) onChange(value + digit);
  };
  return (
    <div className="flex flex-col items-center gap-4">
      <TextField
        value={value}
        onChange={(next) => onChange(next.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH))}
        isInvalid={isInvalid}
        isDisabled={isDisabled}
        autoFocus
        className="flex w-full max-w-xs flex-col gap-1.5"
      >
        <Label className="text-sm font-semibold">{label}</Label>
        <Input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSubmit();
          }}
          className="min-h-touch-lg w-full rounded-control border-2 border-line-strong bg-surface px-4 text-center font-mono text-3xl tracking-[0.4em] data-invalid:border-danger"
        />
      </TextField>
      <div className="grid w-full max-w-xs grid-cols-3 gap-2">
        {KEYS.map((digit) => (
          <Button
            key={digit}
            variant="secondary"
            size="lg"
            isDisabled={isDisabled}
            onPress={() => type(digit)}
            className="text-2xl"
          >
            {digit}
          </Button>
        ))}
        <span aria-hidden />
        <Button
          variant="secondary"
          size="lg"
          isDisabled={isDisabled}
          onPress={() => type(ZERO)}
          className="text-2xl"
        >
          {ZERO}
        </Button>
        <Button
          variant="secondary"
          size="lg"
          aria-label={intl.formatMessage({
            id: 'ui.pinPad.deleteDigit',
            defaultMessage: 'Delete last digit',
          })}
          isDisabled={isDisabled || value.length === 0}
          onPress={() => onChange(value.slice(0, -1))}
        >
          <Delete aria-hidden className="size-6" />
        </Button>
      </div>
    </div>
  );
}
