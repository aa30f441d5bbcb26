import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { helperDevice, pairTablet, trpcMutation } from './support/tablet.ts';

/**
 * The manager's screens against the real server and its demo venue: a manager signs in on a
 * paired tablet (PIN 2000) and works the back office, while this test process plays a second
 * tablet over the sync protocol (push/pull, as the tablet app does) and a customer's phone
 * paying by QR through the server's pay flow and the Stripe emulator.
 *
 * The tests share one signed-in manager and run in order: the report checks at the end read
 * the sales, refund and menu changes made before them. They expect today's sales to be only
 * their own, so this file runs first against the shared server (files run in name order with one
 * worker: `app-update` makes no sales and `customer-pay` has a server of its own), and it puts
 * the menu back as seeded for the suites after it.
 */
test.describe.configure({ mode: 'serial' });

const screensDir = fileURLToPath(new URL('../test-results/screens/', import.meta.url));
mkdirSync(screensDir, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${screensDir}manager-${name}.png`, fullPage: true });

const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// The server's tRPC API as a tablet or a phone reaches it (plain HTTP, tRPC's wire format).

class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  with(headers: Record<string, string>): Api {
    return new Api(this.baseUrl, { ...this.headers, ...headers });
  }

  query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send<T>(`${this.baseUrl}/trpc/${path}${search}`, { method: 'GET' });
  }

  mutate<T>(path: string, input: unknown): Promise<T> {
    return this.send<T>(`${this.baseUrl}/trpc/${path}`, {
      method: 'POST',
      body: JSON.stringify(input),
      headers: { 'content-type': 'application/json' },
    });
  }

  private async send<T>(url: string, init: RequestInit): Promise<T> {
    const response = await fetch(url, {
      ...init,
      headers: { ...this.headers, ...(init.headers as Record<string, string> | undefined) },
    });
    const body = (await response.json()) as {
      result?: { data: T };
      error?: { message: string; data?: { code?: string; httpStatus?: number } };
    };
    if (body.error) {
      throw new ApiError(body.error.message, response.status, body.error.data?.code ?? '');
    }
    return body.result!.data;
  }
}

interface Row {
  id: string;
  [key: string]: unknown;
}
type PullRows = Record<string, { upserts: Row[]; tombstones: unknown[] } | undefined>;

/** A second tablet, driven from the test: its own outbox and pull cursor (S1, S5). */
class TestTablet {
  readonly clientId = randomUUID();
  private mutations: Record<string, unknown>[] = [];
  private counter = 0;
  cursor = 0;

  constructor(
    readonly api: Api,
    readonly letter: string,
    readonly staffId: string,
  ) {}

  static async pair(baseUrl: string, code: string, pin: string): Promise<TestTablet> {
    const anonymous = new Api(baseUrl);
    const paired = await anonymous.mutate<{ deviceToken: string; letter: string }>('auth.pair', {
      code,
      deviceName: 'Test tablet',
    });
    const device = anonymous.with({ authorization: `Bearer ${paired.deviceToken}` });
    const staff = await device.query<{ id: string; name: string; role: string }[]>('auth.staff');
    for (const person of staff) {
      try {
        const signedIn = await device.mutate<{ sessionToken: string }>('auth.signIn', {
          staffId: person.id,
          pin,
        });
        return new TestTablet(
          device.with({ 'x-staff-session': signedIn.sessionToken }),
          paired.letter,
          person.id,
        );
      } catch {
        // Not this person's PIN: try the next one (as the tablet's PIN pad does).
      }
    }
    throw new Error(`No staff member has PIN ${pin}`);
  }

  nextNumber(): string {
    this.counter += 1;
    return `${this.letter}-${this.counter}`;
  }

  add(name: string, args: Record<string, unknown>): void {
    this.mutations.push({
      clientId: this.clientId,
      id: this.mutations.length + 1,
      name,
      args,
      clientTime: new Date().toISOString(),
      staffId: this.staffId,
    });
  }

  async push(): Promise<void> {
    const result = await this.api.mutate<{ status: string; rejected?: number }>('sync.push', {
      protocolVersion: PROTOCOL_VERSION,
      clientId: this.clientId,
      mutations: this.mutations,
      pendingCount: this.mutations.length,
    });
    expect(result).toMatchObject({ status: 'ok', rejected: 0 });
  }

  /** Rows changed since `cursor` (0: everything a first pull carries); advances the cursor. */
  async pull(cursor = this.cursor): Promise<PullRows> {
    const result = await this.api.query<{ status: string; cursor: number; rows: PullRows }>(
      'sync.pull',
      { protocolVersion: PROTOCOL_VERSION, clientId: this.clientId, cursor, pendingCount: 0 },
    );
    expect(result.status).toBe('ok');
    this.cursor = Math.max(this.cursor, result.cursor);
    return result.rows;
  }

  /** Opens an order at a table with lines, sends it to the kitchen, and pushes. */
  async openOrder(
    tableId: string,
    lines: [itemId: string, quantity: number][],
  ): Promise<{ orderId: string; number: string; lineIds: string[] }> {
    const orderId = randomUUID();
    const number = this.nextNumber();
    this.add('order.open', { kind: 'table', orderId, number, tableId, covers: 2 });
    const lineIds = lines.map(([itemId, quantity]) => {
      const lineId = randomUUID();
      this.add('order.addLine', { orderId, lineId, itemId, quantity, modifierOptionIds: [] });
      return lineId;
    });
    this.add('order.send', { orderId });
    await this.push();
    return { orderId, number, lineIds };
  }
}

const byName = (rows: PullRows, table: string, name: string): Row => {
  const row = rows[table]?.upserts.find((candidate) => candidate['name'] === name);
  if (!row) throw new Error(`no ${table} row named ${name}`);
  return row;
};

// ---------------------------------------------------------------------------------------------

let context: BrowserContext;
let manager: Page;
let tablet: TestTablet;
let baseUrl: string;
/** The first pull of the test tablet: the demo menu and tables. */
let catalog: PullRows;

async function openManager(path: string, heading: string | RegExp): Promise<void> {
  await manager.goto(path);
  await expect(manager.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** A payment page's card form in emulator mode, as the customer's phone sends it. */
async function payByQr(token: string, orderId: string): Promise<{ paymentId: string }> {
  const phone = new Api(baseUrl);
  const bill = await phone.query<{ venue: { stripe: { publishableKey: string } } }>('pay.bill', {
    token,
  });
  const intent = await phone.mutate<{
    paymentId: string;
    paymentIntentId: string;
    clientSecret: string;
  }>('pay.createPayment', {
    token,
    orderId,
    selection: { kind: 'all' },
    attemptId: randomUUID(),
  });
  const confirmed = await fetch(
    `${baseUrl}/api/stripe-emulator/v1/payment_intents/${intent.paymentIntentId}/confirm`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        key: bill.venue.stripe.publishableKey,
        client_secret: intent.clientSecret,
        payment_method: 'pm_card_visa',
      }).toString(),
    },
  );
  expect(confirmed.status).toBe(200);
  // The server records the payment from the webhook, or when the page asks (same code path).
  await expect
    .poll(async () => {
      const status = await phone.query<{ outcome: string }>('pay.paymentStatus', {
        token,
        paymentIntentId: intent.paymentIntentId,
      });
      return status.outcome;
    })
    .toBe('succeeded');
  return { paymentId: intent.paymentId };
}

/** The pay link printed on a table's card of the QR sheet. */
async function payLinkOf(tableName: string): Promise<string> {
  await openManager('/manager/tables/qr', 'Table QR codes');
  const card = manager.locator(`[data-table="${tableName}"]`);
  const href = await card.getByRole('link').getAttribute('href');
  expect(href).toMatch(/\/t\/[\w-]+$/);
  return href!;
}

function figure(name: string): Locator {
  return manager.locator(`[data-figure="${name}"]`);
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  baseUrl = process.env.SERVIO_E2E_BASE_URL!;
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  manager = await context.newPage();
  await pairTablet(manager, { pin: '2000' });

  // A pairing code for the test's own tablet, made on the Devices screen.
  await openManager('/manager/devices', 'Devices');
  await manager.getByLabel('Device name (optional)').fill('Test tablet');
  await manager.getByRole('button', { name: 'Create pairing code' }).click();
  const code = await manager.locator('[data-pairing-code]').textContent();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  tablet = await TestTablet.pair(baseUrl, code!, '3000');
  catalog = await tablet.pull(0);
});

test.afterAll(async () => {
  await context?.close();
});

test('a price change and an 86 reach the tablets; a line taken before keeps its price', async () => {
  const fish = byName(catalog, 'menuItems', 'Fish and chips');
  const brulee = byName(catalog, 'menuItems', 'Crème brûlée');
  expect(fish['priceMinor']).toBe(1650);
  expect(brulee['available']).toBe(true);
  const t5 = byName(catalog, 'tables', 'T5');
  const before = await tablet.openOrder(t5.id, [[fish.id, 1]]);

  await openManager('/manager/menu', 'Menu');
  await manager.getByRole('button', { name: 'Edit Fish and chips' }).click();
  const dialog = manager.getByRole('dialog', { name: 'Edit Fish and chips' });
  await dialog.getByLabel('Price (EUR)').fill('18.00');
  await expect(dialog.getByText('Was €16.50; orders already taken keep it.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const fishRow = manager.getByRole('row').filter({ hasText: 'Fish and chips' });
  await expect(fishRow.getByRole('cell', { name: '€18.00' })).toBeVisible();

  const bruleeSwitch = manager.getByRole('switch', { name: 'Crème brûlée available' });
  await expect(bruleeSwitch).toBeChecked();
  // The switch's input is visually hidden inside its label, which takes the tap.
  await manager.locator('label', { has: bruleeSwitch }).click();
  await expect(bruleeSwitch).not.toBeChecked();
  await expect(manager.getByRole('row').filter({ hasText: 'Crème brûlée' })).toContainText("86'd");
  await shot(manager, 'menu-86-tablet');

  // The tablet's next pull carries both changes.
  const changes = await tablet.pull();
  const items = changes['menuItems']?.upserts ?? [];
  expect(items.find((item) => item.id === fish.id)).toMatchObject({ priceMinor: 1800 });
  expect(items.find((item) => item.id === brulee.id)).toMatchObject({ available: false });

  // The line rung up before the change keeps €16.50; one added now is €18.00 (S12: the server prices it).
  tablet.add('order.addLine', {
    orderId: before.orderId,
    lineId: randomUUID(),
    itemId: fish.id,
    quantity: 1,
    modifierOptionIds: [],
  });
  await tablet.push();
  const lines = ((await tablet.pull(0))['orderLines']?.upserts ?? []).filter(
    (line) => line['orderId'] === before.orderId,
  );
  expect(lines.map((line) => [line.id === before.lineIds[0], line['unitPriceMinor']])).toEqual(
    expect.arrayContaining([
      [true, 1650],
      [false, 1800],
    ]),
  );

  // The other suites share this demo venue and expect its menu as seeded.
  const helper = await helperDevice();
  await trpcMutation('backoffice.menu.updateItem', { id: fish.id, priceMinor: 1650 }, helper);
  await trpcMutation('backoffice.menu.updateItem', { id: brulee.id, available: true }, helper);
});

test('the QR sheet has a code per table, each opening that table’s bill', async ({ browser }) => {
  await openManager('/manager/tables/qr', 'Table QR codes');
  const tableCount = catalog['tables']?.upserts.length ?? 0;
  expect(tableCount).toBeGreaterThanOrEqual(12);
  const cards = manager.getByRole('list', { name: 'QR codes' }).getByRole('listitem');
  await expect(cards).toHaveCount(tableCount);
  for (const card of await cards.all()) {
    const image = card.getByRole('img', { name: /^QR code for / });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }

  const link = await payLinkOf('T3');
  const phone = await browser.newPage();
  await phone.goto(link);
  await expect(phone.getByText('Table T3', { exact: true })).toBeVisible();

  // A new code for T3: the old printed one stops opening the bill at once.
  await openManager('/manager/tables', 'Tables');
  await manager.getByRole('button', { name: 'New QR code for T3' }).click();
  await manager
    .getByRole('dialog', { name: 'New QR code for T3?' })
    .getByRole('button', { name: 'Issue a new code' })
    .click();
  await expect(manager.getByRole('dialog')).toBeHidden();
  const newLink = await payLinkOf('T3');
  expect(newLink).not.toBe(link);
  await phone.goto(link);
  await expect(phone.getByRole('alert')).toContainText('This QR code is not in use');
  await expect(phone.getByText('Table T3', { exact: true })).toHaveCount(0);
  await phone.goto(newLink);
  await expect(phone.getByText('Table T3', { exact: true })).toBeVisible();
  await phone.close();
});

test('a card payment refunded by the manager shows in the report', async () => {
  const cola = byName(catalog, 'menuItems', 'Cola');
  const t2 = byName(catalog, 'tables', 'T2');
  const order = await tablet.openOrder(t2.id, [[cola.id, 2]]);
  const token = (await payLinkOf('T2')).split('/t/')[1]!;
  await payByQr(decodeURIComponent(token), order.orderId);
  // Cash taken for the same bill on the (offline) tablet arrives afterwards: paid twice.
  tablet.add('payment.record', {
    method: 'cash',
    paymentId: randomUUID(),
    orderId: order.orderId,
    amountMinor: 700,
  });
  await tablet.push();

  await openManager('/manager/payments', 'Payments');
  const card = manager.locator(`[data-order="${order.number}"]`);
  await expect(card).toContainText('overpaid €7.00');
  await shot(manager, 'payments-overpaid-tablet');
  await card
    .getByRole('button', { name: `Refund the card payment of order ${order.number}` })
    .click();
  const dialog = manager.getByRole('dialog', { name: /^Refund order/ });
  await expect(dialog.getByLabel('Amount to refund (EUR)')).toHaveValue('7.00');
  await dialog.getByRole('button', { name: 'Refund to card' }).click();
  await expect(dialog.getByText('Say why')).toBeVisible();
  await dialog.getByLabel('Amount to refund (EUR)').fill('7.50');
  await dialog.getByLabel('Reason').fill('Paid twice: cash and card');
  await dialog.getByRole('button', { name: 'Refund to card' }).click();
  await expect(dialog.getByText('At most €7.00 can go back on this payment')).toBeVisible();
  await dialog.getByLabel('Amount to refund (EUR)').fill('7.00');
  await dialog.getByRole('button', { name: 'Refund to card' }).click();
  await expect(manager.getByRole('dialog', { name: 'Refund sent' })).toContainText(
    '€7.00 was refunded to the card.',
  );
  await manager.getByRole('button', { name: 'Done' }).click();

  await openManager('/manager', 'Reports');
  await expect(figure('Refunds')).toContainText('€7.00');
  await expect(figure('Refunds')).toContainText('1 refund');
  const qrRow = manager
    .getByRole('table', { name: 'Payments by method' })
    .getByRole('row')
    .filter({ hasText: 'QR (Stripe)' });
  await expect(qrRow).toContainText('€7.00 (1)');
});

test('the report shows today’s sales, freshness, charts, and downloads every table as CSV', async () => {
  await openManager('/manager', 'Reports');
  // Fish and chips ×2 (one before, one after the price change) and Cola ×2: €16.50 + €18.00 + €7.00.
  await expect(figure('Net sales')).toContainText('€41.50');
  await expect(figure('Orders')).toContainText('2');
  await expect(
    manager.getByText(/^As of .+: the last change that reached the server\.$/),
  ).toBeVisible();
  await expect(manager.getByRole('img', { name: /^Net sales by hour/ })).toBeVisible();
  const items = manager.getByRole('table', { name: 'Sales by item' });
  await expect(items.getByRole('row').filter({ hasText: 'Fish and chips' })).toContainText(
    '€34.50',
  );

  const download = manager.waitForEvent('download');
  await manager.getByRole('button', { name: 'Download sales by item as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^servio-by-item-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv((await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, ''));
  expect(csv[0]).toEqual([
    'Item',
    'Category',
    'Quantity',
    'Gross sales (EUR)',
    'Discounts (EUR)',
    'Net sales (EUR)',
    'Voided quantity',
    'Voided value (EUR)',
  ]);
  expect(csv.find((row) => row[0] === 'Fish and chips')).toEqual(
    expect.arrayContaining(['Fish and chips', '2', '34.50']),
  );

  const figures = manager.waitForEvent('download');
  await manager.getByRole('button', { name: 'Download the headline figures as CSV' }).click();
  const rows = parseCsv(await readFile((await (await figures).path())!, 'utf8'));
  expect(rows).toContainEqual(['Refunded (EUR)', '7.00']);
  expect(rows).toContainEqual(['Net sales (EUR)', '41.50']);
});

test('the last viewed report stays readable offline, marked as a cached copy', async () => {
  await openManager('/manager?range=today', 'Reports');
  await expect(figure('Net sales')).toContainText('€41.50');
  // The app shell must come from the service worker once the network is gone.
  await manager.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if ((await manager.evaluate(() => navigator.serviceWorker.controller)) === null) {
    await manager.reload();
    await expect(figure('Net sales')).toContainText('€41.50');
  }
  await context.setOffline(true);
  try {
    await manager.reload();
    await expect(manager.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(manager.locator('[data-cached="true"]')).toContainText('Cached copy from');
    await expect(figure('Net sales')).toContainText('€41.50');
    await shot(manager, 'reports-offline-tablet');
  } finally {
    await context.setOffline(false);
  }
});

const SCREENS = [
  ['reports', '/manager', 'Reports'],
  ['payments', '/manager/payments', 'Payments'],
  ['menu', '/manager/menu', 'Menu'],
  ['tables', '/manager/tables', 'Tables'],
  ['qr-sheet', '/manager/tables/qr', 'Table QR codes'],
  ['staff', '/manager/staff', 'Staff'],
  ['devices', '/manager/devices', 'Devices'],
  ['venue', '/manager/venue', 'Venue'],
  ['system', '/manager/system', 'Device and server'],
] as const;

/** Interactive elements smaller than a fingertip (44 × 44 CSS px), as e2e/screens.spec.ts checks. */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [role="button"]',
      ),
    )
      .filter((element) => element.offsetParent !== null)
      // React Aria's select keeps a hidden native <select> for form autofill, out of reach.
      .filter((element) => !element.closest('[aria-hidden="true"]'))
      // React Aria's switch and checkbox inputs are visually hidden inside their label, which
      // is what the finger hits.
      .map((element) => {
        const target = (element.tagName === 'INPUT' && element.closest('label')) || element;
        return { element, box: target.getBoundingClientRect() };
      })
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim() || element.getAttribute('aria-label')}" ${Math.round(box.width)}x${Math.round(box.height)}`,
      ),
  );
}

