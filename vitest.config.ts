import { defineConfig } from 'vitest/config';

// One run covers every package; each package's own vitest.config.ts sets its environment.
// Two cores here: keep workers low so the database-backed suites do not starve each other.
export default defineConfig({
  test: {
    projects: [
      'shared',
      'stripe-emulator',
      'sync-server',
      'pwa',
      // docs/ARCHITECTURE.md names files and tests; this keeps the names true.
      { test: { name: 'docs', include: ['docs/**/*.test.ts'] } },
    ],
    maxWorkers: 2,
  },
});
