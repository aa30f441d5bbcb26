import { FORMAT_LOCALE, intl } from '../../../i18n/intl.ts';

/**
 * Business days arrive as calendar dates ("2025-03-04") already resolved by the server in the
 * venue's timezone; they are shown as dates, never shifted by this device's own zone.
 */
const dayFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

function utcDate(day: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

/** "Tue, 4 Mar 2025" */
export function formatBusinessDay(day: string): string {
  return dayFormat.format(utcDate(day));
}

/** "Tue, 4 Mar" (chart labels). */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(utcDate(day));
}

/** "Tue, 4 Mar 2025" or "Mon, 3 Mar 2025 – Sun, 9 Mar 2025". */
export function formatDayRange(from: string, to: string): string {
  return from === to
    ? formatBusinessDay(from)
    : intl.formatMessage(
        { id: 'manager.reports.dayRange', defaultMessage: '{from} – {to}' },
        { from: formatBusinessDay(from), to: formatBusinessDay(to) },
      );
}

/** An instant in the venue's own timezone: "14:05" or "4 Mar, 14:05". */
export function formatInVenueZone(iso: string, timeZone: string, withDate = true): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALE, {
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "14:00" for the hour chart and table. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
