import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The server's domain boundaries (sync-server/eslint-domains.js and import-x/no-cycle), run
// through the repository's own ESLint config on code placed at a path inside sync-server/src.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function errors(file: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(repoRoot, 'sync-server/src', file),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === rule)
    .map((message) => message.message);
}

describe('the server’s domain boundaries (lint)', () => {
  it('a domain may not reach into another domain’s files', async () => {
    expect(
      await errors(
        'payments/example.ts',
        "export { lockClock } from '../sync/clock.ts';\n",
        'server-domains/domains',
      ),
    ).toEqual([
      'The payments domain may use the sync domain only through sync/index.ts, not ../sync/clock.ts (export what you need from there).',
    ]);
    expect(
      await errors(
        'app-example.ts',
        "export { opsRoutes } from './ops/routes.ts';\n",
        'server-domains/domains',
      ),
    ).toHaveLength(1);
  });

  it('a domain may use another through its index.ts, and its own files freely', async () => {
    const code = [
      "export { withVenueWrite } from '../sync/index.ts';",
      "export { PaymentError } from './errors.ts';",
      '',
    ].join('\n');
    expect(await errors('payments/example.ts', code, 'server-domains/domains')).toEqual([]);
  });

  it('an import cycle is refused', async () => {
    // sync/index.ts → sync/push.ts → sync/venue-write.ts; a venue-write file importing the
    // index back would close the circle.
    const found = await errors(
      'sync/venue-write.ts',
      "import { pushMutations } from './index.ts';\nexport const push = pushMutations;\n",
      'import-x/no-cycle',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/Dependency cycle/);
  });

  it('the audit log has one writer, recordAudit in db/audit.ts', async () => {
    const byHand = [
      'export const sql = `',
      '  insert into audit_log (venue_id, id, action) VALUES ($1, $2, $3)`;',
      '',
    ].join('\n');
    expect(await errors('payments/example.ts', byHand, 'server-domains/table-writers')).toEqual([
      'Write audit_log through recordAudit (db/audit.ts), not with an INSERT of your own.',
    ]);
    expect(
      await errors(
        'auth/example.ts',
        "export const sql = 'INSERT INTO audit_log (venue_id) VALUES ($1)';\n",
        'server-domains/table-writers',
      ),
    ).toHaveLength(1);
    // Reading it is anyone's, and other tables are not held to a writer.
    const reads = [
      "export const a = 'SELECT action FROM audit_log WHERE venue_id = $1';",
      "export const b = 'INSERT INTO refunds (venue_id) VALUES ($1)';",
      '',
    ].join('\n');
    expect(await errors('backoffice/example.ts', reads, 'server-domains/table-writers')).toEqual(
      [],
    );
    expect(await errors('db/audit.ts', byHand, 'server-domains/table-writers')).toEqual([]);
  });
});
