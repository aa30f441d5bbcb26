import { expect, test } from '@playwright/test';
import { connectionStatus, installServiceWorker, pngSize } from './support/pwa.ts';

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

test.describe('installable app', () => {
  test('the manifest is served and valid, and every icon loads at its declared size', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();

    const response = await request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Servio',
      short_name: 'Servio',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest['theme_color']).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest['background_color']).toMatch(/^#[0-9a-f]{6}$/i);
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
      'content',
      String(manifest['theme_color']),
    );

    // Chromium's installability needs a 192 and a 512 PNG; Android's adaptive icons a maskable one.
    const declared = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(declared).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const image = await request.get(new URL(icon.src, response.url()).toString());
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type'], icon.src).toBe('image/png');
      const { width, height } = pngSize(await image.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  test('the service worker installs and controls the page after a reload', async ({ page }) => {
    await page.goto('/');
    // First visit: installed but not in control (it never claims a page on its own).
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/');

    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toMatch(/\/sw\.js$/);
  });
});

test.describe('offline', () => {
  test('a reload and deep links still render the app shell with the network cut', async ({
    page,
    context,
  }) => {
    await installServiceWorker(page);
    await context.setOffline(true);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();
    await expect(connectionStatus(page)).toHaveText('Offline');

    // Unpaired, the kitchen and manager addresses open the pairing screen, from the cache.
    await page.goto('/kitchen');
    await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();

    await page.goto('/manager');
    await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();

    await page.goto('/t/CxQovWLbrD-uIR-g1VUIqMf-');
    await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
    await expect(page.getByText('Could not reach the venue')).toBeVisible();
  });

  test('/trpc and /api are never answered from a cache: offline, the health check fails', async ({
    page,
    context,
  }) => {
    await installServiceWorker(page);
    const online = await page.evaluate(async () => (await fetch('/api/auth/health')).status);
    expect(online).toBe(200);

    await context.setOffline(true);
    const offline = await page.evaluate(async () => {
      try {
        const response = await fetch('/api/auth/health');
        return `answered ${response.status}`;
      } catch {
        return 'failed';
      }
    });
    expect(offline).toBe('failed');

    const cachedPaths = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(cachedPaths).toContain('/index.html');
    expect(cachedPaths.filter((path) => /^\/(trpc|api)(\/|$)/.test(path))).toEqual([]);
  });
});

test.describe('status bar', () => {
  test('[connectivity] it follows the server, not navigator.onLine', async ({ page }) => {
    // The server unreachable while the network interface is up (captive portal, server down).
    await page.route('**/api/auth/health', (route) => route.abort('connectionrefused'));
    await page.goto('/');
    await expect(connectionStatus(page)).toHaveText('Offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);

    await page.unroute('**/api/auth/health');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(connectionStatus(page)).toHaveText('Online');
  });

  test('[connectivity] a network cut and its return show within moments', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await expect(connectionStatus(page)).toHaveText('Online');
    await context.setOffline(true);
    await expect(connectionStatus(page)).toHaveText('Offline');
    await context.setOffline(false);
    await expect(connectionStatus(page)).toHaveText('Online');
  });

  test('its details name the server and this device’s storage', async ({ page }) => {
    await page.goto('/');
    await expect(connectionStatus(page)).toHaveText('Online');
    await connectionStatus(page).click();
    const details = page.getByRole('dialog', { name: 'Connection' });
    await expect(details).toBeVisible();
    await expect(details).toContainText('Online: the server answered');
    await expect(details).toContainText(/(embedded|postgres), migrations current/);
    await expect(details).toContainText(/Storage.*used/);
  });
});

test.describe('pairing', () => {
  test('a malformed code is caught on the tablet without asking the server', async ({ page }) => {
    let pairRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/trpc/auth.pair')) pairRequests += 1;
    });
    await page.goto('/');
    await page.getByLabel('Pairing code').fill('abc');
    await page.getByLabel('Device name').fill('Bar tablet');
    await page.getByRole('button', { name: 'Pair this device' }).click();
    await expect(page.getByText('The pairing code has 8 letters and digits')).toBeVisible();
    expect(pairRequests).toBe(0);
  });

  test('the server’s refusal of an unknown code is shown to the person', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Pairing code').fill('zzzz zzzz');
    await page.getByLabel('Device name').fill('Bar tablet');
    const answer = page.waitForResponse('**/trpc/auth.pair');
    await page.getByRole('button', { name: 'Pair this device' }).click();
    expect((await answer).status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('That pairing code is not valid');
  });
});
