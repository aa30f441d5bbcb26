import { Check, Minus, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Checkbox,
  Group,
  Input,
  Label,
  NumberField,
  Radio,
} from 'react-aria-components';
import { cx } from '../../ui/class-names.ts';

/**
 * The customer's pages' choice controls: React Aria radios, checkboxes and a number stepper
 * drawn as large tiles (a whole tile is the touch target, at least 44 px high).
 */

const tileBase =
  'flex min-h-touch cursor-pointer select-none rounded-control border-2 transition-colors duration-75';
const tileIdle = 'border-line bg-surface text-ink data-pressed:bg-sunken';
const tileSelected = 'border-brand bg-brand-soft text-brand-strong';

export function RadioTile({
  value,
  title,
  detail,
  className,
  isDisabled,
}: {
  value: string;
  title: ReactNode;
  detail?: ReactNode;
  className?: string;
  isDisabled?: boolean;
}) {
  return (
    <Radio
      value={value}
      isDisabled={isDisabled ?? false}
      className={({ isSelected, isDisabled: disabled }) =>
        cx(
          tileBase,
          'flex-col justify-center gap-0.5 px-3 py-2',
          isSelected ? tileSelected : tileIdle,
          disabled && 'cursor-not-allowed opacity-55',
          className,
        )
      }
    >
      <span className="text-base font-semibold">{title}</span>
      {detail ? <span className="text-sm text-ink-muted">{detail}</span> : null}
    </Radio>
  );
}

export function CheckboxTile({
  value,
  children,
  aside,
  isDisabled,
}: {
  value: string;
  children: ReactNode;
  aside?: ReactNode;
  isDisabled?: boolean;
}) {
  return (
    <Checkbox
      value={value}
      isDisabled={isDisabled ?? false}
      className={({ isSelected, isDisabled: disabled }) =>
        cx(
          tileBase,
          'items-center gap-3 px-3 py-2',
          isSelected ? tileSelected : tileIdle,
          disabled && 'cursor-not-allowed opacity-55',
        )
      }
    >
      {({ isSelected }) => (
        <>
          <span
            aria-hidden
            className={cx(
              'flex size-6 shrink-0 items-center justify-center rounded-md border-2',
              isSelected ? 'border-brand bg-brand text-white' : 'border-line-strong bg-surface',
            )}
          >
            {isSelected ? <Check className="size-4" strokeWidth={3} /> : null}
          </span>
          <span className="min-w-0 flex-1 text-base">{children}</span>
          {aside ? <span className="shrink-0 text-base tabular-nums">{aside}</span> : null}
        </>
      )}
    </Checkbox>
  );
}

/** − [n] + : a number the customer sets with large buttons (or types). */
export function Stepper({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  unit,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  minValue: number;
  maxValue: number;
  /** Shown after the number ("people"). */
  unit?: string;
}) {
  const stepButton =
    'flex size-touch-lg items-center justify-center rounded-control border-2 border-line-strong bg-surface text-ink data-pressed:bg-sunken data-disabled:opacity-40';
  return (
    <NumberField
      value={value}
      onChange={(next) => {
        if (Number.isFinite(next)) onChange(next);
      }}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      className="flex flex-col gap-1.5"
    >
      <Label className="text-sm font-semibold">{label}</Label>
      <Group className="flex items-center gap-2">
        <AriaButton slot="decrement" className={stepButton}>
          <Minus aria-hidden className="size-6" />
        </AriaButton>
        <Input className="min-h-touch-lg w-20 rounded-control border-2 border-line-strong bg-surface text-center text-xl font-bold tabular-nums" />
        <AriaButton slot="increment" className={stepButton}>
          <Plus aria-hidden className="size-6" />
        </AriaButton>
        {unit ? <span className="text-base text-ink-muted">{unit}</span> : null}
      </Group>
    </NumberField>
  );
}
