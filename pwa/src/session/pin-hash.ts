import { scryptAsync } from '@noble/hashes/scrypt.js';

/**
 * Checks a PIN against a staff member's synced hash, on the tablet, without the server: the
 * same `scrypt$N$r$p$salt$hash` (base64url) format the server writes (sync-server
 * `auth/secrets.ts`), so staff can sign in while the Wi-Fi is down.
 */
export async function verifyPinHash(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const N = Number(n);
  const blockSize = Number(r);
  const parallel = Number(p);
  if (![N, blockSize, parallel].every((value) => Number.isSafeInteger(value) && value > 0)) {
    return false;
  }
  const expected = fromBase64Url(hash);
  const actual = await scryptAsync(new TextEncoder().encode(pin), fromBase64Url(salt), {
    N,
    r: blockSize,
    p: parallel,
    dkLen: expected.length,
    // Yield to the event loop often, so the PIN pad keeps animating while the hash runs.
    asyncTick: 10,
  });
  return constantTimeEqual(actual, expected);
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
