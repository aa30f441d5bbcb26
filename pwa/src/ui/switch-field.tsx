import { Switch } from 'react-aria-components';
import { cx } from './class-names.ts';

export interface SwitchFieldProps {
  label: string;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
  className?: string;
  /** When the visible label alone does not say what is switched ("On" in a table row). */
  'aria-label'?: string;
}

/** An on/off setting with a visible label and a 44 px hit area (React Aria Switch). */
export function SwitchField({
  label,
  isSelected,
  onChange,
  isDisabled,
  className,
  'aria-label': ariaLabel,
}: SwitchFieldProps) {
  return (
    <Switch
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      aria-label={ariaLabel}
      className={cx(
        'group flex min-h-touch cursor-pointer items-center gap-3 text-base font-semibold data-disabled:opacity-55',
        className,
      )}
    >
      <span className="flex h-7 w-12 shrink-0 items-center rounded-full border-2 border-line-strong bg-sunken p-0.5 transition-colors group-data-selected:border-ok group-data-selected:bg-ok">
        <span className="size-5 rounded-full bg-white shadow-card transition-transform group-data-selected:translate-x-5" />
      </span>
      {label}
    </Switch>
  );
}
