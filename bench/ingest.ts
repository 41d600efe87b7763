/**
 * `npm run bench`: ingest throughput and peak memory on a realistic workload
 * (../shared/corpus/ukraine-gdelt-447: 447 real war articles), on each backend,
 * each run in a fresh child process and a fresh database. Beside them, in the
 * same run, a peer: the same inputs read, cleaned and analysed with no store, so the
 * cost of the database shows as a ratio that machine noise does not move much.
 *
 *   npm run bench [-- --runs 5] [-- --corpus DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
/** Three runs: the median of three already drops one outlier on a shared machine. */
const RUNS = Number(option('runs', '3'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
const PG_URL = option('pg', process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

interface RunResult {
  articles: number;
  stored: number;
  seconds: number;
  peakRssMb: number;
}

function runWorker(mode: 'no-store' | 'store', location: string): RunResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/ingest-worker.ts'), mode, location, CORPUS], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench worker failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as RunResult;
}

async function withPostgresDatabase<T>(work: (url: string) => Promise<T> | T): Promise<T> {
  const name = `sitrep_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  if (!existsSync(CORPUS)) {
    console.error(`bench: corpus not found at ${CORPUS} (pass --corpus DIR)`);
    process.exit(1);
  }
  const backends: Array<{ name: string; run: () => Promise<RunResult> }> = [
    { name: 'read, clean, analyse; no store (peer)', run: async () => runWorker('no-store', '') },
    {
      name: 'PGlite (embedded, on disk)',
      run: async () => {
        const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-'));
        try {
          return runWorker('store', dir);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
  ];
  if (await postgresAvailable()) {
    backends.push({ name: 'PostgreSQL server', run: () => withPostgresDatabase((url) => runWorker('store', url)) });
  } else console.error(`PostgreSQL at ${PG_URL} unreachable: its row is left out`);

  console.log(`corpus: ${CORPUS}\nruns per backend: ${RUNS} (interleaved; medians shown)\n`);
  const results = new Map<string, RunResult[]>(backends.map((b) => [b.name, []]));
  // Interleave the backends run by run, so a noisy minute hurts all of them alike.
  for (let r = 0; r < RUNS; r++) {
    for (const backend of backends) results.get(backend.name)!.push(await backend.run());
  }
  const peer = median(results.get(backends[0]!.name)!.map((r) => r.articles / r.seconds));
  console.log('backend                                 articles  stored  median s  articles/s  × peer  peak RSS MB');
  for (const [name, runs] of results) {
    const rate = median(runs.map((r) => r.articles / r.seconds));
    console.log(
      `${name.padEnd(38)}  ${String(runs[0]!.articles).padStart(8)}  ${String(runs[0]!.stored).padStart(6)}  ${median(runs.map((r) => r.seconds)).toFixed(2).padStart(8)}  ${rate.toFixed(1).padStart(10)}  ${(rate / peer).toFixed(2).padStart(6)}  ${median(runs.map((r) => r.peakRssMb)).toFixed(0).padStart(11)}`,
    );
  }
}

await main();
