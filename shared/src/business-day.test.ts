import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, businessDay, isValidTimeZone, wallClockAt } from './business-day.ts';

const LONDON = 'Europe/London';

describe('businessDay', () => {
  it('a sale at 01:30 local belongs to the previous day when the cut-off is 04:00', () => {
    expect(businessDay('2025-03-10T01:30:00Z', LONDON, '04:00')).toBe('2025-03-09');
    expect(businessDay('2025-03-10T03:59:59Z', LONDON, '04:00')).toBe('2025-03-09');
    expect(businessDay('2025-03-10T04:00:00Z', LONDON, '04:00')).toBe('2025-03-10');
    expect(businessDay('2025-03-10T23:59:00Z', LONDON, '04:00:00')).toBe('2025-03-10');
  });

  it('uses the local wall clock, not UTC: 03:00Z in July is 04:00 BST', () => {
    expect(businessDay('2025-07-01T02:30:00Z', LONDON, '04:00')).toBe('2025-06-30');
    expect(businessDay('2025-07-01T03:00:00Z', LONDON, '04:00')).toBe('2025-07-01');
  });

  it('the night clocks go forward (30 March 2025, 01:00 GMT -> 02:00 BST)', () => {
    expect(businessDay('2025-03-30T00:30:00Z', LONDON, '04:00')).toBe('2025-03-29'); // 00:30 GMT
    expect(businessDay('2025-03-30T01:30:00Z', LONDON, '04:00')).toBe('2025-03-29'); // 02:30 BST
    expect(businessDay('2025-03-30T02:59:59Z', LONDON, '04:00')).toBe('2025-03-29'); // 03:59 BST
    expect(businessDay('2025-03-30T03:00:00Z', LONDON, '04:00')).toBe('2025-03-30'); // 04:00 BST
    // A cut-off inside the skipped hour: 00:59 GMT is before it, 02:00 BST after it.
    expect(businessDay('2025-03-30T00:59:00Z', LONDON, '01:30')).toBe('2025-03-29');
    expect(businessDay('2025-03-30T01:00:00Z', LONDON, '01:30')).toBe('2025-03-30');
  });

  it('the night clocks go back (26 October 2025, 02:00 BST -> 01:00 GMT): both 01:30s', () => {
    expect(businessDay('2025-10-26T00:30:00Z', LONDON, '04:00')).toBe('2025-10-25'); // 01:30 BST
    expect(businessDay('2025-10-26T01:30:00Z', LONDON, '04:00')).toBe('2025-10-25'); // 01:30 GMT
    expect(businessDay('2025-10-26T03:59:00Z', LONDON, '04:00')).toBe('2025-10-25'); // 03:59 GMT
    expect(businessDay('2025-10-26T04:00:00Z', LONDON, '04:00')).toBe('2025-10-26'); // 04:00 GMT
  });

  it('crosses month and year boundaries', () => {
    expect(businessDay('2025-01-01T02:00:00Z', LONDON, '04:00')).toBe('2024-12-31');
    expect(businessDay('2024-03-01T01:00:00Z', LONDON, '04:00')).toBe('2024-02-29');
  });

  it('works in zones far from UTC', () => {
    // 2025-07-01T13:00Z is 01:00 on 2 July in Auckland (NZST, +12).
    expect(businessDay('2025-07-01T13:00:00Z', 'Pacific/Auckland', '04:00')).toBe('2025-07-01');
    expect(businessDay('2025-07-01T16:00:00Z', 'Pacific/Auckland', '04:00')).toBe('2025-07-02');
    // 2025-07-02T03:00Z is 23:00 on 1 July in New York (EDT, -4).
    expect(businessDay('2025-07-02T03:00:00Z', 'America/New_York', '04:00')).toBe('2025-07-01');
  });

  it('with a midnight cut-off the business day is the local calendar date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(LONDON, 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe'),
        (date, zone) => {
          const clock = wallClockAt(date, zone);
          const local = `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
          expect(businessDay(date, zone, '00:00')).toBe(local);
          const withCutoff = businessDay(date, zone, '04:00');
          expect([local, addDays(local, -1)]).toContain(withCutoff);
        },
      ),
    );
  });

  it('refuses a malformed cut-off or instant, and knows valid zones', () => {
    expect(() => businessDay('2025-03-10T01:30:00Z', LONDON, '4am')).toThrow();
    expect(() => businessDay('yesterday', LONDON, '04:00')).toThrow(RangeError);
    expect(isValidTimeZone(LONDON)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
