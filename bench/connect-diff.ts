/**
 * How far the incremental connect is from the whole recompute on a real
 * corpus: ingests it into an in-memory store (each article connected on its
 * own, by index look-ups), recomputes every connection from all the stored
 * analyses at once (connect/corpus connectCorpus), and compares them —
 * B-cubed F1 of one grouping against the other for stories, quote groups,
 * figure series and timeline events (1 = the same groups), and the overlap
 * (Jaccard) of the claim links. Prints one JSON line.
 *
 *   node --import tsx bench/connect-diff.ts CORPUS
 */
import { connectCorpus } from '../src/connect/corpus.ts';
import { eventId } from '../src/model/index.ts';
import { loadConnectArticles } from '../src/pipeline/connect-corpus.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openStore } from '../src/store/index.ts';

const [corpus] = process.argv.slice(2) as [string];

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
const summary = await ingestPaths(store, [corpus]);
const full = connectCorpus(await loadConnectArticles(store));
const limit = 1_000_000;
const inc = {
  stories: await store.listStories({ limit }),
  quotes: await store.listQuoteGroups({ limit }),
  claimLinks: await store.listClaimLinks({ limit }),
  figureSeries: await store.listFigureSeries({ limit }),
  events: await store.listEvents(),
};
const linkKey = (l: (typeof full.claimLinks)[number]) => `${l.a.articleId}:${l.a.index}|${l.b.articleId}:${l.b.index}|${l.relation}`;
const quoteGroups = (qs: typeof full.quotes) => qs.map((q) => q.appearances.map((a) => `${a.articleId}:${a.index}`));
const seriesGroups = (ss: typeof full.figureSeries) => ss.map((s) => s.points.map((p) => `${p.articleId}:${p.index}`));
const eventGroups = (es: typeof full.events) => es.map((e) => e.sources.map((s) => `${s.articleId}:${s.sentence}`));
const result = {
  articles: summary.stored,
  stories: { incremental: inc.stories.length, full: full.stories.length, bcubedF1: bcubedF1(inc.stories.map((s) => s.articles), full.stories.map((s) => s.articles)) },
  quotes: { incremental: inc.quotes.length, full: full.quotes.length, bcubedF1: bcubedF1(quoteGroups(inc.quotes), quoteGroups(full.quotes)) },
  claimLinks: { incremental: inc.claimLinks.length, full: full.claimLinks.length, jaccard: jaccard(new Set(inc.claimLinks.map(linkKey)), new Set(full.claimLinks.map(linkKey))) },
  figureSeries: {
    incremental: inc.figureSeries.length,
    full: full.figureSeries.length,
    bcubedF1: bcubedF1(seriesGroups(inc.figureSeries), seriesGroups(full.figureSeries)),
  },
  events: {
    incremental: inc.events.length,
    full: full.events.length,
    bcubedF1: bcubedF1(eventGroups(inc.events), eventGroups(full.events)),
    sameIds: jaccard(new Set(inc.events.map(eventId)), new Set(full.events.map(eventId))),
  },
};
await store.close();
console.log(JSON.stringify(result));
