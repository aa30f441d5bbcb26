import {
  formatMoney,
  isMutationName,
  MUTATION_ARGS,
  type CurrencyCode,
  type Minor,
  type MutationArgs,
  type RawMutation,
} from '@servio/shared';
import type { ServioDb } from './db.ts';

/**
 * What a mutation tried to do, in the words of the person who did it ("Add 2 × Cola"), for
 * a rejection notice on the order. Reads item and table names from the local tables.
 */
export async function describeMutation(db: ServioDb, mutation: RawMutation): Promise<string> {
  if (!isMutationName(mutation.name)) return `Unknown action "${mutation.name}"`;
  const parsed = MUTATION_ARGS[mutation.name].safeParse(mutation.args);
  if (!parsed.success) return `A malformed "${mutation.name}" action`;
  const args: unknown = parsed.data;
  const itemName = async (itemId: string) =>
    (await db.menuItems.get(itemId as never))?.name ?? 'an item';
  const lineName = async (lineId: string) =>
    (await db.orderLines.get(lineId as never))?.name ?? 'a line';
  const money = async (amount: number) => {
    const venue = await db.venues.toCollection().first();
    return venue ? formatMoney(amount as Minor, venue.currency as CurrencyCode) : String(amount);
  };

  switch (mutation.name) {
    case 'order.open': {
      const a = args as MutationArgs<'order.open'>;
      return `Open order ${a.number}`;
    }
    case 'order.addLine': {
      const a = args as MutationArgs<'order.addLine'>;
      return `Add ${a.quantity} × ${await itemName(a.itemId)}`;
    }
    case 'order.updateLine': {
      const a = args as MutationArgs<'order.updateLine'>;
      return `Change ${await lineName(a.lineId)}`;
    }
    case 'order.voidLine': {
      const a = args as MutationArgs<'order.voidLine'>;
      return `Void ${await lineName(a.lineId)}`;
    }
    case 'order.send':
      return 'Send to the kitchen';
    case 'order.applyDiscount': {
      const a = args as MutationArgs<'order.applyDiscount'>;
      if (a.discount === null) return 'Remove the discount';
      return a.discount.kind === 'percent'
        ? `Discount of ${a.discount.bps / 100} %`
        : `Discount of ${await money(a.discount.amountMinor)}`;
    }
    case 'order.moveTable': {
      const a = args as MutationArgs<'order.moveTable'>;
      const table = await db.diningTables.get(a.tableId);
      return `Move to ${table?.name ?? 'another table'}`;
    }
    case 'order.merge':
      return 'Merge two orders';
    case 'order.setCovers': {
      const a = args as MutationArgs<'order.setCovers'>;
      return `Set covers to ${a.covers}`;
    }
    case 'payment.record': {
      const a = args as MutationArgs<'payment.record'>;
      const method = a.method === 'cash' ? 'Cash' : 'Card';
      return `${method} payment of ${await money(a.amountMinor + (a.tipMinor ?? 0))}`;
    }
    case 'order.close':
      return 'Close the order';
    case 'order.void':
      return 'Void the order';
    case 'kitchen.bump': {
      const a = args as MutationArgs<'kitchen.bump'>;
      return a.to === 'ready' ? 'Mark ready in the kitchen' : 'Mark served';
    }
    case 'kitchen.recall':
      return 'Recall to the kitchen';
  }
}
