import fc from 'fast-check';
import type { StaffRole } from '../domain/index.ts';
import type { LineId, MenuItemId, ModifierOptionId, OrderId, PaymentId, TableId } from '../ids.ts';
import type { MutationArgs, MutationName } from '../mutations.ts';

/**
 * The one command generator for the model-based tests of the shared rules (here), of the
 * tablet's Dexie store (pwa) and of sync under random delivery (server). A command names
 * orders and lines by index into what was created so far, so any list of commands turns into
 * mutations that mostly refer to real rows; the rest are refused by the rules, which is also
 * under test. Test support only: imported by test files, never by production code.
 */
export type Command<Item extends string = string> =
  /** `reuseNumber`: take the number of the last order again, refused as a duplicate. */
  | { op: 'open'; takeaway: boolean; reuseNumber: boolean }
  | { op: 'add'; order: number; item: Item; quantity: number }
  | { op: 'update'; line: number; quantity: number }
  | { op: 'send'; order: number }
  | { op: 'voidLine'; line: number; role: StaffRole }
  | { op: 'pay'; order: number; amount: number }
  | { op: 'discount'; order: number; bps: number; role: StaffRole }
  | { op: 'close'; order: number }
  | { op: 'void'; order: number; role: StaffRole }
  | { op: 'bump'; line: number }
  | { op: 'merge'; source: number; target: number }
  | { op: 'covers'; order: number; covers: number }
  /** `name: null` clears it. */
  | { op: 'customerName'; order: number; name: string | null };

export interface CommandOptions<Item extends string> {
  /** The menu items `add` picks from (names the test's world resolves). */
  items: readonly [Item, ...Item[]];
  /** Indexes go 0..maxIndex (modulo what exists). */
  maxIndex?: number;
}

