/**
 * The little a store needs from a PostgreSQL connection. Two drivers implement
 * it — PGlite (embedded, WebAssembly) and node-postgres (a server) — and
 * everything above it, migrations and queries, is shared.
 */
export interface SqlExecutor {
  /** One statement with $1… parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlExecutor {
  readonly backend: 'pglite' | 'postgres';
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: SqlExecutor & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding the lock `name`, across every process using the
   * database (a PostgreSQL advisory lock; in PGlite, which one process owns,
   * an in-process queue). Released when `work` ends, or when the process dies.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs tasks one at a time in the order they ask: the lock of a database only one process can open. */
export function inProcessLock(): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const before = tails.get(name) ?? Promise.resolve();
    const mine = before.then(work, work);
    tails.set(name, mine.catch(() => undefined));
    return mine;
  };
}
