/**
 * One bench run in a process of its own (so peak memory is this run's alone):
 * ingests a corpus into a fresh store, or only reads, cleans and analyses it, and prints
 * one JSON line: articles, stored, seconds, peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { loadLanguageDetector } from '../src/ingest/language.ts';
import { openStore } from '../src/store/index.ts';
import { analyzeArticle, ingestPaths, prepareArticle } from '../src/pipeline/ingest.ts';
import { expandPaths, readInputFile } from '../src/pipeline/inputs.ts';

const [mode, location, corpus] = process.argv.slice(2) as ['no-store' | 'store', string, string];

let articles = 0;
let stored = 0;
let seconds: number;
if (mode === 'no-store') {
  const started = performance.now();
  const { files } = await expandPaths([corpus]);
  const context = { now: new Date(), languageDetector: await loadLanguageDetector() };
  for (const file of files) {
    for await (const result of readInputFile(file)) {
      if (!result.ok) continue;
      try {
        analyzeArticle(prepareArticle(result, context).article);
        articles++;
        stored++;
      } catch {
        articles++;
      }
    }
  }
  seconds = (performance.now() - started) / 1000;
} else {
  const store = await openStore(location);
  // Opening (and migrating) a database is a one-off cost, not ingest throughput.
  const started = performance.now();
  const summary = await ingestPaths(store, [corpus]);
  seconds = (performance.now() - started) / 1000;
  articles = summary.stored + summary.duplicates + summary.failed;
  stored = summary.stored;
  await store.close();
}
console.log(JSON.stringify({ articles, stored, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
