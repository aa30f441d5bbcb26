import type { LineStatus, OrderId, OrderLineRow, OrderRow, TableId } from '@servio/shared';
import { describe, expect, it } from 'vitest';
import {
  activeTickets,
  doneTickets,
  linesToBump,
  linesToRecall,
  type TicketSources,
} from './tickets.ts';

const T1 = 't-1' as TableId;

function line(
  id: string,
  orderId: string,
  status: LineStatus,
  sentAt: string | null,
  extra: Partial<OrderLineRow> = {},
): OrderLineRow {
  return {
    id,
    orderId,
    status,
    sentAt,
    readyAt: status === 'ready' ? '2025-01-01T12:30:00Z' : null,
    kitchenStation: 'kitchen',
    deletedAt: null,
    name: id,
    ...extra,
  } as OrderLineRow;
}

function sources(lines: OrderLineRow[], station: string | null = null): TicketSources {
  const orders = new Map<string, Pick<OrderRow, 'id' | 'number' | 'kind' | 'tableId'>>([
    ['o-1', { id: 'o-1' as OrderId, number: 'A-1', kind: 'table', tableId: T1 }],
    ['o-2', { id: 'o-2' as OrderId, number: 'A-2', kind: 'takeaway', tableId: null }],
  ]);
  return { lines, orders, tables: new Map([[T1, { name: 'T1' }]]), station };
}

describe('kitchen tickets', () => {
  it('one ticket per send, in order of arrival, naming the table or takeaway', () => {
    const tickets = activeTickets(
      sources([
        line('l-3', 'o-2', 'sent', '2025-01-01T12:05:00Z'),
        line('l-1', 'o-1', 'sent', '2025-01-01T12:00:00Z'),
        line('l-2', 'o-1', 'sent', '2025-01-01T12:00:00Z'),
        line('l-4', 'o-1', 'sent', '2025-01-01T12:20:00Z'),
        line('l-5', 'o-1', 'new', null),
      ]),
    );
    expect(tickets.map((t) => [t.where, t.number, t.lines.map((l) => l.id)])).toEqual([
      ['T1', 'A-1', ['l-1', 'l-2']],
      ['Takeaway', 'A-2', ['l-3']],
      ['T1', 'A-1', ['l-4']],
    ]);
  });

  it('a line voided after sending stays on its ticket; a fully voided ticket leaves the board', () => {
    const tickets = activeTickets(
      sources([
        line('l-1', 'o-1', 'sent', '2025-01-01T12:00:00Z'),
        line('l-2', 'o-1', 'voided', '2025-01-01T12:00:00Z'),
        line('l-3', 'o-2', 'voided', '2025-01-01T12:01:00Z'),
      ]),
    );
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.lines.map((l) => l.status)).toEqual(['sent', 'voided']);
  });

  it('bump takes the lines being cooked; a bumped ticket moves to done and recall takes it back', () => {
    const lines = [
      line('l-1', 'o-1', 'sent', '2025-01-01T12:00:00Z'),
      line('l-2', 'o-1', 'ready', '2025-01-01T12:00:00Z'),
    ];
    const [ticket] = activeTickets(sources(lines));
    expect(ticket && linesToBump(ticket)).toEqual(['l-1']);

    const bumped = lines.map((l) => ({ ...l, status: 'ready' as const }));
    expect(activeTickets(sources(bumped))).toEqual([]);
    const [done] = doneTickets(sources(bumped), 5);
    expect(done && linesToRecall(done)).toEqual(['l-1', 'l-2']);
  });

  it('the station filter shows only that station’s lines', () => {
    const lines = [
      line('l-1', 'o-1', 'sent', '2025-01-01T12:00:00Z'),
      line('l-2', 'o-1', 'sent', '2025-01-01T12:00:00Z', { kitchenStation: 'bar' }),
    ];
    const [bar] = activeTickets(sources(lines, 'bar'));
    expect(bar?.lines.map((l) => l.id)).toEqual(['l-2']);
  });
});
