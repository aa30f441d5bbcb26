import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inVenue } from '../src/db/venue-scope.ts';
import { seedDemoVenue, type DemoSeed } from '../src/demo/seed.ts';
import { availableKinds, createTestDb, type TestDb } from './support/test-db.ts';

describe.each(availableKinds)('row-level security on %s', (kind) => {
  let test: TestDb;
  let a: DemoSeed;
  let b: DemoSeed;
  beforeAll(async () => {
    test = await createTestDb(kind);
    a = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'rls-a',
    });
    b = await seedDemoVenue(test.db, {
      baseUrl: 'http://pos.test',
      now: Date.now(),
      slug: 'rls-b',
    });
  });
  afterAll(() => test.drop());

  it('shows a query that forgets WHERE venue_id only its own venue', async () => {
    const names = await inVenue(test.db, a.venue.id, async (tx) => {
      const { rows } = await tx.query<{ venue_id: string }>('SELECT venue_id FROM tables');
      return new Set(rows.map((row) => row.venue_id));
    });
    expect([...names]).toEqual([a.venue.id]);
    const venues = await inVenue(test.db, b.venue.id, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM venues'),
    );
    expect(venues.rows.map((row) => row.id)).toEqual([b.venue.id]);
  });

  it('refuses to write a row into another venue', async () => {
    await expect(
      inVenue(test.db, a.venue.id, (tx) =>
        tx.query(
          "INSERT INTO tax_rates (venue_id, id, name, rate_bps) VALUES ($1, gen_random_uuid(), 'x', 0)",
          [b.venue.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot update or delete another venue’s rows, even by id', async () => {
    const table = b.tables[0]!;
    const result = await inVenue(test.db, a.venue.id, (tx) =>
      tx.query("UPDATE tables SET name = 'stolen' WHERE id = $1", [table.id]),
    );
    expect(result.rowCount).toBe(0);
    const { rows } = await test.db.query<{ name: string }>(
      'SELECT name FROM tables WHERE id = $1',
      [table.id],
    );
    expect(rows[0]!.name).toBe(table.name);
  });

  it('sees nothing at all without a venue', async () => {
    const { rows } = await test.db.transaction(async (tx) => {
      await tx.query('SET LOCAL ROLE servio_app');
      return tx.query('SELECT id FROM orders UNION ALL SELECT id FROM staff');
    });
    expect(rows).toEqual([]);
  });

  it('keeps webhook events and migrations out of the venue role’s reach', async () => {
    await expect(
      inVenue(test.db, a.venue.id, (tx) => tx.query('SELECT * FROM stripe_webhook_events')),
    ).rejects.toThrow(/permission denied/);
  });
});
