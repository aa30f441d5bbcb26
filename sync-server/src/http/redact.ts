/**
 * What a log line or an error report may say about a request (L1, L2). A URL keeps its path and
 * the names of its query parameters; a value only when it is known to be harmless, because
 * credentials travel in URLs: table tokens in customer pages (`/t/<token>`) and in `pay.*` tRPC
 * queries (`input=`), the device token of an SSE poke stream (`connectionParams=`), the client
 * secret of the emulator's pass-through (`client_secret=`). A parameter added later is
 * redacted until someone adds it here.
 */
const HARMLESS_QUERY_PARAMS = new Set(['batch', 'venueId', 'status', 'limit']);

export const REDACTED = '[redacted]';

/** `/t/<table token>` and its sub-pages: the token is the customer's only credential. */
const TABLE_PAGE = /^(\/t\/)[^/?#]+/;

export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const redactedPath = path.replace(TABLE_PAGE, `$1${REDACTED}`);
  if (queryAt < 0) return redactedPath;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      return HARMLESS_QUERY_PARAMS.has(decodeName(name)) ? pair : `${name}=${REDACTED}`;
    })
    .join('&');
  return `${redactedPath}?${query}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Header and field names whose values are credentials wherever they appear. */
const SECRET_KEY =
  /^(authorization|cookies?|set-cookie|x-staff-session|stripe-signature|.*token|.*secret|.*password|.*pin|pairing_?code|connection_?params|card_?number|cvc)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Credentials recognisable by their shape in free text (an error message, a breadcrumb, a URL
 * inside a message): device and bearer tokens, client secrets, pairing codes, and the URLs above.
 */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  [/\bBearer\s+\S+/gi, `Bearer ${REDACTED}`],
  [/\bdev_[\w-]+/g, REDACTED],
  [/\b(pi|seti|cs)_\w+_secret_\w+/g, REDACTED],
  [/\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\b/g, REDACTED],
  [/\bPINs?\b(?=[^\n]*\d{4})[^\n]*/gi, `PIN ${REDACTED}`],
];

/** A URL or a path anywhere in a text: redacted as a logged URL is. */
const URL_IN_TEXT = /(?:https?:\/\/[^\s/'"]+)?\/[^\s'"<>]*/g;

export function redactText(text: string): string {
  let result = text;
  for (const [shape, replacement] of SECRET_SHAPES) result = result.replace(shape, replacement);
  return result.replace(URL_IN_TEXT, (match) => {
    const origin = /^https?:\/\/[^/]+/.exec(match)?.[0] ?? '';
    return origin + redactUrl(match.slice(origin.length));
  });
}

/**
 * A copy of a JSON-like value with every credential removed: values under secret names
 * replaced, every string scrubbed of secret shapes. For Sentry events and breadcrumbs (L2).
 */
/** Where Sentry keeps a bare query string (`request.query_string`, a breadcrumb's `url.query`). */
const QUERY_KEY = /(^|[._])query(_string)?$/i;

export function redactDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    copy[key] = isSecretKey(key)
      ? REDACTED
      : QUERY_KEY.test(key) && typeof item === 'string'
        ? redactUrl(`?${item.replace(/^\?/, '')}`).slice(1)
        : redactDeep(item, depth + 1);
  }
  return copy as T;
}
