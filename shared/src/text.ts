import { z } from 'zod';

/**
 * Free text: what a person types (a name, a note, a reason) and the server stores. Every
 * free-text field of a mutation argument and of a procedure input is `freeText(kind)`, so the
 * same rules hold wherever text comes in:
 * - trimmed, then between the kind's `min` and `max` UTF-16 code units (what `String.length`
 *   and zod count; the database's length checks count characters, so they are never stricter);
 * - no control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F); a multi-line kind
 *   allows tab, line feed and carriage return. Postgres cannot store U+0000 in text (22021) or
 *   jsonb (22P05), and the others are invisible;
 * - well-formed UTF-16: no unpaired surrogate. JSON carries one as `\ud800`, which Postgres
 *   refuses in jsonb (22P02) and the driver silently turns into U+FFFD in a text column.
 */
export interface TextKind {
  readonly min: number;
  readonly max: number;
  readonly multiline?: boolean;
}

/** The kinds of free text and their lengths (the columns' checks in migrations/0001 and 0007). */
export const TEXT_KINDS = {
  /** A staff member's or a customer's name (staff.name, orders.customer_name). */
  personName: { min: 1, max: 80 },
  venueName: { min: 1, max: 120 },
  /** A table's name, or the floor area it stands in. */
  tableName: { min: 1, max: 40 },
  /** A menu category, tax rate, modifier group or modifier option. */
  menuName: { min: 1, max: 60 },
  menuItemName: { min: 1, max: 80 },
  deviceName: { min: 1, max: 60 },
  /** What a list is filtered by (the start of an audit action). */
  filter: { min: 1, max: 80 },
  /** Why a line or order was voided, discounted or refunded. */
  reason: { min: 1, max: 200 },
  /** A note for the kitchen on a line (tablet or QR cart). */
  lineNote: { min: 0, max: 200, multiline: true },
  /** A customer's note on a QR order. */
  orderNote: { min: 0, max: 300, multiline: true },
  menuItemDescription: { min: 0, max: 500, multiline: true },
} as const satisfies Record<string, TextKind>;

export type TextKindName = keyof typeof TEXT_KINDS;

/** Marks the schemas `freeText` makes, so a test can find a text field that is not one of them. */
export const freeTextFields = z.registry<{ kind: TextKindName }>();

const hex = (unit: number) => unit.toString(16).toUpperCase().padStart(4, '0');

const isControl = (unit: number) => unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);
const isLineBreakOrTab = (unit: number) => unit === 0x09 || unit === 0x0a || unit === 0x0d;

/** What makes `value` not plain text (the first problem, by position), or undefined. */
export function plainTextProblem(value: string, multiline = false): string | undefined {
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        continue;
      }
      return `must be well-formed Unicode: an unpaired surrogate (U+${hex(unit)}) at character ${index + 1}`;
    }
    if (isControl(unit) && !(multiline && isLineBreakOrTab(unit))) {
      return `must be plain text: a control character (U+${hex(unit)}) at character ${index + 1}`;
    }
  }
  return undefined;
}

/**
 * THE schema of a free-text field of `kind`. Wrap it (`.optional()`, `.nullable()`,
 * `.default(…)`) but do not chain string checks onto it: a new check makes a new schema, which
 * `freeTextFields` no longer knows.
 */
export function freeText(kind: TextKindName, options: { emptyMessage?: string } = {}) {
  const { min, max, multiline = false } = TEXT_KINDS[kind] as TextKind;
  const trimmed = z.string().trim();
  const schema = (min > 0 ? trimmed.min(min, options.emptyMessage ?? 'must not be empty') : trimmed)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = plainTextProblem(value, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({
      description: `${multiline ? 'Plain text (tab and line breaks allowed)' : 'One line of plain text'}, trimmed: no control characters, well-formed Unicode.`,
    });
  freeTextFields.add(schema, { kind });
  return schema;
}

/**
 * Any string made safe to store and show: control characters other than tab and line breaks
 * dropped, unpaired surrogates replaced by U+FFFD, at most `max` code units (never splitting a
 * pair). For text the server itself writes from what a client sent (a rejection's message).
 */
export function storableText(value: string, max: number): string {
  let out = '';
  for (let index = 0; index < value.length && out.length < max; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        if (out.length + 2 > max) break;
        out += value.slice(index, index + 2);
        index += 1;
      } else out += '\uFFFD';
      continue;
    }
    if (isControl(unit) && !isLineBreakOrTab(unit)) continue;
    out += value[index];
  }
  return out;
}
