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
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ANALYZER_VERSION } from '../src/analyze/index.ts';
import { connectCorpus } from '../src/connect/corpus.ts';
import { loadLanguageDetector } from '../src/ingest/language.ts';
import type { Analysis, CleanArticle } from '../src/model/index.ts';
import { loadConnectArticles } from '../src/pipeline/connect-corpus.ts';
import { connectArticle, rebuildConnections, updateThreads } from '../src/pipeline/connect-incremental.ts';
import { analyzeArticle, findOriginal, prepareArticle, searchVariants } from '../src/pipeline/ingest.ts';
import { expandPaths, readInputFile } from '../src/pipeline/inputs.ts';
import { openStore } from '../src/store/index.ts';

const [location, workload, cache, marksArg, sampleArg, rebuildArg] = process.argv.slice(2) as [string, string, string, string, string, string];
const marks = marksArg.split(',').map(Number);
const sample = Number(sampleArg);
const rebuildAt = new Set(rebuildArg ? rebuildArg.split(',').filter(Boolean).map(Number) : []);
const last = Math.max(...marks) + sample;

async function analysed(article: CleanArticle, id: string): Promise<{ article: CleanArticle; analysis: Analysis }> {
  const path = join(cache, `${id}.json`);
  if (existsSync(path)) return JSON.parse(await readFile(path, 'utf8')) as { article: CleanArticle; analysis: Analysis };
  const result = analyzeArticle(article);
  await writeFile(path, JSON.stringify(result));
  return result;
}

const store = await openStore(location);
await mkdir(cache, { recursive: true });
const context = { now: new Date('2026-12-01T00:00:00Z'), languageDetector: await loadLanguageDetector() };
const connectMs: Array<{ stored: number; ms: number }> = [];
const atMarks: Array<{ mark: number; threadsMs: number; fullRecomputeMs: number; rebuildMs: number | null }> = [];
let stored = 0;
let copies = 0;

const { files } = await expandPaths([workload]);
outer: for (const file of files) {
  for await (const result of readInputFile(file)) {
    if (!result.ok) continue;
    let prepared: ReturnType<typeof prepareArticle>;
    try {
      prepared = prepareArticle(result, context);
    } catch {
      continue; // not an article (too short, no text): ingest records it as a failure
    }
    const found = await findOriginal(store, prepared);
    const base = { id: prepared.id, contentHash: prepared.contentHash, bandKeys: prepared.bandKeys, ingestedAt: context.now.toISOString() };
    if (found === 'exact') {
      await store.saveArticle({ ...prepared.article, ...base, duplicateOf: null, similarity: null });
      copies++;
      continue;
    }
    const { article, analysis } = await analysed(prepared.article, prepared.id);
    const { text: _text, ...rest } = analysis;
    await store.saveArticle({
      ...article,
      ...base,
      duplicateOf: found?.id ?? null,
      similarity: found ? Number(found.similarity.toFixed(3)) : null,
      analysis: { analyzerVersion: ANALYZER_VERSION, analysis: rest, variants: searchVariants(analysis.entityIndex) },
    });
    stored++;
    const started = performance.now();
    await connectArticle(store, prepared.id);
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
