import type { LineStatus, OrderLineRow } from '@servio/shared';
import { intl } from '../../i18n/intl.ts';

/** "Medium rare · Fries · Bacon": the chosen options of a line, as the kitchen reads them. */
export function modifiersText(line: Pick<OrderLineRow, 'modifiers'>): string {
  return line.modifiers.map((modifier) => modifier.name).join(' · ');
}

export const LINE_STATUS_LABEL: Record<LineStatus, string> = {
  new: intl.formatMessage({ id: 'pos.lineText.notSent', defaultMessage: 'Not sent' }),
  sent: intl.formatMessage({ id: 'pos.lineText.inKitchen', defaultMessage: 'In kitchen' }),
  ready: intl.formatMessage({ id: 'pos.lineText.ready', defaultMessage: 'Ready' }),
  served: intl.formatMessage({ id: 'pos.lineText.served', defaultMessage: 'Served' }),
  voided: intl.formatMessage({ id: 'pos.lineText.void', defaultMessage: 'Void' }),
};

/** A line that never reached the kitchen and was removed: not worth showing on the ticket. */
export function isRemovedBeforeSending(line: Pick<OrderLineRow, 'status' | 'sentAt'>): boolean {
  return line.status === 'voided' && line.sentAt === null;
}

/** How a line discount reads: "−10 %" or "−€2.00". */
export function lineDiscountText(
  line: Pick<OrderLineRow, 'discountKind' | 'discountValue'>,
  money: (amount: number) => string,
): string | null {
  if (line.discountKind === null || line.discountValue === null) return null;
  return line.discountKind === 'percent'
    ? `−${line.discountValue / 100} %`
    : `−${money(line.discountValue)}`;
}
