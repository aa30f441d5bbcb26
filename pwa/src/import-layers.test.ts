import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the tablet app's folders one-way (pwa/eslint-layers.js), run through
// the repository's own ESLint config on code placed at a path inside pwa/src.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, 'pwa/src', file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'pwa-layers/layers')
    .map((message) => message.message);
}

// The first lint loads the whole config and its plugins: seconds on a busy tablet-class machine.
describe('the PWA’s folder boundaries (lint)', { timeout: 60_000 }, () => {
  it('a feature may not reach into another feature’s files', async () => {
    const errors = await layerErrors(
      'features/kitchen/example.ts',
      "export { usePos } from '../pos/pos-context.tsx';\n",
    );
    expect(errors).toEqual([
      'Feature “kitchen” may use feature “pos” only through features/pos/index.ts, not ../pos/pos-context.tsx.',
    ]);
  });

  it('a feature may use another through its index.ts, and its own files freely', async () => {
    const code = [
      "export { usePos } from '../pos/index.ts';",
      "export { ManagerLayout } from './manager-layout.tsx';",
      "export { Button } from '../../ui/button.tsx';",
      '',
    ].join('\n');
    expect(await layerErrors('features/manager/example.ts', code)).toEqual([]);
  });

  it('ui/ and lib/ import no feature, not even its index.ts, statically or lazily', async () => {
    expect(
      await layerErrors(
        'ui/example.ts',
        "export { SignedIn } from '../features/session/index.ts';\n",
      ),
    ).toEqual([
      'ui/ is below the features: it must not import ../features/session/index.ts (move the shared part down to ui/ or lib/).',
    ]);
    expect(
      await layerErrors(
        'lib/example.ts',
        "export const load = () => import('../features/manager/routes.ts');\n",
      ),
    ).toHaveLength(1);
  });

  it('the data, sync and session layers import no feature and not the app shell', async () => {
    expect(
      await layerErrors(
        'session/example.ts',
        "export { FirstSync } from '../features/session/first-sync.tsx';\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('sync/example.ts', "export { router } from '../app/router.tsx';\n"),
    ).toEqual(['sync/ must not import the app shell (../app/router.tsx).']);
  });

  it('tells a feature folder from the layer of the same name (features/session vs session/)', async () => {
    // From features/pos/floor, ../../session is features/session; from features/pos it is the
    // session layer, which any feature may use.
    expect(
      await layerErrors(
        'features/pos/floor/example.ts',
        "export { SignedIn } from '../../session/signed-in.tsx';\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'features/pos/example.ts',
        "export { useSession } from '../../session/index.ts';\n",
      ),
    ).toEqual([]);
  });
});
