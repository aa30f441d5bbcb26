import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MUTATION_DEFINITIONS, MUTATION_NAMES } from '../mutations.ts';
import { defineMutation } from './define.ts';

const args = z.object({ note: z.string() });
const whole = {
  name: 'example.note',
  args,
  actions: ['order.open'],
  refs: () => ({}),
  apply: async () => {},
  describe: (a: { note: string }) => ({
    id: 'example.note',
    defaultMessage: 'Note {note}',
    values: { note: a.note },
  }),
} as const;

describe('defineMutation', () => {
  it('a definition missing its rule, its references or its words does not compile', () => {
    const { apply: _apply, ...noRule } = whole;
    const { refs: _refs, ...noRefs } = whole;
    const { describe: _describe, ...noWords } = whole;
    const { actions: _actions, ...noActions } = whole;
    // @ts-expect-error no rule
    expect(defineMutation(noRule).name).toBe('example.note');
    // @ts-expect-error no references
    expect(defineMutation(noRefs).name).toBe('example.note');
    // @ts-expect-error no words
    expect(defineMutation(noWords).name).toBe('example.note');
    // @ts-expect-error no permission action
    expect(defineMutation(noActions).name).toBe('example.note');
    expect(defineMutation(whole).describe({ note: 'x' })).toMatchObject({ id: 'example.note' });
  });

  it('the registry holds each mutation once, under its own name', () => {
    expect(new Set(MUTATION_NAMES).size).toBe(MUTATION_DEFINITIONS.length);
    expect(MUTATION_NAMES).toEqual(MUTATION_DEFINITIONS.map((definition) => definition.name));
  });
});
