import { paramErrors } from './errors.ts';

/**
 * Stripe's v1 API takes `application/x-www-form-urlencoded` bodies (and query strings) with
 * bracket notation: `metadata[order_id]=7`, `line_items[0][price_data][currency]=eur`,
 * `expand[]=latest_charge`. Every leaf stays a string, as on the wire; the endpoint decides
 * what is an integer or a boolean.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** `a[b][0][]` → `['a', 'b', '0', '']`; a key without brackets is one segment. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/y;
  let position = open;
  while (position < key.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(key);
    // Anything that is not bracket notation (`a[b]c`) keeps the key whole, so the endpoint
    // rejects it as an unknown parameter, as Stripe does.
    if (!match) return [key];
    segments.push(match[1] ?? '');
    position = pattern.lastIndex;
  }
  return segments;
}

const isIndex = (segment: string) => segment === '' || /^\d+$/.test(segment);

function place(
  container: FormObject | FormValue[],
  segments: string[],
  value: string,
  key: string,
): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(container)) {
    const index = head === '' ? container.length : Number(head);
    if (rest.length === 0) {
      container[index] = value;
      return;
    }
    const existing = container[index];
    const child = existing ?? (isIndex(rest[0] ?? '') ? [] : {});
    if (typeof child === 'string') throw paramErrors.invalid(key, `Invalid hash: ${key}`);
    container[index] = child;
    place(child, rest, value, key);
    return;
  }
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  const existing = container[head];
  const child = existing ?? (isIndex(rest[0] ?? '') ? [] : {});
  if (typeof child === 'string') throw paramErrors.invalid(key, `Invalid hash: ${key}`);
  container[head] = child;
  place(child, rest, value, key);
}

/** Sparse indexes (`a[0]`, `a[2]`) collapse to a dense list, as Stripe's parser does. */
function compact(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  const result: FormObject = {};
  for (const [key, child] of Object.entries(value)) result[key] = compact(child);
  return result;
}

export function parseForm(input: string | URLSearchParams): FormObject {
  const search = typeof input === 'string' ? new URLSearchParams(input) : input;
  const root: FormObject = {};
  for (const [key, value] of search) {
    if (key === '') continue;
    place(root, splitKey(key), value, key);
  }
  return compact(root) as FormObject;
}

/** A stable serialisation: idempotency compares parameters, not the order they were sent in. */
export function canonicalJson(value: FormValue | undefined): string {
  if (value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
