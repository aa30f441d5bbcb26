import { describe, expect, it } from 'vitest';
import type { LineId, OrderId, PaymentId, StaffId } from '../ids.ts';
import type { Mutation } from '../mutations.ts';
import { createFixture, type Fixture } from './fixtures.ts';
import { expectRejected } from './test-helpers.ts';

const BEFORE = '2025-03-10T11:30:00.000Z';
const DEACTIVATED = '2025-03-10T12:00:00.000Z';
const AFTER = '2025-03-10T12:30:00.000Z';
/** The tablet was offline; it syncs in the evening. */
const SYNCED = '2025-03-10T19:00:00.000Z';

/** The back office deactivating someone at `DEACTIVATED` (what the server writes). */
function deactivate(fx: Fixture, staffId: StaffId): void {
  const row = fx.store.rows('staff').find((staff) => staff.id === staffId)!;
  fx.store.seed('staff', [{ ...row, active: false, deactivatedAt: DEACTIVATED }]);
}

/** Apply a fixture mutation as made on the tablet at `clientTime`, synced later. */
function applyAt(fx: Fixture, mutation: Mutation, clientTime: string): Promise<Mutation> {
  return fx.store.apply({ ...mutation, clientTime }, { ...fx.ctx, now: SYNCED });
}

describe('staff deactivated while a tablet was offline (S11: judged at clientTime)', () => {
  it('keeps the order, lines and cash a waiter took before the deactivation; refuses what came after', async () => {
    const fx = createFixture();
    deactivate(fx, fx.staff.waiter);
    const orderId = fx.newId() as OrderId;
    const lineId = fx.newId() as LineId;
    const paymentId = fx.newId() as PaymentId;

    await applyAt(
      fx,
      fx.mutation('order.open', {
        kind: 'table',
        orderId,
        number: 'A-1',
        tableId: fx.tables.t1,
        covers: 2,
      }),
      BEFORE,
    );
    await applyAt(
      fx,
      fx.mutation('order.addLine', {
        orderId,
        lineId,
        itemId: fx.items.cola,
        quantity: 2,
        modifierOptionIds: [],
      }),
      BEFORE,
    );
    await applyAt(
      fx,
      fx.mutation('payment.record', {
        method: 'cash',
        paymentId,
        orderId,
        amountMinor: 700 as never,
      }),
      BEFORE,
    );

    expect(await fx.store.getOrder(orderId)).toMatchObject({
      openedBy: fx.staff.waiter,
      openedAt: BEFORE,
      totalMinor: 700,
      paidMinor: 700,
      status: 'paid',
    });
    expect(await fx.store.getLine(lineId)).toMatchObject({ quantity: 2, addedBy: fx.staff.waiter });
    expect(await fx.store.getPayment(paymentId)).toMatchObject({
      method: 'cash',
      amountMinor: 700,
      recordedBy: fx.staff.waiter,
      clientTime: BEFORE,
    });

    const later = fx.mutation('order.open', {
      kind: 'takeaway',
      orderId: fx.newId() as OrderId,
      number: 'A-2',
      covers: 1,
    });
    await expectRejected(applyAt(fx, later, AFTER), 'unknown_staff');
    // At the very instant of the deactivation, they are no longer active.
    await expectRejected(applyAt(fx, later, DEACTIVATED), 'unknown_staff');
    expect(fx.store.rows('orders')).toHaveLength(1);
  });

  it('someone deactivated with no recorded instant stays refused for any clientTime', async () => {
    const fx = createFixture();
    const row = fx.store.rows('staff').find((staff) => staff.id === fx.staff.waiter)!;
    fx.store.seed('staff', [{ ...row, active: false, deactivatedAt: null }]);
    const open = fx.mutation('order.open', {
      kind: 'takeaway',
      orderId: fx.newId() as OrderId,
      number: 'A-1',
      covers: 1,
    });
    await expectRejected(applyAt(fx, open, '2020-01-01T00:00:00.000Z'), 'unknown_staff');
  });

  it('a manager’s approval counts if given before they were deactivated', async () => {
    const fx = createFixture();
    const orderId = fx.newId() as OrderId;
    const lines = [fx.newId() as LineId, fx.newId() as LineId];
    await fx.run('order.open', { kind: 'takeaway', orderId, number: 'A-1', covers: 1 });
    for (const lineId of lines) {
      await fx.run('order.addLine', {
        orderId,
        lineId,
        itemId: fx.items.burger,
        quantity: 1,
        modifierOptionIds: [fx.options.rare],
      });
    }
    await fx.run('order.send', { orderId });
    deactivate(fx, fx.staff.manager);

    const voidLine = (lineId: LineId) =>
      fx.mutation('order.voidLine', { lineId, reason: 'sent back' }, { approvedBy: 'manager' });
    await applyAt(fx, voidLine(lines[0]!), BEFORE);
    expect(await fx.store.getLine(lines[0]!)).toMatchObject({ status: 'voided' });
    await expectRejected(applyAt(fx, voidLine(lines[1]!), AFTER), 'invalid_approval');
    expect(await fx.store.getLine(lines[1]!)).toMatchObject({ status: 'sent' });
  });
});
