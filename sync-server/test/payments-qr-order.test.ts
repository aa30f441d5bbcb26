import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type ClientId } from '@servio/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartInput } from '../src/payments/qr-cart.ts';
import { failure } from './support/clients.ts';
import { itemId } from './support/sync-outbox.ts';
import {
  confirmCard,
  pairTablet,
  settled,
  startPayFixture,
  type PayFixture,
} from './payments-fixture.ts';

// QR ordering with pay-now (issue 5, runbook "Order Not Created After Payment"): the cart becomes
// an order only when its payment succeeded, exactly once, whoever reports it first and however often.
describe('QR ordering with pay-now', () => {
  let fx: PayFixture;
  let options: Map<string, string>;

  beforeAll(async () => {
    fx = await startPayFixture();
    const { rows } = await fx.test.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM modifier_options WHERE venue_id = $1',
      [fx.venue.venue.id],
    );
    options = new Map(rows.map((row) => [row.name, row.id]));
  });
  afterAll(async () => {
    await fx?.close();
  });

  const option = (name: string) => options.get(name)!;
  const cart = (): CartInput => [
    {
      itemId: itemId(fx.catalog, 'Cappuccino'),
      quantity: 2,
      optionIds: [option('Large'), option('Oat milk')],
      note: 'extra hot',
    },
    { itemId: itemId(fx.catalog, 'Cola'), quantity: 1, optionIds: [] },
  ];
  const start = (tableIndex: number, items = cart()) =>
    fx.phone.pay.startOrder.mutate({
      token: fx.token(tableIndex),
      attemptId: randomUUID(),
      items,
      tip: { kind: 'preset', bps: 1000 },
    });
  const createFromPaidIntent = (paymentIntentId: string) =>
    fetch(`${fx.server.url}/api/orders/createFromPaidIntent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paymentIntentId }),
    });

  async function qrOrdersAt(tableIndex: number) {
    const { rows } = await fx.test.db.query<{
      id: string;
      number: string;
      status: string;
      total_minor: number;
      paid_minor: number;
      tip_minor: number;
    }>(
      `SELECT id, number, status, total_minor, paid_minor, tip_minor FROM orders
        WHERE venue_id = $1 AND table_id = $2 AND kind = 'qr'`,
      [fx.venue.venue.id, fx.catalog.tables[tableIndex]],
    );
    return rows;
  }

  it('[S12] prices the cart from the menu and refuses what does not fit, naming the item', async () => {
    const started = await start(0);
    // 2 × (3.50 + 0.80 large + 0.50 oat) + 3.50 = 13.10, tip 10 %.
    expect(started).toMatchObject({
      amountMinor: 1310,
      tipMinor: 131,
      chargeMinor: 1441,
      currency: 'EUR',
    });
    expect(started.lines).toEqual([
      {
        name: 'Cappuccino',
        quantity: 2,
        modifiers: ['Large', 'Oat milk'],
        note: 'extra hot',
        lineTotalMinor: 960,
      },
      { name: 'Cola', quantity: 1, modifiers: [], note: null, lineTotalMinor: 350 },
    ]);
    expect((await fx.stripe.paymentIntents.retrieve(started.paymentIntentId)).amount).toBe(1441);

    const unknown = await failure(start(0, [{ itemId: randomUUID(), quantity: 1, optionIds: [] }]));
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: 'Item 1 is not on the menu.' });
    const missing = await failure(
      start(0, [{ itemId: itemId(fx.catalog, 'Cappuccino'), quantity: 1, optionIds: [] }]),
    );
    expect(missing).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Cappuccino: Size: choose at least 1.',
    });
    const foreign = await failure(
      start(0, [{ itemId: itemId(fx.catalog, 'Cola'), quantity: 1, optionIds: [option('Bacon')] }]),
    );
    expect(foreign.message).toMatch(/^Cola: Option .* is not offered for this item\.$/);
    await fx.test.db.query(
      "UPDATE menu_items SET available = false WHERE venue_id = $1 AND name = 'IPA'",
      [fx.venue.venue.id],
    );
    const soldOut = await failure(
      start(0, [{ itemId: itemId(fx.catalog, 'IPA'), quantity: 1, optionIds: [] }]),
    );
    expect(soldOut).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'IPA is not available right now.',
    });
    expect(await qrOrdersAt(0)).toEqual([]);
  });

  it('nothing is ordered before the payment succeeded', async () => {
    const started = await start(1);
    const early = await createFromPaidIntent(started.paymentIntentId);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: 'not_paid' });
    const declined = await confirmCard(fx, started, 'pm_card_chargeDeclined');
    expect(declined).toMatchObject({ code: 'card_declined' });
    await settled(fx);
    expect((await createFromPaidIntent(started.paymentIntentId)).status).toBe(409);
    expect(await qrOrdersAt(1)).toEqual([]);
    const unknown = await createFromPaidIntent('pi_doesnotexist');
    expect(unknown.status).toBe(404);
  });

  it('exactly one order when the webhook arrives first, twice, and the page asks too', async () => {
    fx.emulator.behaviour.duplicate = true;
    const started = await start(2);
    expect(await confirmCard(fx, started)).toMatchObject({ status: 'succeeded' });
    await settled(fx);
    fx.emulator.behaviour.duplicate = false;
    const succeededDeliveries = fx.emulator
      .deliveries()
      .filter((d) => d.type === 'payment_intent.succeeded' && d.ok);
    expect(succeededDeliveries.length).toBeGreaterThanOrEqual(2);
    const orders = await qrOrdersAt(2);
    expect(orders).toHaveLength(1);
    const answers = await Promise.all(
      [1, 2, 3].map(async () => (await createFromPaidIntent(started.paymentIntentId)).json()),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        orderId: orders[0]!.id,
        orderNumber: orders[0]!.number,
        result: 'existing',
      });
    }
    expect(await qrOrdersAt(2)).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'paid',
      total_minor: 1310,
      paid_minor: 1310,
      tip_minor: 131,
    });
    expect(orders[0]!.number).toMatch(/^QR\d+$/);
  });

  it('exactly one order when the page gets there first, concurrently, before the webhook', async () => {
    fx.emulator.behaviour.paused = true;
    const started = await start(3);
    await confirmCard(fx, started);
    const results = await Promise.all([
      createFromPaidIntent(started.paymentIntentId).then((r) => r.json()),
      createFromPaidIntent(started.paymentIntentId).then((r) => r.json()),
      fx.phone.pay.createFromPaidIntent.mutate({ paymentIntentId: started.paymentIntentId }),
    ]);
    expect(results.filter((r) => r.result === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    fx.emulator.behaviour.paused = false;
    await settled(fx);
    expect(await qrOrdersAt(3)).toHaveLength(1);
    const status = await fx.phone.pay.paymentStatus.query({
      token: fx.token(3),
      paymentIntentId: started.paymentIntentId,
    });
    expect(status).toMatchObject({ outcome: 'succeeded', order: { status: 'paid' } });
  });

  it('the paid order reaches the tablets and the kitchen like any other', async () => {
    const tablet = await pairTablet(fx);
    const started = await start(4);
    await confirmCard(fx, started);
    await settled(fx);
    const [order] = await qrOrdersAt(4);
    const pulled = await tablet.client.sync.pull.query({
      protocolVersion: PROTOCOL_VERSION,
      clientId: tablet.outbox.clientId as ClientId,
      cursor: 0,
      pendingCount: 0,
    });
    if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
    const orders = (pulled.rows.orders?.upserts ?? []).filter((row) => row.id === order!.id);
    expect(orders).toEqual([expect.objectContaining({ kind: 'qr', status: 'paid' })]);
    const lines = (pulled.rows.orderLines?.upserts ?? []).filter(
      (row) => row.orderId === order!.id,
    );
    expect(lines.map((line) => [line.name, line.status, line.note])).toEqual([
      ['Cappuccino', 'sent', 'extra hot'],
      ['Cola', 'sent', null],
    ]);
    const payments = (pulled.rows.payments?.upserts ?? []).filter(
      (row) => row.orderId === order!.id,
    );
    expect(payments).toEqual([
      expect.objectContaining({
        method: 'stripe',
        status: 'succeeded',
        amountMinor: 1310,
        tipMinor: 131,
        stripePaymentIntentId: started.paymentIntentId,
      }),
    ]);
  });
});