test('every manager screen at tablet, small-tablet and phone size: no sideways scroll, 44 px targets', async () => {
  test.slow(); // every manager screen, three times over
  for (const [size, viewport] of [
    ['tablet', { width: 1280, height: 800 }],
    ['small-tablet', { width: 1024, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await manager.setViewportSize(viewport);
    for (const [name, path, heading] of SCREENS) {
      await openManager(path, heading);
      await expect(
        manager.getByRole('status').filter({ hasText: /^(Loading|Opening)/ }),
      ).toHaveCount(0);
      await shot(manager, `${name}-${size}`);
      const overflow = await manager.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at ${size} size`).toBeLessThanOrEqual(0);
      expect(await smallTouchTargets(manager), `${path} at ${size} size`).toEqual([]);
    }
  }
  await manager.setViewportSize({ width: 1280, height: 800 });
  await openManager('/manager/devices', 'Devices');
  await expect(manager.getByRole('row').filter({ hasText: 'Test tablet' }).first()).toBeVisible();
});

test('a waiter cannot open any manager screen, and the server refuses them too', async ({
  browser,
}) => {
  const waiterContext = await browser.newContext({ baseURL: baseUrl });
  const waiter = await waiterContext.newPage();
  try {
    await pairTablet(waiter, { pin: '3000', serviceWorker: false });
    for (const path of [
      '/manager',
      '/manager/payments',
      '/manager/menu',
      '/manager/tables/qr',
      '/manager/staff',
      '/manager/devices',
      '/manager/venue',
      '/manager/audit',
    ]) {
      await waiter.goto(path);
      await expect(waiter.getByRole('heading', { name: 'This needs a manager' })).toBeVisible();
      await expect(waiter.getByRole('navigation', { name: 'Manager sections' })).toHaveCount(0);
    }
    await shot(waiter, 'needs-manager-tablet');
  } finally {
    await waiterContext.close();
  }

  // The test tablet's waiter session asking directly: FORBIDDEN, with the reason.
  const refusal = await tablet.api.query('reports.summary', { preset: 'today' }).catch((e) => e);
  expect(refusal).toBeInstanceOf(ApiError);
  expect(refusal).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  expect((refusal as ApiError).message).toContain('Your role (waiter) may not do this');
});

/** RFC 4180 enough for the server's CSV: quoted fields with "" escapes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
