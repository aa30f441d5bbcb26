import type { LineId, OrderId, PaymentId, RawMutation } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import { MemorySyncServer, pairedTablet } from '../sync/testing/memory-sync-server.ts';
import { SyncClient } from '../sync/sync-client.ts';
import { describedAs, describeMutation } from './describe-mutation.ts';
import { mutateIn, nextOrderNumberIn } from './mutate.ts';

describe('describeMutation: the words of a refused change', () => {
  it('renders each mutation as the person said it, names and money read on this tablet', async () => {
    const server = new MemorySyncServer();
    const tablet = await pairedTablet(server);
    const client = new SyncClient({ db: tablet.db, api: server.connect(tablet.device.deviceId) });
    await client.syncOnce();
    const { db } = tablet;
    const { fx } = server;
    const orderId = fx.newId() as OrderId;
    const lineId = fx.newId() as LineId;
    await mutateIn(db, 'order.open', {
      kind: 'takeaway',
      orderId,
      number: await nextOrderNumberIn(db),
      covers: 0,
    });
    await mutateIn(db, 'order.addLine', {
      orderId,
      lineId,
      itemId: fx.items.cola,
      quantity: 1,
      modifierOptionIds: [],
    });
    const unknownLine = fx.newId();
    const said = (name: string, args: unknown) =>
      describeMutation(db, {
        clientId: fx.newId(),
        id: 1,
        clientTime: '2025-03-10T12:00:00.000Z',
        staffId: fx.staff.waiter,
        name,
        args,
      } as RawMutation);

    const cases: [string, unknown, string][] = [
      ['order.open', { kind: 'takeaway', orderId, number: 'A-7', covers: 0 }, 'Open order A-7'],
      [
        'order.addLine',
        { orderId, lineId, itemId: fx.items.cola, quantity: 2, modifierOptionIds: [] },
        'Add 2 × Cola',
      ],
      ['order.updateLine', { lineId, quantity: 3 }, 'Change Cola'],
      ['order.voidLine', { lineId: unknownLine, reason: 'Spilt' }, 'Void a line'],
      ['order.send', { orderId }, 'Send to the kitchen'],
      ['order.applyDiscount', { orderId, discount: null }, 'Remove the discount'],
      [
        'order.applyDiscount',
        { orderId, discount: { kind: 'percent', bps: 1250 } },
        'Discount of 12.5 %',
      ],
      ['order.moveTable', { orderId, tableId: fx.tables.t2 }, 'Move to T2'],
      ['order.moveTable', { orderId, tableId: fx.newId() }, 'Move to another table'],
      ['order.merge', { sourceOrderId: orderId, targetOrderId: fx.newId() }, 'Merge two orders'],
      ['order.setCovers', { orderId, covers: 4 }, 'Set covers to 4'],
      ['order.close', { orderId }, 'Close the order'],
      ['order.void', { orderId, reason: 'Left' }, 'Void the order'],
      ['kitchen.bump', { orderId, lineIds: [lineId], to: 'ready' }, 'Mark ready in the kitchen'],
      ['kitchen.bump', { orderId, lineIds: [lineId], to: 'served' }, 'Mark served'],
      ['kitchen.recall', { orderId, lineIds: [lineId] }, 'Recall to the kitchen'],
      ['order.teleport', {}, 'Unknown action "order.teleport"'],
      ['order.close', { orderId: 'nope' }, 'A malformed "order.close" action'],
    ];
    for (const [name, args, words] of cases) expect(await said(name, args), name).toBe(words);

    const paymentId = fx.newId() as PaymentId;
    const payment = await said('payment.record', {
      method: 'card',
      paymentId,
      orderId,
      amountMinor: 450,
      tipMinor: 50,
    });
    expect(payment).toMatch(/^Card payment of .*5[.,]00/);
  });

  it('gives a translator the message key, the English default and the resolved values', async () => {
    const server = new MemorySyncServer();
    const tablet = await pairedTablet(server);
    await new SyncClient({
      db: tablet.db,
      api: server.connect(tablet.device.deviceId),
    }).syncOnce();
    const message = await describedAs(tablet.db, {
      clientId: server.fx.newId(),
      id: 1,
      clientTime: '2025-03-10T12:00:00.000Z',
      staffId: server.fx.staff.waiter,
      name: 'order.moveTable',
      args: { orderId: server.fx.newId(), tableId: server.fx.tables.t1 },
    } as RawMutation);
    expect(message).toEqual({
      id: 'mutation.order.moveTable',
      defaultMessage: 'Move to {table}',
      values: { table: 'T1' },
    });
  });
});
