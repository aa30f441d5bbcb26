import { settingNames, type Config } from './env.ts';

// What `pnpm start` checks beyond a well-formed configuration (G1–G4 in docs/ARCHITECTURE.md).
// Kept out of `loadConfig` on purpose: the CLIs (migrate, backups, health:check) read the same
// configuration and must still run on a production box that, say, has no Stripe key.

/** An unknown variable that is most likely a misspelling of one of ours. */
export interface Misspelling {
  /** The variable as it is set. */
  name: string;
  /** The setting it most likely meant. */
  meant: string;
}

/**
 * The settings that would make a production server unsafe, each naming its variable; empty
 * outside production. Misspellings found in the environment are added to the problem they
 * probably explain (a misspelt DATABASE_URL is what silently falls back to the embedded database).
 */
export function productionProblems(config: Config, misspellings: Misspelling[] = []): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: [setting: string, problem: string][] = [];
  // G1: the emulator accepts test cards, so "payments" would never reach a bank.
  if (config.stripe.mode === 'emulator') {
    problems.push([
      'STRIPE_SECRET_KEY',
      'STRIPE_SECRET_KEY must be set in production (without it payments run on the Stripe emulator, which accepts test cards)',
    ]);
  }
  // G2: the demo venue's PINs are in the README; anyone could sign in as its owner.
  if (config.seedDemo === 'true') {
    problems.push([
      'SEED_DEMO',
      'SEED_DEMO must not be true in production (the demo venue’s staff PINs are published)',
    ]);
  }
  // G3: the embedded database is legitimate on a venue's single machine, but only when chosen.
  if (!config.databaseUrl && config.embeddedDatabase !== 'single-box') {
    problems.push([
      'DATABASE_URL',
      'DATABASE_URL must be set in production (without it the server runs on the embedded database); for a single-box venue install on the embedded database, set EMBEDDED_DATABASE=single-box',
    ]);
  }
  return problems.map(([setting, problem]) => {
    const hints = misspellings
      .filter((misspelling) => misspelling.meant === setting)
      .map((misspelling) => `${misspelling.name} is set: did you mean ${setting}?`);
    return hints.length > 0 ? `${problem} (${hints.join('; ')})` : problem;
  });
}

/**
 * G4: unknown variables within a typo of a setting (case aside): one edit from a short name such
 * as PORT, two from a longer one. Anything further away is someone else's variable (PATH, PGPORT,
 * HOSTNAME …) and is never mentioned. Only names are returned, never values (they may be secrets).
 */
export function misspeltSettings(
  source: NodeJS.ProcessEnv,
  known: readonly string[] = settingNames,
): Misspelling[] {
  const knownSet = new Set(known);
  const found: Misspelling[] = [];
  for (const name of Object.keys(source)) {
    if (knownSet.has(name)) continue;
    const upper = name.toUpperCase();
    let best: { meant: string; distance: number } | undefined;
    for (const setting of known) {
      const tolerance = setting.length <= 4 ? 1 : 2;
      if (Math.abs(setting.length - upper.length) > tolerance) continue;
      const distance = editDistance(upper, setting);
      if (distance <= tolerance && (!best || distance < best.distance)) {
        best = { meant: setting, distance };
      }
    }
    if (best) found.push({ name, meant: best.meant });
  }
  return found;
}

export function describeMisspelling({ name, meant }: Misspelling): string {
  return `${name} is set, but Servio reads no such variable: did you mean ${meant}?`;
}

/**
 * Optimal string alignment distance: inserting, deleting or replacing a character, or swapping
 * two adjacent ones, costs one edit each (the swap is the typo Levenshtein would count twice).
 */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j]!;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
