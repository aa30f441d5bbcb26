import { PROTOCOL_VERSION } from '@servio/shared';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { appRouter } from '../src/trpc/router.ts';
import { pairAndSignIn, type Credentials } from './support/clients.ts';
import { subscribePokes } from './support/pokes.ts';
import { callRaw, type ProcedureType, type RawAnswer } from './support/raw-trpc.ts';
import { itemId, loadCatalog, openWithLine, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Procedure = { _def: { type: ProcedureType; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
  .map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    input: procedure._def.inputs[0],
  }))
  // Signing out ends the caller's session: last, so every other procedure meets live sessions.
  .sort((a, b) => Number(a.path.endsWith('signOut')) - Number(b.path.endsWith('signOut')));
const ROLES = ['owner', 'manager', 'cashier', 'waiter', 'kitchen'] as const;

/** Everything venue B has, by id: what A must never see or touch. */
interface VenueB {
  seed: DemoSeed;
  catalog: Catalog;
  orderId: string;
  lineId: string;
  paymentId: string;
  clientId: string;
  deviceId: string;
}

/** A valid-looking input for any procedure, built from its schema, with B's ids in every id field. */
function sampleInput(schema: unknown, b: VenueB): unknown {
  if (!(schema instanceof z.ZodType)) return undefined;
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
  } catch {
    return undefined;
  }
  const idFor = (name: string): string => {
    if (/order/i.test(name)) return b.orderId;
    if (/line/i.test(name)) return b.lineId;
    if (/payment|refund/i.test(name)) return b.paymentId;
    if (/device/i.test(name)) return b.deviceId;
    if (/client/i.test(name)) return b.clientId;
    if (/staff|approv|by$/i.test(name)) return b.seed.staff[0]!.id;
    if (/table/i.test(name)) return b.seed.tables[0]!.id;
    if (/item/i.test(name)) return itemId(b.catalog, 'Cola');
    return b.seed.venue.id;
  };
  const fill = (node: Record<string, unknown> | undefined, name: string): unknown => {
    if (!node) return undefined;
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum)) return node.enum[0];
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const options = node[key] as Record<string, unknown>[] | undefined;
      if (options?.length) return fill(options.find((o) => o.type !== 'null') ?? options[0], name);
    }
    switch (node.type) {
      case 'object': {
        // Required fields only: optional ones often only make sense together (a custom date range).
        const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
        const required = new Set((node.required ?? []) as string[]);
        return Object.fromEntries(
          Object.entries(properties)
            .filter(([key]) => required.has(key))
            .map(([key, child]) => [key, fill(child, key)]),
        );
      }
      case 'array':
        return [fill(node.items as Record<string, unknown>, name)];
      case 'integer':
      case 'number':
        return Math.max(Number(node.minimum ?? 1), 1);
      case 'boolean':
        return true;
      case 'string':
        if (node.format === 'uuid') return idFor(name);
        if (node.format === 'date') return '2026-11-20';
        if (node.format === 'date-time') return '2026-11-20T12:00:00.000Z';
        if (typeof node.pattern === 'string') {
          const [value] = fc.sample(fc.stringMatching(new RegExp(node.pattern)), {
            numRuns: 1,
            seed: 7,
          });
          return value;
        }
        return 'x'.repeat(Math.max(Number(node.minLength ?? 1), 1));
      default:
        return undefined;
    }
  };
  return fill(json, '');
}

