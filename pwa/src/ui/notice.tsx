import { CircleAlert, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

export type NoticeTone = 'info' | 'warn' | 'danger';

const tones: Record<NoticeTone, { icon: LucideIcon; className: string }> = {
  info: { icon: Info, className: 'bg-brand-soft text-brand-strong border-brand' },
  warn: { icon: TriangleAlert, className: 'bg-warn-soft text-warn-ink border-warn' },
  danger: { icon: CircleAlert, className: 'bg-danger-soft text-danger-ink border-danger' },
};

export interface NoticeProps {
  tone: NoticeTone;
  title: string;
  children?: ReactNode;
  /** Extra content under the text, such as a retry button. */
  action?: ReactNode;
  className?: string;
}

/**
 * A message that stays on screen until its cause goes away. Danger notices are announced
 * at once (role="alert"); the others politely.
 */
export function Notice({ tone, title, children, action, className }: NoticeProps) {
  const { icon: Icon, className: toneClass } = tones[tone];
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx('flex gap-3 rounded-control border-l-4 p-4', toneClass, className)}
    >
      <Icon aria-hidden className="mt-0.5 size-6 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="text-base">{children}</div> : null}
        {action ? <div className="mt-2">{action}</div> : null}
      </div>
    </div>
  );
}
