import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { helperDevice, pairTablet, serverRows, trpcMutation, trpcQuery } from './support/tablet.ts';

/**
 * The tablet's POS screens through the real UI, against the real server: a paired tablet with
 * a signed-in waiter takes orders, asks a manager for approval, moves and merges, and takes
 * money. Each test checks the screen and, where it matters, that the server got the change.
 */
const shots = fileURLToPath(new URL('../test-results/pos/', import.meta.url));
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${name}.png`) });

const orderLines = (page: Page) => page.getByRole('list', { name: 'Order lines' });
const lineNamed = (page: Page, name: string) =>
  orderLines(page).getByRole('button', { name: new RegExp(`× ${name},`) });
const total = (page: Page) => page.getByRole('complementary').getByTestId('total-total');

/** A table's tile on the floor, by the table's name. */
const tile = (page: Page, table: string) =>
  page.getByRole('button', { name: new RegExp(`^${table},`) });

/**
 * Open an order at the first free table on the floor. Other suites share the server's demo
 * venue, so no test counts on a particular table being free.
 */
async function openFreeTable(page: Page): Promise<{ table: string; orderId: string }> {
  const free = page.getByRole('button', { name: /^T\d+, Free,/ }).first();
  const table = (await free.getAttribute('aria-label'))?.split(',')[0];
  if (!table) throw new Error('No free table on the floor');
  await free.click();
  await page.getByRole('button', { name: 'Open order' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(table);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return { table, orderId: page.url().split('/').pop()! };
}

/** In the move dialog: the first free table, tapped; resolves its name. */
async function moveToFreeTable(page: Page): Promise<string> {
  const free = page
    .getByRole('dialog')
    .getByRole('button', { name: /, free$/ })
    .first();
  const table = (await free.getAttribute('aria-label'))?.split(',')[0];
  if (!table) throw new Error('No free table to move to');
  await free.click();
  await expect(page.getByText(new RegExp(`moved to ${table}$`))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(table);
  return table;
}

async function addItem(page: Page, category: string, item: string): Promise<void> {
  await page.getByRole('radio', { name: category, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${item},`) }).click();
}

async function send(page: Page, items: number): Promise<void> {
  await page.getByRole('button', { name: `Send to kitchen (${items})` }).click();
  await expect(
    page.getByText(`Sent to the kitchen: ${items} ${items === 1 ? 'item' : 'items'}`),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nothing new to send' })).toBeDisabled();
}

async function backToFloor(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Back to the floor' }).click();
  await expect(page.getByRole('heading', { name: 'Floor' })).toBeVisible();
}

async function approveWithPin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Manager approval' });
  await dialog.getByLabel('Manager PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Approve' }).click();
}

