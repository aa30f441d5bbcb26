import { TimeOfDaySchema } from './domain/common.ts';

/**
 * The business day a sale belongs to. A bar open until 02:00 wants its 01:30 sale on
 * the day the shift started, so a venue sets a cut-off (e.g. 04:00): a sale before the
 * cut-off, in the venue's local time, belongs to the previous calendar day.
 *
 * DST-safe without a library: Intl tells us the wall-clock date and time at the instant
 * in the venue's zone, and the cut-off is compared against that wall clock. A skipped
 * or repeated hour only changes which wall-clock times exist, never the comparison.
 */

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local date and time shown on a wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date | string, timeZone: string): WallClock {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** True when the runtime knows the IANA zone (e.g. 'Europe/London'). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

function secondsOfDay(time: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = TimeOfDaySchema.parse(time).split(':').map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

function formatDate(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => value.toString().padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The calendar date `days` away from a `YYYY-MM-DD` date (pure calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * The business day (`YYYY-MM-DD`) of `instant` for a venue in `timeZone` whose day
 * turns over at `cutoff` ('HH:MM' or 'HH:MM:SS', local time).
 */
export function businessDay(instant: Date | string, timeZone: string, cutoff: string): string {
  const clock = wallClockAt(instant, timeZone);
  const date = formatDate(clock.year, clock.month, clock.day);
  const localSeconds = clock.hour * 3600 + clock.minute * 60 + clock.second;
  return localSeconds < secondsOfDay(cutoff) ? addDays(date, -1) : date;
}
