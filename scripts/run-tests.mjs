#!/usr/bin/env node
// `pnpm test`: every suite (unit and server integration with vitest, browser tests with Playwright),
// then one plain closing line "N passed, N failed" summing them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const unitJson = path.join(results, 'unit-results.json');
const e2eJson = path.join(results, 'e2e-results.json');
rmSync(unitJson, { force: true });
rmSync(e2eJson, { force: true });

const only = process.argv[2]; // optional: "unit" or "e2e"
const run = (title, command, args) => {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
};
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let passed = 0;
let failed = 0;
const problems = [];

if (only !== 'e2e') {
  const status = run('unit and integration tests', 'pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${unitJson}`,
  ]);
  const report = readJson(unitJson);
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load counts as a failure even when no test in it ran.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    );
    failed += brokenFiles.length;
  }
  if (status !== 0 && (!report || report.numFailedTests === 0))
    problems.push(`vitest exited with ${status}`);
}

if (only !== 'unit') {
  // The browser tests run the built PWA on the built server, as `pnpm start` does.
  const built = run('build the PWA and the server', 'pnpm', ['build']);
  if (built !== 0) {
    problems.push('the PWA or the server did not build, so the browser tests could not run');
    failed += 1;
  } else {
    const status = run('browser tests', 'pnpm', ['exec', 'playwright', 'test']);
    const report = readJson(e2eJson);
    if (report) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    }
    if (status !== 0 && (!report || report.stats.unexpected === 0))
      problems.push(`playwright exited with ${status}`);
  }
}

for (const problem of problems) console.log(`problem: ${problem}`);
if (problems.length && failed === 0) failed = problems.length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
