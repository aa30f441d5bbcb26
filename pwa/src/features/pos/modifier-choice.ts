import type {
  Minor,
  ModifierGroupId,
  ModifierGroupRow,
  ModifierOptionId,
  ModifierOptionRow,
} from '@servio/shared';
import { intl } from '../../i18n/intl.ts';

/**
 * Choosing an item's options on the tablet, held to the same rule the shared mutator enforces
 * (`resolveModifiers`): each group between `minChoices` and `maxChoices`, only available options,
 * none twice. The screen prevents a wrong choice instead of letting the mutation refuse it.
 */

export interface ModifierGroupChoice {
  group: Pick<ModifierGroupRow, 'id' | 'name' | 'minChoices' | 'maxChoices'>;
  options: ReadonlyArray<
    Pick<ModifierOptionRow, 'id' | 'name' | 'priceDeltaMinor' | 'available' | 'groupId'>
  >;
}

/** The chosen options per group, in the order they were chosen. */
export type ModifierSelection = ReadonlyMap<ModifierGroupId, readonly ModifierOptionId[]>;

export const EMPTY_SELECTION: ModifierSelection = new Map();

/**
 * Tap an option. A single-choice group swaps its choice (a radio); a multi-choice group adds or
 * removes it, and ignores an extra tap once the group is full (the screen shows it as disabled).
 */
export function toggleOption(
  selection: ModifierSelection,
  choice: ModifierGroupChoice,
  optionId: ModifierOptionId,
): ModifierSelection {
  const option = choice.options.find((candidate) => candidate.id === optionId);
  if (!option || !option.available) return selection;
  const chosen = selection.get(choice.group.id) ?? [];
  let next: readonly ModifierOptionId[];
  if (chosen.includes(optionId)) {
    next = chosen.filter((id) => id !== optionId);
  } else if (choice.group.maxChoices === 1) {
    next = [optionId];
  } else if (chosen.length < choice.group.maxChoices) {
    next = [...chosen, optionId];
  } else {
    return selection;
  }
  const updated = new Map(selection);
  updated.set(choice.group.id, next);
  return updated;
}

/** Whether tapping this (unchosen) option would do nothing because its group is full. */
export function isGroupFull(selection: ModifierSelection, choice: ModifierGroupChoice): boolean {
  const { maxChoices } = choice.group;
  return maxChoices > 1 && (selection.get(choice.group.id)?.length ?? 0) >= maxChoices;
}

/** What the group asks for, as the person reads it: "Choose 1", "Up to 4", "Choose 2 to 3". */
export function groupRule(group: ModifierGroupChoice['group']): string {
  const { minChoices: min, maxChoices: max } = group;
  if (min === 0)
    return max === 1
      ? intl.formatMessage({ id: 'pos.modifierChoice.optional', defaultMessage: 'Optional' })
      : intl.formatMessage(
          { id: 'pos.modifierChoice.optionalUpTo', defaultMessage: 'Optional, up to {max}' },
          { max },
        );
  if (min === max)
    return intl.formatMessage(
      { id: 'pos.modifierChoice.choose', defaultMessage: 'Choose {min}' },
      { min },
    );
  return intl.formatMessage(
    { id: 'pos.modifierChoice.chooseTo', defaultMessage: 'Choose {min} to {max}' },
    { min, max },
  );
}

/** Why this group's choice cannot be added yet, or null when it fits. */
export function groupProblem(
  selection: ModifierSelection,
  choice: ModifierGroupChoice,
): string | null {
  const count = selection.get(choice.group.id)?.length ?? 0;
  const { minChoices: min, maxChoices: max, name } = choice.group;
  if (count < min)
    return min === max
      ? intl.formatMessage(
          { id: 'pos.modifierChoice.chooseExactly', defaultMessage: '{name}: choose {min}' },
          { name, min },
        )
      : intl.formatMessage(
          {
            id: 'pos.modifierChoice.chooseAtLeast',
            defaultMessage: '{name}: choose at least {min}',
          },
          { name, min },
        );
  if (count > max)
    return intl.formatMessage(
      { id: 'pos.modifierChoice.atMost', defaultMessage: '{name}: at most {max}' },
      { name, max },
    );
  return null;
}

export function selectionProblems(
  selection: ModifierSelection,
  choices: readonly ModifierGroupChoice[],
): string[] {
  return choices.flatMap((choice) => {
    const problem = groupProblem(selection, choice);
    return problem ? [problem] : [];
  });
}

/** The chosen option ids in the order the item lists its groups (what `order.addLine` takes). */
export function selectedOptionIds(
  selection: ModifierSelection,
  choices: readonly ModifierGroupChoice[],
): ModifierOptionId[] {
  return choices.flatMap((choice) => [...(selection.get(choice.group.id) ?? [])]);
}

/** The selection a line already has, to edit it. */
export function selectionFromOptionIds(
  optionIds: readonly ModifierOptionId[],
  choices: readonly ModifierGroupChoice[],
): ModifierSelection {
  const selection = new Map<ModifierGroupId, ModifierOptionId[]>();
  for (const choice of choices) {
    const ids = choice.options.map((option) => option.id).filter((id) => optionIds.includes(id));
    if (ids.length > 0) selection.set(choice.group.id, ids);
  }
  return selection;
}

/** Price of one item with the chosen options (never below zero, as on the line). */
export function unitPriceWith(
  basePriceMinor: Minor,
  selection: ModifierSelection,
  choices: readonly ModifierGroupChoice[],
): Minor {
  let price: number = basePriceMinor;
  for (const choice of choices) {
    for (const optionId of selection.get(choice.group.id) ?? []) {
      price += choice.options.find((option) => option.id === optionId)?.priceDeltaMinor ?? 0;
    }
  }
  return Math.max(price, 0) as Minor;
}
