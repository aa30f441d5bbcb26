import {
  isMutationRejected,
  PROTOCOL_VERSION,
  rowKey,
  SYNCED_TABLES,
  type MenuItemId,
  type MutatorContext,
  type RowKeyOf,
  type PullRows,
  type SyncedTable,
  type TableId,
} from '@servio/shared';
import { MemoryStore } from '@servio/shared/mutators/memory-store';
import {
  commandArbitrary,
  CommandPlanner,
  type Command,
} from '@servio/shared/mutators/property-commands';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { redeemPairingCode } from '../src/auth/pairing.ts';
import type { Row } from '../src/db/db.ts';
import { seedDemoVenue } from '../src/demo/seed.ts';
import { rowFromSql, selectList, TABLES } from '../src/sync/columns.ts';
import { pullChanges } from '../src/sync/pull.ts';
import { pushMutations, type PushOutcome } from '../src/sync/push.ts';
import { loadVenueSettings } from '../src/sync/venue-settings.ts';
import { itemId, loadCatalog, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';

type Item = 'Cola' | 'Tea' | 'Calamari' | 'Gin';

type Step =
  | { op: 'push'; client: number; size: number; twice: boolean; lost: boolean; ahead: number }
  | { op: 'concurrent'; client: number; size: number }
  | { op: 'pull'; client: number; lost: boolean }
  | { op: 'reconnect'; client: number };

const command = commandArbitrary<Item>({
  items: ['Cola', 'Tea', 'Calamari', 'Gin'],
  maxIndex: 7,
});
const client = fc.nat({ max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('push' as const),
      client,
      size: fc.integer({ min: 1, max: 6 }),
      twice: fc.boolean(),
      lost: fc.boolean(),
      ahead: fc.constantFrom(0, 0, 0, 1, 3),
    }),
    weight: 5,
  },
  fc.record({
    op: fc.constant('concurrent' as const),
    client,
    size: fc.integer({ min: 1, max: 6 }),
  }),
  {
    arbitrary: fc.record({ op: fc.constant('pull' as const), client, lost: fc.boolean() }),
    weight: 2,
  },
  fc.record({ op: fc.constant('reconnect' as const), client }),
);

/**
 * A row as both sides can compare it: the fields a tablet receives, minus `version` (each side
 * has its own clock), with instants compared by value (Postgres prints them its own way).
 */
function comparable(table: SyncedTable, row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = row as Record<string, unknown>;
  for (const key of TABLES[table].fields) {
    if (key === 'version') continue;
    const value = values[key];
    out[key] =
      typeof value === 'string' && (key.endsWith('At') || key === 'clientTime')
        ? new Date(value).toISOString()
        : value;
  }
  return out;
}

type View = { [T in SyncedTable]: Map<string, Record<string, unknown>> };
const emptyView = () => Object.fromEntries(SYNCED_TABLES.map((t) => [t, new Map()])) as View;

function applyPull(view: View, rows: PullRows): void {
  for (const table of SYNCED_TABLES) {
    const changes = rows[table];
    for (const row of changes?.upserts ?? []) {
      view[table].set(rowKey(table, row as RowKeyOf<typeof table>), comparable(table, row));
    }
    for (const tombstone of changes?.tombstones ?? []) {
      view[table].delete(rowKey(table, tombstone as RowKeyOf<typeof table>));
    }
  }
}

