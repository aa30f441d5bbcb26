import { freeTextFieldPaths, unguardedTextFields } from '@servio/shared/text-fields';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { appRouter } from '../src/trpc/router.ts';
import { pairAndSignIn, type Credentials, type TrpcClient } from './support/clients.ts';
import { callRaw, type RawAnswer } from './support/raw-trpc.ts';
import { itemId, loadCatalog, Outbox, type Catalog } from './support/sync-outbox.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Text Postgres cannot hold (NUL: 22021 in a text column, 22P05 in jsonb) or JSON cannot carry
 * faithfully (a lone surrogate: 22P02 in jsonb, silently U+FFFD in a text column).
 */
const BAD_TEXT = [
  ['a NUL', 'Bad\u0000text'],
  ['a lone high surrogate', 'Bad\uD800text'],
  ['a lone low surrogate', 'Bad\uDC00text'],
] as const;

interface Ids {
  seed: DemoSeed;
  catalog: Catalog;
  categoryId: string;
  taxRateId: string;
  groupId: string;
  optionId: string;
  waiterId: string;
  token: string;
  orderId: string;
  newPairingCode(): Promise<string>;
}

interface TextCase {
  path: string;
  type: 'query' | 'mutation';
  /** Who calls: the venue's owner (signed in), or nobody (the customer's phone, pairing). */
  as: 'owner' | 'nobody';
  /** The text field the case fills (a table token is a credential with a format, not free text). */
  field: string;
  input(text: string, ids: Ids): unknown;
  /**
   * What the same input with ordinary text gets: proof that only the text is wrong in the bad
   * calls. 200 unless the procedure then refuses for another reason (an unknown payment).
   */
  clean?: { status: number };
}

const CLEAN = 'Ordinary text';

/** A table token made of the text: the ordinary text becomes a well-formed token nobody holds. */
const tokenLike = (text: string) => `${text.replaceAll(' ', '-')}-token`;

