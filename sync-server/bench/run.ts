// Sync throughput on this machine: one push of 1,000 and of 5,000 mutations (a tablet back from
// hours offline), a pull of about 1,000 changed rows, and, over real HTTP and SSE, how long an
// order sent on one tablet takes to be on another (push answered, poke received, pull done;
// target: well under a second). PGlite always; Postgres too when TEST_DATABASE_URL or
// DATABASE_URL is set. Prints figures only.
import { PROTOCOL_VERSION, type RawMutation } from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { redeemPairingCode } from '../src/auth/pairing.ts';
import { seedDemoVenue } from '../src/demo/seed.ts';
import { pullChanges } from '../src/sync/pull.ts';
import { pushMutations } from '../src/sync/push.ts';
import { pairAndSignIn } from '../test/support/clients.ts';
import { subscribePokes } from '../test/support/pokes.ts';
import { loadCatalog, openWithLine, Outbox } from '../test/support/sync-outbox.ts';
import { startTestServer } from '../test/support/test-server.ts';
import { availableKinds, createTestDb, type DbKind } from '../test/support/test-db.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');

/** A service's worth of work: open, three lines, send, pay in full, close — seven mutations an order. */
function writeService(
  outbox: Outbox,
  items: { id: string; priceMinor: number }[],
  tableId: string,
  count: number,
) {
  while (outbox.all.length < count) {
    const orderId = uuidv7();
    outbox.add('order.open', {
      kind: 'table',
      orderId: orderId as never,
      number: outbox.nextNumber(),
      tableId: tableId as never,
      covers: 2,
    });
    let total = 0;
    for (let n = 0; n < 3; n += 1) {
      const item = items[(outbox.all.length + n) % items.length]!;
      total += item.priceMinor;
      outbox.add('order.addLine', {
        orderId: orderId as never,
        lineId: uuidv7() as never,
        itemId: item.id as never,
        quantity: 1,
        modifierOptionIds: [],
      });
    }
    outbox.add('order.send', { orderId: orderId as never });
    outbox.add('payment.record', {
      method: 'cash',
      paymentId: uuidv7() as never,
      orderId: orderId as never,
      amountMinor: total as never,
    });
    outbox.add('order.close', { orderId: orderId as never });
  }
  outbox.all.length = count;
}

async function bench(kind: DbKind): Promise<void> {
  const test = await createTestDb(kind);
  try {
    const seed = await seedDemoVenue(test.db, { baseUrl: 'http://bench', now: NOW, slug: 'bench' });
    const catalog = await loadCatalog(test.db, seed.venue.id);
    // Items without required modifier choices, so every line applies.
    const items = [
      'Tomato soup',
      'Garlic bread',
      'Fish and chips',
      'Cola',
      'IPA',
      'Tea',
      'Cheesecake',
    ].map((name) => catalog.items.get(name)!);
    for (const size of [1000, 5000]) {
      const { code } = await createPairingCode(test.db, seed.venue.id, { now: NOW });
      const device = await redeemPairingCode(test.db, code, `Bench ${size}`, new Date(NOW));
      const outbox = new Outbox(device.letter, catalog.staff.cashier);
      writeService(outbox, items, catalog.tables[0]!, size);
      const request = {
        protocolVersion: PROTOCOL_VERSION,
        clientId: outbox.clientId as never,
        mutations: outbox.all as RawMutation[],
        pendingCount: size,
      };
      const started = performance.now();
      const result = await pushMutations(
        test.db,
        { venueId: seed.venue.id, deviceId: device.deviceId },
        request,
        { now: NOW },
      );
      const ms = performance.now() - started;
      if (result.status !== 'ok' || result.rejected > 0)
        throw new Error(`push failed: ${JSON.stringify(result)}`);
      console.log(
        `${kind.padEnd(8)} push ${String(size).padStart(5)} mutations: ${ms.toFixed(0).padStart(6)} ms  (${Math.round((size / ms) * 1000)} mutations/s, ${result.applied} applied)`,
      );
    }

    // A pull of about 1,000 rows: the changes of ~140 orders (an order, three lines, a payment each).
    const { rows } = await test.db.query<{ clock: number }>(
      'SELECT clock FROM venue_clocks WHERE venue_id = $1',
      [seed.venue.id],
    );
    const before = rows[0]!.clock;
    const { code } = await createPairingCode(test.db, seed.venue.id, { now: NOW });
    const device = await redeemPairingCode(test.db, code, 'Bench pull', new Date(NOW));
    const outbox = new Outbox(device.letter, catalog.staff.cashier);
    writeService(outbox, items, catalog.tables[0]!, 1400);
    await pushMutations(
      test.db,
      { venueId: seed.venue.id, deviceId: device.deviceId },
      {
        protocolVersion: PROTOCOL_VERSION,
        clientId: outbox.clientId as never,
        mutations: outbox.all as RawMutation[],
        pendingCount: 0,
      },
      { now: NOW },
    );
    const started = performance.now();
    const pulled = await pullChanges(
      test.db,
      { venueId: seed.venue.id, deviceId: device.deviceId },
      {
        protocolVersion: PROTOCOL_VERSION,
        clientId: outbox.clientId as never,
        cursor: before,
        pendingCount: 0,
      },
      { now: NOW },
    );
    const ms = performance.now() - started;
    if (pulled.status !== 'ok') throw new Error('pull failed');
    const count = Object.values(pulled.rows).reduce(
      (n, t) => n + t.upserts.length + t.tombstones.length,
      0,
    );
    console.log(
      `${kind.padEnd(8)} pull  ${String(count).padStart(5)} rows:      ${ms.toFixed(0).padStart(6)} ms  (${Math.round((count / ms) * 1000)} rows/s)`,
    );
  } finally {
    await test.drop();
  }
}