describe('sync under random delivery (property)', () => {
  let test: TestDb;
  let catalog: Catalog;
  let venueId: string;
  const devices: { id: string; letter: string; counter: number }[] = [];
  const now = Date.parse('2026-11-20T12:00:00Z');

  beforeAll(async () => {
    test = await createTestDb();
    const seed = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now,
      slug: 'property',
    });
    venueId = seed.venue.id;
    catalog = await loadCatalog(test.db, venueId);
    for (let i = 0; i < 3; i += 1) {
      const { code } = await createPairingCode(test.db, venueId, { now });
      const paired = await redeemPairingCode(test.db, code, `Tablet ${i}`, new Date(now));
      devices.push({ id: paired.deviceId, letter: paired.letter, counter: 0 });
    }
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function serverView(): Promise<View> {
    const view = emptyView();
    for (const table of SYNCED_TABLES) {
      const mapping = TABLES[table];
      const { rows } = await test.db.query<Row>(
        `SELECT ${selectList(table, { fields: mapping.fields })} FROM ${mapping.sql}
          WHERE ${mapping.venueColumn} = $1 ${mapping.tombstoned ? 'AND deleted_at IS NULL' : ''}`,
        [venueId],
      );
      applyPull(view, {
        [table]: {
          upserts: rows.map((r) => rowFromSql(table, r, mapping.fields)),
          tombstones: [],
        },
      });
    }
    return view;
  }

  /** Turns the commands into each tablet's outbox, as tablets that see each other's orders would write them. */
  function writeOutboxes(
    plan: { client: number; command: Command<Item> }[],
    outboxes: Outbox[],
  ): void {
    const planner = new CommandPlanner();
    for (const { client: c, command } of plan) {
      const outbox = outboxes[c]!;
      const device = devices[c]!;
      planner.plan(command, {
        newId: uuidv7,
        itemId: (item) => itemId(catalog, item) as MenuItemId,
        modifierOptionIds: () => [],
        tableId: catalog.tables[c] as TableId,
        // Numbers stay unique across runs: the database (and each device's counter) outlives a run.
        orderNumber: (reuse) =>
          `${device.letter}-${reuse && device.counter > 0 ? device.counter : (device.counter += 1)}`,
        mutation: (name, args, role) => outbox.add(name, args, { staffId: catalog.staff[role] }),
      });
    }
  }

  it('[S2][S3][S4][S5][S6] any delivery (duplicates, lost responses, reordering, reconnects) ends in the state of applying each client’s mutations once, in order, and every tablet sees it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.record({ client, command }), { minLength: 8, maxLength: 40 }),
        fc.array(step, { minLength: 4, maxLength: 40 }),
        async (clientCount, plan, schedule) => {
          const outboxes = devices
            .slice(0, clientCount)
            .map((d) => new Outbox(d.letter, catalog.staff.waiter));
          writeOutboxes(
            plan.map((p) => ({ ...p, client: p.client % clientCount })),
            outboxes,
          );

          // The oracle: the shared rules over memory, fed each mutation when the server commits it.
          const oracle = new MemoryStore();
          const base = await pullChanges(
            test.db,
            { venueId, deviceId: devices[0]!.id },
            {
              protocolVersion: PROTOCOL_VERSION,
              clientId: uuidv7() as never,
              cursor: 0,
              pendingCount: 0,
            },
            { now },
          );
          if (base.status !== 'ok') throw new Error('pull failed');
          for (const table of SYNCED_TABLES) {
            const rows = base.rows[table]?.upserts ?? [];
            if (rows.length) oracle.seed(table, rows as never);
          }
          const venue = await test.db.transaction((tx) => loadVenueSettings(tx, venueId));
          const ctxOf = (c: number): MutatorContext => ({
            venue,
            deviceId: devices[c]!.id as never,
            now: new Date(now).toISOString(),
          });
          const oracleRejected = new Set<string>();
          // The oracle's own truth, not the server's account: each mutation once, in id order, at
          // the moment the server first reports it done (pushes run one at a time here, so that is
          // the commit order).
          const oracleLast = outboxes.map(() => 0);
          const committed = async (c: number, result: PushOutcome) => {
            if (result.status !== 'ok') return;
            const outbox = outboxes[c]!;
            for (let id = oracleLast[c]! + 1; id <= result.lastMutationId; id += 1) {
              await oracle.apply(outbox.all[id - 1], ctxOf(c)).catch((error: unknown) => {
                if (!isMutationRejected(error)) throw error;
                oracleRejected.add(`${outbox.clientId}:${id}:${error.reason}`);
              });
            }
            oracleLast[c] = Math.max(oracleLast[c]!, result.lastMutationId);
          };

          const sims = outboxes.map(() => ({
            confirmed: 0,
            sendFrom: 1,
            cursor: 0,
            view: emptyView(),
          }));
          const push = async (c: number, from: number, to: number) => {
            const result = await pushMutations(
              test.db,
              { venueId, deviceId: devices[c]!.id },
              outboxes[c]!.push(from, to),
              { now },
            );
            await committed(c, result);
            return result;
          };
          const learn = (c: number, result: PushOutcome) => {
            const sim = sims[c]!;
            if (result.status === 'ok') {
              sim.confirmed = Math.max(sim.confirmed, result.lastMutationId);
              sim.sendFrom = sim.confirmed + 1;
            } else if (result.status === 'gap') sim.sendFrom = result.expectedMutationId;
          };
          const pull = async (c: number, lost = false) => {
            const sim = sims[c]!;
            const result = await pullChanges(
              test.db,
              { venueId, deviceId: devices[c]!.id },
              {
                protocolVersion: PROTOCOL_VERSION,
                clientId: outboxes[c]!.clientId as never,
                cursor: sim.cursor,
                pendingCount: 0,
              },
              { now },
            );
            if (result.status !== 'ok' || lost) return;
            applyPull(sim.view, result.rows);
            sim.cursor = result.cursor;
            sim.confirmed = Math.max(sim.confirmed, result.lastMutationId);
            sim.sendFrom = Math.max(sim.sendFrom, sim.confirmed + 1);
          };

          for (const s of schedule) {
            const c = s.client % clientCount;
            const sim = sims[c]!;
            const total = outboxes[c]!.all.length;
            if (s.op === 'reconnect') sim.sendFrom = sim.confirmed + 1;
            else if (s.op === 'pull') await pull(c, s.lost);
            else {
              const from = sim.sendFrom + (s.op === 'push' ? s.ahead : 0);
              const to = Math.min(from + s.size - 1, total);
              if (from > to) continue;
              if (s.op === 'concurrent') {
                const results = await Promise.all([
                  pushMutations(
                    test.db,
                    { venueId, deviceId: devices[c]!.id },
                    outboxes[c]!.push(from, to),
                    { now },
                  ),
                  pushMutations(
                    test.db,
                    { venueId, deviceId: devices[c]!.id },
                    outboxes[c]!.push(from, to),
                    { now },
                  ),
                ]);
                for (const result of results) await committed(c, result);
                learn(c, results[0]!);
              } else {
                const first = await push(c, from, to);
                const second = s.twice ? await push(c, from, to) : first;
                if (!s.lost) learn(c, second);
              }
            }
          }
          // Back online for good: every tablet sends what it still holds, then pulls.
          for (const [c, outbox] of outboxes.entries()) {
            for (let guard = 0; sims[c]!.confirmed < outbox.all.length && guard < 20; guard += 1) {
              learn(c, await push(c, sims[c]!.sendFrom, outbox.all.length));
            }
            expect(sims[c]!.confirmed).toBe(outbox.all.length);
          }
          for (const c of outboxes.keys()) await pull(c);

          // Exactly once, in order: the server holds what the oracle holds.
          const server = await serverView();
          for (const table of ['orders', 'orderLines', 'payments'] as const) {
            const ours = new Map<string, unknown>(
              oracle.rows(table).map((row) => [row.id, comparable(table, row)]),
            );
            const theirs = new Map([...server[table]].filter(([id]) => ours.has(id)));
            expect(theirs).toEqual(ours);
          }
          const { rows: rejected } = await test.db.query<{
            client_id: string;
            mutation_id: number;
            reason: string;
          }>(
            'SELECT client_id, mutation_id, reason FROM mutation_rejections WHERE venue_id = $1 AND client_id = ANY($2::uuid[])',
            [venueId, outboxes.map((o) => o.clientId)],
          );
          expect(
            new Set(rejected.map((r) => `${r.client_id}:${r.mutation_id}:${r.reason}`)),
          ).toEqual(oracleRejected);
          // And every tablet's view after its final pull is the server's.
          for (const sim of sims) expect(sim.view).toEqual(server);
        },
      ),
      { numRuns: 30 },
    );
  });
});
