import { Link, type LinkProps } from 'react-router';
import { buttonClasses, type ButtonSize, type ButtonVariant } from './button.tsx';
import { cx } from './class-names.ts';

export interface LinkButtonProps extends Omit<LinkProps, 'className'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/**
 * Navigation that looks like a button. A real link (router `Link`), so it opens in a new tab,
 * shows its address and is announced as a link; `active:` gives the tap feedback that
 * React Aria's `data-pressed` gives buttons.
 */
export function LinkButton({
  variant = 'primary',
  size = 'md',
  className,
  ...props
}: LinkButtonProps) {
  return (
    <Link
      {...props}
      className={cx(
        buttonClasses(variant, size),
        'active:scale-[0.98] active:brightness-90',
        className,
      )}
    />
  );
}
