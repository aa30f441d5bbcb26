import { randomBytes } from 'node:crypto';
import { migrateUp } from '../db/index.ts';
import { seedDemoVenue } from '../demo/index.ts';
import { configOrExit, hasFlag, withDb } from './common.ts';

// `pnpm run demo:seed [--json]`: a new demo venue (slug demo, or demo-xxxx when one exists).
const config = configOrExit('demo:seed');
const json = hasFlag('--json');
const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;

await withDb('demo:seed', config, async (db) => {
  await migrateUp(db);
  const { rows } = await db.query("SELECT 1 FROM venues WHERE slug = 'demo'");
  const slug = rows.length ? `demo-${randomBytes(3).toString('hex')}` : 'demo';
  const seed = await seedDemoVenue(db, { baseUrl, now: Date.now(), slug });
  if (json) {
    process.stdout.write(`${JSON.stringify(seed, null, 2)}\n`);
    return;
  }
  console.log(`Seeded ${seed.venue.name} (${seed.venue.slug}, ${seed.venue.id})`);
  console.log(`  pairing code ${seed.pairingCode.code} (until ${seed.pairingCode.expiresAt})`);
  for (const person of seed.staff)
    console.log(`  ${person.role.padEnd(8)} ${person.name.padEnd(14)} PIN ${person.pin}`);
  console.log(
    `  ${seed.menu.items} menu items in ${seed.menu.categories} categories, ${seed.tables.length} tables`,
  );
  console.log(`  table ${seed.tables[0]!.name} pays at ${seed.tables[0]!.payUrl}`);
});
