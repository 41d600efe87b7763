/**
 * One connect-bench run in a process of its own: feeds a workload
 * (bench/generate.ts) into a fresh store one article at a time — stored,
 * then connected by the incremental connect — and times each article's
 * connect, so the cost at ~1k and ~10k stored articles can be compared.
 * At each mark it also times the passes that are not per article: threads
 * (and story descriptions), the whole recompute the incremental connect
 * replaced (load every analysis, connect them all), and, when asked, a
 * rebuild from scratch. Prints one JSON line.
 *
 * Analysis is the costliest stage and not what is measured here: each
 * article's analysis is cached on disk (CACHE/<id>.json) the first time and
 * read back after, so repeated runs (and the other backend) skip it.
 *
 *   node --import tsx bench/connect-worker.ts LOCATION WORKLOAD CACHE MARKS SAMPLE REBUILD_MARKS
 */
import { mkdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { connectCorpus } from '../src/connect/corpus.ts';
import { loadLanguageDetector } from '../src/ingest/language.ts';
import { loadConnectArticles } from '../src/pipeline/connect-corpus.ts';
import { connectArticle, rebuildConnections, updateThreads } from '../src/pipeline/connect-incremental.ts';
import { expandPaths, readInputFile } from '../src/pipeline/inputs.ts';
import { openStore } from '../src/store/index.ts';
import { feedArticle } from './feed.ts';

const [location, workload, cache, marksArg, sampleArg, rebuildArg] = process.argv.slice(2) as [string, string, string, string, string, string];
const marks = marksArg.split(',').map(Number);
const sample = Number(sampleArg);
const rebuildAt = new Set(rebuildArg ? rebuildArg.split(',').filter(Boolean).map(Number) : []);
const last = Math.max(...marks) + sample;

const store = await openStore(location);
await mkdir(cache, { recursive: true });
const context = { now: new Date('2026-12-01T00:00:00Z'), languageDetector: await loadLanguageDetector() };
const connectMs: Array<{ stored: number; ms: number }> = [];
const atMarks: Array<{ mark: number; threadsMs: number; fullRecomputeMs: number; rebuildMs: number | null }> = [];
let stored = 0;
/** Exact copies (recorded as sources) and inputs that are not articles: nothing to connect. */
let copies = 0;

const { files } = await expandPaths([workload]);
outer: for (const file of files) {
  for await (const result of readInputFile(file)) {
    const id = await feedArticle(store, result, context, cache);
    if (id === null) {
      copies++;
      continue;
    }
    stored++;
    const started = performance.now();
    await connectArticle(store, id);
    connectMs.push({ stored, ms: performance.now() - started });
    if (process.env['BENCH_VERBOSE']) console.error(`${stored}\t${(performance.now() - started).toFixed(1)} ms`);

    if (marks.includes(stored)) {
      let t = performance.now();
      await updateThreads(store);
      const threadsMs = performance.now() - t;
      t = performance.now();
      connectCorpus(await loadConnectArticles(store));
      const fullRecomputeMs = performance.now() - t;
      let rebuildMs: number | null = null;
      if (rebuildAt.has(stored)) {
        t = performance.now();
        await rebuildConnections(store);
        rebuildMs = performance.now() - t;
      }
      atMarks.push({ mark: stored, threadsMs, fullRecomputeMs, rebuildMs });
      if (process.env['BENCH_VERBOSE']) console.error(JSON.stringify(atMarks.at(-1)));
    }
    if (stored >= last) break outer;
  }
}
await store.close();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
const windows = marks.map((mark) => {
  const ms = connectMs.filter((c) => c.stored > mark && c.stored <= mark + sample).map((c) => c.ms);
  return { mark, articles: ms.length, medianMs: percentile(ms, 0.5), p95Ms: percentile(ms, 0.95) };
});
console.log(JSON.stringify({ stored, copies, windows, atMarks, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
