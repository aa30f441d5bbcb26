import {
  formatMoney,
  isMutationName,
  MUTATION_BY_NAME,
  type CurrencyCode,
  type DescriptionLookup,
  type MutationDefinition,
  type MutationDescription,
  type RawMutation,
} from '@servio/shared';
import type { ServioDb } from './db.ts';

/**
 * Words for a name the device does not have (the record never reached it), as messages of
 * their own so they translate with the rest.
 */
const FALLBACKS = {
  itemName: { id: 'mutation.fallback.item', defaultMessage: 'an item' },
  lineName: { id: 'mutation.fallback.line', defaultMessage: 'a line' },
  tableName: { id: 'mutation.fallback.table', defaultMessage: 'another table' },
} as const satisfies Record<string, MutationDescription>;

/**
 * What a mutation tried to do, in the words of the person who did it ("Add 2 × Cola"), for a
 * rejection notice on the order: the mutation's own `describe` (its definition in
 * `@servio/shared`), with item, line and table names read from the local tables and amounts in
 * the venue's currency.
 */
export async function describeMutation(db: ServioDb, mutation: RawMutation): Promise<string> {
  return formatMessage(await describedAs(db, mutation));
}

/** The message (translation key, English default, values resolved on this device). */
export async function describedAs(
  db: ServioDb,
  mutation: RawMutation,
): Promise<MutationDescription> {
  if (!isMutationName(mutation.name)) {
    return {
      id: 'mutation.unknown',
      defaultMessage: 'Unknown action "{name}"',
      values: { name: mutation.name },
    };
  }
  const definition = MUTATION_BY_NAME[mutation.name] as MutationDefinition;
  const parsed = definition.args.safeParse(mutation.args);
  if (!parsed.success) {
    return {
      id: 'mutation.malformed',
      defaultMessage: 'A malformed "{name}" action',
      values: { name: mutation.name },
    };
  }
  const description = definition.describe(parsed.data);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(description.values ?? {})) {
    values[key] = typeof value === 'object' ? await resolve(db, value) : value;
  }
  return { ...description, values };
}

async function resolve(db: ServioDb, value: DescriptionLookup): Promise<string> {
  switch (value.lookup) {
    case 'itemName':
      return (await db.menuItems.get(value.id))?.name ?? formatMessage(FALLBACKS.itemName);
    case 'lineName':
      return (await db.orderLines.get(value.id))?.name ?? formatMessage(FALLBACKS.lineName);
    case 'tableName':
      return (await db.diningTables.get(value.id))?.name ?? formatMessage(FALLBACKS.tableName);
    case 'money': {
      const venue = await db.venues.toCollection().first();
      return venue ? formatMoney(value.minor, venue.currency as CurrencyCode) : String(value.minor);
    }
  }
}

/**
 * The English default with its `{placeholders}` filled in. The app has no i18n library yet;
 * the messages use plain placeholders only, so this renders them exactly as ICU would.
 */
export function formatMessage(message: MutationDescription): string {
  return message.defaultMessage.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
    const value = message.values?.[key];
    return value === undefined || typeof value === 'object' ? placeholder : String(value);
  });
}
