import { z } from 'zod';
import { freeTextFields, type TextKindName } from './text.ts';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A string with a format or a pattern (an id, a code, a date) is not free text. */
function isShaped(schema: z.ZodType): boolean {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return 'format' in json || 'pattern' in json || 'enum' in json || 'const' in json;
}

/** A string field of a schema: free text of a kind, shaped (an id, a code), or unchecked. */
export interface StringField {
  path: string;
  kind: TextKindName | 'shaped' | 'unchecked';
}

/** Every string field of `schema`, by path (`items[].note`, `args.name`). */
export function stringFields(schema: z.ZodType, path = ''): StringField[] {
  const text = freeTextFields.get(schema);
  if (text) return [{ path: path || '(input)', kind: text.kind }];
  const def = defOf(schema);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'string':
      return [{ path: path || '(input)', kind: isShaped(schema) ? 'shaped' : 'unchecked' }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) =>
        stringFields(child, at(key)),
      );
    case 'array':
      return stringFields(def.element!, `${path}[]`);
    case 'union': {
      const seen = new Map<string, StringField>();
      for (const option of def.options ?? [])
        for (const field of stringFields(option, path))
          seen.set(`${field.path} ${field.kind}`, field);
      return [...seen.values()];
    }
    case 'intersection':
      return [...stringFields(def.left!, path), ...stringFields(def.right!, path)];
    case 'pipe':
      return stringFields(def.in!, path);
    case 'record':
      return stringFields(def.valueType!, `${path}{}`);
    case 'tuple':
      return [...(def.items ?? []), ...(def.rest ? [def.rest] : [])].flatMap((item, index) =>
        stringFields(item, `${path}[${index}]`),
      );
    case 'lazy':
      return stringFields(def.getter!(), path);
    default:
      return def.innerType ? stringFields(def.innerType, path) : [];
  }
}

/**
 * The paths of string fields in `schema` that take any text without being `freeText(kind)`
 * (`shared/src/text.ts`): what a test fails on, so no free-text field can skip the rules.
 * Strings with a format or pattern (ids, codes, dates), enums and literals pass.
 */
export function unguardedTextFields(schema: z.ZodType): string[] {
  return stringFields(schema)
    .filter((field) => field.kind === 'unchecked')
    .map((field) => field.path);
}

/** The paths of the `freeText` fields in `schema`. */
export function freeTextFieldPaths(schema: z.ZodType): string[] {
  return stringFields(schema)
    .filter((field) => field.kind !== 'unchecked' && field.kind !== 'shaped')
    .map((field) => field.path);
}
