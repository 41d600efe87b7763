/**
 * `npm run bench`: ingest throughput and peak memory on a realistic workload
 * (../shared/corpus/ukraine-gdelt-447: 447 real war articles), on each backend,
 * each run in a fresh child process and a fresh database. Beside them, in the
 * same run, a peer: the same inputs read, cleaned and analysed with no store, so the
 * cost of the database shows as a ratio that machine noise does not move much.
 *
 * Then the connect step: a workload made by bench/generate.ts is fed one
 * article at a time into a fresh store on each backend (bench/connect-worker.ts),
 * and each article's incremental connect is timed when the store holds about
 * each mark (1,000 and 10,000 articles); its peer, measured at the same mark in
 * the same run, is the whole recompute it replaced (every analysis loaded, every
 * connection computed again). Analyses are cached on disk (--cache) so the
 * analysis stage is paid once. Last, how far the incremental result is from
 * the whole recompute on the real articles (bench/connect-diff.ts).
 *
 *   npm run bench [-- --runs 5] [-- --corpus DIR] [-- --only ingest|connect]
 *                 [-- --marks 1000,10000] [-- --sample 100] [-- --rebuild-at 1000] [-- --cache DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ANALYZER_VERSION } from '../src/analyze/index.ts';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { withPostgresDatabase } from './postgres.ts';
import { median, optionReader } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = optionReader(args);
/** Three runs: the median of three already drops one outlier on a shared machine. */
const RUNS = Number(option('runs', '3'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
const PG_URL = option('pg', process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const ONLY = option('only', '');
/** Store sizes the per-article connect cost is measured at. */
const MARKS = option('marks', '1000,10000').split(',').map(Number);
/** Articles timed after each mark: enough for a median and a p95 that one slow commit does not set. */
const SAMPLE = Number(option('sample', '100'));
/** Marks at which a rebuild from scratch is timed too (it costs as much as connecting every article once). */
const REBUILD_AT = option('rebuild-at', String(MARKS[0]));
const CACHE = resolve(option('cache', join(tmpdir(), `sitrep-bench-analyses-v${ANALYZER_VERSION}`)));
/** Real articles (with two or more paragraphs) the generator puts first: the diff compares on them. */
const REAL_ARTICLES = Number(option('real', '425'));

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


interface ConnectResult {
  stored: number;
  windows: Array<{ mark: number; articles: number; medianMs: number; p95Ms: number }>;
  atMarks: Array<{ mark: number; threadsMs: number; fullRecomputeMs: number; rebuildMs: number | null }>;
  peakRssMb: number;
}

function node(script: string, args: string[]): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
  return child.stdout.trim().split('\n').pop()!;
}

async function connectBench() {
  const workload = await mkdtemp(join(tmpdir(), 'sitrep-bench-workload-'));
  try {
    // Enough articles that, after exact copies (about a tenth) and non-articles, the last mark plus its sample are stored.
    const count = Math.ceil((Math.max(...MARKS) + SAMPLE) * 1.25);
    console.log(`\nconnect: ${node('bench/generate.ts', ['--count', String(count), '--out', workload, '--corpus', CORPUS])}`);
    console.log(`analyses cached in ${CACHE} (analysis is paid once; what is timed is the connect step)`);
    const backends: Array<{ name: string; run: () => Promise<ConnectResult> }> = [
      {
        name: 'PGlite (on disk)',
        run: async () => {
          const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-'));
          try {
            return JSON.parse(node('bench/connect-worker.ts', [dir, workload, CACHE, MARKS.join(','), String(SAMPLE), REBUILD_AT])) as ConnectResult;
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
      },
    ];
    if (await postgresAvailable()) {
      backends.push({
        name: 'PostgreSQL server',
        run: () =>
          withPostgresDatabase(PG_URL, (url) => JSON.parse(node('bench/connect-worker.ts', [url, workload, CACHE, MARKS.join(','), String(SAMPLE), REBUILD_AT])) as ConnectResult),
      });
    }
    console.log('backend             store holds  connect ms/article: median    p95   threads+descriptions ms  whole recompute ms (peer)  × median  rebuild s');
    for (const backend of backends) {
      const r = await backend.run();
      for (const w of r.windows) {
        const at = r.atMarks.find((m) => m.mark === w.mark);
        console.log(
          `${backend.name.padEnd(18)}  ${String(w.mark).padStart(11)}  ${w.medianMs.toFixed(1).padStart(26)}  ${w.p95Ms.toFixed(1).padStart(6)}  ${(at?.threadsMs ?? NaN).toFixed(0).padStart(23)}  ${(at?.fullRecomputeMs ?? NaN).toFixed(0).padStart(25)}  ${((at?.fullRecomputeMs ?? NaN) / w.medianMs).toFixed(0).padStart(8)}  ${at?.rebuildMs != null ? (at.rebuildMs / 1000).toFixed(1).padStart(9) : '        -'}`,
        );
      }
      if (r.stored < Math.max(...MARKS) + SAMPLE) console.log(`  (only ${r.stored} articles stored: the workload ran out)`);
    }
    const diff = JSON.parse(node('bench/connect-diff.ts', [workload, CACHE, String(REAL_ARTICLES)])) as Record<string, unknown>;
    console.log(`\nincremental vs whole recompute on the ${REAL_ARTICLES} real articles (B-cubed F1 / Jaccard; 1 = the same):`);
    console.log(JSON.stringify(diff, null, 1));
  } finally {
    await rm(workload, { recursive: true, force: true });
  }
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
    backends.push({ name: 'PostgreSQL server', run: () => withPostgresDatabase(PG_URL, (url) => runWorker('store', url)) });
  } else console.error(`PostgreSQL at ${PG_URL} unreachable: its row is left out`);

  if (ONLY === 'connect') return connectBench();
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
  if (ONLY !== 'ingest') await connectBench();
}

await main();
