import { describe, expect, it } from 'vitest';
import { formatElapsed, minutesSince } from './elapsed.tsx';

describe('elapsed time', () => {
  it('reads as minutes, then hours and minutes', () => {
    expect(formatElapsed(20_000)).toBe('now');
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12 min');
    expect(formatElapsed(65 * 60_000)).toBe('1 h 05');
    expect(formatElapsed(-5_000)).toBe('now');
  });

  it('counts whole minutes since an instant', () => {
    expect(minutesSince('2025-01-01T12:00:00Z', Date.parse('2025-01-01T12:09:59Z'))).toBe(9);
  });
});
