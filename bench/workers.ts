/**
 * `npm run bench:workers`: end-to-end throughput (read → clean → analyse →
 * store → connect) on PostgreSQL with 1 and 2 `sitrep worker` processes
 * sharing the queue, against a single-process `sitrep ingest` of the same
 * corpus in the same run (the peer). Each configuration gets a fresh
 * database; the documents are enqueued first (not timed), then the workers
 * are started and timed until the queue is drained.
 *
 *   npm run bench:workers [-- --corpus DIR] [-- --runs 3]
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { withPostgresDatabase } from './postgres.ts';
import { optionReader } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const args = process.argv.slice(2);
const option = optionReader(args);
/** Three runs, interleaved: the median of three drops one outlier on a shared machine. */
const RUNS = Number(option('runs', '3'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
const PG_URL = option('pg', process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

/** Runs the CLI; resolves with its wall seconds. */
function sitrep(location: string, cliArgs: string[]): Promise<{ seconds: number; stderr: string }> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, '--db', location, ...cliArgs], {
      env: { ...process.env, SITREP_DB: '', DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 2) return fail(new Error(`sitrep ${cliArgs.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      done({ seconds, stderr });
    });
  });
}

async function storedArticles(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*)::int AS n FROM articles')).rows[0].n);
  } finally {
    await client.end();
  }
}

type Config = 'ingest (1 process)' | '1 worker' | '2 workers';

async function runConfig(config: Config): Promise<{ articles: number; seconds: number; perSecond: number }> {
  return withPostgresDatabase(PG_URL, async (url) => {
    if (config === 'ingest (1 process)') {
      const r = await sitrep(url, ['ingest', '--quiet', CORPUS]);
      const articles = await storedArticles(url);
      return { articles, seconds: r.seconds, perSecond: articles / r.seconds };
    }
    await sitrep(url, ['ingest', '--enqueue', CORPUS]);
    const n = config === '1 worker' ? 1 : 2;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: n }, () => sitrep(url, ['worker', '--drain'])));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const articles = await storedArticles(url);
    return { articles, seconds, perSecond: articles / seconds };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const configs: Config[] = ['ingest (1 process)', '1 worker', '2 workers'];
const results = new Map<Config, Array<{ articles: number; seconds: number; perSecond: number }>>(configs.map((c) => [c, []]));
for (let run = 0; run < RUNS; run++) {
  for (const config of configs) {
    const r = await runConfig(config);
    results.get(config)!.push(r);
    console.error(`run ${run + 1}/${RUNS} ${config}: ${r.articles} articles in ${r.seconds.toFixed(1)} s (${r.perSecond.toFixed(1)}/s)`);
  }
}
const peer = median(results.get('ingest (1 process)')!.map((r) => r.perSecond));
console.log(`\nEnd to end on PostgreSQL, ${CORPUS} (median of ${RUNS}; the clock starts when the workers start):`);
console.log('CONFIGURATION         ARTICLES  SECONDS  ARTICLES/S  × SINGLE PROCESS');
for (const config of configs) {
  const rs = results.get(config)!;
  const perSecond = median(rs.map((r) => r.perSecond));
  console.log(
    `${config.padEnd(20)}  ${String(rs[0]!.articles).padStart(8)}  ${median(rs.map((r) => r.seconds)).toFixed(1).padStart(7)}  ${perSecond.toFixed(1).padStart(10)}  ${(perSecond / peer).toFixed(2).padStart(16)}`,
  );
}
