import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPinHash } from './pin-hash.ts';

/** A hash exactly as the server writes it (sync-server/src/auth/secrets.ts `hashPin`). */
function serverHash(pin: string, N = 16_384): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N, r: 8, p: 1 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

describe('PIN check on the tablet', () => {
  it('accepts the right PIN against a hash the server made, with its own parameters', async () => {
    const stored = serverHash('2000');
    expect(await verifyPinHash('2000', stored)).toBe(true);
  });

  it('refuses a wrong PIN', async () => {
    const stored = serverHash('2000', 1024);
    expect(await verifyPinHash('2001', stored)).toBe(false);
    expect(await verifyPinHash('', stored)).toBe(false);
  });

  it('refuses hashes it does not understand instead of throwing', async () => {
    expect(await verifyPinHash('2000', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPinHash('2000', 'scrypt$x$8$1$abc$def')).toBe(false);
    expect(await verifyPinHash('2000', 'scrypt$test')).toBe(false);
  });
});
