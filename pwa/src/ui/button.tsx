import {
  Button as AriaButton,
  composeRenderProps,
  type ButtonProps as AriaButtonProps,
} from 'react-aria-components';
import { cx } from './class-names.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger' | 'on-bar' | 'bare';
export type ButtonSize = 'md' | 'lg';

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand text-white data-pressed:bg-brand-strong',
  secondary:
    'bg-surface text-ink border-2 border-line-strong data-pressed:bg-sunken data-pressed:border-ink',
  quiet: 'bg-transparent text-brand data-pressed:bg-brand-soft',
  danger: 'bg-danger text-white data-pressed:bg-danger-strong',
  'on-bar': 'bg-bar-raised text-bar-ink data-pressed:bg-black',
  // Colours come from the caller (the status bar's connection pill); pressing still shows.
  bare: 'data-pressed:brightness-90',
};

const sizes: Record<ButtonSize, string> = {
  // 44 px is the floor for anything a finger hits (STYLE.md, touch first).
  md: 'min-h-touch min-w-touch px-4 text-base',
  lg: 'min-h-touch-lg min-w-touch-lg px-6 text-lg',
};

/** Button styling, shared with links that look like buttons (`LinkButton`). */
export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md'): string {
  return cx(
    'inline-flex select-none items-center justify-center gap-2 rounded-control font-semibold',
    'transition-[background-color,transform] duration-75 data-pressed:scale-[0.98]',
    'data-disabled:cursor-not-allowed data-disabled:opacity-55 data-pending:cursor-progress',
    variants[variant],
    sizes[size],
  );
}

/**
 * The one button: React Aria's (press events that behave on touch, keyboard and pointer
 * alike) with our tokens. Pressed state is visible on every variant, so each tap gets feedback
 * before any work is done.
 */
export function Button({ variant = 'primary', size = 'md', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={composeRenderProps(className, (extra) => cx(buttonClasses(variant, size), extra))}
    />
  );
}
