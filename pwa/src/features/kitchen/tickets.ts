import type { OrderId, OrderKind, OrderLineRow, OrderRow, TableRow } from '@servio/shared';
import { intl } from '../../i18n/intl.ts';

/**
 * The kitchen display's tickets. Each "send" from a tablet is one ticket: the lines of one order
 * that went to the kitchen at the same moment (same `sentAt`), so a dessert course fired later
 * arrives as a ticket of its own instead of reopening the mains. Tickets are shown in order of
 * arrival; a line voided after it was sent stays on its ticket, struck through, so the cook
 * knows to stop.
 */
export interface KitchenTicket {
  key: string;
  orderId: OrderId;
  number: string;
  /** Table name, or "Takeaway" / "QR order". */
  where: string;
  kind: OrderKind;
  sentAt: string;
  /** When the last of its lines was bumped (done tickets), else null. */
  readyAt: string | null;
  lines: OrderLineRow[];
}

export interface TicketSources {
  lines: readonly OrderLineRow[];
  orders: ReadonlyMap<string, Pick<OrderRow, 'id' | 'number' | 'kind' | 'tableId'>>;
  tables: ReadonlyMap<string, Pick<TableRow, 'name'>>;
  /** Only lines for this station ("kitchen", "bar"); null for all. */
  station: string | null;
}

function whereOf(
  order: Pick<OrderRow, 'kind' | 'tableId'>,
  tables: TicketSources['tables'],
): string {
  if (order.tableId)
    return (
      tables.get(order.tableId)?.name ??
      intl.formatMessage({ id: 'kitchen.tickets.table', defaultMessage: 'Table' })
    );
  return order.kind === 'qr'
    ? intl.formatMessage({ id: 'kitchen.tickets.qrOrder', defaultMessage: 'QR order' })
    : intl.formatMessage({ id: 'kitchen.tickets.takeaway', defaultMessage: 'Takeaway' });
}

function groupTickets(sources: TicketSources): KitchenTicket[] {
  const groups = new Map<string, OrderLineRow[]>();
  for (const line of sources.lines) {
    if (line.deletedAt !== null || line.sentAt === null) continue;
    if (sources.station !== null && line.kitchenStation !== sources.station) continue;
    const key = `${line.orderId}|${line.sentAt}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  const tickets: KitchenTicket[] = [];
  for (const [key, lines] of groups) {
    const first = lines[0];
    const order = first ? sources.orders.get(first.orderId) : undefined;
    if (!first || !order || first.sentAt === null) continue;
    lines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const readyTimes = lines.flatMap((line) => (line.readyAt ? [line.readyAt] : []));
    tickets.push({
      key,
      orderId: order.id,
      number: order.number,
      where: whereOf(order, sources.tables),
      kind: order.kind,
      sentAt: first.sentAt,
      readyAt: readyTimes.length > 0 ? (readyTimes.sort().at(-1) ?? null) : null,
      lines,
    });
  }
  return tickets;
}

/** Tickets with something still to cook, oldest first. */
export function activeTickets(sources: TicketSources): KitchenTicket[] {
  return groupTickets(sources)
    .filter((ticket) => ticket.lines.some((line) => line.status === 'sent'))
    .sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
}

/** Tickets bumped as ready (nothing left to cook, something ready), most recent first. */
export function doneTickets(sources: TicketSources, limit: number): KitchenTicket[] {
  return groupTickets(sources)
    .filter(
      (ticket) =>
        !ticket.lines.some((line) => line.status === 'sent') &&
        ticket.lines.some((line) => line.status === 'ready'),
    )
    .sort((a, b) => ((a.readyAt ?? '') < (b.readyAt ?? '') ? 1 : -1))
    .slice(0, limit);
}

/** The lines a bump moves to ready: those still being cooked. */
export function linesToBump(ticket: KitchenTicket): OrderLineRow['id'][] {
  return ticket.lines.filter((line) => line.status === 'sent').map((line) => line.id);
}

/** The lines a recall puts back to cooking: those already bumped. */
export function linesToRecall(ticket: KitchenTicket): OrderLineRow['id'][] {
  return ticket.lines
    .filter((line) => line.status === 'ready' || line.status === 'served')
    .map((line) => line.id);
}

/** Stations that have lines on the board, for the filter. */
export function stationsOf(lines: readonly OrderLineRow[]): string[] {
  return [...new Set(lines.map((line) => line.kitchenStation))].sort();
}
