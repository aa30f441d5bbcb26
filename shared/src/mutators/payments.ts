import { minor, ZERO } from '../money.ts';
import { reject } from '../rejections.ts';
import type { RuleRun } from '../mutations/define.ts';
import type { PaymentRecordArgs } from '../mutations/payments.ts';
import { requireAction, requireOrder } from './helpers.ts';
import { newPaymentRow } from './new-rows.ts';
import { recalculateOrder } from './recalculate.ts';

/**
 * Records cash or an external card payment taken on a tablet (works offline).
 *
 * Money that was physically taken is never refused for the order's state: a tablet
 * offline may take cash for a bill a guest already paid by QR. Both payments are
 * recorded, the order's `overpaidMinor` shows the double payment, and a manager refunds
 * it. So a payment on a paid, closed or even void order is recorded, not rejected.
 * S3: a payment id that already exists is the same payment arriving again.
 */
export async function recordPayment(run: RuleRun<PaymentRecordArgs>): Promise<void> {
  const { args, clientTime, staffId } = run.mutation;
  requireAction(run, 'payment.record');
  const order = await requireOrder(run, args.orderId);
  if (await run.store.getPayment(args.paymentId)) return;

  const tipMinor = args.tipMinor ?? ZERO;
  let tenderedMinor = null;
  let changeMinor = null;
  if (args.method === 'cash' && args.tenderedMinor !== undefined) {
    const owed = args.amountMinor + tipMinor;
    if (args.tenderedMinor < owed) {
      reject('invalid_amount', `Cash handed over (${args.tenderedMinor}) is less than ${owed}.`);
    }
    tenderedMinor = args.tenderedMinor;
    changeMinor = minor(args.tenderedMinor - owed);
  }

  await run.store.put(
    'payments',
    newPaymentRow({
      venueId: run.ctx.venue.id,
      id: args.paymentId,
      orderId: order.id,
      method: args.method,
      status: 'succeeded',
      amountMinor: args.amountMinor,
      tipMinor,
      tenderedMinor,
      changeMinor,
      recordedBy: staffId,
      deviceId: run.ctx.deviceId,
      clientTime,
      now: run.ctx.now,
    }),
  );
  await recalculateOrder(run, order.id);
}
