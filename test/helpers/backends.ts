/**
 * The backends every store test runs on. PGlite always; PostgreSQL when a
 * server answers at SITREP_TEST_DATABASE_URL (default: the local server with
 * database `test`). On CI the PostgreSQL run is mandatory: if the server cannot
 * be reached the suite fails instead of skipping.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.ts';

export const TEST_DATABASE_URL = process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ON_CI = process.env.CI === 'true' || process.env.CI === '1';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** A new empty database; `location` opens it again (e.g. from a child process). */
  create(): Promise<{ location: string; drop(): Promise<void> }>;
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** On disk, in a temporary folder: the same path a user's `./sitrep-data` takes. */
const pgliteBackend: TestBackend = {
  name: 'pglite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-test-'));
    return { location: dir, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

/** Each test gets a database of its own on the server, dropped afterwards. */
const postgresBackend: TestBackend = {
  name: 'postgres',
  async create() {
    const name = `sitrep_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      location: url.toString(),
      async drop() {
        const admin2 = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin2.connect();
        await admin2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin2.end();
      },
    };
  },
};

export async function testBackends(): Promise<TestBackend[]> {
  const unreachable = await postgresReachable();
  if (unreachable === null) return [pgliteBackend, postgresBackend];
  if (ON_CI) throw new Error(`CI=true but PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${unreachable}`);
  console.warn(`PostgreSQL tests skipped: ${TEST_DATABASE_URL} unreachable (${unreachable})`);
  return [pgliteBackend];
}

/** Opens a fresh store on a backend; the returned close() also drops the database. */
export async function freshStore(backend: TestBackend): Promise<{ store: Store; location: string; close(): Promise<void> }> {
  const db = await backend.create();
  const store = await openStore(db.location);
  return {
    store,
    location: db.location,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}
