/**
 * The corpus-level connections, from the stored analyses of many articles:
 * the same quote across outlets, claims set against counter-claims, figures
 * as series, and the timeline. Pure: plain records in, plain records out;
 * the pipeline loads the articles and stores the result.
 */
import type { Analysis, CorpusConnections, EntityMention, Span, StoryRecordOut, ThreadRecord } from '../model/index.ts';
import { linkClaims, type ClaimLinkInput } from './claim-links.ts';
import { buildFigureSeries, type FigureSeriesInput, type SeriesPlace } from './figure-series.ts';
import { QuoteProvenance, type QuoteAppearanceInput } from './quote-provenance.ts';
import {
  assignStory, createStoryState, listStories, listThreads, storyArticleFromAnalysis, type AnalysisForStories, type Story, type StoryArticle,
} from './stories/index.ts';
import { buildTimeline, type TimelineArticle } from './timeline.ts';

/** What the connect step needs of one stored article. */
export interface ConnectArticle {
  id: string;
  /** The article's date value (may be a month or a year when inferred), or null. */
  published: string | null;
  outlet: string | null;
  title: string;
  language: string | null;
  text: string;
  /** The range an inferred date allows, when it is one. */
  publishedRange: { earliest: string | null; latest: string | null } | null;
  /** Near-duplicate of this article, when one: a copy is not an independent source. */
  duplicateOf: string | null;
  analysis: Omit<Analysis, 'text' | 'published'>;
}

function within(span: Span, m: Pick<EntityMention, 'start' | 'end'>): boolean {
  return m.start >= span.start && m.end <= span.end;
}

/** Places named in a span, most specific first (a village before its region, a region before its country). */
function placesIn(article: ConnectArticle, span: Span): SeriesPlace[] {
  const byKey = new Map(article.analysis.entityIndex.map((e) => [e.key, e]));
  const rank = (kind: string | null) => (kind === 'country' ? 2 : kind === 'region' ? 1 : 0);
  const found = new Map<string, SeriesPlace>();
  for (const m of article.analysis.entities) {
    if (m.type !== 'place' || !within(span, m)) continue;
    const place = byKey.get(m.entity)?.place;
    found.set(m.entity, { key: m.entity, country: place?.country ?? null, kind: place?.kind ?? null });
  }
  return [...found.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** "Kursk Oblast", "the Kursk region", "Kursk" → "kursk": the name of an area, whatever word for region follows it. */
function areaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+(?:oblast|region|province|krai|kray|republic|governorate|district|raion)$/, '')
    .trim();
}

/**
 * The areas a place lies in: a region is its own area; a city or village is
 * in its first-level region. Countries are left out — every claim of a war is
 * "in Ukraine" or "in Russia", which ties nothing together.
 */
function areasOf(article: ConnectArticle, key: string | null): string[] {
  if (key === null) return [];
  const entity = article.analysis.entityIndex.find((e) => e.key === key);
  if (!entity?.place || entity.place.kind === 'country') return [];
  const areas = new Set<string>();
  if (entity.place.kind === 'region') areas.add(areaName(entity.name));
  if (entity.place.region) areas.add(areaName(entity.place.region));
  return [...areas];
}

export function claimInputs(article: ConnectArticle): ClaimLinkInput[] {
  return article.analysis.claims.map((claim, index) => ({
    placeAreas: areasOf(article, claim.control?.place.entity ?? null),
    articleId: article.id,
    index,
    date: claim.date ?? article.published,
    claim,
    entities: [
      ...new Set(
        article.analysis.entities
          .filter((m) => m.type !== 'outlet' && within(claim.content, m))
          .map((m) => m.entity),
      ),
    ],
  }));
}

export function figureInputs(article: ConnectArticle): FigureSeriesInput[] {
  return article.analysis.figures.map((figure, index) => {
    const sentence = article.analysis.sentences[figure.sentence] ?? figure;
    // What the figure counts names its place best ("settlements in the Kursk region"); else its sentence does.
    const counted = figure.counted ? article.text.indexOf(figure.counted, figure.start) : -1;
    const own = counted >= 0 ? placesIn(article, { start: counted, end: counted + figure.counted!.length }) : [];
    return { articleId: article.id, index, published: article.published, figure, places: own.length ? own : placesIn(article, sentence) };
  });
}

/** The quotes of one article as provenance reads them. */
export function quoteInputs(article: ConnectArticle): QuoteAppearanceInput[] {
  return article.analysis.quotes.map((quote, index) => ({ articleId: article.id, index, published: article.published, outlet: article.outlet, quote }));
}

/** One article as the timeline reads it. */
export function timelineArticle(a: ConnectArticle): TimelineArticle {
  return {
    articleId: a.id,
    published: a.published,
    text: a.text,
    sentences: a.analysis.sentences,
    sentenceTimes: a.analysis.sentenceTimes,
    times: a.analysis.times,
    entities: a.analysis.entities,
    figures: a.analysis.figures,
  };
}

/** One article as story grouping reads it. */
export function storyArticle(a: ConnectArticle): StoryArticle {
  const published = { value: a.published, provenance: 'inferred' as const, evidence: null, ...(a.publishedRange ? { range: a.publishedRange } : {}) };
  return storyArticleFromAnalysis(
    { id: a.id, title: a.title, text: a.text, language: a.language, outlet: a.outlet, duplicateOf: a.duplicateOf },
    { ...a.analysis, text: a.text, published } as AnalysisForStories,
  );
}

/** Each story with the thread it is in. */
export function storiesWithThreads(stories: readonly Story[], threads: readonly ThreadRecord[]): StoryRecordOut[] {
  const threadOf = new Map(threads.flatMap((t) => t.stories.map((id) => [id, t.id] as const)));
  return stories.map((story) => ({ ...story, thread: threadOf.get(story.id) ?? null }));
}

/**
 * Stories and threads. Articles are placed one at a time, as ingest
 * delivers them in a live run; here in id order, so that one corpus always
 * gives one grouping.
 */
function groupStories(sorted: readonly ConnectArticle[]): Pick<CorpusConnections, 'stories' | 'threads'> {
  const state = createStoryState();
  for (const a of sorted) assignStory(state, storyArticle(a));
  const threads = listThreads(state);
  return { stories: storiesWithThreads(listStories(state), threads), threads };
}

/**
 * Every connection of a corpus computed from scratch: the reference the
 * incremental connect (pipeline/connect-incremental) is held to, and the
 * peer it is measured against.
 */
export function connectCorpus(articles: readonly ConnectArticle[]): CorpusConnections {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1));
  const provenance = new QuoteProvenance();
  for (const article of sorted) provenance.add(quoteInputs(article));
  return {
    ...groupStories(sorted),
    quotes: provenance.groups(),
    claimLinks: linkClaims(sorted.flatMap(claimInputs)),
    figureSeries: buildFigureSeries(sorted.flatMap(figureInputs)),
    events: buildTimeline(sorted.map(timelineArticle)),
  };
}
