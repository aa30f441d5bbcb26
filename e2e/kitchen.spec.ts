import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { pairTablet } from './support/tablet.ts';

/**
 * The kitchen display on its own device: orders a waiter sends from a tablet arrive as tickets
 * (in order of arrival, with options and notes), the kitchen bumps them ready and recalls one,
 * and the waiter's tablet follows each step through the server. Other suites share the demo
 * venue, so the board may hold their tickets too: this test looks at its own.
 */
const shots = fileURLToPath(new URL('../test-results/pos/', import.meta.url));
mkdirSync(shots, { recursive: true });

/** Open an order at the first free table, add items, send it; resolves table and number. */
async function sendOrder(
  page: Page,
  add: (page: Page) => Promise<void>,
): Promise<{ table: string; number: string }> {
  const back = page.getByRole('link', { name: 'Back to the floor' });
  if (await back.isVisible()) await back.click();
  const free = page.getByRole('button', { name: /^T\d+, Free,/ }).first();
  const table = (await free.getAttribute('aria-label'))?.split(',')[0];
  if (!table) throw new Error('No free table on the floor');
  await free.click();
  await page.getByRole('button', { name: 'Open order' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(table);
  await add(page);
  await page.getByRole('button', { name: /^Send to kitchen/ }).click();
  await expect(page.getByText(/^Sent to the kitchen/)).toBeVisible();
  const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(
    /[A-Z]+-\d+/,
  )?.[0];
  if (!number) throw new Error('The order screen shows no order number');
  return { table, number };
}

test('a sent order reaches the kitchen display on another device; bump and recall travel back to the tablet', async ({
  page: waiter,
  browser,
}) => {
  await pairTablet(waiter, { pin: '3000', serviceWorker: false });
  const kitchenContext = await browser.newContext();
  const kitchen = await kitchenContext.newPage();
  try {
    await pairTablet(kitchen, { pin: '5000', serviceWorker: false });
    await kitchen.goto('/kitchen');
    await expect(kitchen.getByRole('heading', { name: 'Kitchen display' })).toBeVisible();

    const first = await sendOrder(waiter, async (page) => {
      await page.getByRole('radio', { name: 'Mains', exact: true }).click();
      await page.getByRole('button', { name: /^Classic burger,/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Classic burger' });
      await dialog.getByRole('button', { name: 'Medium', exact: true }).click();
      await dialog.getByRole('button', { name: /^Bacon/ }).click();
      await dialog.getByRole('button', { name: 'Fries', exact: true }).click();
      await dialog.getByLabel('Note for the kitchen').fill('Cut in half');
      await dialog.getByRole('button', { name: /^Add 1/ }).click();
      await page.getByRole('radio', { name: 'Cold drinks', exact: true }).click();
      await page.getByRole('button', { name: /^Cola,/ }).click();
    });
    const second = await sendOrder(waiter, async (page) => {
      await page.getByRole('radio', { name: 'Desserts', exact: true }).click();
      await page.getByRole('button', { name: /^Cheesecake,/ }).click();
    });

    const board = kitchen.getByRole('region', { name: 'Tickets' });
    const firstName = `Ticket ${first.table}, order ${first.number}`;
    const secondName = `Ticket ${second.table}, order ${second.number}`;
    const burgerTicket = board.getByRole('article', { name: firstName });
    await expect(burgerTicket).toBeVisible();
    await expect(board.getByRole('article', { name: secondName })).toBeVisible();
    // In order of arrival: the first order's ticket comes before the second's.
    const names = await board
      .getByRole('article')
      .evaluateAll((tickets) => tickets.map((ticket) => ticket.getAttribute('aria-label')));
    expect(names.indexOf(firstName)).toBeLessThan(names.indexOf(secondName));

    await expect(burgerTicket).toContainText('Classic burger');
    await expect(burgerTicket).toContainText('Medium · Bacon · Fries');
    await expect(burgerTicket).toContainText('Cut in half');
    await expect(burgerTicket).toContainText('Cola');
    await expect(burgerTicket.getByRole('time')).toHaveText(/now|\d+ min/);
    await kitchen.screenshot({ path: path.join(shots, 'kitchen-board.png') });

    // The kitchen station alone: the cola (bar) leaves the ticket.
    await kitchen.getByRole('radio', { name: 'Kitchen' }).click();
    await expect(burgerTicket).not.toContainText('Cola');
    await kitchen.getByRole('radio', { name: 'All stations' }).click();

    await burgerTicket.getByRole('button', { name: 'Bump · ready' }).click();
    await expect(burgerTicket).toBeHidden();
    const bumped = kitchen.getByRole('article', {
      name: `Bumped ticket ${first.table}, order ${first.number}`,
    });
    await expect(bumped).toBeVisible();
    await kitchen.screenshot({ path: path.join(shots, 'kitchen-bumped.png') });

    // The waiter's tablet hears of it through the server.
    await waiter.getByRole('link', { name: 'Back to the floor' }).click();
    await waiter.getByRole('button', { name: new RegExp(`^${first.table},`) }).click();
    const burgerLine = waiter
      .getByRole('list', { name: 'Order lines' })
      .getByRole('button', { name: /× Classic burger,/ });
    await expect(burgerLine).toHaveAccessibleName(/Ready$/, { timeout: 20_000 });

    await bumped.getByRole('button', { name: 'Recall' }).click();
    await expect(burgerTicket).toBeVisible();
    await expect(bumped).toBeHidden();
    await expect(burgerLine).toHaveAccessibleName(/In kitchen$/, { timeout: 20_000 });
  } finally {
    await kitchenContext.close();
  }
});
