import { expect, type Locator, type Page } from '@playwright/test';

/** The status bar's connection button; its visible text is the state ("Online", "Offline"…). */
export function connectionStatus(page: Page): Locator {
  return page.getByRole('button', { name: /^Connection:/ });
}

/**
 * Open the app and wait until its service worker controls the page. With registerType
 * 'prompt' the first worker does not claim the page that installed it, so this reloads once
 * after the worker is active, as a person's second visit would.
 */
export async function installServiceWorker(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated');
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
