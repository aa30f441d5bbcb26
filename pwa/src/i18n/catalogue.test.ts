import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  catalogueText,
  extractMessages,
  type Extraction,
} from '../../scripts/i18n-extract.ts';
import { formatDescribed, intl } from './intl.ts';

// The English catalogue is generated from the code (pwa/scripts/i18n-extract.ts); these tests
// run the same extraction, so a message added or changed without `pnpm --filter @servio/pwa
// i18n:extract` fails here rather than shipping a catalogue that lags the screens.
describe('the English catalogue (src/i18n/en.json)', () => {
  let extraction: Extraction;
  beforeAll(async () => {
    extraction = await extractMessages();
  }, 60_000);

  it('is exactly what the extractor finds in the code (run i18n:extract to update it)', async () => {
    expect(await readFile(CATALOGUE, 'utf8')).toBe(catalogueText(extraction.messages));
  });

  it('has no id declared twice with different text', () => {
    expect(extraction.duplicates).toEqual([]);
  });

  it('holds only valid ICU messages', () => {
    expect(extraction.invalid).toEqual([]);
  });

  it('includes the mutation registry’s descriptions, formatted by the same library', () => {
    expect(extraction.messages['mutation.order.addLine']).toBe('Add {quantity} × {item}');
    expect(
      formatDescribed({
        id: 'mutation.order.addLine',
        defaultMessage: 'Add {quantity} × {item}',
        values: { quantity: 2, item: 'Cola' },
      }),
    ).toBe('Add 2 × Cola');
    expect(intl.locale).toBe('en');
  });
});

describe('the catalogue checks catch what they are for', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'servio-i18n-fixture-'));
    await writeFile(
      path.join(dir, 'a.tsx'),
      [
        "import { FormattedMessage } from 'react-intl';",
        'export const A = () => <FormattedMessage id="fixture.same" defaultMessage="One text" />;',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'b.ts'),
      [
        "import { defineMessages } from 'react-intl';",
        'export const m = defineMessages({',
        "  same: { id: 'fixture.same', defaultMessage: 'Another text' },",
        "  broken: { id: 'fixture.broken', defaultMessage: 'Items: {count, plural, one {# item}' },",
        '});',
      ].join('\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports an id shared by two different texts, and a message that is not ICU', async () => {
    const found = await extractMessages({ cwd: dir, sources: ['*.{ts,tsx}'], ignored: [] });
    expect(found.duplicates).toEqual(['fixture.same']);
    expect(found.invalid.map((message) => message.id)).toEqual(['fixture.broken']);
  }, 60_000);
});
