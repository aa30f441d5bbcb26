// The one database interface the server speaks. Two implementations stand behind it
// (a pg pool for real Postgres, PGlite for the embedded default); `test/db-contract.test.ts`
// runs one contract suite against both, so nothing above this line knows which it has.

export type Row = Record<string, unknown>;

export interface QueryResult<R extends Row = Row> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations, restores). */
  exec(sql: string): Promise<void>;
}

/** A connection held for the length of a callback: session-level state (advisory locks) survives between its queries. */
export interface Session extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export type DbMode = 'embedded' | 'postgres';

export interface Db extends Queryable {
  readonly mode: DbMode;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection (needed for session-level advisory locks). */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}
