import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { installServiceWorker } from './support/pwa.ts';

/**
 * A release is simulated the way a deploy does it: the served sw.js changes (a new build's
 * precache list changes it the same way). Playwright cannot intercept the browser's own
 * update check for a worker script, so the built file is changed and restored afterwards;
 * the tests run one at a time (workers: 1), and the appended comment is harmless if a run
 * is killed before the restore.
 */
const builtWorker = fileURLToPath(new URL('../pwa/dist/sw.js', import.meta.url));
const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`../test-results/screens/${name}`, import.meta.url));

let originalWorker: string | null = null;

async function publishNewRelease(): Promise<void> {
  originalWorker ??= await readFile(builtWorker, 'utf8');
  await writeFile(builtWorker, `${originalWorker}\n// next release ${Date.now()}\n`);
}

test.afterEach(async () => {
  if (originalWorker === null) return;
  await writeFile(builtWorker, originalWorker);
  originalWorker = null;
});

async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

/** A flag that survives until the page reloads: proof that no reload happened. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset['notReloaded'] = 'yes';
  });
}

function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset['notReloaded'] === 'yes');
}

test.describe('app updates', () => {
  test('a new version is offered, waits through "Later", and applies only on "Update"', async ({
    page,
  }) => {
    await installServiceWorker(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await markPage(page);
    await publishNewRelease();
    await checkForUpdate(page);

    const prompt = page.getByRole('status', { name: 'App update' });
    await expect(prompt).toContainText('A new version of Servio is ready');
    await page.screenshot({ path: screenshotPath('update-prompt-tablet.png') });
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    const reopen = page.getByRole('button', { name: 'Update ready' });
    await expect(reopen).toBeVisible();
    // The new worker is installed and waiting, and this page was left alone.
    expect(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBe(true);
    expect(await stillSamePage(page)).toBe(true);

    await reopen.click();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await reloaded;
    expect(await stillSamePage(page)).toBe(false);
    await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: !!registration?.waiting,
            controlled: !!navigator.serviceWorker.controller,
          };
        }),
      )
      .toEqual({ waiting: false, controlled: true });
    expect(firstWorker).toMatch(/\/sw\.js$/);
  });

  test('updating in one tab never reloads another tab of the same device', async ({
    page,
    context,
  }) => {
    await installServiceWorker(page);
    const otherTab = await context.newPage();
    await otherTab.goto('/kitchen');
    await expect(otherTab.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();
    await markPage(otherTab);

    await publishNewRelease();
    await checkForUpdate(page);
    await expect(page.getByRole('status', { name: 'App update' })).toContainText(
      'A new version of Servio is ready',
    );
    await expect(otherTab.getByRole('status', { name: 'App update' })).toContainText(
      'A new version of Servio is ready',
    );

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await reloaded;

    // The other tab is now run by the new worker, but it says so instead of reloading.
    const otherPrompt = otherTab.getByRole('status', { name: 'App update' });
    await expect(otherPrompt).toContainText('Servio was updated in another tab');
    await expect(otherPrompt.getByRole('button', { name: 'Reload' })).toBeVisible();
    expect(await stillSamePage(otherTab)).toBe(true);
  });
});
