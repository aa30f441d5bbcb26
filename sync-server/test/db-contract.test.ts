import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableKinds, createTestDb, type TestDb } from './support/test-db.ts';

// One contract, every implementation of Db (STYLE: interchangeable parts, one suite).
describe.each(availableKinds)('Db contract on %s', (kind) => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb(kind, { migrated: false });
    await test.db.exec(
      'CREATE TABLE things (id integer PRIMARY KEY, label text NOT NULL, n bigint)',
    );
  });
  afterAll(() => test.drop());

  it('runs parameterised queries and reports affected rows', async () => {
    const inserted = await test.db.query('INSERT INTO things VALUES ($1, $2, $3), ($4, $5, $6)', [
      1,
      'one',
      10,
      2,
      'two',
      20,
    ]);
    expect(inserted.rowCount).toBe(2);
    const { rows } = await test.db.query<{ id: number; label: string }>(
      'SELECT id, label FROM things WHERE id = $1',
      [2],
    );
    expect(rows).toEqual([{ id: 2, label: 'two' }]);
  });

  it('parses bigint columns as numbers so counters and money stay numeric', async () => {
    const { rows } = await test.db.query<{ n: number; total: number }>(
      'SELECT n, (SELECT sum(n)::bigint FROM things) AS total FROM things WHERE id = 1',
    );
    expect(rows[0]).toEqual({ n: 10, total: 30 });
  });

  it('commits a transaction that resolves', async () => {
    await test.db.transaction(async (tx) => {
      await tx.query("INSERT INTO things VALUES (3, 'three', 30)");
    });
    const { rows } = await test.db.query('SELECT 1 FROM things WHERE id = 3');
    expect(rows).toHaveLength(1);
  });

  it('rolls back every statement of a transaction that throws', async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await tx.query("INSERT INTO things VALUES (4, 'four', 40)");
        await tx.query("UPDATE things SET label = 'changed' WHERE id = 1");
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    const { rows } = await test.db.query<{ label: string }>(
      'SELECT label FROM things WHERE id IN (1, 4) ORDER BY id',
    );
    expect(rows).toEqual([{ label: 'one' }]);
  });

  it('rolls back a transaction whose statement fails, and stays usable', async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await tx.query("INSERT INTO things VALUES (5, 'five', 50)");
        await tx.query("INSERT INTO things VALUES (1, 'duplicate', 0)");
      }),
    ).rejects.toThrow(/duplicate key/);
    const { rows } = await test.db.query('SELECT 1 FROM things WHERE id = 5');
    expect(rows).toHaveLength(0);
  });

  it('keeps transactions isolated from each other when run concurrently', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        test.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>(
            'SELECT n FROM things WHERE id = 1 FOR UPDATE',
          );
          await tx.query('UPDATE things SET n = $1 WHERE id = 1', [rows[0]!.n + 1]);
          return i;
        }),
      ),
    );
    const { rows } = await test.db.query<{ n: number }>('SELECT n FROM things WHERE id = 1');
    expect(rows[0]!.n).toBe(18);
  });

  it('runs a multi-statement script with exec', async () => {
    await test.db.exec(
      "INSERT INTO things VALUES (10, 'ten', 1); INSERT INTO things VALUES (11, 'eleven', 1);",
    );
    const { rows } = await test.db.query('SELECT id FROM things WHERE id >= 10');
    expect(rows).toHaveLength(2);
  });

  it('holds session state (an advisory lock) across the queries of a session', async () => {
    const held = await test.db.session(async (session) => {
      await session.query('SELECT pg_advisory_lock(42)');
      const { rows } = await session.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()",
      );
      await session.transaction(async (tx) => {
        await tx.query("INSERT INTO things VALUES (20, 'in session', 0)");
      });
      await session.query('SELECT pg_advisory_unlock(42)');
      return rows[0]!.n;
    });
    expect(held).toBe(1);
    const { rows } = await test.db.query('SELECT 1 FROM things WHERE id = 20');
    expect(rows).toHaveLength(1);
  });

  it('delivers NOTIFY payloads to listeners until they unlisten', async () => {
    const received: string[] = [];
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await test.db.listen('servio_contract', (payload) => {
      received.push(payload);
      arrived();
    });
    await test.db.query("SELECT pg_notify('servio_contract', 'hello')");
    await first;
    expect(received).toEqual(['hello']);
    await unlisten();
    await test.db.query("SELECT pg_notify('servio_contract', 'after')");
    // A round trip after the notify: had the listener still been subscribed, the payload would be here.
    await test.db.query('SELECT 1');
    expect(received).toEqual(['hello']);
  });

  it('reports pool statistics', () => {
    const stats = test.db.poolStats();
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(stats.waiting).toBeGreaterThanOrEqual(0);
  });
});
