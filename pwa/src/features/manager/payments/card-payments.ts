import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../../data/db.ts';
import { readMeta } from '../../../data/meta.ts';

export interface CardPayment {
  paymentId: string;
  orderNumber: string;
  tableName: string | null;
  businessDay: string;
  at: string;
  amountMinor: number;
  tipMinor: number;
  refundedMinor: number;
  pendingRefundMinor: number;
  refundableMinor: number;
}

/**
 * Card payments made by QR that this device holds in its synced copy (the venue's open orders and
 * its last business days, as every tablet pulls them), newest first, with what each can still
 * refund. The server checks the amount again when the refund is asked for (S12).
 */
export function useSyncedCardPayments(limit = 50):
  | {
      payments: CardPayment[];
      lastSyncedAt: string | null;
    }
  | undefined {
  return useLiveQuery(async () => {
    const payments = (await db.payments.toArray())
      .filter((p) => p.method === 'stripe' && p.status === 'succeeded' && p.deletedAt === null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
    const orders = new Map(
      (await db.orders.bulkGet(payments.map((p) => p.orderId))).flatMap((o) =>
        o ? [[o.id, o]] : [],
      ),
    );
    const tableIds = [...orders.values()].flatMap((o) => (o.tableId ? [o.tableId] : []));
    const tables = new Map(
      (await db.syncedTable('tables').bulkGet(tableIds)).flatMap((t) =>
        t ? [[t.id, t.name]] : [],
      ),
    );
    const refunds = await db.refunds
      .where('paymentId')
      .anyOf(payments.map((p) => p.id))
      .toArray();
    const sync = await readMeta(db, 'sync');
    return {
      lastSyncedAt: sync?.lastSyncedAt ?? null,
      payments: payments.map((payment) => {
        const order = orders.get(payment.orderId);
        const pending = refunds
          .filter((r) => r.paymentId === payment.id && r.status === 'pending')
          .reduce((sum, r) => sum + r.amountMinor, 0);
        const tableName = order?.tableId ? (tables.get(order.tableId) ?? null) : null;
        return {
          paymentId: payment.id,
          orderNumber: order?.number ?? '—',
          tableName,
          businessDay: order?.businessDay ?? '',
          at: payment.createdAt,
          amountMinor: payment.amountMinor,
          tipMinor: payment.tipMinor,
          refundedMinor: payment.refundedMinor,
          pendingRefundMinor: pending,
          refundableMinor: Math.max(
            payment.amountMinor + payment.tipMinor - payment.refundedMinor - pending,
            0,
          ),
        };
      }),
    };
  }, [limit]);
}
