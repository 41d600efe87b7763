import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../model/index.ts';
import type { SqlDriver } from './driver.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * An arbitrary fixed key for pg_advisory_xact_lock, so that several workers
 * opening the same server at once apply each migration exactly once.
 */
const MIGRATION_LOCK_KEY = 7_341_022;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `NNNN_name.sql` files, in version order. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(new URL(file, `file://${dir}`), 'utf8'),
    })),
  );
}

/**
 * Applies the migrations a database lacks, each in its own transaction with
 * its version recorded, so a database made by an older sitrep opens in a newer
 * one and an interrupted upgrade resumes where it stopped.
 */
export async function migrate(driver: SqlDriver, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  await driver.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of all) {
    try {
      const didApply = await driver.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.length > 0) return false;
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        return true;
      });
      if (didApply) applied.push(migration.version);
    } catch (error) {
      throw new StoreError('EMIGRATE', `migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return applied;
}

export async function schemaVersion(driver: SqlDriver): Promise<number> {
  const rows = await driver.query<{ version: number | null }>('SELECT max(version)::int AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}
