import { useNow } from '../../lib/clock.ts';
import { cx } from '../../ui/class-names.ts';
import { intl } from '../../i18n/intl.ts';

/** "now", "12 min", "1 h 05": how long something has waited, readable at a glance. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'now';
  if (minutes < 60)
    return intl.formatMessage(
      { id: 'pos.elapsed.min', defaultMessage: '{minutes} min' },
      { minutes },
    );
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** Elapsed time since `since` (ISO), ticking with the shared clock. */
export function Elapsed({ since, className }: { since: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={since} className={cx('tabular-nums', className)}>
      {formatElapsed(now - Date.parse(since))}
    </time>
  );
}
