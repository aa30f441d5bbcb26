import { addDays, businessDay, CalendarDateSchema } from '@servio/shared';
import { z } from 'zod';

/**
 * Which business days a report covers. Presets are resolved on the server from the venue's
 * clock, timezone and cut-off, so "today" at 01:30 on a bar's tablet is still the evening's
 * business day (the sale after midnight belongs to the shift that started before it).
 */

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'thisWeek',
  'last7Days',
  'thisMonth',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A report never spans more than a year: the by-day table has one row per day. */
export const MAX_RANGE_DAYS = 366;

/** The fields that name a range; `ReportRangeInputSchema` checks them together. */
export const reportRangeFields = {
  preset: z.enum(RANGE_PRESETS),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
};

/** Custom ranges need both ends, in order, at most a year; presets take no dates. */
export function checkRange(
  range: { preset: RangePreset; from?: string | undefined; to?: string | undefined },
  issues: z.RefinementCtx,
): void {
  if (range.preset !== 'custom') {
    if (range.from !== undefined || range.to !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['preset'],
        message: 'from/to are only given with the custom preset',
      });
    }
    return;
  }
  if (range.from === undefined || range.to === undefined) {
    issues.addIssue({
      code: 'custom',
      path: [range.from === undefined ? 'from' : 'to'],
      message: 'a custom range needs both from and to (YYYY-MM-DD)',
    });
    return;
  }
  const days = daysBetween(range.from, range.to) + 1;
  if (days < 1) {
    issues.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  } else if (days > MAX_RANGE_DAYS) {
    issues.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a report covers at most ${MAX_RANGE_DAYS} days`,
    });
  }
}

export const ReportRangeInputSchema = z.object(reportRangeFields).superRefine(checkRange);
export type ReportRangeInput = z.infer<typeof ReportRangeInputSchema>;

export interface ReportRange {
  preset: RangePreset;
  /** First business day (YYYY-MM-DD), inclusive. */
  from: string;
  /** Last business day (YYYY-MM-DD), inclusive. */
  to: string;
  /** Number of business days covered. */
  days: number;
  /** The venue's current business day when the range was resolved. */
  today: string;
}

export interface RangeVenue {
  timezone: string;
  businessDayCutoff: string;
}

function dayNumber(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every business day from `from` to `to`, inclusive, in order. */
export function eachDay(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(from, index));
}

/** Monday of the week holding `date` (ISO weeks start on Monday, as European venues count them). */
function mondayOf(date: string): string {
  const weekday = new Date(dayNumber(date) * 86_400_000).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Resolves a preset (or checks a custom range) against the venue's clock. */
export function resolveRange(input: ReportRangeInput, venue: RangeVenue, now: Date): ReportRange {
  const today = businessDay(now, venue.timezone, venue.businessDayCutoff);
  const span = (from: string, to: string): ReportRange => ({
    preset: input.preset,
    from,
    to,
    days: daysBetween(from, to) + 1,
    today,
  });
  switch (input.preset) {
    case 'today':
      return span(today, today);
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return span(yesterday, yesterday);
    }
    case 'thisWeek':
      return span(mondayOf(today), today);
    case 'last7Days':
      return span(addDays(today, -6), today);
    case 'thisMonth':
      return span(`${today.slice(0, 8)}01`, today);
    case 'custom':
      // The schema guarantees both ends for a custom range.
      return span(input.from!, input.to!);
  }
}
