import { minor, sumMinor, type Minor, type PaymentMethod } from '@servio/shared';
import type { Queryable } from '../db/index.ts';
import type { ReportRange } from './report-range.ts';
import { REPORT_ORDERS_CTE, REPORT_PAYMENTS_CTE } from './report-sql.ts';

export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Cash',
  card: 'Card',
  stripe: 'QR (Stripe)',
};

const METHODS: readonly PaymentMethod[] = ['cash', 'card', 'stripe'];

export interface PaymentMethodRow {
  method: PaymentMethod;
  label: string;
  payments: number;
  /** What went against the bills. */
  amountMinor: Minor;
  tipsMinor: Minor;
  /** Amount plus tips: what this method brought in. */
  takenMinor: Minor;
  refunds: number;
  refundsMinor: Minor;
  /** Taken less refunds: what this method kept. */
  netTakenMinor: Minor;
}

export interface MoneyFigures {
  byPaymentMethod: PaymentMethodRow[];
  paymentsMinor: Minor;
  tipsMinor: Minor;
  refunds: number;
  refundsMinor: Minor;
}

/** Succeeded payments and refunds of the report orders, one row per method (all three, zeros too). */
export async function moneyFigures(
  tx: Queryable,
  venueId: string,
  range: ReportRange,
): Promise<MoneyFigures> {
  const { rows } = await tx.query<{
    method: PaymentMethod;
    payments: number;
    amount: number;
    tips: number;
    refunds: number;
    refunded: number;
  }>(
    `WITH ${REPORT_ORDERS_CTE}, ${REPORT_PAYMENTS_CTE}
     SELECT method, count(*)::int AS payments,
            sum(amount_minor)::bigint AS amount, sum(tip_minor)::bigint AS tips,
            sum(refunds_count)::int AS refunds, sum(refunded_minor)::bigint AS refunded
       FROM report_payments GROUP BY method`,
    [venueId, range.from, range.to],
  );
  const byMethod = new Map(rows.map((row) => [row.method, row]));
  const byPaymentMethod = METHODS.map((method): PaymentMethodRow => {
    const row = byMethod.get(method);
    const amountMinor = minor(row?.amount ?? 0);
    const tipsMinor = minor(row?.tips ?? 0);
    const refundsMinor = minor(row?.refunded ?? 0);
    return {
      method,
      label: PAYMENT_METHOD_LABELS[method],
      payments: row?.payments ?? 0,
      amountMinor,
      tipsMinor,
      takenMinor: minor(amountMinor + tipsMinor),
      refunds: row?.refunds ?? 0,
      refundsMinor,
      netTakenMinor: minor(amountMinor + tipsMinor - refundsMinor),
    };
  });
  return {
    byPaymentMethod,
    paymentsMinor: sumMinor(byPaymentMethod.map((row) => row.amountMinor)),
    tipsMinor: sumMinor(byPaymentMethod.map((row) => row.tipsMinor)),
    refunds: byPaymentMethod.reduce((count, row) => count + row.refunds, 0),
    refundsMinor: sumMinor(byPaymentMethod.map((row) => row.refundsMinor)),
  };
}
