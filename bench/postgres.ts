/** A throw-away PostgreSQL database for one bench configuration, on the server at `serverUrl`. */
import pg from 'pg';

export async function withPostgresDatabase<T>(serverUrl: string, work: (url: string) => Promise<T> | T): Promise<T> {
  const name = `sitrep_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
