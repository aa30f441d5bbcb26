import type { Page } from '@playwright/test';
import {
  addLine,
  expect,
  fillCard,
  keepScreenshot,
  openOrder,
  PHONE,
  payButton,
  payWithCard,
  pulledOrder,
  pulledOrders,
  smallTouchTargets,
  test,
} from './support/customer.ts';

// The customer's phone at the table (issue "Payments", browser part): the QR link opens the
// table's bill from the server, follows what the tablet adds, and pays all or part of it by
// card against the local Stripe emulator; the tablet sees the payments on its next pull.

test.use(PHONE);

// Fish and chips 16.50 + 2 × Cola 3.50 (tax inclusive, no service charge) = 23.50; soup 6.50.
const FIRST_ROUND = [
  ['Fish and chips', 1],
  ['Cola', 2],
] as const;
const FULL_BILL = [...FIRST_ROUND, ['Tomato soup', 1]] as const;

/** A React Aria radio or checkbox is a hidden input inside its label: a finger taps the label. */
async function tap(page: Page, role: 'radio' | 'checkbox', name: RegExp | string) {
  const control = page.getByRole(role, { name });
  await control.locator('xpath=ancestor::label[1]').click();
  await expect(control).toBeChecked();
}

const due = (page: Page) => page.getByTestId('bill-due');

test('scan: the bill follows the tablet; an even share plus tip, then the rest, closes the order', async ({
  page,
  venue,
  tablet,
}) => {
  const { orderId } = await openOrder(venue, tablet, 1, FIRST_ROUND);
  await page.goto(`/t/${venue.token(1)}`);
  await expect(page.getByText('Servio Demo Bistro')).toBeVisible();
  await expect(page.getByText('Table T2')).toBeVisible();
  const bill = page.getByRole('region', { name: 'Your bill' });
  await expect(bill.getByText('Fish and chips')).toBeVisible();
  await expect(due(page)).toHaveText('€23.50');

  // The waiter adds a soup on the tablet: the phone shows it without a reload.
  await addLine(venue, tablet, orderId, 'Tomato soup');
  await expect(bill.getByText('Tomato soup')).toBeVisible();
  await expect(due(page)).toHaveText('€30.00');
  await keepScreenshot(page, 'phone-1-bill');
  // A customer's phone is not a staff device: no service worker, no offline copy of the POS.
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
  ).toBe(0);

  await tap(page, 'radio', /^Split evenly/);
  await expect(page.getByText('Your share: €15.00')).toBeVisible();
  await tap(page, 'radio', /^10 %/);
  await keepScreenshot(page, 'phone-2-split-and-tip');
  expect(await smallTouchTargets(page)).toEqual([]);
  await page.getByRole('button', { name: 'Continue to pay €16.50' }).click();

  await expect(page.getByRole('heading', { name: 'Pay €16.50' })).toBeFocused();
  await keepScreenshot(page, 'phone-3-card');
  await payWithCard(page, '4242 4242 4242 4242');

  const receipt = page.getByRole('region', { name: 'Payment received' });
  await expect(receipt).toBeVisible();
  const rows = receipt.getByRole('definition');
  await expect(receipt.getByText('Towards the bill')).toBeVisible();
  await expect(rows.filter({ hasText: '€15.00' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '€1.50' })).toBeVisible();
  await expect(rows.filter({ hasText: '€16.50' })).toBeVisible();
  await expect(receipt.getByText('Visa •••• 4242')).toBeVisible();
  await expect(page.getByTestId('receipt-remaining')).toHaveText(
    /Still to pay on this bill\s*€15\.00/,
  );
  await keepScreenshot(page, 'phone-4-receipt');

  // The server has the order part paid: the tablet's pull says so.
  const partly = await pulledOrder(tablet, orderId);
  expect(partly.order).toMatchObject({
    status: 'part_paid',
    totalMinor: 3000,
    paidMinor: 1500,
    tipMinor: 150,
  });
  expect(partly.payments).toEqual([
    expect.objectContaining({
      method: 'stripe',
      status: 'succeeded',
      amountMinor: 1500,
      tipMinor: 150,
    }),
  ]);

  await page.getByRole('button', { name: 'Back to the bill' }).click();
  await expect(bill.getByText('Already paid')).toBeVisible();
  await expect(due(page)).toHaveText('€15.00');
  await expect(page.getByRole('radio', { name: /^Everything/ })).toBeChecked();
  await page.getByRole('button', { name: 'Continue to pay €15.00' }).click();
  await payWithCard(page, '4242424242424242');
  await expect(page.getByTestId('receipt-remaining')).toHaveText(
    'The bill is fully paid. Thank you!',
  );

  const closed = await pulledOrder(tablet, orderId);
  expect(closed.order).toMatchObject({ status: 'closed', paidMinor: 3000, tipMinor: 150 });
  expect(closed.payments.map((p) => [p.status, p.amountMinor])).toEqual([
    ['succeeded', 1500],
    ['succeeded', 1500],
  ]);
  // A closed bill is no longer open at the table.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No open bill' })).toBeVisible();
});

