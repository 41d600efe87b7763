/**
 * `npm run bench:attribution`: throughput of the attribution pass
 * (extractAttributions) and the figures pass on a realistic workload
 * (../shared/corpus/ukraine-gdelt-447, ingest-cleaned as `sitrep ingest`
 * cleans it), on the context analyze() builds for each article.
 *
 * With `--baseline DIR` (a copy of an older `src/`, e.g. from
 * `git archive <commit> src | tar -x -C DIR`), the older extractAttributions
 * runs beside the current one in the same process, rounds interleaved, so
 * the ratio is measured in the same run on the same machine load; and the
 * two outputs are compared article by article (`--diffs N` prints the first
 * N articles whose quotes or claims differ).
 *
 *   npm run bench:attribution [-- --rounds 5] [-- --baseline DIR] [-- --diffs N] [-- --corpus DIR]
 *
 * MB are of the article text (UTF-8) per CPU second (user + system).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/analyze/index.ts';
import { type AttributionContext, extractAttributions } from '../src/analyze/attribution/index.ts';
import { extractFigures } from '../src/analyze/figures/index.ts';
import { loadLanguageDetector } from '../src/ingest/language.ts';
import { captionsOf, prepareArticle } from '../src/pipeline/ingest.ts';
import { expandPaths, readInputFile } from '../src/pipeline/inputs.ts';
import { median, optionReader } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = optionReader(args);
/** Five rounds: the median of five drops two outliers on a shared machine. */
const ROUNDS = Number(option('rounds', '5'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
const BASELINE = option('baseline', '');
const DIFFS = Number(option('diffs', '0'));

type Extract = typeof extractAttributions;

interface Doc {
  text: string;
  context: AttributionContext;
  bytes: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}


async function loadDocs(): Promise<Doc[]> {
  const { files } = await expandPaths([CORPUS]);
  const ingest = { now: new Date(), languageDetector: await loadLanguageDetector() };
  const docs: Doc[] = [];
  for (const file of files) {
    for await (const result of readInputFile(file)) {
      if (!result.ok) continue;
      let article;
      try {
        article = prepareArticle(result, ingest).article;
      } catch {
        continue; // not an article (empty after cleaning): ingest records it as a failure
      }
      const a = analyze({ text: article.text, published: article.published, captions: captionsOf(article) });
      const context = { sentences: a.sentences, entities: a.entities, entityIndex: a.entityIndex, times: a.times, sentenceTimes: a.sentenceTimes };
      docs.push({ text: article.text, context, bytes: Buffer.byteLength(article.text, 'utf8') });
    }
  }
  return docs;
}

function timeRound(docs: readonly Doc[], run: (d: Doc) => unknown): number {
  const t0 = process.cpuUsage();
  for (const d of docs) run(d);
  return cpuMs(t0);
}

async function main() {
  if (!existsSync(CORPUS)) {
    console.error(`bench:attribution: corpus not found at ${CORPUS} (pass --corpus DIR)`);
    process.exit(1);
  }
  let baseline: Extract | null = null;
  if (BASELINE) {
    const entry = resolve(BASELINE, 'src/analyze/attribution/index.ts');
    if (!existsSync(entry)) {
      console.error(`bench:attribution: no ${entry} (pass --baseline DIR holding an older src/)`);
      process.exit(1);
    }
    baseline = ((await import(pathToFileURL(entry).href)) as { extractAttributions: Extract }).extractAttributions;
  }
  const docs = await loadDocs();
  const mb = docs.reduce((n, d) => n + d.bytes, 0) / 1e6;
  const current = (d: Doc) => extractAttributions(d.text, d.context);
  const old = baseline ? (d: Doc) => baseline(d.text, d.context) : null;
  // Warm-up: JIT both versions before timing.
  for (const d of docs) {
    current(d);
    old?.(d);
  }
  const times = { current: [] as number[], baseline: [] as number[], figures: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which runs first, so neither always meets a warmer cache or a quieter machine.
    if (old && r % 2 === 1) times.baseline.push(timeRound(docs, old));
    times.current.push(timeRound(docs, current));
    if (old && r % 2 === 0) times.baseline.push(timeRound(docs, old));
    times.figures.push(timeRound(docs, (d) => extractFigures(d.text, d.context)));
  }
  const rate = (ms: number[]) => mb / (median(ms) / 1000);
  console.log(`corpus           ${docs.length} articles, ${mb.toFixed(2)} MB, ${ROUNDS} rounds (median CPU time)`);
  console.log(`extractAttributions  ${rate(times.current).toFixed(2)} MB/s`);
  if (old) {
    console.log(`baseline             ${rate(times.baseline).toFixed(2)} MB/s (${BASELINE}); current is ${(median(times.baseline) / median(times.current)).toFixed(2)}× as fast`);
    let differ = 0;
    let printed = 0;
    docs.forEach((d, k) => {
      const a = JSON.stringify(current(d));
      const b = JSON.stringify(old(d));
      if (a === b) return;
      differ++;
      if (printed++ < DIFFS) {
        const now = current(d);
        const then = old(d);
        const key = (x: { content: { start: number; end: number; text: string } }) => `${x.content.start}:${x.content.end}`;
        for (const kind of ['quotes', 'claims'] as const) {
          const before = new Map(then[kind].map((x) => [key(x), JSON.stringify(x)]));
          const after = new Map(now[kind].map((x) => [key(x), JSON.stringify(x)]));
          for (const [k2, v] of before) if (after.get(k2) !== v) console.log(`  #${k} ${kind} − ${v.slice(0, 400)}`);
          for (const [k2, v] of after) if (before.get(k2) !== v) console.log(`  #${k} ${kind} + ${v.slice(0, 400)}`);
        }
      }
    });
    console.log(`outputs          ${differ} of ${docs.length} articles differ from the baseline`);
  }
  console.log(`extractFigures       ${rate(times.figures).toFixed(2)} MB/s`);
}

await main();
