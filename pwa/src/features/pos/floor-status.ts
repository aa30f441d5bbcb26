import type { OrderRow, OrderStatus } from '@servio/shared';
import { intl } from '../../i18n/intl.ts';

/**
 * What the floor plan shows for a table. The first four follow the order's state machine
 * (open → sent → part_paid → paid); "waiting" is a bill with money already taken and more
 * still due, the moment a guest is waiting on the waiter. A closed or void order frees the table.
 */
export type FloorStatus = 'free' | 'open' | 'sent' | 'waiting' | 'paid';

export const FLOOR_STATUS_LABEL: Record<FloorStatus, string> = {
  free: intl.formatMessage({ id: 'pos.floorStatus.free', defaultMessage: 'Free' }),
  open: intl.formatMessage({ id: 'pos.floorStatus.ordering', defaultMessage: 'Ordering' }),
  sent: intl.formatMessage({ id: 'pos.floorStatus.inKitchen', defaultMessage: 'In kitchen' }),
  waiting: intl.formatMessage({
    id: 'pos.floorStatus.waitingToPay',
    defaultMessage: 'Waiting to pay',
  }),
  paid: intl.formatMessage({ id: 'pos.floorStatus.paid', defaultMessage: 'Paid' }),
};

/** Orders still on the floor: everything that is not closed or void. */
export const FLOOR_ORDER_STATUSES: readonly OrderStatus[] = ['open', 'sent', 'part_paid', 'paid'];

export function isOnFloor(order: Pick<OrderRow, 'status' | 'deletedAt'>): boolean {
  return order.deletedAt === null && FLOOR_ORDER_STATUSES.includes(order.status);
}

export function floorStatusOfOrder(status: OrderStatus): FloorStatus {
  switch (status) {
    case 'open':
      return 'open';
    case 'sent':
      return 'sent';
    case 'part_paid':
      return 'waiting';
    case 'paid':
      return 'paid';
    case 'closed':
    case 'void':
      return 'free';
  }
}

// When a table holds several orders, it shows the one that needs someone soonest.
const URGENCY: Record<FloorStatus, number> = { free: 0, paid: 1, open: 2, sent: 3, waiting: 4 };

export function floorStatusOfTable(orders: ReadonlyArray<Pick<OrderRow, 'status'>>): FloorStatus {
  let status: FloorStatus = 'free';
  for (const order of orders) {
    const candidate = floorStatusOfOrder(order.status);
    if (URGENCY[candidate] > URGENCY[status]) status = candidate;
  }
  return status;
}
