import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../../api/table-bill.ts';
import {
  addToCart,
  cartCount,
  cartForServer,
  cartSubtotal,
  choiceHint,
  choiceProblem,
  loadCart,
  makeCartLine,
  saveCart,
  setQuantity,
} from './cart.ts';

const cappuccino: MenuItem = {
  id: 'item-cappuccino',
  name: 'Cappuccino',
  description: '',
  priceMinor: 350,
  modifierGroups: [
    {
      id: 'milk',
      name: 'Milk',
      minChoices: 0,
      maxChoices: 1,
      options: [{ id: 'oat', name: 'Oat milk', priceDeltaMinor: 50 }],
    },
    {
      id: 'size',
      name: 'Size',
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: 'regular', name: 'Regular', priceDeltaMinor: 0 },
        { id: 'large', name: 'Large', priceDeltaMinor: 80 },
      ],
    },
  ],
};

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the QR order cart', () => {
  it('says what each modifier group asks for and what is missing', () => {
    expect(choiceHint({ minChoices: 1, maxChoices: 1 })).toBe('Choose 1');
    expect(choiceHint({ minChoices: 0, maxChoices: 1 })).toBe('Optional');
    expect(choiceHint({ minChoices: 0, maxChoices: 4 })).toBe('Optional · up to 4');
    expect(choiceHint({ minChoices: 1, maxChoices: 2 })).toBe('Choose 1 to 2');
    expect(choiceProblem({ name: 'Cooked', minChoices: 1, maxChoices: 1 }, 0)).toBe(
      'Choose an option for Cooked.',
    );
    expect(choiceProblem({ name: 'Extras', minChoices: 0, maxChoices: 2 }, 3)).toBe(
      'Choose at most 2 for Extras.',
    );
    expect(choiceProblem({ name: 'Extras', minChoices: 0, maxChoices: 2 }, 2)).toBeNull();
  });

  it('prices a line with its options and merges the same choice into one line', () => {
    const large = makeCartLine(cappuccino, ['large', 'oat'], 2, ' extra hot ');
    expect(large).toMatchObject({
      unitPriceMinor: 480,
      optionNames: ['Oat milk', 'Large'],
      note: 'extra hot',
    });
    let cart = addToCart([], large);
    cart = addToCart(cart, makeCartLine(cappuccino, ['oat', 'large'], 1, 'extra hot'));
    cart = addToCart(cart, makeCartLine(cappuccino, ['regular'], 1, ''));
    expect(cart.map((line) => line.quantity)).toEqual([3, 1]);
    expect(cartCount(cart)).toBe(4);
    expect(cartSubtotal(cart)).toBe(3 * 480 + 350);
    expect(setQuantity(cart, large.key, 0)).toHaveLength(1);
  });

  it('sends the server what and how many, never a price', () => {
    const cart = [makeCartLine(cappuccino, ['regular'], 2, '')];
    expect(cartForServer(cart)).toEqual([
      { itemId: 'item-cappuccino', quantity: 2, optionIds: ['regular'] },
    ]);
  });

  it('keeps the cart per table across a reload, and ignores anything unreadable', () => {
    const storage = new MemoryStorage();
    const cart = [makeCartLine(cappuccino, ['large'], 1, '')];
    saveCart(storage, 'table-a', cart);
    expect(loadCart(storage, 'table-a')).toEqual(cart);
    expect(loadCart(storage, 'table-b')).toEqual([]);
    storage.setItem('servio.qr-cart.table-c', '{not json');
    expect(loadCart(storage, 'table-c')).toEqual([]);
    saveCart(storage, 'table-a', []);
    expect(storage.length).toBe(1);
  });
});
