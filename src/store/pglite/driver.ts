import { PGlite } from '@electric-sql/pglite';
import { inProcessLock, type SqlDriver } from '../driver.ts';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a
 * folder on disk, or undefined for an in-memory database (tests).
 */
export async function openPgliteDriver(dataDir: string | undefined): Promise<SqlDriver> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    backend: 'pglite',
    exclusively: inProcessLock(),
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction(work) {
      return db.transaction(async (tx) =>
        work({
          async query<Row>(sql: string, params?: unknown[]) {
            return (await tx.query<Row>(sql, params)).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}
