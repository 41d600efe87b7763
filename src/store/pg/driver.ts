import pg from 'pg';
import type { SqlDriver } from '../driver.ts';

/**
 * node-postgres against a PostgreSQL server. A small pool: one process ingests
 * article by article, so more connections would only sit idle.
 */
const POOL_SIZE = 4;

/**
 * Statements with parameters run as named prepared statements: the connect
 * step runs the same few dozen statements for every article, and planning
 * them each time (unnest joins, CTEs) cost about as much as running them.
 * node-postgres prepares a name once per connection and reuses it.
 */
const statementNames = new Map<string, string>();
function prepared(sql: string, params: unknown[] | undefined): pg.QueryConfig | string {
  if (!params || params.length === 0) return sql;
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `sitrep_${statementNames.size}`));
  return { name, text: sql, values: params };
}

export async function openPostgresDriver(connectionString: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE });
  // An idle pooled connection the server ends (a restart, an administrator,
  // DROP DATABASE … WITH (FORCE)) is reported here; without a listener it
  // would crash the process. The pool drops that client, and the next query
  // opens a new connection or fails with the server's reason — where it is
  // reported to the caller.
  pool.on('error', () => undefined);
  // Fail at open, with the server's reason, rather than at the first query.
  const probe = await pool.connect();
  probe.release();
  return {
    backend: 'postgres',
    async query<Row>(sql: string, params?: unknown[]) {
      const query = prepared(sql, params);
      const result = typeof query === 'string' ? await pool.query(query) : await pool.query(query);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row>(sql: string, params?: unknown[]) {
            const query = prepared(sql, params);
            return (typeof query === 'string' ? await client.query(query) : await client.query(query)).rows as Row[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exclusively(name, work) {
      // A session-level advisory lock on a connection of its own: held across the
      // transactions `work` runs on other connections; the server frees it if this process dies.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`sitrep:${name}`]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`sitrep:${name}`]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
