import { expect } from 'vitest';
import type { LineId, OrderId, PaymentId } from '../ids.ts';
import type { RejectionReason } from '../rejections.ts';
import type { Fixture } from './fixtures.ts';

/** Expect a mutation to be rejected with `reason`. */
export async function expectRejected(
  attempt: Promise<unknown>,
  reason: RejectionReason,
): Promise<void> {
  await expect(attempt).rejects.toMatchObject({ name: 'MutationRejected', reason });
}

let orderCounter = 0;

/** Open a takeaway or table order and return its id. */
export async function openOrder(fx: Fixture, table = true): Promise<OrderId> {
  orderCounter += 1;
  const orderId = fx.newId() as OrderId;
  const number = `A-${orderCounter}`;
  await fx.run(
    'order.open',
    table
      ? { kind: 'table', orderId, number, tableId: fx.tables.t1, covers: 2 }
      : { kind: 'takeaway', orderId, number, covers: 1 },
  );
  return orderId;
}

/** Add a line (a cola by default) and return its id. */
export async function addLine(
  fx: Fixture,
  orderId: OrderId,
  itemId = fx.items.cola,
  quantity = 1,
  modifierOptionIds: string[] = [],
): Promise<LineId> {
  const lineId = fx.newId() as LineId;
  await fx.run('order.addLine', {
    orderId,
    lineId,
    itemId,
    quantity,
    modifierOptionIds: modifierOptionIds as never,
  });
  return lineId;
}

/** Record a cash payment of `amount` by a cashier. */
export async function payCash(fx: Fixture, orderId: OrderId, amount: number): Promise<PaymentId> {
  const paymentId = fx.newId() as PaymentId;
  await fx.run(
    'payment.record',
    { method: 'cash', paymentId, orderId, amountMinor: amount as never },
    { role: 'cashier' },
  );
  return paymentId;
}
