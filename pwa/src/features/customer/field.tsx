import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { cx } from '../../ui/class-names.ts';

export interface CustomerFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and announced; marks the field invalid. */
  error?: string | undefined;
  description?: ReactNode;
  placeholder?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  maxLength?: number;
  className?: string;
  isDisabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Text before the input, inside its frame (a currency symbol). */
  prefix?: string;
}

/**
 * A labelled text input for the customer's pages: React Aria wires the label, the hint and the
 * error to the input (aria-describedby, aria-invalid), so a screen reader reads them together.
 */
export function CustomerField({
  label,
  value,
  onChange,
  error,
  description,
  placeholder,
  inputMode,
  autoComplete,
  maxLength,
  className,
  isDisabled,
  inputRef,
  prefix,
}: CustomerFieldProps) {
  return (
    <TextField
      value={value}
      onChange={onChange}
      isInvalid={error !== undefined}
      isDisabled={isDisabled ?? false}
      className={cx('flex min-w-0 flex-col gap-1.5', className)}
    >
      <Label className="text-sm font-semibold text-ink">{label}</Label>
      <div
        className={cx(
          'flex min-h-touch-lg items-center rounded-control border-2 bg-surface',
          // The frame carries the focus ring (the input inside has none of its own).
          'focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-focus',
          error !== undefined ? 'border-danger' : 'border-line-strong',
        )}
      >
        {prefix ? (
          <span aria-hidden className="pl-4 text-lg text-ink-muted">
            {prefix}
          </span>
        ) : null}
        <Input
          ref={inputRef}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete={autoComplete}
          maxLength={maxLength}
          className="min-h-touch-lg w-full min-w-0 rounded-control bg-transparent px-4 text-lg text-ink outline-none focus-visible:shadow-none placeholder:text-ink-muted data-disabled:bg-sunken"
        />
      </div>
      {description ? (
        <Text slot="description" className="text-sm text-ink-muted">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-sm font-semibold text-danger">{error}</FieldError>
    </TextField>
  );
}
