/**
 * Opens a store from one location string:
 * - `postgres://…` / `postgresql://…` → a PostgreSQL server (node-postgres)
 * - `memory://` → an embedded database that lives only in this process
 * - `file://DIR` or a plain path → an embedded PGlite database in that folder
 * The driver not in use is never loaded.
 */
import { resolve } from 'node:path';
import { StoreError } from '../model/index.ts';
import type { SqlDriver } from './driver.ts';
import { migrate } from './migrate.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export type { SqlDriver } from './driver.ts';
export { loadMigrations, migrate, schemaVersion } from './migrate.ts';
export { textSearchConfig } from './sql-store.ts';
export * from './store.ts';

export type StoreLocation =
  | { backend: 'postgres'; url: string }
  | { backend: 'pglite'; dir: string | undefined };

export function parseStoreLocation(location: string): StoreLocation {
  const trimmed = location.trim();
  if (trimmed === '') throw new StoreError('ECONFIG', 'empty database location');
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { backend: 'postgres', url: trimmed };
  if (trimmed === 'memory://' || trimmed === ':memory:') return { backend: 'pglite', dir: undefined };
  if (trimmed.startsWith('file://')) return { backend: 'pglite', dir: resolve(decodeURIComponent(trimmed.slice(7))) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new StoreError('ECONFIG', `unsupported database URL "${trimmed}": use postgres://…, file://DIR, memory:// or a folder path`);
  }
  return { backend: 'pglite', dir: resolve(trimmed) };
}

/** Redacts the password of a connection URL for messages and logs. */
export function describeStoreLocation(location: string): string {
  const parsed = parseStoreLocation(location);
  if (parsed.backend === 'pglite') return parsed.dir ? `embedded database in ${parsed.dir}` : 'in-memory database';
  return `PostgreSQL ${parsed.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
}

/** A bare driver with no migrations applied (for tools and tests of migration itself). */
export async function openDriver(location: StoreLocation): Promise<SqlDriver> {
  if (location.backend === 'postgres') {
    const { openPostgresDriver } = await import('./pg/driver.ts');
    try {
      return await openPostgresDriver(location.url);
    } catch (error) {
      throw new StoreError('ECONNECT', `cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
    }
  }
  const { openPgliteDriver } = await import('./pglite/driver.ts');
  try {
    return await openPgliteDriver(location.dir);
  } catch (error) {
    throw new StoreError('ECONNECT', `cannot open embedded database ${location.dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Opens the store and brings its schema up to date. */
export async function openStore(location: string): Promise<Store> {
  const driver = await openDriver(parseStoreLocation(location));
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return createSqlStore(driver);
}
