import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVenue } from '../src/demo/seed.ts';
import { settled, startPayFixture, webhookRows, type PayFixture } from './payments-fixture.ts';

// The venue's plan (runbook: customer.subscription.updated, checkout.session.completed) and how
// an operator sees Stripe's mode (health endpoint and health:check).
describe('venue subscription status and Stripe health', () => {
  let fx: PayFixture;
  let price: Stripe.Price;

  beforeAll(async () => {
    fx = await startPayFixture();
    price = await fx.stripe.prices.create({
      currency: 'eur',
      unit_amount: 4900,
      recurring: { interval: 'month' },
      product_data: { name: 'Servio Pro' },
    });
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function venueRow(venueId: string) {
    const { rows } = await fx.test.db.query<{
      subscription_status: string | null;
      stripe_customer_id: string | null;
      version: number;
    }>('SELECT subscription_status, stripe_customer_id, version FROM venues WHERE id = $1', [
      venueId,
    ]);
    return rows[0]!;
  }
  const setStatus = (id: string, status: string) =>
    fx.stripe.rawRequest('POST', `/v1/subscriptions/${id}/emulator_set_status`, { status });

  it('customer.subscription.* lands on the venue named in its metadata, then by its customer', async () => {
    const venueId = fx.venue.venue.id;
    const before = await venueRow(venueId);
    const customer = await fx.stripe.customers.create({ email: 'owner@bistro.test' });
    const subscription = await fx.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_visa',
      metadata: { venue_id: venueId },
    });
    await settled(fx);
    const active = await venueRow(venueId);
    expect(active).toMatchObject({
      subscription_status: 'active',
      stripe_customer_id: customer.id,
    });
    // [S5] the venue row is stamped, so the manager's screens pull the new status.
    expect(active.version).toBeGreaterThan(before.version);

    await setStatus(subscription.id, 'past_due');
    await settled(fx);
    expect(await venueRow(venueId)).toMatchObject({ subscription_status: 'past_due' });

    // A subscription without our metadata is found by the venue's Stripe customer.
    const second = await fx.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_visa',
    });
    await setStatus(second.id, 'unpaid');
    await settled(fx);
    expect(await venueRow(venueId)).toMatchObject({ subscription_status: 'unpaid' });
  });

  it('reordered updates end in the status Stripe holds now', async () => {
    const venueId = fx.venue.venue.id;
    const customer = (await venueRow(venueId)).stripe_customer_id!;
    const subscription = await fx.stripe.subscriptions.create({
      customer,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_visa',
      metadata: { venue_id: venueId },
    });
    await settled(fx);
    fx.emulator.behaviour.paused = true;
    fx.emulator.behaviour.outOfOrder = true;
    await setStatus(subscription.id, 'past_due');
    await setStatus(subscription.id, 'active');
    fx.emulator.behaviour.paused = false;
    await settled(fx);
    fx.emulator.behaviour.outOfOrder = false;
    const delivered = fx.emulator
      .deliveries()
      .filter((d) => d.type === 'customer.subscription.updated' && d.ok)
      .slice(-2)
      .map((d) => fx.emulator.events().find((e) => e.id === d.eventId)!.data.object);
    // The newer event (active) arrived first, the older (past_due) last…
    expect(delivered.map((s) => (s as { status: string }).status)).toEqual(['active', 'past_due']);
    // …and the venue still shows what Stripe holds now.
    expect(await venueRow(venueId)).toMatchObject({ subscription_status: 'active' });
  });

  it('checkout.session.completed links a new venue to its Stripe customer and plan', async () => {
    const other = await seedDemoVenue(fx.test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'second-bistro',
      name: 'Second Bistro',
    });
    const session = await fx.stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      client_reference_id: other.venue.id,
      success_url: 'https://pos.test/manager/billing?done=1',
    });
    await fx.stripe.rawRequest('POST', `/v1/checkout/sessions/${session.id}/emulator_complete`, {});
    await settled(fx);
    const row = await venueRow(other.venue.id);
    expect(row.subscription_status).toBe('active');
    expect(row.stripe_customer_id).toMatch(/^cus_/);
    const completed = (await webhookRows(fx)).filter(
      (r) => r.type === 'checkout.session.completed',
    );
    expect(completed.map((r) => r.status)).toEqual(['processed']);
  });

  it('/api/auth/health reports the Stripe mode and whether the webhook secret is set', async () => {
    const health = await (await fetch(`${fx.server.url}/api/auth/health`)).json();
    expect(health.stripe).toEqual({ mode: 'emulator', webhookSecret: 'configured' });
  });

  it('/api-docs documents every payment procedure and route with its input schema', async () => {
    const docs = (await (await fetch(`${fx.server.url}/api-docs.json`)).json()) as {
      procedures: { path: string; summary: string; input: unknown }[];
      routes: { method: string; path: string; body: unknown }[];
    };
    const procedures = docs.procedures.filter((p) => /^(pay|payments)\./.test(p.path));
    expect(procedures.map((p) => p.path).sort()).toEqual([
      'pay.bill',
      'pay.cancelPayment',
      'pay.createFromPaidIntent',
      'pay.createPayment',
      'pay.menu',
      'pay.paymentStatus',
      'pay.startOrder',
      'payments.overpaid',
      'payments.refund',
    ]);
    for (const procedure of procedures) expect(procedure.summary).not.toBe('');
    expect(JSON.stringify(procedures.find((p) => p.path === 'pay.createPayment')!.input)).toMatch(
      /"share".*"parts"/,
    );
    const routes = docs.routes.map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/stripe/webhook',
        'POST /api/orders/createFromPaidIntent',
        'GET /api/stripe/webhook-events',
        'POST /api/stripe/webhook-events/replay',
      ]),
    );
  });

  it('health:check names a missing webhook secret with real keys in test mode too', async () => {
    const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/health-check.ts'], {
        cwd: serverDir,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
          STRIPE_SECRET_KEY: 'sk_test_notreal',
          STRIPE_PUBLISHABLE_KEY: 'pk_test_notreal',
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ok +stripe keys +test mode/);
    expect(run.stdout).toMatch(
      /FAIL +webhook secret +STRIPE_WEBHOOK_SECRET is missing: webhooks cannot be verified in test mode/,
    );
  }, 120_000); // a tsx child process: seconds on a loaded machine
});
