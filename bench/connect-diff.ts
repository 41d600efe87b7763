/**
 * How far the incremental connect is from the whole recompute on real
 * articles: feeds the first LIMIT articles of a workload (the generator puts
 * the real ones first) into an in-memory store, each connected on its own as
 * it arrives (in date order, by index look-ups); recomputes every connection
 * from all the stored analyses at once (connect/corpus connectCorpus), and
 * compares them — B-cubed F1 of one grouping against the other for stories,
 * quote groups, figure series and timeline events (1 = the same groups), and
 * the overlap (Jaccard) of the claim links. Then rebuilds (the incremental
 * connect again, in id order — the order the whole recompute takes) and
 * compares again: what is left is the look-up limits, not the order.
 * Prints one JSON line.
 *
 *   node --import tsx bench/connect-diff.ts WORKLOAD CACHE LIMIT
 */
import { mkdir } from 'node:fs/promises';
import { connectCorpus } from '../src/connect/corpus.ts';
import { loadLanguageDetector } from '../src/ingest/language.ts';
import { eventId, type CorpusConnections } from '../src/model/index.ts';
import { loadConnectArticles } from '../src/pipeline/connect-corpus.ts';
import { connectArticle, rebuildConnections, updateThreads } from '../src/pipeline/connect-incremental.ts';
import { expandPaths, readInputFile } from '../src/pipeline/inputs.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { feedArticle } from './feed.ts';

const [workload, cache, limitArg] = process.argv.slice(2) as [string, string, string];
const LIMIT = Number(limitArg);

/** B-cubed F1 of grouping `a` against grouping `b` over the items both place (each a list of groups of item keys). */
export function bcubedF1(a: string[][], b: string[][]): number {
  const groupOf = (groups: string[][]) => {
    const m = new Map<string, Set<string>>();
    for (const g of groups) {
      const set = new Set(g);
      for (const x of g) m.set(x, set);
    }
    return m;
  };
  const ga = groupOf(a);
  const gb = groupOf(b);
  const items = [...ga.keys()].filter((x) => gb.has(x));
  if (items.length === 0) return 1;
  let precision = 0;
  let recall = 0;
  for (const x of items) {
    const sa = ga.get(x)!;
    const sb = gb.get(x)!;
    let common = 0;
    for (const y of sa) if (sb.has(y)) common++;
    precision += common / sa.size;
    recall += common / sb.size;
  }
  precision /= items.length;
  recall /= items.length;
  return (2 * precision * recall) / (precision + recall);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 1 : common / union;
}

const store = await openStore('memory://');
await mkdir(cache, { recursive: true });
const context = { now: new Date('2026-12-01T00:00:00Z'), languageDetector: await loadLanguageDetector() };
let fed = 0;
outer: for (const file of (await expandPaths([workload])).files) {
  for await (const result of readInputFile(file)) {
    if (fed++ >= LIMIT) break outer;
    const id = await feedArticle(store, result, context, cache);
    if (id) await connectArticle(store, id);
  }
}
await updateThreads(store);
const full = connectCorpus(await loadConnectArticles(store));

const linkKey = (l: CorpusConnections['claimLinks'][number]) => `${l.a.articleId}:${l.a.index}|${l.b.articleId}:${l.b.index}|${l.relation}`;
const quoteGroups = (qs: CorpusConnections['quotes']) => qs.map((q) => q.appearances.map((a) => `${a.articleId}:${a.index}`));
const seriesGroups = (ss: CorpusConnections['figureSeries']) => ss.map((s) => s.points.map((p) => `${p.articleId}:${p.index}`));
const eventGroups = (es: CorpusConnections['events']) => es.map((e) => e.sources.map((s) => `${s.articleId}:${s.sentence}`));

async function compare(store: Store) {
  const limit = 1_000_000;
  const inc = {
    stories: await store.listStories({ limit }),
    quotes: await store.listQuoteGroups({ limit }),
    claimLinks: await store.listClaimLinks({ limit }),
    figureSeries: await store.listFigureSeries({ limit }),
    events: await store.listEvents(),
  };
  const round = (x: number) => Number(x.toFixed(4));
  return {
    stories: { incremental: inc.stories.length, full: full.stories.length, bcubedF1: round(bcubedF1(inc.stories.map((s) => s.articles), full.stories.map((s) => s.articles))) },
    quotes: { incremental: inc.quotes.length, full: full.quotes.length, bcubedF1: round(bcubedF1(quoteGroups(inc.quotes), quoteGroups(full.quotes))) },
    claimLinks: { incremental: inc.claimLinks.length, full: full.claimLinks.length, jaccard: round(jaccard(new Set(inc.claimLinks.map(linkKey)), new Set(full.claimLinks.map(linkKey)))) },
    figureSeries: {
      incremental: inc.figureSeries.length,
      full: full.figureSeries.length,
      bcubedF1: round(bcubedF1(seriesGroups(inc.figureSeries), seriesGroups(full.figureSeries))),
    },
    events: {
      incremental: inc.events.length,
      full: full.events.length,
      bcubedF1: round(bcubedF1(eventGroups(inc.events), eventGroups(full.events))),
    },
  };
}

const arrival = await compare(store);
await rebuildConnections(store);
const idOrder = await compare(store);
const articles = (await store.stats()).articles;
await store.close();
console.log(JSON.stringify({ articles, arrivalOrder: arrival, idOrder }));
