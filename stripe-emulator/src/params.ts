import { paramErrors } from './errors.ts';
import type { FormObject, FormValue } from './form.ts';

/**
 * Readers for form parameters. Each takes the container, the key and (for nested values) the
 * display path Stripe names in its errors, e.g. `payment_method_data[card][number]`.
 */
export type Metadata = Record<string, string>;

/** Stripe rejects parameters it does not know; silently ignoring them would hide our bugs. */
export function assertKnownParams(
  params: FormObject,
  allowed: readonly string[],
  prefix?: string,
): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw paramErrors.unknown(prefix ? `${prefix}[${key}]` : key);
  }
}

export function readString(params: FormObject, key: string, path = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw paramErrors.string(path);
  return value;
}

/** A string that cannot be unset: an empty value is Stripe's `parameter_invalid_empty`. */
export function readNonEmptyString(
  params: FormObject,
  key: string,
  path = key,
): string | undefined {
  const value = readString(params, key, path);
  if (value === '') throw paramErrors.empty(path);
  return value;
}

export function requireString(params: FormObject, key: string, path = key): string {
  const value = readNonEmptyString(params, key, path);
  if (value === undefined) throw paramErrors.missing(path);
  return value;
}

/** A nullable string field: `''` unsets it (→ null). */
export function readNullableString(
  params: FormObject,
  key: string,
  path = key,
): string | null | undefined {
  const value = readString(params, key, path);
  return value === '' ? null : value;
}

export function readInteger(params: FormObject, key: string, path = key): number | undefined {
  const value = readString(params, key, path);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw paramErrors.integer(path, value);
  }
  return Number(value);
}

export function requireInteger(params: FormObject, key: string, path = key): number {
  const value = readInteger(params, key, path);
  if (value === undefined) throw paramErrors.missing(path);
  return value;
}

export function readPositiveInteger(
  params: FormObject,
  key: string,
  path = key,
): number | undefined {
  const value = readInteger(params, key, path);
  if (value !== undefined && value < 1) throw paramErrors.positiveInteger(path);
  return value;
}

export function readBoolean(params: FormObject, key: string, path = key): boolean | undefined {
  const value = readString(params, key, path);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw paramErrors.boolean(path, value);
}

export function readEnum<T extends string>(
  params: FormObject,
  key: string,
  allowed: readonly T[],
  path = key,
): T | undefined {
  const value = readNonEmptyString(params, key, path);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw paramErrors.oneOf(path, value, allowed);
  }
  return value as T;
}

export function readObject(params: FormObject, key: string, path = key): FormObject | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' || Array.isArray(value)) throw paramErrors.object(path);
  return value;
}

export function readArray(params: FormObject, key: string, path = key): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw paramErrors.array(path);
  return value;
}

export function readObjectArray(params: FormObject, key: string, path = key): FormObject[] {
  return (readArray(params, key, path) ?? []).map((item, index) => {
    if (typeof item === 'string' || Array.isArray(item))
      throw paramErrors.object(`${path}[${index}]`);
    return item;
  });
}

/** `expand[]=latest_charge&expand[]=customer` */
export function readExpand(params: FormObject): string[] {
  return (readArray(params, 'expand') ?? []).map((item, index) => {
    if (typeof item !== 'string') throw paramErrors.string(`expand[${index}]`);
    return item;
  });
}

/**
 * Metadata as Stripe treats it: keys up to 40 characters, values up to 500, at most 50 keys.
 * `metadata=''` clears every key (→ null); `metadata[key]=''` removes that key on update.
 */
export function readMetadata(params: FormObject, key = 'metadata'): Metadata | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return null;
  if (typeof value === 'string' || Array.isArray(value)) throw paramErrors.object(key);
  const result: Metadata = {};
  for (const [name, entry] of Object.entries(value)) {
    const path = `${key}[${name}]`;
    if (typeof entry !== 'string') throw paramErrors.string(path);
    if (name.length > 40) {
      throw paramErrors.invalid(path, 'Metadata keys can have up to 40 characters.');
    }
    if (entry.length > 500) {
      throw paramErrors.invalid(path, 'Metadata values can have up to 500 characters.');
    }
    result[name] = entry;
  }
  return result;
}

/** Merge an update into existing metadata with Stripe's unset rules. */
export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged: Metadata = { ...current };
  for (const [name, value] of Object.entries(update)) {
    if (value === '') delete merged[name];
    else merged[name] = value;
  }
  if (Object.keys(merged).length > 50) {
    throw paramErrors.invalid('metadata', 'You can have up to 50 metadata keys.');
  }
  return merged;
}

/** Metadata on create: empty values are dropped, as there is nothing to unset yet. */
export function createMetadata(params: FormObject, key = 'metadata'): Metadata {
  return mergeMetadata({}, readMetadata(params, key) ?? undefined);
}

/** Three-letter ISO currency, lower-cased as Stripe stores it. */
export function readCurrency(params: FormObject, key = 'currency', path = key): string | undefined {
  const value = readNonEmptyString(params, key, path);
  if (value === undefined) return undefined;
  if (!/^[a-zA-Z]{3}$/.test(value)) {
    throw paramErrors.invalid(path, `Invalid currency: ${value.toLowerCase()}.`);
  }
  return value.toLowerCase();
}

export function requireCurrency(params: FormObject, key = 'currency', path = key): string {
  const value = readCurrency(params, key, path);
  if (value === undefined) throw paramErrors.missing(path);
  return value;
}