test('a declined card shows why and records nothing as paid', async ({ page, venue, tablet }) => {
  const { orderId } = await openOrder(venue, tablet, 2, FULL_BILL);
  await page.goto(`/t/${venue.token(2)}`);
  await expect(due(page)).toHaveText('€30.00');
  await page.getByRole('button', { name: 'Continue to pay €30.00' }).click();

  await payWithCard(page, '4000 0000 0000 0002');
  const refusal = page.getByRole('alert').filter({ hasText: 'Payment not taken' });
  await expect(refusal).toContainText('Your card was declined. Nothing was charged.');
  // The form is ready for another card (a fresh attempt for the same amount).
  await expect(payButton(page)).toHaveText(/Pay €30\.00/);
  await expect(payButton(page)).toBeEnabled();
  await keepScreenshot(page, 'phone-5-declined');

  await payWithCard(page, '4000 0000 0000 9995');
  await expect(refusal).toContainText('Your card has insufficient funds. Nothing was charged.');

  const { order, payments } = await pulledOrder(tablet, orderId);
  expect(order).toMatchObject({ status: 'sent', paidMinor: 0, tipMinor: 0 });
  expect(payments.filter((p) => p.status === 'succeeded')).toEqual([]);

  // Going back gives the reserved part up: the whole bill is due again, nothing "being paid".
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(due(page)).toHaveText('€30.00');
  await expect(page.getByText('Being paid on another phone')).toHaveCount(0);
  expect((await pulledOrder(tablet, orderId)).order).toMatchObject({ paidMinor: 0 });
});

test('3D Secure: a failed authentication pays nothing; a completed one pays', async ({
  page,
  venue,
  tablet,
}) => {
  const { orderId } = await openOrder(venue, tablet, 3, FIRST_ROUND);
  await page.goto(`/t/${venue.token(3)}`);
  await page.getByRole('button', { name: 'Continue to pay €23.50' }).click();

  await payWithCard(page, '4000 0025 0000 3155');
  const bank = page.getByRole('alertdialog', { name: 'Confirm it’s you' });
  await expect(bank).toBeVisible();
  await expect(bank).toContainText('€23.50');
  await expect(bank).toContainText('Visa •••• 3155');
  await keepScreenshot(page, 'phone-6-authentication', { fullPage: false });
  await bank.getByRole('button', { name: 'Fail authentication' }).click();
  await expect(bank).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Payment not taken' })).toContainText(
    'We are unable to authenticate your payment method.',
  );
  expect((await pulledOrder(tablet, orderId)).order).toMatchObject({ paidMinor: 0 });

  await payWithCard(page, '4000 0025 0000 3155');
  await bank.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.getByRole('region', { name: 'Payment received' })).toBeVisible();
  await expect(page.getByText('Visa •••• 3155')).toBeVisible();
  const { order, payments } = await pulledOrder(tablet, orderId);
  expect(order).toMatchObject({ status: 'closed', paidMinor: 2350 });
  expect(payments.filter((p) => p.status === 'succeeded')).toHaveLength(1);
});

