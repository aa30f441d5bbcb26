import { describe, expect, it } from 'vitest';
import { sequentialIdSource } from './ids.ts';
import { MUTATION_NAMES, MutationSchema, parseMutation } from './mutations.ts';
import { MutationRejected } from './rejections.ts';

const id = sequentialIdSource(0x3a);
const envelope = {
  clientId: id(),
  id: 1,
  clientTime: '2025-03-10T12:00:00.000Z',
  staffId: id(),
};
const orderId = id();

function rejectionOf(fn: () => unknown): MutationRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof MutationRejected) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('mutation catalog', () => {
  it('has every mutation the issue asks for', () => {
    expect(MUTATION_NAMES).toEqual(
      expect.arrayContaining([
        'order.open',
        'order.addLine',
        'order.updateLine',
        'order.voidLine',
        'order.send',
        'order.applyDiscount',
        'order.moveTable',
        'order.merge',
        'order.setCovers',
        'payment.record',
        'order.close',
        'order.void',
        'kitchen.bump',
        'kitchen.recall',
      ]),
    );
  });

  it('parses a well-formed mutation into its typed member', () => {
    const mutation = parseMutation({
      ...envelope,
      name: 'order.open',
      args: { kind: 'table', orderId, number: 'A-1', tableId: id(), covers: 2 },
    });
    expect(mutation.name).toBe('order.open');
    if (mutation.name === 'order.open') expect(mutation.args.kind).toBe('table');
  });

  it('[S4] an unknown mutation name is rejected as unknown_mutation', () => {
    const error = rejectionOf(() =>
      parseMutation({ ...envelope, name: 'order.teleport', args: {} }),
    );
    expect(error.reason).toBe('unknown_mutation');
  });

  it('[S4] malformed args are rejected as invalid_args, naming the field', () => {
    const error = rejectionOf(() =>
      parseMutation({
        ...envelope,
        name: 'order.addLine',
        args: { orderId, lineId: id(), itemId: id(), quantity: 0, modifierOptionIds: [] },
      }),
    );
    expect(error.reason).toBe('invalid_args');
    expect(error.message).toContain('quantity');
  });

  it('[S12] args carry no prices: extra fields like a total are dropped', () => {
    const mutation = parseMutation({
      ...envelope,
      name: 'order.addLine',
      args: {
        orderId,
        lineId: id(),
        itemId: id(),
        quantity: 1,
        modifierOptionIds: [],
        unitPriceMinor: 1,
        totalMinor: 1,
      },
    });
    expect(mutation.args).not.toHaveProperty('unitPriceMinor');
    expect(mutation.args).not.toHaveProperty('totalMinor');
  });

  it('refuses a table order without a table, a bad order number, empty updates and bad amounts', () => {
    const bad = [
      { name: 'order.open', args: { kind: 'table', orderId, number: 'A-1', covers: 2 } },
      { name: 'order.open', args: { kind: 'takeaway', orderId, number: '17', covers: 1 } },
      { name: 'order.updateLine', args: { lineId: id() } },
      {
        name: 'payment.record',
        args: { method: 'card', paymentId: id(), orderId, amountMinor: 0 },
      },
      {
        name: 'order.applyDiscount',
        args: { orderId, discount: { kind: 'percent', bps: 10_001 } },
      },
    ];
    for (const mutation of bad) {
      expect(MutationSchema.safeParse({ ...envelope, ...mutation }).success).toBe(false);
    }
  });

  it('carries an optional approvedBy for a manager PIN entered on the spot', () => {
    const mutation = parseMutation({
      ...envelope,
      approvedBy: id(),
      name: 'order.voidLine',
      args: { lineId: id(), reason: 'Dropped on the floor' },
    });
    expect(mutation.approvedBy).toBeDefined();
  });
});
