import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GATEWAY = 'sync-server/src/payments/stripe-gateway.ts';

/** The rule ids the repository's own lint config reports for `code` placed at `file`. */
async function violations(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((m) => m.message.includes('Stripe emulator'))
    .map((m) => m.ruleId ?? 'fatal');
}

describe('only the Stripe gateway may import the emulator (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  it('refuses a static import of the package from another server module', async () => {
    const code =
      "import { startStripeEmulator } from '@servio/stripe-emulator';\nvoid startStripeEmulator;\n";
    expect(await violations(eslint, 'sync-server/src/payments/qr-checkout.ts', code)).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('refuses a type-only import too: the type comes through the gateway', async () => {
    const code =
      "import type { StripeEmulator } from '@servio/stripe-emulator';\nexport type E = StripeEmulator;\n";
    expect(await violations(eslint, 'sync-server/src/server.ts', code)).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('refuses a dynamic import elsewhere, and a relative path into the package', async () => {
    const dynamic = "export const load = () => import('@servio/stripe-emulator');\n";
    expect(await violations(eslint, 'sync-server/src/server.ts', dynamic)).toEqual([
      'no-restricted-syntax',
    ]);
    const relative =
      "import { startStripeEmulator } from '../../stripe-emulator/src/index.ts';\nvoid startStripeEmulator;\n";
    expect(await violations(eslint, 'e2e/support/customer.ts', relative)).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('lets the gateway load it', async () => {
    const code =
      "import type { StripeEmulator } from '@servio/stripe-emulator';\nexport type E = StripeEmulator;\nexport const load = () => import('@servio/stripe-emulator');\n";
    expect(await violations(eslint, GATEWAY, code)).toEqual([]);
  });
});
