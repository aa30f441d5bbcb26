// One-off: render the PWA's PNG icons from their SVG sources with the system Chromium.
// Run from the repo root after editing an SVG:  node pwa/scripts/render-icons.mjs
// The PNGs are committed; the build does not run this (no browser needed to build).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));

/** Output file, SVG source, pixel size. "any" icons keep transparent corners; the rest are opaque. */
const targets = [
  { out: 'icon-192.png', svg: 'icon.svg', size: 192 },
  { out: 'icon-512.png', svg: 'icon.svg', size: 512 },
  { out: 'maskable-512.png', svg: 'icon-maskable.svg', size: 512 },
  // iOS ignores the manifest's icons and rounds the corners itself: give it the full-bleed art.
  { out: 'apple-touch-icon-180.png', svg: 'icon-maskable.svg', size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { out, svg, size } of targets) {
    const source = await readFile(iconsDir + svg);
    const dataUrl = `data:image/svg+xml;base64,${source.toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img id="icon" src="${dataUrl}" width="${size}" height="${size}" style="display:block">` +
        `</body></html>`,
    );
    await page.locator('#icon').evaluate((img) => img.decode());
    await page.screenshot({
      path: iconsDir + out,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote public/icons/${out} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