/** Any command; opening and adding come more often, so sequences build orders worth editing. */
export function commandArbitrary<Item extends string>(
  options: CommandOptions<Item>,
): fc.Arbitrary<Command<Item>> {
  const index = fc.nat({ max: options.maxIndex ?? 5 });
  const role = fc.constantFrom<StaffRole>('waiter', 'manager');
  return fc.oneof(
    {
      arbitrary: fc.record({
        op: fc.constant('open' as const),
        takeaway: fc.boolean(),
        reuseNumber: fc.boolean(),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        op: fc.constant('add' as const),
        order: index,
        item: fc.constantFrom(...options.items),
        quantity: fc.integer({ min: 1, max: 4 }),
      }),
      weight: 4,
    },
    fc.record({
      op: fc.constant('update' as const),
      line: index,
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
    fc.record({ op: fc.constant('send' as const), order: index }),
    fc.record({ op: fc.constant('voidLine' as const), line: index, role }),
    fc.record({
      op: fc.constant('pay' as const),
      order: index,
      amount: fc.integer({ min: 1, max: 3000 }),
    }),
    fc.record({
      op: fc.constant('discount' as const),
      order: index,
      bps: fc.integer({ min: 1, max: 10_000 }),
      role,
    }),
    fc.record({ op: fc.constant('close' as const), order: index }),
    fc.record({ op: fc.constant('void' as const), order: index, role }),
    fc.record({ op: fc.constant('bump' as const), line: index }),
    fc.record({ op: fc.constant('merge' as const), source: index, target: index }),
    fc.record({
      op: fc.constant('covers' as const),
      order: index,
      covers: fc.integer({ min: 0, max: 9 }),
    }),
    fc.record({
      op: fc.constant('customerName' as const),
      order: index,
      name: fc.constantFrom('Ana', 'Sam Lee', null),
    }),
  );
}

/** What turning commands into mutations needs from a test: ids, its menu, its envelope. */
export interface CommandWorld<Item extends string, M> {
  newId(): string;
  itemId(item: Item): MenuItemId;
  /** The options a line of this item is added with. */
  modifierOptionIds(item: Item): ModifierOptionId[];
  tableId: TableId;
  /** The next order number (or, with `reuse`, the last one again when there is one). */
  orderNumber(reuse: boolean): string;
  /** The order a line belongs to now (a merge moves lines); default: the one it was added to. */
  currentOrderOf?(lineId: LineId): OrderId | undefined;
  /** Wrap the mutation as the test sends it (an envelope, an outbox entry). */
  mutation<N extends MutationName>(name: N, args: MutationArgs<N>, role: StaffRole): M;
}

/** `A-1`, `A-2`, …: order numbers for one tablet, `reuse` giving the last one again. */
export function orderNumbers(prefix: string): (reuse: boolean) => string {
  let count = 0;
  return (reuse) => `${prefix}-${reuse && count > 0 ? count : (count += 1)}`;
}

/**
 * Turns commands into mutations, remembering the orders and lines created so far (across
 * every tablet it plans for, as tablets that see each other's orders would write them).
 */
export class CommandPlanner {
  readonly orders: OrderId[] = [];
  readonly lines: { id: LineId; orderId: OrderId }[] = [];

  /** The mutation for `command`, or null when it refers to nothing created yet. */
  plan<Item extends string, M>(command: Command<Item>, world: CommandWorld<Item, M>): M | null {
    const pick = <T>(list: readonly T[], i: number) =>
      list.length ? list[i % list.length] : undefined;
    const order = 'order' in command ? pick(this.orders, command.order) : undefined;
    const line = 'line' in command ? pick(this.lines, command.line) : undefined;
    switch (command.op) {
      case 'open': {
        const orderId = world.newId() as OrderId;
        const number = world.orderNumber(command.reuseNumber);
        this.orders.push(orderId);
        return world.mutation(
          'order.open',
          command.takeaway
            ? { kind: 'takeaway', orderId, number, covers: 1 }
            : { kind: 'table', orderId, number, tableId: world.tableId, covers: 2 },
          'waiter',
        );
      }
      case 'add': {
        if (!order) return null;
        const lineId = world.newId() as LineId;
        this.lines.push({ id: lineId, orderId: order });
        return world.mutation(
          'order.addLine',
          {
            orderId: order,
            lineId,
            itemId: world.itemId(command.item),
            quantity: command.quantity,
            modifierOptionIds: world.modifierOptionIds(command.item),
          },
          'waiter',
        );
      }
      case 'update':
        return line
          ? world.mutation(
              'order.updateLine',
              { lineId: line.id, quantity: command.quantity },
              'waiter',
            )
          : null;
      case 'send':
        return order ? world.mutation('order.send', { orderId: order }, 'waiter') : null;
      case 'voidLine':
        return line
          ? world.mutation(
              'order.voidLine',
              { lineId: line.id, reason: 'Guest changed mind' },
              command.role,
            )
          : null;
      case 'pay':
        return order
          ? world.mutation(
              'payment.record',
              {
                method: 'cash',
                paymentId: world.newId() as PaymentId,
                orderId: order,
                amountMinor: command.amount as never,
              },
              'cashier',
            )
          : null;
      case 'discount':
        return order
          ? world.mutation(
              'order.applyDiscount',
              {
                orderId: order,
                discount: { kind: 'percent', bps: command.bps },
                reason: 'Regular',
              },
              command.role,
            )
          : null;
      case 'close':
        return order ? world.mutation('order.close', { orderId: order }, 'cashier') : null;
      case 'void':
        return order
          ? world.mutation('order.void', { orderId: order, reason: 'Mistake' }, command.role)
          : null;
      case 'bump': {
        if (!line) return null;
        const orderId = world.currentOrderOf ? world.currentOrderOf(line.id) : line.orderId;
        return orderId
          ? world.mutation('kitchen.bump', { orderId, lineIds: [line.id], to: 'ready' }, 'kitchen')
          : null;
      }
      case 'merge': {
        // Merging an order into itself is left in: the rules refuse it, on every store alike.
        const sourceOrderId = pick(this.orders, command.source);
        const targetOrderId = pick(this.orders, command.target);
        return sourceOrderId && targetOrderId
          ? world.mutation('order.merge', { sourceOrderId, targetOrderId }, 'waiter')
          : null;
      }
      case 'covers':
        return order
          ? world.mutation('order.setCovers', { orderId: order, covers: command.covers }, 'waiter')
          : null;
      case 'customerName':
        return order
          ? world.mutation(
              'order.setCustomerName',
              { orderId: order, name: command.name },
              'waiter',
            )
          : null;
    }
  }
}