describe('tenant isolation: every procedure, every role', () => {
  let test: TestDb;
  let server: TestServer;
  let a: DemoSeed;
  let catalogA: Catalog;
  let b: VenueB;
  /** Venue A's callers: nobody, a paired device, and a device signed in as each role. */
  const callers = new Map<string, Credentials>();
  let before: string;
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  /** Every row venue B owns, in every table, as one string. */
  async function venueBRows(): Promise<string> {
    const { rows: tables } = await test.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'venue_id' ORDER BY table_name`,
    );
    const parts: unknown[] = [
      (await test.db.query('SELECT * FROM venues WHERE id = $1', [b.seed.venue.id])).rows,
    ];
    for (const { table_name } of tables) {
      const { rows } = await test.db.query(
        `SELECT * FROM "${table_name}" WHERE venue_id = $1 ORDER BY 1, 2`,
        [b.seed.venue.id],
      );
      parts.push(table_name, rows);
    }
    return JSON.stringify(parts);
  }

  /** Row counts of every table of the database. */
  async function allCounts(): Promise<Record<string, number>> {
    const { rows: tables } = await test.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const { rows } = await test.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}"`,
      );
      counts[table_name] = rows[0]!.n;
    }
    return counts;
  }

  /** B's ids (and table tokens) that appear in an answer although the request did not carry them. */
  let secrets: string[] = [];
  function leaked(answer: RawAnswer, input: unknown): string[] {
    const sent = JSON.stringify(input ?? null);
    return secrets.filter((secret) => !sent.includes(secret) && answer.text.includes(secret));
  }

  beforeAll(async () => {
    test = await createTestDb();
    a = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'venue-a',
    });
    const seedB = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: clock.now(),
      slug: 'venue-b',
    });
    catalogA = await loadCatalog(test.db, a.venue.id);
    server = await startTestServer(test.db, { clock });

    // Venue B at work: an order with a line and a payment.
    const catalogB = await loadCatalog(test.db, seedB.venue.id);
    const tabletB = await pairAndSignIn(server.url, seedB.pairingCode.code);
    const outbox = new Outbox(tabletB.letter, catalogB.staff.waiter);
    const { orderId, lineId } = openWithLine(outbox, catalogB);
    const paymentId = uuidv7();
    outbox.add(
      'payment.record',
      {
        method: 'cash',
        paymentId: paymentId as never,
        orderId: orderId as never,
        amountMinor: 100 as never,
      },
      { staffId: catalogB.staff.cashier },
    );
    await tabletB.client.sync.push.mutate(outbox.push());
    b = {
      seed: seedB,
      catalog: catalogB,
      orderId,
      lineId,
      paymentId,
      clientId: outbox.clientId,
      deviceId: tabletB.deviceId,
    };

    callers.set('nobody', {});
    const device = await pairAndSignIn(server.url, a.pairingCode.code);
    callers.set('device', { deviceToken: device.deviceToken });
    for (const role of ROLES) {
      const { code } = await createPairingCode(test.db, a.venue.id, { now: clock.now() });
      const signedIn = await pairAndSignIn(
        server.url,
        code,
        a.staff.find((s) => s.role === role)!,
      );
      callers.set(role, {
        deviceToken: signedIn.deviceToken,
        sessionToken: signedIn.sessionToken!,
      });
    }
    const raw = await venueBRows();
    secrets = [
      ...new Set(raw.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []),
    ].concat(seedB.tables.map((t) => t.qrToken));
    // Ids the two demo venues share by construction would be false alarms; there are none.
    const rawA = JSON.stringify(
      (await test.db.query('SELECT id FROM staff WHERE venue_id = $1', [a.venue.id])).rows,
    );
    secrets = secrets.filter((secret) => !rawA.includes(secret));
    before = raw;
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  /** Inputs that aim straight at B's records, for the procedures where that is the point. */
  let probeNumber = 900;
  function probeFor(path: string): unknown {
    switch (path) {
      case 'auth.pair':
        return { code: 'ZZZZ-ZZZZ' };
      case 'auth.signIn': {
        const owner = b.seed.staff.find((s) => s.role === 'owner')!;
        return { staffId: owner.id, pin: owner.pin };
      }
      case 'sync.pull':
        return {
          protocolVersion: PROTOCOL_VERSION,
          clientId: uuidv7(),
          cursor: 0,
          pendingCount: 0,
        };
      case 'sync.push': {
        const outbox = new Outbox('A', catalogA.staff.waiter);
        const own = uuidv7();
        outbox.add('order.open', {
          kind: 'table',
          orderId: uuidv7() as never,
          number: 'A-900',
          tableId: b.seed.tables[0]!.id as never,
          covers: 1,
        });
        outbox.add('order.addLine', {
          orderId: b.orderId as never,
          lineId: uuidv7() as never,
          itemId: itemId(b.catalog, 'Cola') as never,
          quantity: 1,
          modifierOptionIds: [],
        });
        outbox.add('order.open', {
          kind: 'takeaway',
          orderId: own as never,
          number: `A-${(probeNumber += 1)}`,
          covers: 1,
        });
        outbox.add('order.addLine', {
          orderId: own as never,
          lineId: uuidv7() as never,
          itemId: itemId(b.catalog, 'Cola') as never,
          quantity: 1,
          modifierOptionIds: [],
        });
        outbox.add(
          'payment.record',
          {
            method: 'cash',
            paymentId: uuidv7() as never,
            orderId: b.orderId as never,
            amountMinor: 100 as never,
          },
          { staffId: catalogA.staff.cashier },
        );
        outbox.add(
          'order.voidLine',
          { lineId: b.lineId as never, reason: 'x' },
          { staffId: catalogA.staff.manager },
        );
        outbox.add(
          'order.setCovers',
          { orderId: own as never, covers: 3 },
          { staffId: b.seed.staff[0]!.id },
        );
        return outbox.push();
      }
      case 'sync.importOutbox':
        return {
          clientId: b.clientId,
          deviceId: b.deviceId,
          mutations: [
            {
              clientId: b.clientId,
              id: 1,
              name: 'order.close',
              args: { orderId: b.orderId },
              clientTime: '2026-11-20T12:00:00.000Z',
              staffId: b.seed.staff[0]!.id,
            },
          ],
        };
      default:
        return undefined;
    }
  }

  /** What must come back for the targeted probes (beyond "B untouched, nothing of B leaked"). */
  async function expectOutcome(path: string, caller: string, input: unknown, answer: RawAnswer) {
    const device = caller !== 'nobody';
    const manager = caller === 'manager' || caller === 'owner';
    if (path === 'auth.signIn' && device) expect(answer.error?.code).toBe('UNAUTHORIZED');
    if (path === 'devices.revoke' && manager) expect(answer.error?.code).toBe('NOT_FOUND');
    if (path === 'sync.importOutbox' && manager) expect(answer.error?.code).toBe('NOT_FOUND');
    if (path === 'sync.pull' && device) {
      expect(answer.data).toMatchObject({
        status: 'ok',
        rows: { venues: { upserts: [{ id: a.venue.id }] } },
      });
    }
    if (path === 'sync.push' && device) {
      expect(answer.data).toMatchObject({ status: 'ok', applied: 1, rejected: 6 });
      const { rows } = await test.db.query<{ mutation_id: number; reason: string }>(
        'SELECT mutation_id, reason FROM mutation_rejections WHERE venue_id = $1 AND client_id = $2 ORDER BY mutation_id',
        [a.venue.id, (input as { clientId: string }).clientId],
      );
      expect(rows.map((r) => [r.mutation_id, r.reason])).toEqual([
        [1, 'not_found'],
        [2, 'not_found'],
        [4, 'unknown_item'],
        [5, 'not_found'],
        [6, 'not_found'],
        [7, 'unknown_staff'],
      ]);
    }
  }

  it.each(procedures.map((p) => [p.path, p]))(
    '[isolation] %s: no caller of venue A reads or changes anything of venue B',
    async (path, procedure) => {
      for (const [caller, credentials] of callers) {
        if (procedure.type === 'subscription') {
          const subscriber = subscribePokes(server.url, credentials.deviceToken ?? 'dev_nobody');
          if (credentials.deviceToken)
            expect((await subscriber.next(() => true)).venueId).toBe(a.venue.id);
          else expect(await subscriber.failed()).toMatchObject({ code: 'UNAUTHORIZED' });
          subscriber.close();
          continue;
        }
        const input = probeFor(path) ?? sampleInput(procedure.input, b);
        const answer = await callRaw(server.url, path, procedure.type, input, credentials);
        expect(answer.status, `${path} as ${caller}: ${answer.text.slice(0, 300)}`).toBeLessThan(
          500,
        );
        expect(leaked(answer, input), `${path} as ${caller} answered with venue B's data`).toEqual(
          [],
        );
        await expectOutcome(path, caller, input, answer);
      }
      expect(await venueBRows()).toBe(before);
    },
  );

  it.each(procedures.filter((p) => p.type !== 'subscription').map((p) => [p.path, p]))(
    '[isolation] %s: malformed input answers 4xx with a useful message and changes nothing',
    async (path, procedure) => {
      const malformed = 12345;
      if (procedure.input instanceof z.ZodType && procedure.input.safeParse(malformed).success)
        return;
      const counts = await allCounts();
      for (const caller of ['owner', 'nobody']) {
        const answer = await callRaw(
          server.url,
          path,
          procedure.type as 'query',
          malformed,
          callers.get(caller),
        );
        expect(
          answer.status,
          `${path} as ${caller}: ${answer.text.slice(0, 200)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.error?.message).toMatch(/\w{4,}/);
        if (answer.status === 400) expect(answer.error?.message).toMatch(/Invalid input|expected/i);
      }
      expect(await allCounts()).toEqual(counts);
    },
  );
});
