import type { Db, Queryable } from '../../src/db/db.ts';

/**
 * A Db whose transactions fail on a chosen statement, as a dropped connection or a crashed
 * database would: `failOn(/INSERT INTO order_lines/)` makes the next matching statement throw.
 */
export function failingDb(db: Db): Db & { failOn(pattern: RegExp): void; failures: number } {
  let armed: RegExp | undefined;
  const wrapper = {
    ...db,
    failures: 0,
    failOn(pattern: RegExp) {
      armed = pattern;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return db.transaction((tx) =>
        fn({
          exec: (sql) => tx.exec(sql),
          query(sql, params) {
            if (armed?.test(sql)) {
              armed = undefined;
              wrapper.failures += 1;
              return Promise.reject(new Error('Connection terminated unexpectedly (simulated)'));
            }
            return tx.query(sql, params);
          },
        }),
      );
    },
  };
  return wrapper;
}
