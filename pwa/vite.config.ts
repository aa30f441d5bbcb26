import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { parse } from '@formatjs/icu-messageformat-parser';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

/** The sync server during `vite dev` / `vite preview`; in production it serves this app itself. */
const SYNC_SERVER = 'http://127.0.0.1:3000';

/**
 * Paths the server owns. A navigation to one of them must reach the server (API docs,
 * metrics) instead of the cached app shell, and nothing under /trpc or /api is ever cached:
 * an order, a bill or a health answer read from a cache would be a lie.
 */
const SERVER_PATHS = [/^\/trpc(\/|$)/, /^\/api(\/|$)/, /^\/api-docs(\/|$)/, /^\/metrics(\/|$)/];

const serverProxy: Record<string, ProxyOptions> = {
  '/trpc': { target: SYNC_SERVER },
  '/api': { target: SYNC_SERVER },
};

/**
 * The catalogues (src/i18n/<locale>.json, id → ICU text) reach the built app already parsed, so
 * the bundle leaves out the ICU parser (about 9 kB gzip on the first load): with every message
 * precompiled, react-intl never parses text. src/i18n/catalogue.test.ts keeps en.json complete;
 * a message missing from it would show its English text unformatted. `vite dev` keeps the parser.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'servio:precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]i18n[\\/][a-z-]+\.json$/i.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const parsed = Object.entries(messages).map(([key, text]) => [key, parse(text)]);
      return { code: JSON.stringify(Object.fromEntries(parsed)), map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
    __APP_BUILT_AT__: JSON.stringify(new Date().toISOString()),
  },
  resolve: {
    alias:
      command === 'build'
        ? [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ]
        : [],
  },
  plugins: [
    ...(command === 'build' ? [precompiledMessages()] : []),
    react(),
    tailwindcss(),
    VitePWA({
      strategies: 'generateSW',
      // Never swap the running app under a person taking an order: a new version waits
      // until someone presses "Update" (src/pwa/update-prompt.tsx).
      registerType: 'prompt',
      // Registered from React (virtual:pwa-register/react), lazily, off the first-load path.
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Servio',
        short_name: 'Servio',
        description:
          'Point of sale for venues: tables, orders, kitchen and payments, online or not.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f172a',
        background_color: '#f4f5f7',
        lang: 'en',
        categories: ['business', 'food'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The whole shell, every lazy route chunk included, so any route opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        cleanupOutdatedCaches: true,
        // With registerType 'prompt' the new worker waits; these stay off so it never takes
        // over a page on its own.
        skipWaiting: false,
        clientsClaim: false,
        runtimeCaching: [
          {
            // Declared explicitly so no later caching rule can ever match these paths.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/(trpc|api)(\/|$)/.test(url.pathname),
            handler: 'NetworkOnly',
          },
        ],
      },
    }),
  ],
  server: { proxy: serverProxy },
  preview: { proxy: serverProxy },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
}));
