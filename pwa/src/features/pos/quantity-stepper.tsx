import { Minus, Plus } from 'lucide-react';
import { Group, Input, Label, NumberField } from 'react-aria-components';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { useIntl } from 'react-intl';

export interface QuantityStepperProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  minValue?: number;
  maxValue?: number;
  /** Hide the label visually (it is still announced). */
  hideLabel?: boolean;
  className?: string;
}

/** A whole number with big − and + keys (React Aria's NumberField: typed, clamped, announced). */
export function QuantityStepper({
  label,
  value,
  onChange,
  minValue = 1,
  maxValue = 999,
  hideLabel,
  className,
}: QuantityStepperProps) {
  const intl = useIntl();
  return (
    <NumberField
      value={value}
      onChange={(next) => {
        if (Number.isFinite(next)) onChange(Math.round(next));
      }}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
      className={cx('flex flex-col gap-1.5', className)}
    >
      <Label className={cx('text-sm font-semibold', hideLabel && 'sr-only')}>{label}</Label>
      <Group className="flex items-stretch gap-2">
        <Button
          slot="decrement"
          variant="secondary"
          aria-label={intl.formatMessage(
            { id: 'pos.quantityStepper.fewer', defaultMessage: 'Fewer ({label})' },
            { label },
          )}
        >
          <Minus aria-hidden className="size-5" />
        </Button>
        <Input className="min-h-touch w-16 rounded-control border-2 border-line-strong bg-surface text-center text-xl font-bold tabular-nums" />
        <Button
          slot="increment"
          variant="secondary"
          aria-label={intl.formatMessage(
            { id: 'pos.quantityStepper.more', defaultMessage: 'More ({label})' },
            { label },
          )}
        >
          <Plus aria-hidden className="size-5" />
        </Button>
      </Group>
    </NumberField>
  );
}
