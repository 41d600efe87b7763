/**
 * How long the situation report takes on a store already filled: the
 * median of several `loadSituation` calls (what `sitrep report` and
 * `/api/overview` do), beside a peer measured in the same run — listing
 * the articles and the period's timeline events, the two reads any
 * overview needs — so machine noise shows as a ratio that does not move
 * much. Rendering is timed apart.
 *
 *   node --import tsx bench/report.ts --db DIR [--runs 7]
 */
import { loadSituation, renderHtml, renderMarkdown, type SituationReport } from '../src/report/index.ts';
import { openStore } from '../src/store/index.ts';
import { optionReader } from '../scripts/lib/script.ts';

const args = process.argv.slice(2);
const option = optionReader(args);
/** Seven runs: the median drops the first cold queries and two outliers on a shared machine. */
const RUNS = Number(option('runs', '7'));
const DB = option('db', './sitrep-data');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const store = await openStore(DB);
try {
  let report: SituationReport = await loadSituation(store, {});
  const load: number[] = [];
  const peer: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    peer.push(
      await timed(async () => {
        const articles = await store.listArticles({ limit: 10_000 });
        await store.listEvents({ articles: articles.map((a) => a.id) });
      }),
    );
    load.push(await timed(async () => (report = await loadSituation(store, {}))));
    render.push(await timed(() => [renderMarkdown(report), renderHtml(report)]));
  }
  const counts = report.generatedFrom;
  console.log(
    `${DB}: ${counts.corpus} articles, ${counts.articles} in the report's period (${report.period.since} … ${report.period.until}), ${report.sources.length} sources cited\n` +
      `  loadSituation   median ${median(load).toFixed(0)} ms\n` +
      `  peer            median ${median(peer).toFixed(0)} ms (listArticles + listEvents)  → ratio ${(median(load) / median(peer)).toFixed(1)}\n` +
      `  render md+html  median ${median(render).toFixed(1)} ms`,
  );
} finally {
  await store.close();
}
