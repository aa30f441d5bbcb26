import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './class-names.ts';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
  /** Not a React Aria field prop; set on the input (codes read best typed in capitals). */
  autoCapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
}

/** Label, input, hint and error wired together by React Aria (ids, aria-describedby, invalid state). */
export function TextField({
  label,
  description,
  placeholder,
  className,
  inputClassName,
  autoCapitalize,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={cx('flex flex-col gap-1.5', className)}>
      <Label className="text-sm font-semibold text-ink">{label}</Label>
      <Input
        placeholder={placeholder}
        autoCapitalize={autoCapitalize}
        className={cx(
          'min-h-touch-lg w-full rounded-control border-2 border-line-strong bg-surface px-4 text-lg text-ink',
          'placeholder:text-ink-muted data-invalid:border-danger data-disabled:bg-sunken',
          inputClassName,
        )}
      />
      {description ? (
        <Text slot="description" className="text-sm text-ink-muted">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-sm font-semibold text-danger" />
    </AriaTextField>
  );
}
