import { z } from 'zod';
import type { CartItemInput, MenuItem, ModifierGroup } from '../../../api/table-bill.ts';
import { intl } from '../../../i18n/intl.ts';

/**
 * The customer's cart while they order by QR. Prices here are the menu's, for display; the
 * server prices the cart again from its own menu when the order is paid (S12).
 */
export const CartLineSchema = z.object({
  key: z.string(),
  itemId: z.string(),
  name: z.string(),
  /** Item price plus the chosen options' deltas, for one. */
  unitPriceMinor: z.int(),
  quantity: z.int().min(1).max(50),
  optionIds: z.array(z.string()),
  optionNames: z.array(z.string()),
  note: z.string(),
});
export type CartLine = z.infer<typeof CartLineSchema>;

export const MAX_QUANTITY = 50;

/** "Choose 1", "Optional", "Optional · up to 4", "Choose 1 to 2". */
export function choiceHint(group: Pick<ModifierGroup, 'minChoices' | 'maxChoices'>): string {
  const { minChoices: min, maxChoices: max } = group;
  if (min === 0) {
    return max === 1
      ? intl.formatMessage({ id: 'customer.menu.choiceOptional', defaultMessage: 'Optional' })
      : intl.formatMessage(
          { id: 'customer.menu.choiceOptionalUpTo', defaultMessage: 'Optional · up to {max}' },
          { max },
        );
  }
  if (min === max) {
    return intl.formatMessage(
      { id: 'customer.menu.choiceExactly', defaultMessage: 'Choose {min}' },
      { min },
    );
  }
  return intl.formatMessage(
    { id: 'customer.menu.choiceRange', defaultMessage: 'Choose {min} to {max}' },
    { min, max },
  );
}

/** What is wrong with the options chosen in one group, or null when they fit min/max. */
export function choiceProblem(
  group: Pick<ModifierGroup, 'name' | 'minChoices' | 'maxChoices'>,
  chosen: number,
): string | null {
  if (chosen < group.minChoices) {
    return group.minChoices === 1
      ? intl.formatMessage(
          { id: 'customer.menu.chooseOneFor', defaultMessage: 'Choose an option for {group}.' },
          { group: group.name },
        )
      : intl.formatMessage(
          {
            id: 'customer.menu.chooseAtLeastFor',
            defaultMessage: 'Choose at least {min} for {group}.',
          },
          { min: group.minChoices, group: group.name },
        );
  }
  if (chosen > group.maxChoices) {
    return intl.formatMessage(
      { id: 'customer.menu.chooseAtMostFor', defaultMessage: 'Choose at most {max} for {group}.' },
      { max: group.maxChoices, group: group.name },
    );
  }
  return null;
}

/** One of the item, with the options chosen (group by group). */
export function unitPrice(item: MenuItem, optionIds: readonly string[]): number {
  let price = item.priceMinor;
  for (const group of item.modifierGroups) {
    for (const option of group.options) {
      if (optionIds.includes(option.id)) price += option.priceDeltaMinor;
    }
  }
  return Math.max(price, 0);
}

export function makeCartLine(
  item: MenuItem,
  optionIds: readonly string[],
  quantity: number,
  note: string,
): CartLine {
  const names = item.modifierGroups.flatMap((group) =>
    group.options.filter((option) => optionIds.includes(option.id)).map((option) => option.name),
  );
  const trimmed = note.trim();
  return {
    // The same item with the same options and note is one line; anything else is its own.
    key: [item.id, ...[...optionIds].sort(), trimmed].join('|'),
    itemId: item.id,
    name: item.name,
    unitPriceMinor: unitPrice(item, optionIds),
    quantity,
    optionIds: [...optionIds],
    optionNames: names,
    note: trimmed,
  };
}

export function addToCart(cart: readonly CartLine[], line: CartLine): CartLine[] {
  const same = cart.find((existing) => existing.key === line.key);
  if (!same) return [...cart, line];
  return cart.map((existing) =>
    existing.key === line.key
      ? { ...existing, quantity: Math.min(existing.quantity + line.quantity, MAX_QUANTITY) }
      : existing,
  );
}

export function setQuantity(cart: readonly CartLine[], key: string, quantity: number): CartLine[] {
  if (quantity <= 0) return cart.filter((line) => line.key !== key);
  return cart.map((line) =>
    line.key === key ? { ...line, quantity: Math.min(quantity, MAX_QUANTITY) } : line,
  );
}

export function cartCount(cart: readonly CartLine[]): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}

export function cartSubtotal(cart: readonly CartLine[]): number {
  return cart.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

/** What the server is sent: what, how many, which options. Never a price. */
export function cartForServer(cart: readonly CartLine[]): CartItemInput[] {
  return cart.map((line) => ({
    itemId: line.itemId,
    quantity: line.quantity,
    optionIds: line.optionIds,
    ...(line.note ? { note: line.note } : {}),
  }));
}

/** The cart is kept per table in this tab, so a reload or a look at the bill does not lose it. */
export function loadCart(storage: Storage, token: string): CartLine[] {
  try {
    const parsed = z
      .array(CartLineSchema)
      .safeParse(JSON.parse(storage.getItem(cartKey(token)) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveCart(storage: Storage, token: string, cart: readonly CartLine[]): void {
  try {
    if (cart.length === 0) storage.removeItem(cartKey(token));
    else storage.setItem(cartKey(token), JSON.stringify(cart));
  } catch {
    // Private mode or a full storage: the cart still works, it just does not survive a reload.
  }
}

const cartKey = (token: string) => `servio.qr-cart.${token}`;
