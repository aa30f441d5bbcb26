import { CurrencyCodeSchema } from '@servio/shared/currency';
import { MinorSchema } from '@servio/shared/money';
import { z } from 'zod';
import { callQuery } from './server-call.ts';

/** The server procedure a customer's phone reads a table's open bills from (table token only). */
export const TABLE_BILL_PROCEDURE = 'pay.bill';

/**
 * The part of `pay.bill`'s answer this page shows. zod drops the rest (modifiers, taxes,
 * payments in progress, tip presets), which the payment flow reads when it is added.
 */
const TableBillsSchema = z.object({
  venue: z.object({ name: z.string().min(1), currency: CurrencyCodeSchema }),
  table: z.object({ name: z.string().min(1) }),
  bills: z.array(
    z.object({
      orderId: z.string().min(1),
      /** Human order number (device letter + counter, e.g. "A12"). */
      number: z.string().min(1),
      lines: z.array(
        z.object({
          id: z.string().min(1),
          name: z.string().min(1),
          quantity: z.int().positive(),
          /** The line's total as the server computed it (S12). */
          lineTotalMinor: MinorSchema,
        }),
      ),
      totalMinor: MinorSchema,
      paidMinor: MinorSchema,
      dueMinor: MinorSchema,
    }),
  ),
});
export type TableBills = z.infer<typeof TableBillsSchema>;
export type TableBill = TableBills['bills'][number];

/**
 * Read the open bills of the table whose QR token this is. Amounts come from the server's own
 * rows; the page only shows them. Throws `ServerCallError` (refused for an unknown token).
 */
export function loadTableBills(token: string): Promise<TableBills> {
  return callQuery(TABLE_BILL_PROCEDURE, { token }, TableBillsSchema);
}
