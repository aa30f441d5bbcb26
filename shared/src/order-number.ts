import { z } from 'zod';

/**
 * Human order numbers, assigned on the tablet while offline: the device's letter (A, B,
 * …, Z, AA, …, ZZ) plus a per-device counter, e.g. `A-17`. Two tablets never collide
 * because each venue gives every paired device its own letter (`devices.letter` is
 * unique per venue and a revoked device keeps its letter), and a device never reuses a
 * counter value. Numbers are never renumbered once assigned.
 */

export const DeviceLetterSchema = z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters');
export const OrderNumberSchema = z
  .string()
  .regex(/^[A-Z]{1,2}-[1-9]\d{0,8}$/, 'an order number like A-17');

/** How many devices a venue can pair: A–Z then AA–ZZ. */
export const MAX_DEVICE_LETTERS = 26 + 26 * 26;
export const MAX_ORDER_COUNTER = 999_999_999;

const A = 'A'.charCodeAt(0);

/** The letter for the `index`-th device of a venue (0 → A, 25 → Z, 26 → AA, 701 → ZZ). */
export function deviceLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_DEVICE_LETTERS) {
    throw new RangeError(`Device index ${index} is outside 0..${MAX_DEVICE_LETTERS - 1}`);
  }
  if (index < 26) return String.fromCharCode(A + index);
  const rest = index - 26;
  return String.fromCharCode(A + Math.floor(rest / 26), A + (rest % 26));
}

/** The inverse of `deviceLetter`. */
export function deviceLetterIndex(letter: string): number {
  DeviceLetterSchema.parse(letter);
  if (letter.length === 1) return letter.charCodeAt(0) - A;
  return 26 + (letter.charCodeAt(0) - A) * 26 + (letter.charCodeAt(1) - A);
}

/** The first letter not in `taken`, for pairing a new device. */
export function nextFreeDeviceLetter(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let index = 0; index < MAX_DEVICE_LETTERS; index += 1) {
    const letter = deviceLetter(index);
    if (!used.has(letter)) return letter;
  }
  throw new RangeError('Every device letter of this venue is taken');
}

export interface OrderNumberParts {
  letter: string;
  counter: number;
}

export function formatOrderNumber(letter: string, counter: number): string {
  DeviceLetterSchema.parse(letter);
  if (!Number.isInteger(counter) || counter < 1 || counter > MAX_ORDER_COUNTER) {
    throw new RangeError(`Order counter ${counter} is outside 1..${MAX_ORDER_COUNTER}`);
  }
  return `${letter}-${counter}`;
}

/** Parts of a well-formed number, or null for anything else. */
export function parseOrderNumber(number: string): OrderNumberParts | null {
  if (!OrderNumberSchema.safeParse(number).success) return null;
  const [letter = '', counter = ''] = number.split('-');
  return { letter, counter: Number(counter) };
}

/**
 * The counter a device continues from, given the numbers it is known to have used (its
 * own outbox, or its orders on the server after the tablet's storage was wiped).
 */
export function highestCounter(letter: string, numbers: Iterable<string>): number {
  let highest = 0;
  for (const number of numbers) {
    const parts = parseOrderNumber(number);
    if (parts && parts.letter === letter && parts.counter > highest) highest = parts.counter;
  }
  return highest;
}

/** Sorts by letter (A < Z < AA) then counter, so `A-9` comes before `A-10`. */
export function compareOrderNumbers(a: string, b: string): number {
  const pa = parseOrderNumber(a);
  const pb = parseOrderNumber(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  const byLetter = deviceLetterIndex(pa.letter) - deviceLetterIndex(pb.letter);
  return byLetter !== 0 ? byLetter : pa.counter - pb.counter;
}
