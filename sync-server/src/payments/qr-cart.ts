import {
  computeOrderTotals,
  freeText,
  isMutationRejected,
  LineModifierSchema,
  minor,
  resolveModifiers,
  type MenuItemId,
  type ModifierOptionId,
  type MutatorStore,
  type OrderTotals,
  type TotalsLine,
} from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { VenueInfo } from './bill-rows.ts';
import { PaymentError } from './errors.ts';

/** A customer's cart as the phone sends it: what, how many, which options. Never a price. */
export const CartItemSchema = z.object({
  itemId: z.uuid(),
  quantity: z.int().min(1).max(50),
  optionIds: z.array(z.uuid()).max(20).default([]),
  note: freeText('lineNote').optional(),
});
export const CartSchema = z.array(CartItemSchema).min(1, 'the cart is empty').max(50);
export type CartInput = z.input<typeof CartSchema>;

/** One priced line of a cart, as stored in `qr_checkouts.cart` until the order is created. */
export const CartLineSchema = z.object({
  lineId: z.uuid(),
  itemId: z.uuid(),
  name: z.string(),
  unitPriceMinor: z.int().min(0),
  taxRateBps: z.int().min(0),
  modifiers: z.array(LineModifierSchema),
  quantity: z.int().min(1),
  note: z.string().nullable(),
  kitchenStation: z.string(),
});
export type CartLine = z.infer<typeof CartLineSchema>;

export const CartSnapshotSchema = z.object({
  serviceChargeBps: z.int().min(0),
  lines: z.array(CartLineSchema).min(1),
});
export type CartSnapshot = z.infer<typeof CartSnapshotSchema>;

export interface PricedCart {
  snapshot: CartSnapshot;
  totals: OrderTotals;
}

interface MenuItemFacts {
  id: string;
  name: string;
  priceMinor: number;
  available: boolean;
  kitchenStation: string;
  taxRateBps: number | null;
}

async function readItems(
  store: MutatorStore,
  ids: readonly string[],
): Promise<Map<string, MenuItemFacts>> {
  const facts = new Map<string, MenuItemFacts>();
  for (const id of new Set(ids)) {
    const item = await store.getMenuItem(id as MenuItemId);
    if (!item || item.deletedAt !== null) continue;
    const rate = await store.getTaxRate(item.taxRateId);
    facts.set(id, {
      id,
      name: item.name,
      priceMinor: item.priceMinor,
      available: item.available,
      kitchenStation: item.kitchenStation,
      taxRateBps: rate && rate.deletedAt === null ? rate.rateBps : null,
    });
  }
  return facts;
}

/**
 * Prices a cart from the venue's menu as it is now (S12): names, prices, tax rates and option
 * deltas come from our rows, options are checked against the item's groups by the same shared
 * rule the tablets use, and anything that does not fit is refused naming the item.
 */
export async function priceCart(
  store: MutatorStore,
  venue: Pick<VenueInfo, 'serviceChargeBps' | 'taxMode'>,
  cart: z.output<typeof CartSchema>,
): Promise<PricedCart> {
  const items = await readItems(
    store,
    cart.map((entry) => entry.itemId),
  );
  const lines: CartLine[] = [];
  for (const [index, entry] of cart.entries()) {
    const item = items.get(entry.itemId);
    const which = `Item ${index + 1}`;
    if (!item || item.taxRateBps === null) {
      throw new PaymentError('BAD_REQUEST', `${which} is not on the menu.`, 'unknown_item');
    }
    if (!item.available) {
      throw new PaymentError(
        'BAD_REQUEST',
        `${item.name} is not available right now.`,
        'item_unavailable',
      );
    }
    let modifiers;
    try {
      modifiers = await resolveModifiers(
        store,
        entry.itemId as MenuItemId,
        entry.optionIds as ModifierOptionId[],
      );
    } catch (error) {
      if (!isMutationRejected(error)) throw error;
      throw new PaymentError('BAD_REQUEST', `${item.name}: ${error.message}`, error.reason);
    }
    lines.push({
      lineId: uuidv7(),
      itemId: item.id,
      name: item.name,
      unitPriceMinor: item.priceMinor,
      taxRateBps: item.taxRateBps,
      modifiers,
      quantity: entry.quantity,
      note: entry.note || null,
      kitchenStation: item.kitchenStation,
    });
  }
  const snapshot: CartSnapshot = { serviceChargeBps: venue.serviceChargeBps, lines };
  return { snapshot, totals: cartTotals(snapshot, venue.taxMode) };
}

/** The cart's money, computed exactly as the order's will be once it exists. */
export function cartTotals(snapshot: CartSnapshot, taxMode: VenueInfo['taxMode']): OrderTotals {
  return computeOrderTotals({
    order: { discountKind: null, discountValue: null, serviceChargeBps: snapshot.serviceChargeBps },
    lines: snapshot.lines.map((line): TotalsLine => ({
      id: line.lineId as TotalsLine['id'],
      unitPriceMinor: minor(line.unitPriceMinor),
      modifiers: line.modifiers,
      quantity: line.quantity,
      status: 'sent',
      discountKind: null,
      discountValue: null,
      taxRateBps: line.taxRateBps,
    })),
    payments: [],
    taxMode,
  });
}