test('two phones paying shares at once never pay more than the bill', async ({
  browser,
  venue,
  tablet,
}) => {
  test.slow(); // three phones in one browser on a two-core machine
  const { orderId } = await openOrder(venue, tablet, 4, FULL_BILL);
  const phones = await Promise.all(
    [0, 1, 2].map(async () => {
      const context = await browser.newContext({ ...PHONE, baseURL: venue.server.url });
      const page = await context.newPage();
      await page.goto(`/t/${venue.token(4)}`);
      await expect(due(page)).toHaveText('€30.00');
      return { context, page };
    }),
  );
  const [a, b, c] = phones.map((phone) => phone.page) as [Page, Page, Page];
  for (const page of [a, b]) await tap(page, 'radio', /^Split evenly/);
  // The third phone still shows the whole bill and asks for all of it. Its bill reads are held
  // from here on, so it stays that stale however slowly the other two phones get going (a
  // fresh read would show it the halves taken): the server, not a fresh screen, must refuse it.
  await expect(c.getByRole('button', { name: 'Continue to pay €30.00' })).toBeEnabled();
  let releaseBillReads!: () => void;
  const billReadsReleased = new Promise<void>((resolve) => (releaseBillReads = resolve));
  const billRead = /\/trpc\/[^?]*pay\.bill/;
  await c.route(billRead, async (route) => {
    await billReadsReleased;
    // A read the page gave up on meanwhile (a newer one replaced it) is already done with.
    await route.continue().catch(() => undefined);
  });

  await Promise.all(
    [a, b].map((page) => page.getByRole('button', { name: 'Continue to pay €15.00' }).click()),
  );
  for (const page of [a, b]) {
    await expect(page.getByRole('heading', { name: 'Pay €15.00' })).toBeVisible();
  }
  // The server holds both halves for the two phones: the third is told, not charged.
  await c.getByRole('button', { name: 'Continue to pay €30.00' }).click();
  await expect(c.getByRole('alert')).toContainText(
    'The rest of this bill is being paid by someone else right now.',
  );
  releaseBillReads();
  await c.unroute(billRead);
  await expect(c.getByText('Being paid on another phone')).toBeVisible();

  for (const page of [a, b]) await fillCard(page, '4242 4242 4242 4242');
  await Promise.all([a, b].map((page) => payButton(page).click()));
  for (const page of [a, b]) {
    await expect(page.getByRole('region', { name: 'Payment received' })).toBeVisible();
  }
  const { order, payments } = await pulledOrder(tablet, orderId);
  const paid = payments.filter((p) => p.status === 'succeeded');
  expect(paid.map((p) => p.amountMinor)).toEqual([1500, 1500]);
  expect(order).toMatchObject({
    status: 'closed',
    totalMinor: 3000,
    paidMinor: 3000,
    overpaidMinor: 0,
  });
  await Promise.all(phones.map((phone) => phone.context.close()));
});

