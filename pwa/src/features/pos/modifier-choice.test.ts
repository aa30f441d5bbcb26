import type { Minor, ModifierGroupId, ModifierOptionId } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  groupProblem,
  groupRule,
  isGroupFull,
  selectedOptionIds,
  selectionFromOptionIds,
  selectionProblems,
  toggleOption,
  unitPriceWith,
  type ModifierGroupChoice,
} from './modifier-choice.ts';

const id = <T extends string>(value: string) => value as T;

function group(
  name: string,
  minChoices: number,
  maxChoices: number,
  options: Array<[string, number, boolean?]>,
): ModifierGroupChoice {
  const groupId = id<ModifierGroupId>(`g-${name}`);
  return {
    group: { id: groupId, name, minChoices, maxChoices },
    options: options.map(([optionName, delta, available = true]) => ({
      id: id<ModifierOptionId>(`o-${optionName}`),
      groupId,
      name: optionName,
      priceDeltaMinor: delta as Minor,
      available,
    })),
  };
}

const cooked = group('Cooked', 1, 1, [
  ['Rare', 0],
  ['Medium', 0],
]);
const extras = group('Extras', 0, 2, [
  ['Cheddar', 150],
  ['Bacon', 200],
  ['Egg', 150],
  ['Truffle', 900, false],
]);
const o = (name: string) => id<ModifierOptionId>(`o-${name}`);

describe('modifier choice', () => {
  it('a single-choice group swaps its choice like a radio', () => {
    let selection = toggleOption(EMPTY_SELECTION, cooked, o('Rare'));
    selection = toggleOption(selection, cooked, o('Medium'));
    expect(selection.get(cooked.group.id)).toEqual([o('Medium')]);
  });

  it('a multi-choice group stops at its maximum and says it is full', () => {
    let selection = toggleOption(EMPTY_SELECTION, extras, o('Cheddar'));
    selection = toggleOption(selection, extras, o('Bacon'));
    expect(isGroupFull(selection, extras)).toBe(true);
    const after = toggleOption(selection, extras, o('Egg'));
    expect(after.get(extras.group.id)).toEqual([o('Cheddar'), o('Bacon')]);
    // Untapping frees a place again.
    const freed = toggleOption(after, extras, o('Cheddar'));
    expect(isGroupFull(freed, extras)).toBe(false);
  });

  it('an unavailable option cannot be chosen', () => {
    expect(toggleOption(EMPTY_SELECTION, extras, o('Truffle'))).toBe(EMPTY_SELECTION);
  });

  it('a required group blocks adding until chosen; optional groups never do', () => {
    expect(groupProblem(EMPTY_SELECTION, cooked)).toBe('Cooked: choose 1');
    expect(groupProblem(EMPTY_SELECTION, extras)).toBeNull();
    expect(selectionProblems(EMPTY_SELECTION, [cooked, extras])).toHaveLength(1);
    const chosen = toggleOption(EMPTY_SELECTION, cooked, o('Rare'));
    expect(selectionProblems(chosen, [cooked, extras])).toEqual([]);
  });

  it('describes each rule in words', () => {
    expect(groupRule(cooked.group)).toBe('Choose 1');
    expect(groupRule(extras.group)).toBe('Optional, up to 2');
    expect(groupRule({ ...extras.group, minChoices: 1, maxChoices: 3 })).toBe('Choose 1 to 3');
  });

  it('lists options in the order the groups come, prices them, and reads a line back', () => {
    let selection = toggleOption(EMPTY_SELECTION, extras, o('Bacon'));
    selection = toggleOption(selection, cooked, o('Rare'));
    const ids = selectedOptionIds(selection, [cooked, extras]);
    expect(ids).toEqual([o('Rare'), o('Bacon')]);
    expect(unitPriceWith(1490 as Minor, selection, [cooked, extras])).toBe(1690);
    expect(selectionFromOptionIds(ids, [cooked, extras])).toEqual(selection);
  });
});
