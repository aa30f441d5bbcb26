#!/usr/bin/env node
// Builds the server and its CLIs to JavaScript in dist/ (what `pnpm start` and the CLI scripts run):
// dist/main.js and dist/cli/<name>.js, with source maps. The workspace packages (@servio/shared,
// whose exports point at TypeScript source, and @servio/stripe-emulator) are bundled in; npm
// packages stay external and load from node_modules as they are (PGlite reads its own wasm and
// data files next to its module; pino, Sentry and the rest resolve their own files).
// Code shared by several entries goes to dist/chunks/, and the emulator, imported dynamically by
// the Stripe gateway, becomes a chunk of its own that a server with real keys never loads.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(serverDir, 'dist');
const cliDir = path.join(serverDir, 'src/cli');
const clis = readdirSync(cliDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'common.ts')
  .map((file) => path.join(cliDir, file));

/** Every bare import except our own workspace packages is left to Node to resolve at run time. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@servio/') ? undefined : { path: args.path, external: true },
    );
  },
};

// Quiet for the CLI scripts (`demo:seed --json` prints JSON only); warnings and errors still show.
const quiet = process.argv.includes('--quiet');
const started = Date.now();
// dist/ is updated in place, not emptied first, so a server or CLI running from it is never
// left without its files: each changed file is written beside its place and renamed over it (a
// reader sees the old file or the new, never half of one), an unchanged file is left alone, and
// what this build did not produce is pruned at the end.
const result = await build({
  absWorkingDir: serverDir,
  entryPoints: [path.join(serverDir, 'src/main.ts'), ...clis],
  outbase: path.join(serverDir, 'src'),
  outdir,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
  write: false,
  plugins: [npmPackagesExternal],
});
const written = new Set();
for (const output of result.outputFiles) {
  written.add(output.path);
  if (existsSync(output.path) && readFileSync(output.path).equals(output.contents)) continue;
  mkdirSync(path.dirname(output.path), { recursive: true });
  const next = `${output.path}.${process.pid}.tmp`;
  writeFileSync(next, output.contents);
  renameSync(next, output.path);
}
for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (entry.isFile() && !written.has(file)) rmSync(file);
}
if (!quiet) {
  const modules = [...written].filter((file) => file.endsWith('.js')).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`sync-server: built ${modules} modules to dist/ in ${seconds} s`);
}
