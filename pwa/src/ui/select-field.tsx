import { Check, ChevronDown } from 'lucide-react';
import type { Key } from 'react-aria-components';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { cx } from './class-names.ts';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  isDisabled?: boolean;
  className?: string;
}

/** A labelled single choice (React Aria Select: keyboard, touch and screen readers alike). */
export function SelectField({
  label,
  options,
  value,
  onChange,
  description,
  isDisabled,
  className,
}: SelectFieldProps) {
  return (
    <Select
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isDisabled={isDisabled}
      className={cx('flex flex-col gap-1.5', className)}
    >
      <Label className="text-sm font-semibold text-ink">{label}</Label>
      <Button className="flex min-h-touch-lg w-full items-center justify-between gap-2 rounded-control border-2 border-line-strong bg-surface px-4 text-left text-lg text-ink data-disabled:bg-sunken data-pressed:bg-sunken">
        <SelectValue className="truncate data-placeholder:text-ink-muted" />
        <ChevronDown aria-hidden className="size-5 shrink-0" />
      </Button>
      {description ? (
        <Text slot="description" className="text-sm text-ink-muted">
          {description}
        </Text>
      ) : null}
      <Popover className="min-w-(--trigger-width) overflow-auto rounded-control border-2 border-line-strong bg-surface shadow-float">
        <ListBox className="max-h-80 outline-none" items={options}>
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="flex min-h-touch cursor-default items-center justify-between gap-3 px-4 text-lg outline-none data-focused:bg-brand-soft data-selected:font-semibold"
            >
              {({ isSelected }) => (
                <>
                  <span>{option.label}</span>
                  {isSelected ? <Check aria-hidden className="size-5 text-brand" /> : null}
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