test('QR order with pay-now: one order, even when the webhook comes first and twice', async ({
  page,
  venue,
  tablet,
}) => {
  await page.goto(`/t/${venue.token(5)}/order`);
  await expect(page.getByRole('heading', { name: 'Hot drinks' })).toBeVisible();
  await keepScreenshot(page, 'phone-7-menu', { fullPage: false });
  expect(await smallTouchTargets(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add Cappuccino' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cappuccino' });
  await expect(dialog).toBeVisible();
  // Size is required (min 1): adding without it says so and adds nothing.
  await dialog.getByRole('button', { name: /^Add 1 to order/ }).click();
  await expect(dialog.getByText('Choose an option for Size.')).toBeVisible();
  await tap(page, 'radio', /^Large/);
  await tap(page, 'radio', /^Oat milk/);
  await dialog.getByRole('button', { name: 'Increase' }).click();
  await keepScreenshot(page, 'phone-8-options', { fullPage: false });
  await dialog.getByRole('button', { name: 'Add 2 to order · €9.60' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add Cola' }).click();
  await page
    .getByRole('dialog', { name: 'Cola' })
    .getByRole('button', { name: /^Add 1 to order/ })
    .click();
  await page.getByRole('button', { name: /View your order \(3 items\)/ }).click();
  await expect(page.getByRole('heading', { name: 'Your order' })).toBeVisible();
  await tap(page, 'radio', /^10 %/);
  await page.getByRole('button', { name: 'One more Cola' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Cola' })).toContainText('€7.00');
  await page.getByRole('button', { name: 'One less Cola' }).click();
  await expect(page.getByRole('button', { name: 'Remove Cola' })).toBeVisible();
  await keepScreenshot(page, 'phone-9-cart');
  expect(await smallTouchTargets(page)).toEqual([]);
  // 2 × (3.50 + 0.80 + 0.50) + 3.50 = 13.10, tip 1.31.
  await page.getByRole('button', { name: 'Continue to pay €14.41' }).click();
  await expect(page.getByRole('heading', { name: 'Pay €14.41' })).toBeVisible();
  const ordersBefore = (await pulledOrders(tablet)).orders.filter(
    (row) => row.kind === 'qr' && row.tableId === venue.catalog.tables[5],
  );
  expect(ordersBefore).toEqual([]);

  // The webhook is delivered twice, and before the page asks for its order.
  venue.emulator.behaviour.duplicate = true;
  let letPageThrough!: () => void;
  const held = new Promise<void>((resolve) => (letPageThrough = resolve));
  await page.route(/\/trpc\/[^?]*pay\.(createFromPaidIntent|paymentStatus)/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    await payWithCard(page, '4242 4242 4242 4242');
    const succeeded = () =>
      venue.emulator
        .deliveries()
        .filter((d) => d.type === 'payment_intent.succeeded' && d.ok)
        .filter((d) => {
          const event = venue.emulator.events().find((e) => e.id === d.eventId);
          const intent = event?.data.object as { metadata?: Record<string, string> } | undefined;
          return intent?.metadata?.['table_id'] === venue.catalog.tables[5];
        });
    await expect.poll(() => succeeded().length).toBeGreaterThanOrEqual(2);
    await venue.emulator.settle();
  } finally {
    venue.emulator.behaviour.duplicate = false;
  }
  const byWebhook = (await pulledOrders(tablet)).orders.filter(
    (row) => row.kind === 'qr' && row.tableId === venue.catalog.tables[5],
  );
  expect(byWebhook).toHaveLength(1);
  expect(byWebhook[0]).toMatchObject({
    status: 'paid',
    totalMinor: 1310,
    paidMinor: 1310,
    tipMinor: 131,
  });

  letPageThrough();
  await expect(page.getByRole('region', { name: 'Order placed' })).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(byWebhook[0]!.number);
  await expect(page.getByText('Visa •••• 4242')).toBeVisible();
  await keepScreenshot(page, 'phone-10-order-placed');

  const after = await pulledOrders(tablet);
  const qrOrders = after.orders.filter(
    (row) => row.kind === 'qr' && row.tableId === venue.catalog.tables[5],
  );
  expect(qrOrders).toHaveLength(1);
  expect(after.payments.filter((p) => p.orderId === qrOrders[0]!.id)).toEqual([
    expect.objectContaining({ status: 'succeeded', amountMinor: 1310, tipMinor: 131 }),
  ]);
});

test.describe('on a tablet-sized screen', () => {
  test.use({ viewport: { width: 820, height: 1180 }, isMobile: false });

  test('the bill and the menu read well on a larger screen', async ({ page, venue, tablet }) => {
    await openOrder(venue, tablet, 6, [
      ['Fish and chips', 1],
      ['Caesar salad', 1],
      ['Tea', 2],
    ]);
    await page.goto(`/t/${venue.token(6)}`);
    await expect(due(page)).toHaveText('€31.60');
    await tap(page, 'radio', /^Choose items/);
    await tap(page, 'checkbox', /Fish and chips/);
    await expect(page.getByRole('button', { name: 'Continue to pay €16.50' })).toBeEnabled();
    await keepScreenshot(page, 'tablet-1-bill-items');

    // Any amount, with a tip of one's own: checked on the phone, then computed by the server.
    await tap(page, 'radio', /^An amount/);
    const amount = page.getByLabel('Amount to pay');
    await amount.fill('40');
    await expect(page.getByText('That is more than is left to pay (€31.60).')).toBeVisible();
    await amount.fill('10');
    await tap(page, 'radio', /^Other/);
    await page.getByLabel('Tip amount').fill('1.50');
    await page.getByRole('button', { name: 'Continue to pay €11.50' }).click();
    const summary = page.getByRole('definition');
    await expect(page.getByRole('heading', { name: 'Pay €11.50' })).toBeVisible();
    await expect(summary.filter({ hasText: '€10.00' })).toBeVisible();
    await expect(summary.filter({ hasText: '€1.50' })).toBeVisible();
    await page.getByRole('button', { name: 'Change' }).click();
    await expect(due(page)).toHaveText('€31.60');
    await expect(page.getByText('Being paid on another phone')).toHaveCount(0);
    await page.getByRole('link', { name: 'Order' }).click();
    await expect(page.getByRole('heading', { name: 'Mains' })).toBeVisible();
    await keepScreenshot(page, 'tablet-2-menu', { fullPage: false });
  });
});

test('an unknown QR code says so', async ({ page }) => {
  await page.goto('/t/not-a-table-token-at-all');
  await expect(page.getByRole('alert')).toContainText(
    'This QR code does not belong to a table any more.',
  );
});
