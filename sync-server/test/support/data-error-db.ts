import type { Db, Queryable } from '../../src/db/db.ts';

/**
 * A Db on which the next statement matching a pattern is swapped for another SQL statement, run
 * on the same real database and connection: `replaceNext(/FROM tables/, "SELECT 'x'::int")` makes
 * that lookup fail with Postgres' own error (22P02 here), raised by the real driver.
 */
export function dataErrorDb(db: Db): Db & { replaceNext(pattern: RegExp, sql: string): void } {
  let armed: { pattern: RegExp; sql: string } | undefined;
  const swap = (sql: string): string | undefined => {
    if (!armed?.pattern.test(sql)) return undefined;
    const replacement = armed.sql;
    armed = undefined;
    return replacement;
  };
  const wrap = (queryable: Queryable): Queryable => ({
    exec: (sql) => queryable.exec(sql),
    query(sql, params) {
      const replacement = swap(sql);
      return replacement === undefined
        ? queryable.query(sql, params)
        : queryable.query(replacement);
    },
  });
  return {
    mode: db.mode,
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    session: (fn) =>
      db.session((session) =>
        fn({
          ...wrap(session),
          transaction: (inner) => session.transaction((tx) => inner(wrap(tx))),
        }),
      ),
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    poolStats: () => db.poolStats(),
    close: () => db.close(),
    replaceNext(pattern, sql) {
      armed = { pattern, sql };
    },
  };
}
