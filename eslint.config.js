// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { pwaLayers } from './pwa/eslint-layers.js';
import { serverDomains } from './sync-server/eslint-domains.js';

// Dependency direction (docs/ARCHITECTURE.md, Layout): pwa -> shared, sync-server -> shared.
// shared imports neither side and no Node built-ins; the PWA takes only the *type*
// of the server's router.
const sideImports = [
  {
    group: ['@servio/sync-server', '@servio/sync-server/*'],
    message: 'shared must not import the server.',
  },
  { group: ['@servio/pwa', '@servio/pwa/*'], message: 'Nothing imports the PWA.' },
];

// The Stripe emulator is a stand-in for Stripe, not part of the product: only the Stripe gateway
// loads it (by dynamic import, in emulator mode), so a server with real keys never does.
// Everyone else names its type through the gateway (`import type { StripeEmulator } from
// '…/payments/stripe-gateway.ts'`). Core rules, so this block does not replace the
// @typescript-eslint/no-restricted-imports patterns of the blocks above.
const STRIPE_GATEWAY = 'sync-server/src/payments/stripe-gateway.ts';
const emulatorImport = {
  group: ['@servio/stripe-emulator', '@servio/stripe-emulator/*', '**/stripe-emulator/src/**'],
  message: `Only ${STRIPE_GATEWAY} may import the Stripe emulator; take its type from there.`,
};
export const stripeEmulatorBoundary = {
  files: ['**/*.{ts,tsx,js,mjs}'],
  ignores: ['stripe-emulator/**', STRIPE_GATEWAY],
  rules: {
    'no-restricted-imports': ['error', { patterns: [emulatorImport] }],
    'no-restricted-syntax': [
      'error',
      {
        selector: 'ImportExpression[source.value=/stripe-emulator/]',
        message: emulatorImport.message,
      },
    ],
  },
};

/**
 * Words people read go through react-intl (pwa/src/i18n/intl.ts), each message with an explicit
 * id in the `area.screen.thing` style and its English text as `defaultMessage`; the catalogue
 * pwa/src/i18n/en.json is extracted from them (`pnpm --filter @servio/pwa i18n:extract`).
 * The mutation registry's descriptions are messages too (`mutationMessage(...)`).
 */
const MESSAGE_ID = '^[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+$';
/** Props of our own components (ui/) and of the DOM that a person reads or hears. */
const TEXT_PROPS =
  '{label,title,description,placeholder,caption,empty,header,what,message,errorMessage,alt,aria-roledescription,aria-valuetext,aria-placeholder}';
const TEST_FILES = ['**/*.test.{ts,tsx}', '**/testing/**'];
export const messageRules = {
  files: ['pwa/src/**/*.{ts,tsx}', 'shared/src/mutations/**/*.ts'],
  ignores: TEST_FILES,
  plugins: { formatjs },
  settings: { formatjs: { additionalFunctionNames: ['mutationMessage'] } },
  rules: {
    'formatjs/enforce-id': [
      'error',
      { idInterpolationPattern: '[sha512:contenthash:base64:6]', idWhitelist: [MESSAGE_ID] },
    ],
    'formatjs/enforce-default-message': ['error', 'literal'],
    'formatjs/enforce-placeholders': 'error',
    'formatjs/no-invalid-icu': 'error',
  },
};
/** A mutation's description carries its values inside (`values`, resolved on the tablet). */
const registryValues = {
  files: ['shared/src/mutations/**/*.ts'],
  rules: { 'formatjs/enforce-placeholders': 'off' },
};
export const noUntranslatedText = {
  files: ['pwa/src/**/*.{ts,tsx}'],
  ignores: [
    ...TEST_FILES,
    // Until their screens are converted (issue 9, point 5, second half): remove each line as
    // its folder is.
    'pwa/src/features/manager/payments/**',
    'pwa/src/features/manager/tables/**',
    'pwa/src/features/manager/staff/**',
    'pwa/src/features/manager/venue/**',
    'pwa/src/features/manager/devices/**',
    'pwa/src/features/manager/audit/**',
    'pwa/src/features/manager/system/**',
    // customer/: order-page.tsx, menu/ and card-payment/ are converted; the rest is not yet.
    'pwa/src/features/customer/bill-card.tsx',
    'pwa/src/features/customer/bill-page.tsx',
    'pwa/src/features/customer/choice-tiles.tsx',
    'pwa/src/features/customer/field.tsx',
    'pwa/src/features/customer/finishing-payment.tsx',
    'pwa/src/features/customer/pay-options.tsx',
    'pwa/src/features/customer/pay-preview.ts',
    'pwa/src/features/customer/payment-outcome.ts',
    'pwa/src/features/customer/payment-receipt.tsx',
    'pwa/src/features/customer/step-heading.tsx',
    'pwa/src/features/customer/table-pay.tsx',
    'pwa/src/features/customer/table-states.tsx',
    'pwa/src/features/customer/tip-picker.tsx',
    'pwa/src/features/customer/use-table.ts',
  ],
  plugins: { formatjs },
  rules: {
    'formatjs/no-literal-string-in-jsx': [
      'error',
      {
        props: {
          include: [['*', TEXT_PROPS]],
        },
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.servio/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sideImports,
            { group: ['node:*'], message: 'shared is pure TypeScript with no I/O.' },
            {
              group: ['../../sync-server/*', '../../pwa/*'],
              message: 'shared imports neither side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['pwa/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@servio/sync-server', '@servio/sync-server/*', '../../sync-server/*'],
              message: 'The PWA imports only the type of the server router (import type).',
              allowTypeImports: true,
            },
            { group: ['@servio/pwa', '@servio/pwa/*'], message: 'Nothing imports the PWA.' },
          ],
        },
      ],
    },
  },
  {
    // The tablet app by feature: ui/ and lib/ (and data, sync, session, api, pwa) import no
    // feature; a feature uses another only through its index.ts (pwa/eslint-layers.js).
    files: ['pwa/src/**/*.{ts,tsx}'],
    plugins: { 'pwa-layers': pwaLayers },
    rules: { 'pwa-layers/layers': 'error' },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@servio/pwa', '@servio/pwa/*', '../../pwa/*'],
              message: 'Nothing imports the PWA.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server by domain: another domain only through its index.ts (sync-server/eslint-domains.js),
    // and no import cycles (type-only imports do not count: they vanish at run time).
    files: ['sync-server/src/**/*.ts'],
    plugins: { 'server-domains': serverDomains, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      'server-domains/domains': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  messageRules,
  registryValues,
  noUntranslatedText,
  stripeEmulatorBoundary,
);
