// The English catalogue (src/i18n/en.json), extracted from the messages declared in the code:
//   pnpm --filter @servio/pwa i18n:extract
// src/i18n/catalogue.test.ts runs the same extraction and fails when the file is out of date.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from '@formatjs/icu-messageformat-parser';

const pwaRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CATALOGUE = path.join(pwaRoot, 'src/i18n/en.json');

/**
 * Where messages are declared: the tablet app, and the mutation registry's descriptions (the
 * notices for refused changes), which `mutationMessage(...)` marks for the extractor.
 */
export const SOURCES = ['src/**/*.{ts,tsx}', '../shared/src/mutations/**/*.ts'];
export const IGNORED = ['**/*.test.{ts,tsx}', '**/testing/**'];
export const FUNCTION_NAMES = ['mutationMessage'];

export interface Extraction {
  /** id → English text, sorted by id. */
  messages: Record<string, string>;
  /** Ids declared more than once with different text (the extractor keeps only one). */
  duplicates: string[];
  /** Messages that are not valid ICU MessageFormat. */
  invalid: { id: string; error: string }[];
}

const formatjsCli = createRequire(import.meta.url).resolve('@formatjs/cli/bin/formatjs');

/** Runs `formatjs extract` over `sources` (globs relative to `cwd`) and checks what it found. */
export async function extractMessages({
  cwd = pwaRoot,
  sources = SOURCES,
  ignored = IGNORED,
}: { cwd?: string; sources?: string[]; ignored?: string[] } = {}): Promise<Extraction> {
  const dir = await mkdtemp(path.join(tmpdir(), 'servio-i18n-'));
  try {
    const outFile = path.join(dir, 'messages.json');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [
        formatjsCli,
        'extract',
        ...sources,
        ...(ignored.length > 0 ? ['--ignore', ...ignored] : []),
        '--additional-function-names',
        FUNCTION_NAMES.join(','),
        // The catalogue holds each text exactly as written: a fragment's leading space (" · ready
        // at 14:05") is part of what the screen shows.
        '--preserve-whitespace',
        '--out-file',
        outFile,
      ],
      { cwd },
    );
    const extracted = JSON.parse(await readFile(outFile, 'utf8')) as Record<
      string,
      { defaultMessage?: string }
    >;
    const messages: Record<string, string> = {};
    const invalid: Extraction['invalid'] = [];
    for (const id of Object.keys(extracted).sort()) {
      const text = extracted[id]?.defaultMessage ?? '';
      messages[id] = text;
      try {
        parse(text);
      } catch (error) {
        invalid.push({ id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    // The extractor keeps one of two texts under the same id and only warns about it.
    const duplicates = [...stderr.matchAll(/Duplicate message id: "([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    return { messages, duplicates, invalid };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The catalogue file's exact text for these messages (what prettier would write, too). */
export function catalogueText(messages: Record<string, string>): string {
  return `${JSON.stringify(messages, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { messages, duplicates, invalid } = await extractMessages();
  for (const id of duplicates)
    console.error(`Two messages share the id "${id}" with different text`);
  for (const { id, error } of invalid) console.error(`"${id}" is not valid ICU: ${error}`);
  if (duplicates.length > 0 || invalid.length > 0) process.exit(1);
  await writeFile(CATALOGUE, catalogueText(messages));
  console.log(
    `${Object.keys(messages).length} messages → ${path.relative(process.cwd(), CATALOGUE)}`,
  );
}
