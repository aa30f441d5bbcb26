import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_DEVICE_LETTERS,
  OrderNumberSchema,
  compareOrderNumbers,
  deviceLetter,
  deviceLetterIndex,
  formatOrderNumber,
  highestCounter,
  nextFreeDeviceLetter,
  parseOrderNumber,
} from './order-number.ts';

describe('order numbers', () => {
  it('device letters run A..Z then AA..ZZ', () => {
    expect(deviceLetter(0)).toBe('A');
    expect(deviceLetter(25)).toBe('Z');
    expect(deviceLetter(26)).toBe('AA');
    expect(deviceLetter(27)).toBe('AB');
    expect(deviceLetter(MAX_DEVICE_LETTERS - 1)).toBe('ZZ');
    expect(() => deviceLetter(MAX_DEVICE_LETTERS)).toThrow(RangeError);
  });

  it('device letter and index are inverse for every device', () => {
    for (let i = 0; i < MAX_DEVICE_LETTERS; i += 1)
      expect(deviceLetterIndex(deviceLetter(i))).toBe(i);
  });

  it('formats and parses A-17', () => {
    expect(formatOrderNumber('A', 17)).toBe('A-17');
    expect(parseOrderNumber('A-17')).toEqual({ letter: 'A', counter: 17 });
    expect(parseOrderNumber('AB-1')).toEqual({ letter: 'AB', counter: 1 });
    expect(parseOrderNumber('A-0')).toBeNull();
    expect(parseOrderNumber('a-1')).toBeNull();
    expect(parseOrderNumber('ABC-1')).toBeNull();
    expect(() => formatOrderNumber('A', 0)).toThrow(RangeError);
    expect(OrderNumberSchema.safeParse('B-3').success).toBe(true);
  });

  it('numbers from two different devices never collide, whatever their counters (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_DEVICE_LETTERS - 1 }),
        fc.integer({ min: 0, max: MAX_DEVICE_LETTERS - 1 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (a, b, ca, cb) => {
          fc.pre(a !== b);
          expect(formatOrderNumber(deviceLetter(a), ca)).not.toBe(
            formatOrderNumber(deviceLetter(b), cb),
          );
          const parsed = parseOrderNumber(formatOrderNumber(deviceLetter(a), ca));
          expect(parsed).toEqual({ letter: deviceLetter(a), counter: ca });
        },
      ),
    );
  });

  it('a new device gets the first free letter', () => {
    expect(nextFreeDeviceLetter([])).toBe('A');
    expect(nextFreeDeviceLetter(['A', 'B', 'D'])).toBe('C');
  });

  it('a device continues after the highest counter it has used', () => {
    expect(highestCounter('A', ['A-3', 'B-9', 'A-12', 'A-2', 'junk'])).toBe(12);
    expect(highestCounter('C', ['A-3'])).toBe(0);
  });

  it('sorts A-9 before A-10 and Z before AA', () => {
    expect(['A-10', 'AA-1', 'A-9', 'B-1', 'Z-2'].sort(compareOrderNumbers)).toEqual([
      'A-9',
      'A-10',
      'B-1',
      'Z-2',
      'AA-1',
    ]);
  });
});
