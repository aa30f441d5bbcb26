import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmCard,
  openTableOrder,
  orderMoney,
  pairTablet,
  paymentsOf,
  settled,
  startPayFixture,
  webhookRows,
  type PayFixture,
  type Tablet,
} from './payments-fixture.ts';
import { postgresUrl } from './support/test-db.ts';

// Webhooks (issue 5, runbook "Stripe Webhook Configuration"): verified on the raw body, stored
// before acting, processed once however often and in whatever order Stripe delivers, failures
// answered 500 and recorded, and replayable.
const ADMIN_TOKEN = 'admin-token-for-payments-tests';
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each CLI run starts Node with tsx: several seconds apiece on a loaded two-core machine. */
const CLI_TEST_TIMEOUT = 120_000;

describe('POST /api/stripe/webhook', () => {
  let fx: PayFixture;
  let tablet: Tablet;

  beforeAll(async () => {
    fx = await startPayFixture({ env: { ADMIN_TOKEN } });
    tablet = await pairTablet(fx);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const post = (body: string, signature: string | undefined) =>
    fetch(`${fx.server.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(signature === undefined ? {} : { 'stripe-signature': signature }),
      },
      body,
    });
  const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    fx.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? fx.emulator.webhookSecret,
      ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    });
  const storedIds = async () => (await webhookRows(fx)).map((row) => row.id);

  /** A table bill paid in full by card; the succeeded event is held back for the test. */
  async function paidWithHeldWebhooks(tableIndex: number) {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], tableIndex);
    fx.emulator.behaviour.paused = true;
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(tableIndex),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    await confirmCard(fx, attempt);
    const event = fx.emulator
      .events()
      .find(
        (e) =>
          e.type === 'payment_intent.succeeded' &&
          (e.data.object as { id: string }).id === attempt.paymentIntentId,
      )!;
    return { orderId, attempt, event, payload: JSON.stringify(event, null, 2) };
  }

  it('refuses forged, tampered, stale and unsigned events with 400 and stores nothing', async () => {
    const { event, payload } = await paidWithHeldWebhooks(0);
    const now = Math.floor(Date.now() / 1000);
    const forged = await post(payload, sign(payload, { secret: 'whsec_not_the_real_secret' }));
    const tampered = await post(payload.replace('"amount": 1650', '"amount": 1'), sign(payload));
    const stale = await post(payload, sign(payload, { timestamp: now - 301 }));
    const unsigned = await post(payload, undefined);
    for (const response of [forged, tampered, stale, unsigned]) {
      expect(response.status).toBe(400);
    }
    expect(await forged.json()).toMatchObject({ error: 'invalid_signature' });
    expect(await stale.json()).toMatchObject({ message: expect.stringMatching(/tolerance/) });
    expect(await storedIds()).not.toContain(event.id);
    // Within the tolerance it is taken.
    const fresh = await post(payload, sign(payload, { timestamp: now - 200 }));
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual({ received: true, eventId: event.id, outcome: 'processed' });
    fx.emulator.behaviour.paused = false;
    await settled(fx);
  });

  it('an event delivered many times at once is processed once', async () => {
    const { orderId, event, payload } = await paidWithHeldWebhooks(1);
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () => (await post(payload, sign(payload))).json()),
    );
    expect(answers.filter((a) => a.outcome === 'processed')).toHaveLength(1);
    expect(answers.filter((a) => a.outcome === 'duplicate')).toHaveLength(4);
    const money = await orderMoney(fx, orderId);
    expect(money).toMatchObject({ status: 'closed', paid_minor: 1650 });
    fx.emulator.behaviour.paused = false;
    await settled(fx);
    expect(await orderMoney(fx, orderId)).toEqual(money);
    expect((await webhookRows(fx)).find((row) => row.id === event.id)).toMatchObject({
      status: 'processed',
      attempts: 1,
    });
  });

  it('Stripe delivering every event twice records each payment once', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], 2);
    fx.emulator.behaviour.duplicate = true;
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(2),
      orderId,
      selection: { kind: 'share', parts: 2, share: 1 },
      attemptId: randomUUID(),
    });
    await confirmCard(fx, attempt);
    await settled(fx);
    fx.emulator.behaviour.duplicate = false;
    const deliveries = fx.emulator
      .deliveries()
      .filter((d) => d.type === 'payment_intent.succeeded' && d.ok && d.status === 200);
    expect(deliveries.filter((d) => d.copy === 2).length).toBeGreaterThan(0);
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_minor: 825 }),
    ]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'part_paid', paid_minor: 825 });
  });

  it('reordered events end right: a late payment_failed never undoes a succeeded', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], 3);
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(3),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    fx.emulator.behaviour.paused = true;
    fx.emulator.behaviour.outOfOrder = true;
    // Declined first, then the same intent paid with another card: Stripe may tell us in either order.
    await confirmCard(fx, attempt, 'pm_card_chargeDeclined');
    await confirmCard(fx, attempt, 'pm_card_visa');
    fx.emulator.behaviour.paused = false;
    await settled(fx);
    fx.emulator.behaviour.outOfOrder = false;
    const order = fx.emulator
      .deliveries()
      .filter((d) => d.type.startsWith('payment_intent.') && d.ok)
      .map((d) => d.type);
    expect(order.indexOf('payment_intent.succeeded')).toBeLessThan(
      order.lastIndexOf('payment_intent.payment_failed'),
    );
    expect(await paymentsOf(fx, orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_minor: 1650 }),
    ]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'closed', paid_minor: 1650 });
    // The failure sent once more, much later, still changes nothing.
    const failedEvent = fx.emulator
      .events()
      .filter((e) => e.type === 'payment_intent.payment_failed')
      .at(-1)!;
    const replayed = { ...failedEvent, id: `evt_${randomUUID().replaceAll('-', '')}` };
    const payload = JSON.stringify(replayed);
    expect((await post(payload, sign(payload))).status).toBe(200);
    expect(await orderMoney(fx, orderId)).toMatchObject({ status: 'closed', paid_minor: 1650 });
  });

  it('a failing handler answers 500, is recorded failed, and the replay processes it later', async () => {
    const { orderId } = await openTableOrder(fx, tablet, [['Fish and chips', 1]], 4);
    const attempt = await fx.phone.pay.createPayment.mutate({
      token: fx.token(4),
      orderId,
      selection: { kind: 'all' },
      attemptId: randomUUID(),
    });
    // Stripe becomes unreachable for the server: payment_failed must re-read the intent, and cannot.
    const gateway = fx.server.deps.stripe;
    const reachable = gateway.client;
    gateway.client = new Stripe(fx.emulator.secretKey, {
      host: '127.0.0.1',
      port: await closedPort(),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    try {
      await confirmCard(fx, attempt, 'pm_card_chargeDeclined');
      await settled(fx);
    } finally {
      gateway.client = reachable;
    }
    const deliveries = fx.emulator
      .deliveries()
      .filter((d) => d.type === 'payment_intent.payment_failed' && d.url.endsWith('/webhook'));
    const failedEventId = deliveries.at(-1)!.eventId;
    expect(deliveries.filter((d) => d.eventId === failedEventId).map((d) => d.status)).toEqual([
      500, 500, 500, 500,
    ]);
    const stored = (await webhookRows(fx)).find((row) => row.id === failedEventId)!;
    expect(stored).toMatchObject({ status: 'failed', attempts: 4 });
    expect(stored.last_error).toMatch(/connect|Stripe/i);
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'pending' })]);

    const replay = await fetch(`${fx.server.url}/api/stripe/webhook-events/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ failed: true }),
    });
    expect(replay.status).toBe(200);
    expect((await replay.json()).results).toContainEqual(
      expect.objectContaining({ eventId: failedEventId, outcome: 'processed', attempts: 5 }),
    );
    expect(await paymentsOf(fx, orderId)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await orderMoney(fx, orderId)).toMatchObject({ paid_minor: 0 });
    const again = await fetch(`${fx.server.url}/api/stripe/webhook-events/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ eventId: failedEventId }),
    });
    expect((await again.json()).results).toEqual([
      expect.objectContaining({ eventId: failedEventId, outcome: 'duplicate' }),
    ]);
  });

  it(
    'pnpm run webhooks:replay reprocesses failed events (through the running server that owns the data)',
    async () => {
      const event = {
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'customer.subscription.updated',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: {
          object: {
            id: 'sub_missing',
            object: 'subscription',
            customer: 'cus_x',
            status: 'active',
          },
        },
      };
      await fx.test.db.query(
        `INSERT INTO stripe_webhook_events (id, type, payload, status, attempts, last_error)
       VALUES ($1, $2, $3, 'failed', 1, 'simulated crash')`,
        [event.id, event.type, JSON.stringify(event)],
      );
      const root = mkdtempSync(path.join(os.tmpdir(), 'servio-replay-'));
      try {
        const dataDir = path.join(root, 'data');
        // The CLI finds the server that owns the embedded data folder, as `pnpm start` records it.
        writeFileSync(
          `${dataDir}.lock`,
          JSON.stringify({
            pid: process.pid,
            url: fx.server.url,
            startedAt: new Date().toISOString(),
          }),
        );
        const run = await replayCli(['--failed'], { DATA_DIR: dataDir, ADMIN_TOKEN });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(
          new RegExp(`ignored +${event.id} +customer\\.subscription\\.updated +\\(attempt 2\\)`),
        );
        const withoutToken = await replayCli([event.id], { DATA_DIR: dataDir });
        expect(withoutToken.code).toBe(1);
        expect(withoutToken.stderr).toMatch(/set ADMIN_TOKEN/);
        const usage = await replayCli([], { DATA_DIR: dataDir });
        expect(usage.code).toBe(1);
        expect(usage.stderr).toMatch(/usage: pnpm run webhooks:replay/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
      expect((await webhookRows(fx)).find((row) => row.id === event.id)).toMatchObject({
        status: 'ignored',
        attempts: 2,
      });
    },
    CLI_TEST_TIMEOUT,
  );

  it.skipIf(!postgresUrl)(
    'pnpm run webhooks:replay works on Postgres directly, by event id',
    async () => {
      const event = (await webhookRows(fx)).find((row) => row.type === 'payment_intent.succeeded')!;
      const run = await replayCli([event.id, '--force'], { DATABASE_URL: fx.test.url! });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`processed +${event.id} +payment_intent\\.succeeded`));
      expect(run.code).toBe(0);
    },
    CLI_TEST_TIMEOUT,
  );

  it('metrics show payment success and failure and every webhook outcome', async () => {
    const text = await (await fetch(`${fx.server.url}/metrics`)).text();
    expect(text).toMatch(/servio_payments_total\{method="stripe",outcome="succeeded"\} [1-9]/);
    expect(text).toMatch(/servio_payments_total\{method="stripe",outcome="failed"\} [1-9]/);
    for (const outcome of ['processed', 'duplicate', 'ignored', 'failed']) {
      expect(text).toMatch(
        new RegExp(
          `servio_stripe_webhook_events_total\\{type="[^"]+",outcome="${outcome}"\\} [1-9]`,
        ),
      );
    }
    expect(text).toMatch(
      /servio_stripe_webhook_events_total\{type="unknown",outcome="rejected"\} [1-9]/,
    );
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function replayCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/webhooks-replay.ts', ...args],
      {
        cwd: serverDir,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
