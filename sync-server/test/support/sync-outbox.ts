import {
  PROTOCOL_VERSION,
  type MutationArgs,
  type MutationName,
  type PushRequest,
  type RawMutation,
} from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../../src/db/db.ts';

/** What a test needs to write valid mutations against a seeded venue. */
export interface Catalog {
  venueId: string;
  staff: Record<'owner' | 'manager' | 'waiter' | 'cashier' | 'kitchen', string>;
  /** Menu items by name. */
  items: Map<string, { id: string; priceMinor: number; available: boolean }>;
  tables: string[];
}

export async function loadCatalog(db: Queryable, venueId: string): Promise<Catalog> {
  const staff = await db.query<{ id: string; role: keyof Catalog['staff'] }>(
    'SELECT id, role FROM staff WHERE venue_id = $1 ORDER BY name',
    [venueId],
  );
  const items = await db.query<{
    id: string;
    name: string;
    price_minor: number;
    available: boolean;
  }>('SELECT id, name, price_minor, available FROM menu_items WHERE venue_id = $1', [venueId]);
  const tables = await db.query<{ id: string }>(
    'SELECT id FROM tables WHERE venue_id = $1 ORDER BY sort_order',
    [venueId],
  );
  const byRole = {} as Catalog['staff'];
  for (const row of staff.rows) byRole[row.role] ??= row.id;
  return {
    venueId,
    staff: byRole,
    items: new Map(
      items.rows.map((row) => [
        row.name,
        { id: row.id, priceMinor: row.price_minor, available: row.available },
      ]),
    ),
    tables: tables.rows.map((row) => row.id),
  };
}

export function itemId(catalog: Catalog, name: string): string {
  const item = catalog.items.get(name);
  if (!item) throw new Error(`no menu item ${name}`);
  return item.id;
}

/** A tablet's outbox (S1): mutations with ids increasing by one, as the tablet writes them. */
export class Outbox {
  readonly clientId = uuidv7();
  readonly all: RawMutation[] = [];
  private orderCounter = 0;

  constructor(
    readonly letter: string,
    public staffId: string,
    readonly clientTime = '2026-11-20T12:00:00.000Z',
  ) {}

  add<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
    by: { staffId?: string; approvedBy?: string } = {},
  ): RawMutation {
    return this.addRaw(name, args, by);
  }

  /** A mutation with arguments as given (for tampered or malformed ones). */
  addRaw(name: string, args: unknown, by: { staffId?: string; approvedBy?: string } = {}) {
    const mutation = {
      clientId: this.clientId,
      id: this.all.length + 1,
      name,
      args,
      clientTime: this.clientTime,
      staffId: by.staffId ?? this.staffId,
      ...(by.approvedBy ? { approvedBy: by.approvedBy } : {}),
    } as RawMutation;
    this.all.push(mutation);
    return mutation;
  }

  /** A new order number in this tablet's series (`A-1`, `A-2`, …). */
  nextNumber(): string {
    this.orderCounter += 1;
    return `${this.letter}-${this.orderCounter}`;
  }

  /** The push request for mutations `from`..`to` (1-based, inclusive; default: all). */
  push(from = 1, to = this.all.length, pendingCount = this.all.length - from + 1): PushRequest {
    return {
      protocolVersion: PROTOCOL_VERSION,
      clientId: this.clientId as PushRequest['clientId'],
      mutations: this.all.slice(from - 1, to),
      pendingCount,
    };
  }
}

/** Opens a table order with one cola and returns the ids (mutations only; nothing is sent). */
export function openWithLine(
  outbox: Outbox,
  catalog: Catalog,
  item = 'Cola',
  quantity = 1,
): { orderId: string; lineId: string } {
  const orderId = uuidv7();
  const lineId = uuidv7();
  outbox.add('order.open', {
    kind: 'table',
    orderId: orderId as never,
    number: outbox.nextNumber(),
    tableId: catalog.tables[0] as never,
    covers: 2,
  });
  outbox.add('order.addLine', {
    orderId: orderId as never,
    lineId: lineId as never,
    itemId: itemId(catalog, item) as never,
    quantity,
    modifierOptionIds: [],
  });
  return { orderId, lineId };
}

/** Rows of the venue's order tables, as counts and a fingerprint of every row's content. */
export async function orderState(db: Queryable, venueId: string) {
  const read = async (table: string) =>
    (await db.query(`SELECT * FROM ${table} WHERE venue_id = $1 ORDER BY id`, [venueId])).rows.map(
      (row) => JSON.stringify(row),
    );
  return {
    orders: await read('orders'),
    orderLines: await read('order_lines'),
    payments: await read('payments'),
  };
}

export async function clockOf(db: Queryable, venueId: string): Promise<number> {
  const { rows } = await db.query<{ clock: number }>(
    'SELECT clock FROM venue_clocks WHERE venue_id = $1',
    [venueId],
  );
  return rows[0]?.clock ?? 0;
}

export async function clientRow(db: Queryable, venueId: string, clientId: string) {
  const { rows } = await db.query<{
    last_mutation_id: number;
    pending_mutations: number;
    device_id: string;
  }>(
    'SELECT last_mutation_id, pending_mutations, device_id FROM clients WHERE venue_id = $1 AND id = $2',
    [venueId, clientId],
  );
  return rows[0];
}
