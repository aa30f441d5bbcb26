import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rules that keep the tablet app translatable (eslint.config.js, eslint-plugin-formatjs),
// run through the repository's own ESLint config on code placed at a path inside pwa/src.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function i18nErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId?.startsWith('formatjs/'))
    .map((message) => `${message.line} ${message.ruleId ?? ''}`);
}

// The first lint loads the whole config and its plugins: seconds on a busy tablet-class machine.
describe('translatable text (lint)', { timeout: 60_000 }, () => {
  it('refuses English written straight into JSX, as text or as a prop people read', async () => {
    const code = [
      'export function Example() {',
      '  return (',
      '    <section aria-label="Orders" title="Open orders">',
      '      <p>No orders yet</p>',
      "      <input placeholder={'Search'} />",
      '    </section>',
      '  );',
      '}',
      '',
    ].join('\n');
    expect(await i18nErrors('pwa/src/features/pos/example.tsx', code)).toEqual([
      '3 formatjs/no-literal-string-in-jsx',
      '3 formatjs/no-literal-string-in-jsx',
      '4 formatjs/no-literal-string-in-jsx',
      '5 formatjs/no-literal-string-in-jsx',
    ]);
  });

  it('refuses a message without an explicit id, or without its English text', async () => {
    const code = [
      "import { defineMessages } from 'react-intl';",
      'export const messages = defineMessages({',
      "  noId: { defaultMessage: 'Open orders' },",
      "  hashId: { id: 'a1B2c3', defaultMessage: 'Closed orders' },",
      "  noText: { id: 'pos.floor.title' },",
      '});',
      '',
    ].join('\n');
    const errors = await i18nErrors('pwa/src/features/pos/example.ts', code);
    expect(errors).toEqual(
      expect.arrayContaining([
        '3 formatjs/enforce-id',
        '4 formatjs/enforce-id',
        '5 formatjs/enforce-default-message',
      ]),
    );
  });

  it('refuses a message that is not valid ICU', async () => {
    const code = [
      "import { defineMessage } from 'react-intl';",
      "export const items = defineMessage({ id: 'pos.order.items', defaultMessage: '{n, plural, one {# item}' });",
      '',
    ].join('\n');
    expect(await i18nErrors('pwa/src/features/pos/example.ts', code)).toContain(
      '2 formatjs/no-invalid-icu',
    );
  });

  it('accepts text that goes through react-intl, and leaves tests alone', async () => {
    const code = [
      "import { FormattedMessage, useIntl } from 'react-intl';",
      'export function Example() {',
      '  const intl = useIntl();',
      '  return (',
      "    <section aria-label={intl.formatMessage({ id: 'pos.example.orders', defaultMessage: 'Orders' })}>",
      '      <p><FormattedMessage id="pos.example.empty" defaultMessage="No orders yet" /></p>',
      '    </section>',
      '  );',
      '}',
      '',
    ].join('\n');
    expect(await i18nErrors('pwa/src/features/pos/example.tsx', code)).toEqual([]);
    const test = 'export const shown = <p>No orders yet</p>;\n';
    expect(await i18nErrors('pwa/src/features/pos/example.test.tsx', test)).toEqual([]);
  });
});
