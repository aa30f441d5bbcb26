import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareTemplates } from './support/test-db.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Build the migrated database templates once, before the workers start, so each test file
// gets a fresh database in well under a second instead of paying for initdb and migrations.
// The CLI and start-up tests run the built server (dist/), as `pnpm start` and the CLI scripts
// do: build it once here (well under a second), so no two test files build it at the same time.
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
    cwd: serverDir,
    stdio: 'inherit',
  });
  await prepareTemplates();
}
