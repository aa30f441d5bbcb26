import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The architecture page is only worth keeping if what it names is there: every repository path
// it puts in backticks exists, and every test title it quotes after a test file is in that file.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const page = readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
const topLevel = new Set(readdirSync(root));
const FILE = /\.(ts|tsx|js|mjs|json|md|sql|ya?ml|css|html)$/;

/** Backticked tokens that name something in the repository (not commands, packages or URLs). */
function namedPaths(markdown: string): string[] {
  const tokens = [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
  return tokens.filter(
    (token) =>
      (token.includes('/') || FILE.test(token)) &&
      !/[\s<>*(){}]/.test(token) &&
      // Packages (@servio/shared), URL paths (/api/…) and the history outside the repository.
      !/^(@|\/|\.\.\/|https?:)/.test(token),
  );
}

describe('docs/ARCHITECTURE.md', () => {
  const paths = [...new Set(namedPaths(page))];

  it('names its repository paths from the root, and each of them exists', () => {
    expect(paths.length).toBeGreaterThan(100);
    const missing = paths.filter((token) => {
      const first = token.split('/')[0]!;
      // A path relative to something else (`tables/qr`, a route) is not a repository path; a file
      // name on its own must be written from the root, so it can be checked.
      if (!topLevel.has(first)) return FILE.test(token);
      return !existsSync(path.join(root, token));
    });
    expect(missing).toEqual([]);
  });

  it('quotes only test titles that the named test file holds', () => {
    const citations = [
      ...page.matchAll(/`([^`\s]+\.(?:test|spec)\.tsx?)`((?:\s*"[^"\n]+"[;.]?)+)/g),
    ].flatMap((match) =>
      [...match[2]!.matchAll(/"([^"\n]+)"/g)].map((title) => ({
        file: match[1]!,
        title: title[1]!,
      })),
    );
    expect(citations.length).toBeGreaterThan(60);
    const absent = citations.filter(
      ({ file, title }) => !readFileSync(path.join(root, file), 'utf8').includes(title),
    );
    expect(absent).toEqual([]);
  });

  it('is the design the README links to', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/ARCHITECTURE.md)');
    expect(readme).not.toContain('../shared/ARCHITECTURE.md');
  });
});
