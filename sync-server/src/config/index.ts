// The config domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { type Config, ConfigError, loadConfig, repoRoot } from './env.ts';
export {
  describeMisspelling,
  type Misspelling,
  misspeltSettings,
  productionProblems,
} from './start-up-checks.ts';
export { serverVersion } from './version.ts';
