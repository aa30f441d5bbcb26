import {
  formatMoney,
  isMutationName,
  MUTATION_BY_NAME,
  type CurrencyCode,
  type DescriptionLookup,
  type MutationDefinition,
  type RawMutation,
} from '@servio/shared';
import { defineMessages } from 'react-intl';
import { formatDescribed, type DescribedMessage } from '../i18n/intl.ts';
import type { ServioDb } from './db.ts';

/**
 * Words for a name the device does not have (the record never reached it), as messages of
 * their own so they translate with the rest.
 */
const FALLBACKS = defineMessages({
  itemName: { id: 'mutation.fallback.item', defaultMessage: 'an item' },
  lineName: { id: 'mutation.fallback.line', defaultMessage: 'a line' },
  tableName: { id: 'mutation.fallback.table', defaultMessage: 'another table' },
});

const OUTSIDE_THE_REGISTRY = defineMessages({
  unknown: { id: 'mutation.unknown', defaultMessage: 'Unknown action "{name}"' },
  malformed: { id: 'mutation.malformed', defaultMessage: 'A malformed "{name}" action' },
});

/**
 * What a mutation tried to do, in the words of the person who did it ("Add 2 × Cola"), for a
 * rejection notice on the order: the mutation's own `describe` (its definition in
 * `@servio/shared`), with item, line and table names read from the local tables and amounts in
 * the venue's currency.
 */
export async function describeMutation(db: ServioDb, mutation: RawMutation): Promise<string> {
  return formatDescribed(await describedAs(db, mutation));
}

/** The message (translation key, English default, values resolved on this device). */
export async function describedAs(db: ServioDb, mutation: RawMutation): Promise<DescribedMessage> {
  if (!isMutationName(mutation.name)) {
    return { ...OUTSIDE_THE_REGISTRY.unknown, values: { name: mutation.name } };
  }
  const definition = MUTATION_BY_NAME[mutation.name] as MutationDefinition;
  const parsed = definition.args.safeParse(mutation.args);
  if (!parsed.success) {
    return { ...OUTSIDE_THE_REGISTRY.malformed, values: { name: mutation.name } };
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
      return (await db.menuItems.get(value.id))?.name ?? formatDescribed(FALLBACKS.itemName);
    case 'lineName':
      return (await db.orderLines.get(value.id))?.name ?? formatDescribed(FALLBACKS.lineName);
    case 'tableName':
      return (await db.diningTables.get(value.id))?.name ?? formatDescribed(FALLBACKS.tableName);
    case 'money': {
      const venue = await db.venues.toCollection().first();
      return venue ? formatMoney(value.minor, venue.currency as CurrencyCode) : String(value.minor);
    }
  }
}
