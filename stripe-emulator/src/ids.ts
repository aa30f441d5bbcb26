import { randomBytes } from 'node:crypto';

/**
 * Produces the random part of every id (`pi_<token>`, `evt_<token>`, client secrets). Inject
 * `sequentialIds()` in tests for predictable ids; the default mimics Stripe's 24 base-62
 * characters.
 */
export type IdSource = () => string;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length = 24): string {
  // 62 does not divide 256: rejection sampling keeps the characters uniform.
  let token = '';
  while (token.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && token.length < length) token += ALPHABET[byte % 62];
    }
  }
  return token;
}

export const randomIds: IdSource = () => randomToken();

/** `000…001`, `000…002`, … in the order objects are created. */
export function sequentialIds(): IdSource {
  let counter = 0;
  return () => {
    counter += 1;
    return String(counter).padStart(24, '0');
  };
}