/** Percentile of sorted samples (nearest rank). */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Tablet to tablet over HTTP: A pushes an order with a line, B (subscribed to pokes over SSE, as
 * the app is) pulls when poked. Measures from A's push leaving to B's pull holding the order.
 */
async function tabletToTablet(kind: DbKind, rounds = 30): Promise<void> {
  const test = await createTestDb(kind);
  const server = await startTestServer(test.db);
  try {
    const seed = await seedDemoVenue(test.db, {
      baseUrl: server.url,
      now: Date.now(),
      slug: 'lat',
    });
    const catalog = await loadCatalog(test.db, seed.venue.id);
    const waiter = seed.staff.find((member) => member.role === 'waiter')!;
    const pair = async () => {
      const { code } = await createPairingCode(test.db, seed.venue.id, { now: Date.now() });
      return pairAndSignIn(server.url, code, waiter);
    };
    const a = await pair();
    const b = await pair();
    const outbox = new Outbox(a.letter, waiter.id, new Date().toISOString());
    const bClient = uuidv7();
    const pullB = (cursor: number) =>
      b.client.sync.pull.query({
        protocolVersion: PROTOCOL_VERSION,
        clientId: bClient as never,
        cursor,
        pendingCount: 0,
      });
    const first = await pullB(0);
    if (first.status !== 'ok') throw new Error('first pull failed');
    let cursor = first.cursor;
    const pokes = subscribePokes(server.url, b.deviceToken);
    await pokes.next(() => true); // the subscription answers with the current clock
    const pushMs: number[] = [];
    const visibleMs: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const from = outbox.all.length + 1;
      const { orderId } = openWithLine(outbox, catalog);
      outbox.add('order.send', { orderId: orderId as never });
      const started = performance.now();
      const pushed = await a.client.sync.push.mutate(outbox.push(from));
      pushMs.push(performance.now() - started);
      if (pushed.status !== 'ok') throw new Error(`push failed: ${JSON.stringify(pushed)}`);
      for (;;) {
        await pokes.next((poke) => poke.clock > cursor);
        const pulled = await pullB(cursor);
        if (pulled.status !== 'ok') throw new Error('pull failed');
        cursor = pulled.cursor;
        if (pulled.rows.orders?.upserts.some((order) => order.id === orderId)) break;
      }
      visibleMs.push(performance.now() - started);
    }
    pokes.close();
    const report = (label: string, samples: number[]) => {
      const sorted = [...samples].sort((x, y) => x - y);
      console.log(
        `${kind.padEnd(8)} ${label}: p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms, p95 ${percentile(sorted, 95).toFixed(0).padStart(4)} ms, max ${sorted.at(-1)!.toFixed(0).padStart(4)} ms  (${rounds} orders)`,
      );
    };
    report('push over HTTP          ', pushMs);
    report('sent on A, on B (poke)  ', visibleMs);
  } finally {
    await server.close();
    await test.drop();
  }
}

for (const kind of availableKinds) {
  await bench(kind);
  await tabletToTablet(kind);
}