/** Every procedure with a free-text field, each field once (the table this file is about). */
const CASES: TextCase[] = [
  {
    path: 'auth.pair',
    type: 'mutation',
    as: 'nobody',
    field: 'deviceName',
    input: async (text, ids) => ({ code: await ids.newPairingCode(), deviceName: text }),
  },
  {
    path: 'devices.createPairingCode',
    type: 'mutation',
    as: 'owner',
    field: 'deviceName',
    input: (text) => ({ deviceName: text }),
  },
  {
    path: 'backoffice.menu.createCategory',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text }),
  },
  {
    path: 'backoffice.menu.updateCategory',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: ids.categoryId, name: text }),
  },
  {
    path: 'backoffice.menu.createTaxRate',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text, rateBps: 700 }),
  },
  {
    path: 'backoffice.menu.updateTaxRate',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: ids.taxRateId, name: text }),
  },
  {
    path: 'backoffice.menu.createItem',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({
      categoryId: ids.categoryId,
      name: text,
      priceMinor: 500,
      taxRateId: ids.taxRateId,
    }),
  },
  {
    path: 'backoffice.menu.createItem',
    type: 'mutation',
    as: 'owner',
    field: 'description',
    input: (text, ids) => ({
      categoryId: ids.categoryId,
      name: 'Described',
      description: text,
      priceMinor: 500,
      taxRateId: ids.taxRateId,
    }),
  },
  {
    path: 'backoffice.menu.updateItem',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: itemId(ids.catalog, 'Cola'), name: text }),
  },
  {
    path: 'backoffice.menu.updateItem',
    type: 'mutation',
    as: 'owner',
    field: 'description',
    input: (text, ids) => ({ id: itemId(ids.catalog, 'Cola'), description: text }),
  },
  {
    path: 'backoffice.menu.createModifierGroup',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text }),
  },
  {
    path: 'backoffice.menu.updateModifierGroup',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: ids.groupId, name: text }),
  },
  {
    path: 'backoffice.menu.createModifierOption',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ groupId: ids.groupId, name: text }),
  },
  {
    path: 'backoffice.menu.updateModifierOption',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: ids.optionId, name: text }),
  },
  {
    path: 'backoffice.tables.create',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text }),
  },
  {
    path: 'backoffice.tables.create',
    type: 'mutation',
    as: 'owner',
    field: 'area',
    input: (text) => ({ name: 'Patio 9', area: text }),
  },
  {
    path: 'backoffice.tables.update',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ id: ids.seed.tables[1]!.id, name: text }),
  },
  {
    path: 'backoffice.tables.update',
    type: 'mutation',
    as: 'owner',
    field: 'area',
    input: (text, ids) => ({ id: ids.seed.tables[1]!.id, area: text }),
  },
  {
    path: 'backoffice.staff.create',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text, role: 'waiter', pin: '482913' }),
  },
  {
    path: 'backoffice.staff.rename',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text, ids) => ({ staffId: ids.waiterId, name: text }),
  },
  {
    path: 'backoffice.venue.update',
    type: 'mutation',
    as: 'owner',
    field: 'name',
    input: (text) => ({ name: text }),
  },
  {
    path: 'backoffice.audit.list',
    type: 'query',
    as: 'owner',
    field: 'action',
    input: (text) => ({ action: text }),
  },
  {
    path: 'payments.refund',
    type: 'mutation',
    as: 'owner',
    field: 'reason',
    input: (text) => ({ refundId: uuidv7(), paymentId: uuidv7(), reason: text }),
    clean: { status: 404 },
  },
  {
    path: 'pay.startOrder',
    type: 'mutation',
    as: 'nobody',
    field: 'note',
    input: (text, ids) => ({
      token: ids.token,
      attemptId: `attempt-${uuidv7()}`,
      items: [{ itemId: itemId(ids.catalog, 'Cola'), quantity: 1 }],
      note: text,
    }),
  },
  {
    path: 'pay.startOrder',
    type: 'mutation',
    as: 'nobody',
    field: 'items[].note',
    input: (text, ids) => ({
      token: ids.token,
      attemptId: `attempt-${uuidv7()}`,
      items: [{ itemId: itemId(ids.catalog, 'Cola'), quantity: 1, note: text }],
    }),
  },
  // The table's token is the customer's credential, not free text; it is looked up as given.
  {
    path: 'pay.bill',
    type: 'query',
    as: 'nobody',
    field: 'token',
    input: (text) => ({ token: tokenLike(text) }),
    clean: { status: 404 },
  },
  {
    path: 'pay.menu',
    type: 'query',
    as: 'nobody',
    field: 'token',
    input: (text) => ({ token: tokenLike(text) }),
    clean: { status: 404 },
  },
  {
    path: 'pay.paymentStatus',
    type: 'query',
    as: 'nobody',
    field: 'token',
    input: (text) => ({ token: tokenLike(text), paymentIntentId: 'pi_unknown' }),
    clean: { status: 404 },
  },
  {
    path: 'pay.cancelPayment',
    type: 'mutation',
    as: 'nobody',
    field: 'token',
    input: (text) => ({ token: tokenLike(text), paymentIntentId: 'pi_unknown' }),
    clean: { status: 404 },
  },
  {
    path: 'pay.createPayment',
    type: 'mutation',
    as: 'nobody',
    field: 'token',
    input: (text, ids) => ({
      token: tokenLike(text),
      orderId: ids.orderId,
      selection: { kind: 'all' },
      attemptId: `attempt-${uuidv7()}`,
    }),
    clean: { status: 404 },
  },
];

