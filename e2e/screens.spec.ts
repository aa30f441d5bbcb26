import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

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
  { name: 'kitchen', path: '/kitchen', heading: 'Kitchen display' },
  { name: 'manager', path: '/manager', heading: 'Device and server' },
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
