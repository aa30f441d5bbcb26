import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
// By path: the workspace packages are not installed at the repository root, where e2e/ lives.
import {
  newId,
  PROTOCOL_VERSION,
  type ClientId,
  type LineId,
  type MenuItemId,
  type OrderId,
  type TableId,
} from '../../shared/src/index.ts';
import { createPairingCode } from '../../sync-server/src/auth/pairing-codes.ts';
import { seedDemoVenue, type DemoSeed } from '../../sync-server/src/demo/seed.ts';
import type { StripeEmulator } from '../../sync-server/src/payments/stripe-gateway.ts';
import { pairAndSignIn, type TrpcClient } from '../../sync-server/test/support/clients.ts';
import {
  itemId,
  loadCatalog,
  Outbox,
  type Catalog,
} from '../../sync-server/test/support/sync-outbox.ts';
import type { TestDb } from '../../sync-server/test/support/test-db.ts';
import { createTestDb } from '../../sync-server/test/support/test-db.ts';
import { startTestServer, type TestServer } from '../../sync-server/test/support/test-server.ts';

/** The venue a run's phones and tablet talk to: its server, emulator, seed and menu ids. */
export interface CustomerVenue {
  test: TestDb;
  server: TestServer;
  emulator: StripeEmulator;
  venue: DemoSeed;
  catalog: Catalog;
  /** The QR token of the table at this index (0 = T1). */
  token(tableIndex: number): string;
  close(): Promise<void>;
}

/** A paired tablet with the cashier signed in, writing mutations as the POS's outbox does. */
export interface Tablet {
  client: TrpcClient;
  outbox: Outbox;
}

/**
 * The customer pay page's browser tests run against a real Servio server started in the test
 * worker (the same `startServer` as `pnpm start`, over a migrated embedded Postgres with the
 * demo venue seeded, serving the built PWA) and its local Stripe emulator. Starting it here
 * rather than using the config's webServer gives the tests what a phone and a tablet cannot
 * reach from outside: the seed's table tokens and a pairing code (made in the database), and
 * the emulator's webhook switches (duplicate delivery, holding events back).
 */
export const test = base.extend<{ tablet: Tablet }, { venue: CustomerVenue }>({
  venue: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const fx = await startCustomerServer();
      await use(fx);
      await fx.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ venue }, use) => {
    await use(venue.server.url);
  },
  // A paired tablet with the cashier signed in, pushing through sync as the POS does.
  tablet: async ({ venue }, use) => {
    const { code } = await createPairingCode(venue.test.db, venue.venue.venue.id, {
      now: Date.now(),
    });
    const cashier = venue.venue.staff.find((person) => person.role === 'cashier')!;
    const paired = await pairAndSignIn(venue.server.url, code, {
      id: cashier.id,
      pin: cashier.pin,
    });
    await use({
      client: paired.client,
      outbox: new Outbox(paired.letter, cashier.id, new Date().toISOString()),
    });
  },
});

export { expect };

/**
 * The built app, copied for this run: other people rebuild pwa/dist while tests run, and a
 * page must not load half of one build and half of the next. A copy taken mid-build (an asset
 * index.html names is missing) is taken again.
 */
async function snapshotBuiltApp(): Promise<{ dir: string; remove: () => void }> {
  const source = path.join(process.cwd(), 'pwa', 'dist');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'servio-customer-pwa-'));
    try {
      cpSync(source, dir, { recursive: true });
      const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
      const assets = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      // sw.js is written last: without it the page's service worker registration would fail.
      const needed = [...assets, 'sw.js', 'manifest.webmanifest'];
      if (assets.length > 0 && needed.every((file) => existsSync(path.join(dir, file)))) {
        return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
      }
    } catch {
      // Caught mid-build: try again below.
    }
    rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error('pwa/dist is not built: run "pnpm build" first');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** What sync-server's payment suites run against (payments-fixture.ts), serving the app copy. */
async function startCustomerServer(): Promise<CustomerVenue> {
  const app = await snapshotBuiltApp();
  const test = await createTestDb();
  const venue = await seedDemoVenue(test.db, { baseUrl: 'http://servio.test', now: Date.now() });
  const catalog = await loadCatalog(test.db, venue.venue.id);
  const server = await startTestServer(test.db, { pwaDir: app.dir });
  const emulator = server.emulator!;
  // Stripe retries for days; a test waits milliseconds between attempts.
  emulator.behaviour.retryBaseDelayMs = 20;
  emulator.behaviour.maxAttempts = 4;
  return {
    test,
    server,
    emulator,
    venue,
    catalog,
    token: (tableIndex) => venue.tables[tableIndex]!.qrToken,
    async close() {
      await server.close();
      await test.drop();
      app.remove();
    },
  };
}

