import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A key derived from what is being paid (Stripe's `Idempotency-Key`, our request keys): the same
 * parts give the same key, so a retried request replays the first answer instead of charging
 * again; anything different (another amount, another attempt) gives another key.
 */
export function derivedKey(prefix: string, parts: readonly unknown[]): string {
  return `${prefix}_${createHash('sha256').update(canonical(parts)).digest('hex').slice(0, 40)}`;
}