describe('free text: NUL and lone surrogates are refused at the boundary', () => {
  let test: TestDb;
  let server: TestServer;
  let ids: Ids;
  const callers = new Map<string, Credentials>();
  const clock = { now: () => Date.parse('2026-11-20T12:00:00Z') };

  /** Every row of every table, by table: a refused call must leave it as it was. */
  async function everyRow(): Promise<Record<string, string>> {
    const { rows: tables } = await test.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const parts: Record<string, string> = {};
    for (const { table_name } of tables) {
      // Stripe's webhooks arrive in their own time (a clean pay.startOrder's payment_intent.created).
      if (table_name === 'stripe_webhook_events') continue;
      const { rows } = await test.db.query<{ rows: string | null }>(
        `SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${table_name}" t`,
      );
      parts[table_name] = rows[0]?.rows ?? '';
    }
    return parts;
  }

  beforeAll(async () => {
    test = await createTestDb();
    const seed = await seedDemoVenue(test.db, { baseUrl: 'http://pos.test', now: clock.now() });
    const catalog = await loadCatalog(test.db, seed.venue.id);
    server = await startTestServer(test.db, { clock });
    const one = async (sql: string) =>
      (await test.db.query<{ id: string }>(sql, [seed.venue.id])).rows[0]!.id;
    const newPairingCode = async () =>
      (await createPairingCode(test.db, seed.venue.id, { now: clock.now() })).code;
    const owner = seed.staff.find((s) => s.role === 'owner')!;
    const signedIn = await pairAndSignIn(server.url, await newPairingCode(), owner);
    callers.set('owner', {
      deviceToken: signedIn.deviceToken,
      sessionToken: signedIn.sessionToken!,
    });
    callers.set('nobody', {});
    ids = {
      seed,
      catalog,
      categoryId: await one('SELECT id FROM menu_categories WHERE venue_id = $1 LIMIT 1'),
      taxRateId: await one('SELECT id FROM tax_rates WHERE venue_id = $1 LIMIT 1'),
      groupId: await one('SELECT id FROM modifier_groups WHERE venue_id = $1 LIMIT 1'),
      optionId: await one('SELECT id FROM modifier_options WHERE venue_id = $1 LIMIT 1'),
      waiterId: catalog.staff.waiter,
      token: seed.tables[0]!.qrToken,
      orderId: uuidv7(),
      newPairingCode,
    };
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  const call = (c: TextCase, input: unknown): Promise<RawAnswer> =>
    callRaw(server.url, c.path, c.type, input, callers.get(c.as));

  it.each(CASES.map((c, index) => [`${c.path} #${index}`, c] as const))(
    '%s: NUL or a lone surrogate answers 400 naming the field and changes nothing',
    async (name, c) => {
      for (const [what, text] of BAD_TEXT) {
        const input = await c.input(text, ids);
        const before = await everyRow();
        const answer = await call(c, input);
        expect(answer.status, `${c.path} with ${what}: ${answer.text.slice(0, 300)}`).toBe(400);
        expect(answer.error?.code).toBe('BAD_REQUEST');
        expect(answer.error?.message).toMatch(
          c.field === 'token'
            ? /Invalid input: token: a table's token: 8 to 200 letters, digits, - or _/
            : what === 'a NUL'
              ? /Invalid input: .*control character \(U\+0000\)/
              : /Invalid input: .*unpaired surrogate \(U\+D[8C]00\)/,
        );
        expect(await everyRow(), `${c.path} with ${what} changed a row`).toEqual(before);
      }
      // Names may have to be unique: each case's ordinary text is its own.
      const clean = await call(c, await c.input(`${CLEAN} ${name.split('#')[1]}`, ids));
      expect(clean.status, `${c.path} with ordinary text: ${clean.text.slice(0, 300)}`).toBe(
        c.clean?.status ?? 200,
      );
    },
  );

  it('the table holds every free-text field of every procedure, and no procedure takes unchecked text', () => {
    type Procedure = { _def: { inputs: z.ZodType[] } };
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, Procedure>,
    );
    const textFields: string[] = [];
    const unchecked: string[] = [];
    for (const [path, procedure] of procedures) {
      for (const input of procedure._def.inputs) {
        textFields.push(...freeTextFieldPaths(input).map((field) => `${path} ${field}`));
        unchecked.push(...unguardedTextFields(input).map((field) => `${path} ${field}`));
      }
    }
    // A mutation's name is checked against the registry one mutation at a time: an unknown one is
    // rejected `unknown_mutation` on its own (S4), its name stored as `storableText`.
    expect(unchecked.sort()).toEqual([
      'sync.importOutbox mutations[].name',
      'sync.push mutations[].name',
    ]);
    const covered = CASES.filter((c) => c.field !== 'token').map((c) => `${c.path} ${c.field}`);
    expect([...new Set(covered)].sort()).toEqual([...new Set(textFields)].sort());
  });

  describe('sync push', () => {
    let tablet: TrpcClient;
    let letter: string;

    beforeAll(async () => {
      const waiter = ids.seed.staff.find((s) => s.role === 'waiter')!;
      const paired = await pairAndSignIn(server.url, await ids.newPairingCode(), waiter);
      tablet = paired.client;
      letter = paired.letter;
    });

    it('a mutation carrying NUL or a lone surrogate is rejected invalid_args, naming the field; the rest applies', async () => {
      const outbox = new Outbox(letter, ids.catalog.staff.waiter);
      const orderId = uuidv7();
      const lineId = uuidv7();
      outbox.add('order.open', {
        kind: 'takeaway',
        orderId: orderId as never,
        number: outbox.nextNumber(),
        covers: 1,
      });
      outbox.add('order.addLine', {
        orderId: orderId as never,
        lineId: lineId as never,
        itemId: itemId(ids.catalog, 'Cola') as never,
        quantity: 1,
        modifierOptionIds: [],
      });
      const refused: [field: string, problem: RegExp][] = [];
      const send = (name: string, args: unknown, field: string, problem: RegExp) => {
        outbox.addRaw(name, args, { staffId: ids.catalog.staff.manager });
        refused.push([field, problem]);
      };
      const nul = /control character \(U\+0000\)/;
      const surrogate = /unpaired surrogate \(U\+D[8C]00\)/;
      send('order.setCustomerName', { orderId, name: 'Ann\u0000' }, 'name', nul);
      send('order.setCustomerName', { orderId, name: 'Ann\uD800' }, 'name', surrogate);
      const line = { orderId, itemId: itemId(ids.catalog, 'Cola'), quantity: 1 };
      send(
        'order.addLine',
        { ...line, lineId: uuidv7(), modifierOptionIds: [], note: 'no\u0000ice' },
        'note',
        nul,
      );
      send('order.updateLine', { lineId, note: 'no ice\uDC00' }, 'note', surrogate);
      send(
        'order.applyDiscount',
        { orderId, discount: { kind: 'percent', bps: 1000 }, reason: 'regular\u0000' },
        'reason',
        nul,
      );
      send('order.voidLine', { lineId, reason: 'spilt\uD800' }, 'reason', surrogate);
      send('order.void', { orderId, reason: '\u0000' }, 'reason', nul);

      const result = await tablet.sync.push.mutate(outbox.push());
      expect(result).toEqual({
        status: 'ok',
        lastMutationId: 9,
        applied: 2,
        skipped: 0,
        rejected: 7,
      });
      const { rows } = await test.db.query<{
        mutation_id: number;
        reason: string;
        message: string;
      }>(
        'SELECT mutation_id, reason, message FROM mutation_rejections WHERE venue_id = $1 AND client_id = $2 ORDER BY mutation_id',
        [ids.seed.venue.id, outbox.clientId],
      );
      expect(rows.map((row) => row.mutation_id)).toEqual([3, 4, 5, 6, 7, 8, 9]);
      rows.forEach((row, index) => {
        const [field, problem] = refused[index]!;
        expect(row.reason, row.message).toBe('invalid_args');
        expect(row.message).toMatch(problem);
        expect(row.message).toContain(`at args.${field}`);
      });
      // Nothing of them reached the rows: the order is unnamed, open, undiscounted, one line.
      const order = await test.db.query(
        'SELECT customer_name, discount_kind, discount_reason, void_reason FROM orders WHERE venue_id = $1 AND id = $2',
        [ids.seed.venue.id, orderId],
      );
      expect(order.rows).toEqual([
        { customer_name: null, discount_kind: null, discount_reason: null, void_reason: null },
      ]);
      const lines = await test.db.query(
        'SELECT id, note, void_reason FROM order_lines WHERE venue_id = $1 AND order_id = $2',
        [ids.seed.venue.id, orderId],
      );
      expect(lines.rows).toEqual([{ id: lineId, note: null, void_reason: null }]);
    });
  });
});