test.describe('tablet POS', () => {
  test('a waiter takes an order at a table: options within their limits, a note, a quantity, sent to the kitchen', async ({
    page,
  }) => {
    await pairTablet(page, { pin: '3000', serviceWorker: false });
    await expect(page.getByRole('heading', { name: 'Floor' })).toBeVisible();
    await shot(page, 'floor-empty');
    const { table, orderId } = await openFreeTable(page);

    // A plain item is one tap; a second tap counts it up.
    await addItem(page, 'Starters', 'Garlic bread');
    await expect(page.getByText('Garlic bread added')).toBeVisible();
    await page.getByRole('button', { name: /^Garlic bread,/ }).click();
    await expect(lineNamed(page, 'Garlic bread')).toHaveAccessibleName(/^2 × Garlic bread/);

    // Steak frites must have a doneness and a side (min 1 each): adding without refuses.
    await addItem(page, 'Mains', 'Steak frites');
    const steak = page.getByRole('dialog', { name: 'Steak frites' });
    await steak.getByRole('button', { name: /^Add 1/ }).click();
    await expect(steak.getByRole('alert')).toContainText('Cooked: choose 1');
    await expect(steak.getByRole('alert')).toContainText('Side: choose 1');
    await steak.getByRole('button', { name: 'Medium rare' }).click();
    // A single-choice group swaps its choice.
    await steak.getByRole('button', { name: 'Rare', exact: true }).click();
    await expect(steak.getByRole('button', { name: 'Medium rare' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await steak.getByRole('button', { name: /^Sweet potato fries/ }).click();
    await steak.getByRole('button', { name: 'No salt' }).click();
    await expect(steak.getByLabel('Note for the kitchen')).toHaveValue('No salt');
    await steak.getByRole('button', { name: 'More (Quantity)' }).click();
    await shot(page, 'item-dialog');
    // (24.50 + 1.50 sweet potato fries) × 2
    await steak.getByRole('button', { name: 'Add 2 · €52.00' }).click();
    await expect(steak).toBeHidden();
    const steakLine = lineNamed(page, 'Steak frites');
    await expect(steakLine).toContainText('Rare · Sweet potato fries');
    await expect(steakLine).toContainText('No salt');

    // Gin takes at most two mixers: a third cannot be chosen.
    await addItem(page, 'Bar', 'Gin');
    const gin = page.getByRole('dialog', { name: 'Gin' });
    await gin.getByRole('button', { name: /^Tonic/ }).click();
    await gin.getByRole('button', { name: /^Soda/ }).click();
    await expect(gin.getByRole('button', { name: /^Ginger ale/ })).toBeDisabled();
    await expect(gin.getByText('Optional, up to 2 · 2 chosen')).toBeVisible();
    await gin.getByRole('button', { name: /^Add 1/ }).click();
    await expect(lineNamed(page, 'Gin')).toContainText('Tonic · Soda');

    // 2 × 4.50 + 52.00 + 8.50
    await expect(total(page)).toHaveText('€69.50');
    await shot(page, 'order-before-send');
    await send(page, 5);
    await expect(lineNamed(page, 'Steak frites')).toContainText('In kitchen');
    await shot(page, 'order-sent');

    await backToFloor(page);
    await expect(tile(page, table)).toHaveAccessibleName(`${table}, In kitchen, €69.50`);
    await shot(page, 'floor-busy');

    // Never lose an order: the server has it, sent, with its lines.
    await expect
      .poll(async () => {
        const rows = await serverRows();
        const order = rows.orders.find((row) => row.id === orderId);
        return [
          order?.status,
          order?.totalMinor,
          rows.orderLines.filter((l) => l.orderId === orderId).length,
        ];
      })
      .toEqual(['sent', 6950, 3]);
  });

  test('a discount and a void of a sent dish need a manager: a wrong PIN is refused, the right one applies', async ({
    page,
  }) => {
    await pairTablet(page, { pin: '3000', serviceWorker: false });
    const { orderId } = await openFreeTable(page);
    await addItem(page, 'Cold drinks', 'Cola');
    await addItem(page, 'Starters', 'Calamari');
    await send(page, 2);
    await expect(total(page)).toHaveText('€12.40');

    await page.getByRole('button', { name: 'More order actions' }).click();
    const discountEntry = page.getByRole('menuitem', { name: /Discount the order/ });
    await expect(discountEntry).toContainText('Manager');
    await discountEntry.click();
    const discount = page.getByRole('dialog', { name: 'Discount the order' });
    await discount.getByRole('radio', { name: '10 %' }).click();
    await discount.getByRole('radio', { name: 'Regular guest' }).click();
    await discount.getByRole('button', { name: 'Apply discount' }).click();

    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await expect(approval).toContainText('10 % off order');
    // The waiter's own PIN is not a manager's.
    await approveWithPin(page, '3000');
    await expect(approval.getByRole('alert')).toContainText('not a manager’s or owner’s PIN');
    await expect(approval.getByLabel('Manager PIN')).toHaveValue('');
    await shot(page, 'approval-refused');
    await approveWithPin(page, '2000');
    await expect(approval).toBeHidden();
    await expect(page.getByText(/^Discount applied/)).toBeVisible();
    await expect(page.getByRole('complementary').getByTestId('total-discount')).toHaveText(
      '−€1.24',
    );
    await expect(total(page)).toHaveText('€11.16');

    // Voiding the calamari the kitchen already has: manager again.
    await lineNamed(page, 'Calamari').click();
    const lineDialog = page.getByRole('dialog', { name: '1 × Calamari' });
    await lineDialog.getByRole('button', { name: /Void this item/ }).click();
    const voidDialog = page.getByRole('dialog', { name: 'Void 1 × Calamari' });
    await voidDialog.getByRole('radio', { name: 'Quality problem' }).click();
    await voidDialog.getByRole('button', { name: /^Void/ }).click();
    await approveWithPin(page, '2000');
    await expect(page.getByText('Calamari voided')).toBeVisible();
    await expect(lineNamed(page, 'Calamari')).toContainText('Void · Quality problem');
    // Cola 3.50 − 10 %
    await expect(total(page)).toHaveText('€3.15');
    await shot(page, 'order-discount-void');

    await expect
      .poll(async () => {
        const rows = await serverRows();
        const order = rows.orders.find((row) => row.id === orderId);
        const voided = rows.orderLines.filter(
          (l) => l.orderId === orderId && l.status === 'voided',
        );
        return [order?.totalMinor, voided.length];
      })
      .toEqual([315, 1]);
  });

  test('a takeaway order opens from the floor, waits in the takeaway list, and can be seated at a table', async ({
    page,
  }) => {
    await pairTablet(page, { pin: '4000', serviceWorker: false });
    await page.getByRole('button', { name: 'New takeaway order' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Takeaway');
    const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(
      /[A-Z]+-\d+/,
    )?.[0];
    await addItem(page, 'Hot drinks', 'Cappuccino');
    const dialog = page.getByRole('dialog', { name: 'Cappuccino' });
    await dialog.getByRole('button', { name: /^Oat milk/ }).click();
    await dialog.getByRole('button', { name: /^Large/ }).click();
    await dialog.getByRole('button', { name: 'Add 1 · €4.80' }).click();
    await backToFloor(page);

    const takeaway = page.getByRole('list', { name: 'Open takeaway orders' });
    await expect(takeaway.getByRole('button', { name: `Order ${number}, €4.80` })).toBeVisible();
    await shot(page, 'floor-takeaway');

    await takeaway.getByRole('button', { name: `Order ${number}, €4.80` }).click();
    await page.getByRole('button', { name: 'More order actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to another table' }).click();
    const seatedAt = await moveToFreeTable(page);
    await backToFloor(page);
    await expect(takeaway.getByRole('button', { name: `Order ${number}, €4.80` })).toHaveCount(0);
    await expect(tile(page, seatedAt)).toHaveAccessibleName(`${seatedAt}, Ordering, €4.80`);
  });

  test('an order moves to another table and merges into another order', async ({ page }) => {
    await pairTablet(page, { pin: '4000', serviceWorker: false });
    const { table: target } = await openFreeTable(page);
    await addItem(page, 'Hot drinks', 'Tea');
    await backToFloor(page);

    const { table: from, orderId: moving } = await openFreeTable(page);
    await addItem(page, 'Hot drinks', 'Espresso');
    await page.getByRole('button', { name: 'More order actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to another table' }).click();
    const to = await moveToFreeTable(page);

    await backToFloor(page);
    await expect(tile(page, from)).toHaveAccessibleName(new RegExp(`^${from}, Free`));
    await expect(tile(page, to)).toHaveAccessibleName(`${to}, Ordering, €2.50`);

    await tile(page, to).click();
    await page.getByRole('button', { name: 'More order actions' }).click();
    await page.getByRole('menuitem', { name: 'Merge with another order' }).click();
    const merge = page.getByRole('dialog', { name: /^Merge order/ });
    await merge.getByRole('button', { name: new RegExp(`^${target}, order`) }).click();
    await shot(page, 'merge-dialog');
    await merge.getByRole('button', { name: /^Merge into/ }).click();
    await expect(page.getByText(new RegExp(`^Merged into .* \\(${target}\\)$`))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(target);
    await expect(lineNamed(page, 'Espresso')).toBeVisible();
    await expect(lineNamed(page, 'Tea')).toBeVisible();
    await expect(total(page)).toHaveText('€5.30');

    await backToFloor(page);
    await expect(tile(page, to)).toHaveAccessibleName(new RegExp(`^${to}, Free`));
    await expect
      .poll(async () => (await serverRows()).orders.find((row) => row.id === moving)?.status)
      .toBe('void');
  });

  test('the bill splits evenly, one guest pays cash and sees the change, the other by card with a tip; the order closes and prints', async ({
    page,
  }) => {
    await pairTablet(page, { pin: '3100', serviceWorker: false });
    const { table, orderId } = await openFreeTable(page);
    await addItem(page, 'Mains', 'Fish and chips');
    await addItem(page, 'Mains', 'Chicken curry');
    await send(page, 2);
    await page.getByRole('link', { name: 'Pay €32.40' }).click();

    await expect(page.getByRole('heading', { name: 'Take payment' })).toBeVisible();
    await page.getByRole('radio', { name: 'Split evenly' }).click();
    const guests = page.getByRole('textbox', { name: 'Guests still to pay' });
    await guests.fill('2');
    await guests.blur();
    await expect(page.getByText('Each pays €16.20')).toBeVisible();
    await page.getByRole('radio', { name: 'Cash' }).click();
    await page.getByRole('button', { name: '€20.00', exact: true }).click();
    await expect(page.getByText('Change €3.80').first()).toBeVisible();
    await shot(page, 'pay-cash');
    await page.getByRole('button', { name: 'Record cash €16.20' }).click();
    await expect(page.getByTestId('change-due')).toHaveText('Change €3.80');
    await expect(page.getByText('Due €16.20')).toBeVisible();

    // The second guest: their share, 10 % tip, by card on the terminal.
    await expect(guests).toHaveValue('1');
    await page.getByRole('radio', { name: 'Card' }).click();
    await page.getByRole('radio', { name: /^10 %/ }).click();
    await expect(page.getByText('Take €17.82 on the card terminal')).toBeVisible();
    await page.getByRole('button', { name: 'Record card €17.82' }).click();
    await expect(page.getByRole('heading', { name: 'Paid in full' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Payments' }).getByRole('listitem')).toHaveCount(2);
    await shot(page, 'pay-done');

    // The receipt prints alone: no status bar, no buttons.
    await page.getByRole('link', { name: 'Receipt' }).first().click();
    const receipt = page.getByRole('article', { name: 'Receipt' });
    await expect(receipt).toContainText('€32.40');
    await expect(receipt).toContainText('Thank you for your visit!');
    const print = page.getByRole('button', { name: 'Print receipt' });
    await expect(print).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(print).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(receipt).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'receipt-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await expect(print).toBeVisible();
    // window.print() opens the browser's print dialog; headless Chromium returns at once.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      const original = window.print.bind(window);
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
        original();
      };
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Close the order' }).click();
    await expect(page.getByRole('heading', { name: 'Floor' })).toBeVisible();
    await expect(tile(page, table)).toHaveAccessibleName(new RegExp(`^${table}, Free`));

    await expect
      .poll(async () => {
        const rows = await serverRows();
        const order = rows.orders.find((row) => row.id === orderId);
        const payments = rows.payments.filter((p) => p.orderId === orderId);
        return [order?.status, order?.paidMinor, payments.map((p) => p.method).sort()];
      })
      .toEqual(['closed', 3240, ['card', 'cash']]);
  });

  test('a counter sale found by search is paid by items, then by an amount in cash, then the rest by card', async ({
    page,
  }) => {
    await pairTablet(page, { pin: '4000', serviceWorker: false });
    await page.getByRole('button', { name: 'New takeaway order' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Takeaway');
    const orderId = page.url().split('/').pop()!;

    // Search runs across categories and ignores accents and case.
    const search = page.getByRole('searchbox', { name: 'Search the menu' });
    await search.fill('BROW');
    await expect(
      page.getByRole('list', { name: 'Search results' }).getByRole('button'),
    ).toHaveCount(1);
    await page.getByRole('button', { name: /^Chocolate brownie,/ }).click();
    await search.fill('creme');
    await expect(page.getByRole('button', { name: /^Crème brûlée,/ })).toBeVisible();
    await search.fill('cola');
    await page.getByRole('button', { name: /^Cola,/ }).click();
    await search.fill('zzz');
    await expect(page.getByText('Nothing on the menu matches “zzz”.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByRole('radio', { name: 'Starters', exact: true })).toBeVisible();
    await expect(total(page)).toHaveText('€10.40');

    await page.getByRole('link', { name: 'Pay €10.40' }).click();
    await page.getByRole('radio', { name: 'By items' }).click();
    await page.getByRole('button', { name: '1 × Chocolate brownie' }).click();
    await page.getByRole('radio', { name: 'Card' }).click();
    await page.getByRole('button', { name: 'Record card €6.90' }).click();
    await expect(page.getByText('Due €3.50')).toBeVisible();
    await expect(page.getByRole('button', { name: '1 × Chocolate brownie' })).toBeDisabled();

    await page.getByRole('radio', { name: 'By amount' }).click();
    await page.getByLabel('Amount paid (EUR)').fill('2');
    await page.getByRole('radio', { name: 'Cash' }).click();
    await page.getByLabel('Cash received (EUR)').fill('1');
    await page.getByRole('button', { name: 'Record cash €2.00' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not recorded yet' })).toContainText(
      'Cash received is less than €2.00',
    );
    await page.getByLabel('Cash received (EUR)').fill('5');
    await page.getByRole('button', { name: 'Record cash €2.00' }).click();
    await expect(page.getByTestId('change-due')).toHaveText('Change €3.00');
    await expect(page.getByText('Due €1.50')).toBeVisible();

    await page.getByRole('radio', { name: 'Whole bill' }).click();
    await page.getByRole('radio', { name: 'Card' }).click();
    await page.getByRole('button', { name: 'Record card €1.50' }).click();
    await expect(page.getByRole('heading', { name: 'Paid in full' })).toBeVisible();
    await page.getByRole('button', { name: 'Close the order' }).click();
    await expect(page.getByRole('heading', { name: 'Floor' })).toBeVisible();

    await expect
      .poll(async () => {
        const rows = await serverRows();
        const order = rows.orders.find((row) => row.id === orderId);
        const payments = rows.payments.filter((p) => p.orderId === orderId);
        return [order?.status, order?.paidMinor, payments.map((p) => p.amountMinor).sort()];
      })
      .toEqual(['closed', 1040, [150, 200, 690]]);
  });

  test('a change the server refuses shows on the order until someone acknowledges it', async ({
    page,
    browser,
  }) => {
    await pairTablet(page, { pin: '3000', serviceWorker: false });
    const { table, orderId } = await openFreeTable(page);
    await addItem(page, 'Hot drinks', 'Tea');
    await send(page, 1);
    await expect
      .poll(async () => (await serverRows()).orders.find((o) => o.id === orderId)?.status)
      .toBe('sent');

    // This tablet loses the network and adds a cola, while another tablet settles the bill.
    await page.context().setOffline(true);
    await addItem(page, 'Cold drinks', 'Cola');
    await expect(lineNamed(page, 'Cola')).toBeVisible();

    const otherContext = await browser.newContext();
    try {
      const other = await otherContext.newPage();
      await pairTablet(other, { pin: '4000', serviceWorker: false });
      await tile(other, table).click();
      await other.getByRole('link', { name: 'Pay €2.80' }).click();
      await other.getByRole('button', { name: 'Record cash €2.80' }).click();
      await other.getByRole('button', { name: 'Close the order' }).click();
      await expect(other.getByRole('heading', { name: 'Floor' })).toBeVisible();
      await expect(tile(other, table)).toHaveAccessibleName(new RegExp(`^${table}, Free`));
    } finally {
      await otherContext.close();
    }

    // Back online: the server refuses the cola on a closed bill; the tablet undoes it and says so.
    await page.context().setOffline(false);
    const notice = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(notice).toContainText('Cola', { timeout: 30_000 });
    await expect(lineNamed(page, 'Cola')).toHaveCount(0);
    await shot(page, 'order-rejection-notice');
    await notice.getByRole('button', { name: 'Understood' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('an unavailable item is greyed out and cannot be added', async ({ page }) => {
    const helper = await helperDevice();
    const manager = { deviceToken: helper.deviceToken, sessionToken: helper.sessionToken };
    const menu = await trpcQuery<{ items: { id: string; name: string }[] }>(
      'backoffice.menu.list',
      undefined,
      manager,
    );
    const lemonade = menu.items.find((item) => item.name === 'Lemonade');
    if (!lemonade) throw new Error('The demo menu has no Lemonade');
    await trpcMutation(
      'backoffice.menu.updateItem',
      { id: lemonade.id, available: false },
      manager,
    );
    try {
      await pairTablet(page, { pin: '3000', serviceWorker: false });
      await openFreeTable(page);
      await page.getByRole('radio', { name: 'Cold drinks', exact: true }).click();
      const item = page.getByRole('button', { name: /^Lemonade,/ });
      await expect(item).toHaveAccessibleName('Lemonade, €4.00, unavailable');
      await expect(item).toBeDisabled();
      await expect(item).toContainText('Unavailable');
      await shot(page, 'menu-unavailable');
      await item.click({ force: true });
      await addItem(page, 'Cold drinks', 'Cola');
      await expect(lineNamed(page, 'Cola')).toBeVisible();
      await expect(orderLines(page).getByRole('listitem')).toHaveCount(1);
    } finally {
      await trpcMutation(
        'backoffice.menu.updateItem',
        { id: lemonade.id, available: true },
        manager,
      );
    }
  });
});
