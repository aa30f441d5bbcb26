import { z } from 'zod';
import { OrderIdSchema } from '../ids.ts';
import { requireAction, requireOrder, touched } from '../mutators/helpers.ts';
import { reject } from '../rejections.ts';
import { freeText } from '../text.ts';
import { defineMutation, mutationMessage } from './define.ts';

export const OrderSetCustomerNameArgsSchema = z.object({
  orderId: OrderIdSchema,
  /** The customer's name as said at the counter; `null` clears it. */
  name: freeText('personName').nullable(),
});

/**
 * Names an order after its customer (a takeaway to call out, a tab to find), or clears the name.
 *
 * Decisions:
 * - Whoever may take an order may name it: the action is `order.open` (waiters, cashiers,
 *   managers, owners; not the kitchen). A name moves no money, so it needs no approval.
 * - A paid order may still be named: a takeaway is often paid at the counter and collected by
 *   name afterwards. A closed or void order may not: it has left the floor, and its receipt and
 *   the reports stay as they were.
 * - S3: naming an order what it is already called changes nothing (no write, no version).
 */
export const orderSetCustomerName = defineMutation({
  name: 'order.setCustomerName',
  args: OrderSetCustomerNameArgsSchema,
  actions: ['order.open'],
  refs: (args) => ({ orderIds: [args.orderId] }),
  apply: async (run) => {
    const { args } = run.mutation;
    requireAction(run, 'order.open');
    const order = await requireOrder(run, args.orderId);
    if (order.status === 'closed' || order.status === 'void') {
      reject('order_not_editable', `The order is ${order.status}; it can no longer be renamed.`);
    }
    if (order.customerName === args.name) return;
    await run.store.put('orders', touched({ ...order, customerName: args.name }, run));
  },
  describe: (args) =>
    args.name === null
      ? mutationMessage({
          id: 'mutation.order.setCustomerName.clear',
          defaultMessage: 'Clear the customer name',
        })
      : mutationMessage({
          id: 'mutation.order.setCustomerName',
          defaultMessage: 'Name the order {name}',
          values: { name: args.name },
        }),
});