/** A phone: 390 × 844 CSS pixels, touch, English (money reads "€16.50"). */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
  locale: 'en-US',
} as const;

async function push(tablet: Tablet): Promise<void> {
  const result = await tablet.client.sync.push.mutate(tablet.outbox.push());
  if (result.status !== 'ok' || result.rejected > 0) {
    throw new Error(`push did not apply cleanly: ${JSON.stringify(result)}`);
  }
}

function addLineMutation(
  venue: CustomerVenue,
  tablet: Tablet,
  orderId: string,
  name: string,
  quantity: number,
) {
  tablet.outbox.add('order.addLine', {
    orderId: orderId as OrderId,
    lineId: newId<LineId>(),
    itemId: itemId(venue.catalog, name) as MenuItemId,
    quantity,
    modifierOptionIds: [],
  });
}

/** The tablet opens an order at a table with these lines, sends it to the kitchen and syncs. */
export async function openOrder(
  venue: CustomerVenue,
  tablet: Tablet,
  tableIndex: number,
  lines: readonly (readonly [name: string, quantity: number])[],
): Promise<{ orderId: string }> {
  const orderId = newId<OrderId>();
  tablet.outbox.add('order.open', {
    kind: 'table',
    orderId,
    number: tablet.outbox.nextNumber(),
    tableId: venue.catalog.tables[tableIndex] as TableId,
    covers: 2,
  });
  for (const [name, quantity] of lines) addLineMutation(venue, tablet, orderId, name, quantity);
  tablet.outbox.add('order.send', { orderId });
  await push(tablet);
  return { orderId };
}

/** The tablet adds a line to an open order (as a waiter would) and syncs it. */
export async function addLine(
  venue: CustomerVenue,
  tablet: Tablet,
  orderId: string,
  name: string,
  quantity = 1,
): Promise<void> {
  addLineMutation(venue, tablet, orderId, name, quantity);
  tablet.outbox.add('order.send', { orderId: orderId as OrderId });
  await push(tablet);
}

/** What the tablet learns on its next pull: the order's row and its payments. */
export async function pulledOrders(tablet: Tablet) {
  const pulled = await tablet.client.sync.pull.query({
    protocolVersion: PROTOCOL_VERSION,
    clientId: tablet.outbox.clientId as ClientId,
    cursor: 0,
    pendingCount: 0,
  });
  if (pulled.status !== 'ok') throw new Error(`pull answered ${pulled.status}`);
  return {
    orders: pulled.rows.orders?.upserts ?? [],
    payments: pulled.rows.payments?.upserts ?? [],
  };
}

export async function pulledOrder(tablet: Tablet, orderId: string) {
  const { orders, payments } = await pulledOrders(tablet);
  const order = orders.find((row) => row.id === orderId);
  if (!order) throw new Error(`order ${orderId} did not reach the tablet`);
  return { order, payments: payments.filter((row) => row.orderId === orderId) };
}

/** The "Pay €…" button of the card step. */
export function payButton(page: Page): Locator {
  return page.getByRole('button', { name: /^Pay €/ });
}

/** Types a card into the local card form (emulator mode). */
export async function fillCard(
  page: Page,
  number: string,
  { expiry = '12 / 34', cvc = '123' }: { expiry?: string; cvc?: string } = {},
): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry (MM / YY)').fill(expiry);
  await page.getByLabel('Security code').fill(cvc);
}

/** Types a card into the local card form and presses Pay. */
export async function payWithCard(page: Page, number: string): Promise<void> {
  await fillCard(page, number);
  await payButton(page).click();
}

/**
 * Controls on screen smaller than a finger (44 × 44 CSS px): buttons, links, and the labels
 * that are React Aria's radios and checkboxes. Answers their names, to be an empty list.
 */
export function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'main button, main a, header a, main label:has(input[type=radio]), main label:has(input[type=checkbox])',
    );
    return Array.from(targets)
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width < 44 || box.height < 44;
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        return `${name} (${Math.round(box.width)}×${Math.round(box.height)})`;
      });
  });
}

const SCREENS = path.join(process.cwd(), 'test-results', 'customer-screens');

/** A screenshot kept for people to look at (test-results/customer-screens). */
export async function keepScreenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage });
}
