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
  close(): Promise<void>;
}
