import { sequentialIdSource } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import { referencedBy } from './prefetch.ts';

const id = sequentialIdSource(0x5e);

describe('prefetch: what a push refers to', () => {
  it('collects the ids each mutation declares, whatever its arguments are called', () => {
    const [order, source, target, line, payment, sent] = [id(), id(), id(), id(), id(), id()];
    const wanted = referencedBy([
      {
        name: 'order.open',
        args: { kind: 'takeaway', orderId: order, number: 'A-1', covers: 0 },
      },
      { name: 'order.merge', args: { sourceOrderId: source, targetOrderId: target } },
      { name: 'order.voidLine', args: { lineId: line.toUpperCase(), reason: 'Spilt' } },
      {
        name: 'payment.record',
        args: { method: 'cash', paymentId: payment, orderId: order, amountMinor: 500 },
      },
      { name: 'order.send', args: { orderId: order, lineIds: [sent] } },
    ]);
    expect(wanted).toEqual({
      orderIds: [order, source, target],
      lineIds: [line, sent],
      paymentIds: [payment],
      orderNumbers: ['A-1'],
    });
  });

  it('[S4] a mutation that will be refused unread names nothing, so no bad id reaches Postgres', () => {
    const wanted = referencedBy([
      { name: 'order.teleport', args: { orderId: id() } },
      { name: 'order.close', args: { orderId: 'not-a-uuid' } },
      { name: 'order.setCovers', args: { orderId: id(), covers: -1 } },
      { name: 'order.open', args: null },
    ]);
    expect(wanted).toEqual({ orderIds: [], lineIds: [], paymentIds: [], orderNumbers: [] });
  });
});
