import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MUTATION_DEFINITIONS } from './mutations.ts';
import { freeText, plainTextProblem, storableText, TEXT_KINDS } from './text.ts';
import { unguardedTextFields } from './text-fields.ts';

describe('freeText', () => {
  const name = freeText('personName');
  const note = freeText('lineNote');

  it('trims, and keeps letters of every script, emoji (surrogate pairs) included', () => {
    expect(name.parse('  Zoë Łukasz 李 🍕 ')).toBe('Zoë Łukasz 李 🍕');
    expect(note.parse('no onions\n\tallergy: 🥜\r\n')).toBe('no onions\n\tallergy: 🥜');
  });

  it.each([
    ['NUL', 'Ann\u0000', /control character \(U\+0000\) at character 4/],
    ['a bell', '\u0007Ann', /control character \(U\+0007\) at character 1/],
    ['DEL', 'An\u007Fn', /control character \(U\+007F\)/],
    ['a C1 control', 'An\u0085n', /control character \(U\+0085\)/],
    ['a line feed in a one-line kind', 'Ann\nBob', /control character \(U\+000A\)/],
    ['a tab in a one-line kind', 'Ann\tBob', /control character \(U\+0009\)/],
    ['a lone high surrogate', 'Ann\uD83C', /unpaired surrogate \(U\+D83C\) at character 4/],
    ['a lone low surrogate', '\uDF55Ann', /unpaired surrogate \(U\+DF55\) at character 1/],
    ['a reversed pair', 'A\uDF55\uD83Cn', /unpaired surrogate \(U\+DF55\)/],
  ])('refuses %s, naming it and where', (_what, value, message) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('; ')).toMatch(message);
  });

  it('a multi-line kind allows tab and line breaks, never NUL', () => {
    expect(note.safeParse('a\tb\nc\rd').success).toBe(true);
    expect(note.safeParse('a\u0000b').success).toBe(false);
    expect(note.safeParse('a\u000Bb').success).toBe(false);
  });

  it('holds each kind to its length, after trimming', () => {
    for (const [kind, { min, max }] of Object.entries(TEXT_KINDS)) {
      const schema = freeText(kind as keyof typeof TEXT_KINDS);
      expect(schema.safeParse('x'.repeat(max)).success, kind).toBe(true);
      expect(schema.safeParse(` ${'x'.repeat(max)} `).success, kind).toBe(true);
      expect(schema.safeParse('x'.repeat(max + 1)).success, kind).toBe(false);
      expect(schema.safeParse('   ').success, kind).toBe(min === 0);
    }
  });

  it('says what it accepts in the JSON Schema the protocol records', () => {
    expect(z.toJSONSchema(name)).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 80,
      description: expect.stringMatching(/no control characters, well-formed Unicode/),
    });
  });
});

describe('plainTextProblem and storableText', () => {
  it('finds nothing wrong in ordinary text', () => {
    expect(plainTextProblem('Crème brûlée 🍮')).toBeUndefined();
  });

  it('storableText drops controls, mends unpaired surrogates and never splits a pair', () => {
    expect(storableText('a\u0000b\u0007c\nd', 100)).toBe('abc\nd');
    expect(storableText('x\uD800y\uDC00', 100)).toBe('x\uFFFDy\uFFFD');
    expect(storableText('ab🍕', 3)).toBe('ab');
    expect(plainTextProblem(storableText('\uD800\u0000🍕\uDFFF', 10), true)).toBeUndefined();
  });
});

describe('every free-text argument of every mutation is freeText', () => {
  it.each(MUTATION_DEFINITIONS.map((definition) => [definition.name, definition] as const))(
    '%s',
    (_name, definition) => {
      expect(unguardedTextFields(definition.args)).toEqual([]);
    },
  );

  it('finds a plain z.string() field, and passes ids, patterns and enums', () => {
    const schema = z.object({
      id: z.uuid(),
      code: z.string().regex(/^[A-Z]+$/),
      kind: z.enum(['a', 'b']),
      note: freeText('lineNote').nullable().optional(),
      items: z.array(z.object({ label: z.string().trim().max(10) })),
      either: z.union([z.object({ who: z.string() }), z.literal('none')]),
    });
    expect(unguardedTextFields(schema)).toEqual(['items[].label', 'either.who']);
  });
});
