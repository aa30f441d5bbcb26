import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { pairTablet } from './support/tablet.ts';

/**
 * @screens: every route at tablet and phone size. Saves screenshots to test-results/screens for
 * people to look at (STYLE.md: look at what you build), and checks what a person would trip
 * over: sideways scrolling and touch targets under 44 px.
 */
const screensDir = fileURLToPath(new URL('../test-results/screens/', import.meta.url));

const sizes = [
  { name: 'tablet', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const routes = [
  { name: 'pos-entry', path: '/', heading: 'Set up this tablet' },
  // Unpaired, the kitchen screen is the session gate's pairing screen.
  { name: 'kitchen-unpaired', path: '/kitchen', heading: 'Set up this tablet' },
  // Unpaired, the manager area is the session gate's pairing screen; e2e/back-office.spec.ts
  // photographs the signed-in manager screens.
  { name: 'manager-unpaired', path: '/manager', heading: 'Set up this tablet' },
  { name: 'table-pay', path: '/t/CxQovWLbrD-uIR-g1VUIqMf-', heading: 'Your bill' },
  { name: 'not-found', path: '/no-such-screen', heading: 'No screen at this address' },
] as const;

/** Interactive elements smaller than a fingertip (44 × 44 CSS px), described for the failure. */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [role="button"]';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((element) => element.offsetParent !== null)
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim() || element.getAttribute('aria-label')}" ${Math.round(box.width)}x${Math.round(box.height)}`,
      );
  });
}

test.describe('@screens', () => {
  mkdirSync(screensDir, { recursive: true });

  for (const size of sizes) {
    for (const route of routes) {
      test(`${route.name} at ${size.name} size: no sideways scroll, touch targets of 44 px`, async ({
        page,
      }) => {
        await page.setViewportSize(size.viewport);
        await page.goto(route.path);
        await expect(page.getByRole('heading', { name: route.heading })).toBeVisible();
        // Let the first connection check and any server answer settle before the picture.
        await expect(page.getByText(/Checking…|Fetching the bill/)).toHaveCount(0);

        await page.screenshot({
          path: path.join(screensDir, `${route.name}-${size.name}.png`),
          fullPage: true,
        });

        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
        expect(await smallTouchTargets(page)).toEqual([]);
      });
    }
  }
});

/**
 * The tablet's signed-in screens (floor, order, payment, receipt, kitchen, and the item options
 * dialog), on one paired tablet with a manager signed in and one order sent to the kitchen.
 */
interface SignedInScreen {
  name: string;
  path: (orderId: string) => string;
  /** The screen's h1, given the table the order is at. */
  heading: (table: string) => string | RegExp;
  /** Something to do once the screen is there (open a dialog). */
  then?: (page: Page) => Promise<void>;
}

const signedInScreens: readonly SignedInScreen[] = [
  { name: 'pos-floor', path: () => '/', heading: () => 'Floor' },
  { name: 'pos-order', path: (id) => `/orders/${id}`, heading: (table) => new RegExp(`^${table}`) },
  {
    name: 'pos-item-options',
    path: (id) => `/orders/${id}`,
    heading: (table) => new RegExp(`^${table}`),
    then: async (page) => {
      const menu = page.getByRole('radiogroup', { name: 'Show' });
      if (await menu.isVisible()) await menu.getByRole('radio', { name: 'Menu' }).click();
      await page.getByRole('radio', { name: 'Mains', exact: true }).click();
      await page.getByRole('button', { name: /^Classic burger,/ }).click();
      await expect(page.getByRole('dialog', { name: 'Classic burger' })).toBeVisible();
    },
  },
  {
    name: 'pos-payment',
    path: (id) => `/orders/${id}/pay`,
    heading: (table) => new RegExp(`^${table}`),
  },
  {
    name: 'pos-receipt',
    path: (id) => `/orders/${id}/receipt`,
    heading: () => 'Servio Demo Bistro',
  },
  { name: 'kitchen', path: () => '/kitchen', heading: () => 'Kitchen display' },
];

/**
 * Controls cut off at the right edge of the screen by a panel that does not fit (clipped, so
 * the page itself does not scroll). Controls inside a sideways-scrolling strip are meant to.
 */
async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [role="button"]';
    const inScroller = (element: HTMLElement) => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((element) => element.offsetParent !== null && !inScroller(element))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim()}"`);
  });
}

test.describe('@screens signed in', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;
  let orderId = '';
  let table = '';

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext();
    page = await context.newPage();
    await pairTablet(page, { pin: '2000', serviceWorker: false });
    // Whichever table is free: other suites share the demo venue.
    const free = page.getByRole('button', { name: /^T\d+, Free,/ }).first();
    table = (await free.getAttribute('aria-label'))?.split(',')[0] ?? '';
    await free.click();
    await page.getByRole('button', { name: 'Open order' }).click();
    await page.getByRole('radio', { name: 'Mains', exact: true }).click();
    await page.getByRole('button', { name: /^Salmon fillet,/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Salmon fillet' });
    await dialog.getByRole('button', { name: 'Salad', exact: true }).click();
    await dialog.getByRole('button', { name: 'Gluten free' }).click();
    await dialog.getByRole('button', { name: /^Add 1/ }).click();
    await page.getByRole('radio', { name: 'Cold drinks', exact: true }).click();
    await page.getByRole('button', { name: /^Sparkling water,/ }).click();
    await page
      .getByRole('dialog', { name: 'Sparkling water' })
      .getByRole('button', { name: /^Large/ })
      .click();
    await page
      .getByRole('dialog', { name: 'Sparkling water' })
      .getByRole('button', { name: /^Add 1/ })
      .click();
    await page.getByRole('button', { name: /^Send to kitchen/ }).click();
    await expect(page.getByRole('button', { name: 'Nothing new to send' })).toBeVisible();
    orderId = page.url().split('/').pop() ?? '';
  });

  test.afterAll(async () => {
    await context.close();
  });

  // The tablet's POS also runs on smaller 4:3 tablets held landscape.
  const posSizes = [...sizes, { name: 'small-tablet', viewport: { width: 1024, height: 768 } }];
  for (const size of posSizes) {
    for (const screen of signedInScreens) {
      test(`${screen.name} at ${size.name} size: no sideways scroll, touch targets of 44 px`, async () => {
        await page.setViewportSize(size.viewport);
        await page.goto(screen.path(orderId));
        await expect(
          page.getByRole('heading', { name: screen.heading(table), level: 1 }),
        ).toBeVisible();
        await screen.then?.(page);
        await expect(page.getByText(/Checking…|Loading/)).toHaveCount(0);

        await page.screenshot({
          path: path.join(screensDir, `${screen.name}-${size.name}.png`),
          fullPage: true,
        });

        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
        expect(await smallTouchTargets(page)).toEqual([]);
        expect(await clippedControls(page), 'controls cut off at the right').toEqual([]);
      });
    }
  }
});
