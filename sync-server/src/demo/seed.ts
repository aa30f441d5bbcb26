import { uuidv7 } from 'uuidv7';
import { createPairingCode, hashPin, randomToken } from '../auth/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { withVenueWrite } from '../sync/index.ts';
import { demoMenu, demoModifierGroups, demoStaff } from './demo-menu.ts';

export interface DemoSeed {
  venue: { id: string; name: string; slug: string; currency: string; timezone: string };
  staff: { id: string; name: string; role: string; pin: string }[];
  pairingCode: { code: string; expiresAt: string };
  tables: { id: string; name: string; area: string; qrToken: string; payUrl: string }[];
  menu: { categories: number; items: number; modifierGroups: number };
  urls: DemoUrls;
}

export interface DemoUrls {
  tablet: string;
  kitchen: string;
  manager: string;
  tablePay: string;
  health: string;
  apiDocs: string;
}

export function demoUrls(baseUrl: string, firstTableToken: string): DemoUrls {
  return {
    tablet: `${baseUrl}/`,
    kitchen: `${baseUrl}/kitchen`,
    manager: `${baseUrl}/manager`,
    tablePay: `${baseUrl}/t/${firstTableToken}`,
    health: `${baseUrl}/api/auth/health`,
    apiDocs: `${baseUrl}/api-docs`,
  };
}

const PAIRING_TTL_MS = 24 * 60 * 60 * 1000; // a demo code lasts the day

/** Creates a complete demo venue in one transaction and returns everything a person or script needs. */
export async function seedDemoVenue(
  db: Db,
  options: { baseUrl: string; now: number; slug?: string; name?: string },
): Promise<DemoSeed> {
  // Hash outside the transaction: scrypt is deliberately slow.
  const staff = await Promise.all(
    demoStaff.map(async (person) => ({
      ...person,
      id: uuidv7(),
      pinHash: await hashPin(person.pin),
    })),
  );
  const venueId = uuidv7();
  // The venue is new, so the fence can name it before its row exists (RLS checks the inserts).
  return withVenueWrite(db, venueId, { now: options.now }, async (write) => {
    const { tx } = write;
    const venue = {
      id: venueId,
      name: options.name ?? 'Servio Demo Bistro',
      slug: options.slug ?? 'demo',
      currency: 'EUR',
      timezone: 'Europe/Paris',
    };
    await tx.query(
      `INSERT INTO venues (id, name, slug, currency, timezone, business_day_cutoff, tax_mode, service_charge_bps)
       VALUES ($1, $2, $3, $4, $5, '04:00', 'inclusive', 0)`,
      [venue.id, venue.name, venue.slug, venue.currency, venue.timezone],
    );
    const version = await write.stamp();
    await tx.query('UPDATE venues SET version = $2 WHERE id = $1', [venue.id, version]);

    for (const person of staff) {
      await tx.query(
        'INSERT INTO staff (venue_id, id, name, role, pin_hash, version) VALUES ($1, $2, $3, $4, $5, $6)',
        [venue.id, person.id, person.name, person.role, person.pinHash, version],
      );
    }
    const menu = await seedMenu(tx, venue.id, version);

    const tables: DemoSeed['tables'] = [];
    for (let n = 1; n <= 12; n += 1) {
      const table = {
        id: uuidv7(),
        name: `T${n}`,
        area: n <= 8 ? 'Dining room' : 'Terrace',
        qrToken: randomToken(18),
      };
      await tx.query(
        `INSERT INTO tables (venue_id, id, name, area, seats, sort_order, qr_token, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          venue.id,
          table.id,
          table.name,
          table.area,
          n % 3 === 0 ? 6 : n % 2 === 0 ? 4 : 2,
          n,
          table.qrToken,
          version,
        ],
      );
      tables.push({ ...table, payUrl: `${options.baseUrl}/t/${table.qrToken}` });
    }
    const pairingCode = await createPairingCode(tx, venue.id, {
      now: options.now,
      ttlMs: PAIRING_TTL_MS,
      deviceName: 'Demo tablet',
    });
    return {
      venue,
      staff: staff.map(({ id, name, role, pin }) => ({ id, name, role, pin })),
      pairingCode,
      tables,
      menu,
      urls: demoUrls(options.baseUrl, tables[0]!.qrToken),
    };
  });
}

async function seedMenu(
  tx: Queryable,
  venueId: string,
  version: number,
): Promise<DemoSeed['menu']> {
  const taxIds = { food: uuidv7(), drinks: uuidv7() };
  await tx.query(
    `INSERT INTO tax_rates (venue_id, id, name, rate_bps, version) VALUES ($1, $2, 'Food 10%', 1000, $4), ($1, $3, 'Drinks 20%', 2000, $4)`,
    [venueId, taxIds.food, taxIds.drinks, version],
  );
  const groupIds = new Map<string, string>();
  for (const [key, group] of Object.entries(demoModifierGroups)) {
    const groupId = uuidv7();
    groupIds.set(key, groupId);
    await tx.query(
      'INSERT INTO modifier_groups (venue_id, id, name, min_choices, max_choices, version) VALUES ($1, $2, $3, $4, $5, $6)',
      [venueId, groupId, group.name, group.min, group.max, version],
    );
    for (const [index, [name, delta]] of group.options.entries()) {
      await tx.query(
        `INSERT INTO modifier_options (venue_id, id, group_id, name, price_delta_minor, sort_order, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [venueId, uuidv7(), groupId, name, delta, index, version],
      );
    }
  }
  let items = 0;
  for (const [categoryIndex, category] of demoMenu.entries()) {
    const categoryId = uuidv7();
    await tx.query(
      'INSERT INTO menu_categories (venue_id, id, name, sort_order, version) VALUES ($1, $2, $3, $4, $5)',
      [venueId, categoryId, category.category, categoryIndex, version],
    );
    for (const [itemIndex, item] of category.items.entries()) {
      const itemId = uuidv7();
      items += 1;
      await tx.query(
        `INSERT INTO menu_items (venue_id, id, category_id, name, description, price_minor, tax_rate_id, kitchen_station, sort_order, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          venueId,
          itemId,
          categoryId,
          item.name,
          item.description ?? '',
          item.price,
          taxIds[item.tax],
          item.station,
          itemIndex,
          version,
        ],
      );
      for (const [groupIndex, key] of (item.groups ?? []).entries()) {
        await tx.query(
          'INSERT INTO menu_item_modifier_groups (venue_id, item_id, group_id, sort_order, version) VALUES ($1, $2, $3, $4, $5)',
          [venueId, itemId, groupIds.get(key), groupIndex, version],
        );
      }
    }
  }
  return { categories: demoMenu.length, items, modifierGroups: groupIds.size };
}
