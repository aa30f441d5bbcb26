import { PGlite } from '@electric-sql/pglite';
import { types } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable, Row, Session } from './db.ts';

/**
 * PGlite is one connection in this process. A session or transaction must own it for its
 * whole length, so every entry point goes through one FIFO lock; inside the lock we talk to
 * PGlite directly.
 */
class Lock {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;
  get waiting(): number {
    return this.#waiting;
  }
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    const next = this.#tail.then(() => {
      this.#waiting -= 1;
      return fn();
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

function wrap(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<R extends Row = Row>(
      sql: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

// Same parsing as the pg implementation: int8 as a JS number (see pg-db.ts).
const parsers = { [types.INT8]: (value: string) => Number(value) };

export interface PgliteDbOptions {
  /** A data folder; omitted means in memory. */
  dataDir?: string;
  /** A tarball from `dumpDataDir` to start from (used for fast test databases). */
  loadDataDir?: Blob | File;
}

export async function createPgliteDb(
  options: PgliteDbOptions = {},
): Promise<Db & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers,
  });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGlite): Db & { pglite: PGlite } {
  const lock = new Lock();
  const direct = wrap(pglite);
  const transactionOn = <T>(fn: (tx: Queryable) => Promise<T>) =>
    pglite.transaction(async (tx) => fn(wrap(tx)));
  return {
    pglite,
    mode: 'embedded',
    query: (sql, params) => lock.run(() => direct.query(sql, params)),
    exec: (sql) => lock.run(() => direct.exec(sql)),
    transaction: (fn) => lock.run(() => transactionOn(fn)),
    session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
      return lock.run(() => fn({ ...direct, transaction: transactionOn }));
    },
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    poolStats: () => ({ total: 1, idle: lock.waiting === 0 ? 1 : 0, waiting: lock.waiting }),
    async close() {
      await lock.run(async () => {
        if (!pglite.closed) await pglite.close();
      });
    },
  };
}
