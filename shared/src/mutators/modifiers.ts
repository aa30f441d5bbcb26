import type { MenuItemId, ModifierOptionId } from '../ids.ts';
import type { LineModifier } from '../domain/index.ts';
import { reject } from '../rejections.ts';
import { isLive } from './helpers.ts';
import type { MutatorStore } from './store.ts';

/**
 * Check chosen options against the item's modifier groups and snapshot them for the
 * line: every option must exist, be available and belong to one of the item's groups,
 * each group's count must lie within [minChoices, maxChoices], and no option may be
 * chosen twice. The snapshot keeps the order the options were chosen in.
 */
export async function resolveModifiers(
  store: MutatorStore,
  itemId: MenuItemId,
  optionIds: readonly ModifierOptionId[],
): Promise<LineModifier[]> {
  if (new Set(optionIds).size !== optionIds.length) {
    reject('invalid_modifiers', 'An option was chosen twice.');
  }
  const groups = (await store.getModifierGroupsForItem(itemId)).filter(isLive);
  const groupIds = new Set<string>(groups.map((group) => group.id));
  const options = optionIds.length === 0 ? [] : await store.getModifierOptions(optionIds);
  const byId = new Map(options.filter(isLive).map((option) => [option.id as string, option]));

  const chosenPerGroup = new Map<string, number>();
  const snapshot: LineModifier[] = [];
  for (const optionId of optionIds) {
    const option = byId.get(optionId);
    if (!option || !groupIds.has(option.groupId)) {
      reject('invalid_modifiers', `Option ${optionId} is not offered for this item.`);
    }
    if (!option.available) {
      reject('invalid_modifiers', `${option.name} is not available right now.`);
    }
    chosenPerGroup.set(option.groupId, (chosenPerGroup.get(option.groupId) ?? 0) + 1);
    snapshot.push({
      groupId: option.groupId,
      optionId: option.id,
      name: option.name,
      priceDeltaMinor: option.priceDeltaMinor,
    });
  }

  for (const group of groups) {
    const chosen = chosenPerGroup.get(group.id) ?? 0;
    if (chosen < group.minChoices) {
      reject('invalid_modifiers', `${group.name}: choose at least ${group.minChoices}.`);
    }
    if (chosen > group.maxChoices) {
      reject('invalid_modifiers', `${group.name}: choose at most ${group.maxChoices}.`);
    }
  }
  return snapshot;
}
