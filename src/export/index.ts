/**
 * Export formats: JSON Lines (every field, the same shapes as `--json` and
 * the API) and CSV (flat columns for spreadsheets). One entry per record type;
 * documented in docs/export.md.
 */
import { stringify } from 'csv-stringify/sync';
import { eventId, type Article, type ClaimLink, type FigureSeries, type QuoteAppearance, type StoryRecordOut, type ThreadRecord, type TimelineEntry } from '../model/index.ts';
import type { EntitySummary, Store, StoredClaim, StoredFigure, StoredMention, StoredQuote } from '../store/index.ts';

export type ExportFormat = 'jsonl' | 'csv';

type Cell = string | number | null | undefined;

export interface RecordKind<T> {
  /** File stem and `record` field: articles.jsonl holds `"record": "article"` lines. */
  name: string;
  type: string;
  iterate(store: Store): AsyncIterable<T>;
  csvColumns: readonly string[];
  csvRow(record: T): Cell[];
}

/** Every record of a paged listing, a thousand at a time. */
async function* pages<T>(list: (query: { limit: number; offset: number }) => Promise<T[]>): AsyncIterable<T> {
  const PAGE = 1000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await list({ limit: PAGE, offset });
    yield* page;
    if (page.length < PAGE) return;
  }
}

async function* analysesOf(store: Store) {
  for await (const article of store.iterateArticles()) {
    const analysis = await store.getAnalysis(article.id);
    if (analysis) {
      yield {
        articleId: article.id,
        analyzerVersion: analysis.analyzerVersion,
        sentences: analysis.sentences,
        times: analysis.times,
        sentenceTimes: analysis.sentenceTimes,
      };
    }
  }
}

export const ARTICLE_RECORDS: RecordKind<Article> = {
  name: 'articles',
  type: 'article',
  iterate: (store) => store.iterateArticles(),
  csvColumns: [
    'id', 'title', 'outlet', 'author', 'language', 'published', 'published_provenance', 'published_evidence',
    'url', 'source', 'format', 'duplicate_of', 'similarity', 'content_hash', 'ingested_at', 'text',
  ],
  csvRow: (a) => [
    a.id, a.title, a.outlet, a.author, a.language, a.published.value, a.published.provenance, a.published.evidence,
    a.url, a.source, a.format, a.duplicateOf, a.similarity, a.contentHash, a.ingestedAt, a.text,
  ],
};

export const ENTITY_RECORDS: RecordKind<EntitySummary> = {
  name: 'entities',
  type: 'entity',
  iterate: (store) => pages((q) => store.listEntities(q)),
  csvColumns: ['key', 'type', 'name', 'variants', 'lat', 'lon', 'country', 'region', 'place_kind', 'mentions', 'articles', 'first_seen', 'last_seen'],
  csvRow: (e) => [
    e.key, e.type, e.name, e.variants.join(' | '), e.place?.lat, e.place?.lon, e.place?.country, e.place?.region,
    e.place?.kind, e.mentions, e.articles, e.firstSeen, e.lastSeen,
  ],
};

export const MENTION_RECORDS: RecordKind<StoredMention> = {
  name: 'mentions',
  type: 'mention',
  iterate: (store) => store.iterateMentions(),
  csvColumns: ['article_id', 'start', 'end', 'text', 'entity_key', 'via'],
  csvRow: (m) => [m.articleId, m.start, m.end, m.text, m.entityKey, m.via],
};

type AnalysisRecord = { articleId: string; analyzerVersion: number; sentences: unknown[]; times: Array<{ start: number; end: number; text: string; type: string; value: string; mod: string | null }>; sentenceTimes: unknown[] };

export const ANALYSIS_RECORDS: RecordKind<AnalysisRecord> = {
  name: 'analyses',
  type: 'analysis',
  iterate: analysesOf,
  // A flat table cannot hold nested spans: the CSV gives one row per time expression.
  csvColumns: ['article_id', 'times'],
  csvRow: (a) => [a.articleId, JSON.stringify(a.times)],
};

const sourceColumns = (s: { text: string; entity: string | null; kind: string; description?: string } | null): Cell[] =>
  [s?.text, s?.entity, s?.kind, s?.description];

export const QUOTE_RECORDS: RecordKind<StoredQuote> = {
  name: 'quotes',
  type: 'quote',
  iterate: (store) => pages((q) => store.listQuotes(q)),
  csvColumns: [
    'article_id', 'index', 'kind', 'content', 'content_start', 'content_end', 'cue', 'speaker', 'speaker_entity',
    'speaker_kind', 'speaker_description', 'said_on', 'channel', 'channel_entity', 'sentence', 'published',
  ],
  csvRow: (q) => [
    q.articleId, q.index, q.kind, q.content.text, q.content.start, q.content.end, q.cue?.text, ...sourceColumns(q.speaker),
    q.saidOn, q.channel?.text, q.channel?.entity, q.sentence, q.published,
  ],
};

export const CLAIM_RECORDS: RecordKind<StoredClaim> = {
  name: 'claims',
  type: 'claim',
  iterate: (store) => pages((q) => store.listClaims(q)),
  csvColumns: [
    'article_id', 'index', 'kind', 'content', 'content_start', 'content_end', 'cue', 'party', 'party_entity', 'party_kind',
    'party_description', 'date', 'unverified', 'reported', 'no_response', 'control_action', 'control_place',
    'control_place_entity', 'distance_km', 'sentence', 'published',
  ],
  csvRow: (c) => [
    c.articleId, c.index, c.kind, c.content.text, c.content.start, c.content.end, c.cue?.text, ...sourceColumns(c.party),
    c.date, String(c.flags.unverified), String(c.flags.reported), String(c.flags.noResponse), c.control?.action,
    c.control?.place.text, c.control?.place.entity, c.control?.distanceKm, c.sentence, c.published,
  ],
};

export const FIGURE_RECORDS: RecordKind<StoredFigure> = {
  name: 'figures',
  type: 'figure',
  // Hypothetical numbers are exported too (flagged): nothing is left out.
  iterate: (store) => pages((q) => store.listFigures({ ...q, includeHypothetical: true })),
  csvColumns: [
    'article_id', 'index', 'text', 'start', 'end', 'value', 'value_max', 'unit', 'counted', 'qualifier', 'date',
    'party', 'party_entity', 'party_kind', 'party_description', 'hypothetical', 'sentence', 'published',
  ],
  csvRow: (f) => [
    f.articleId, f.index, f.text, f.start, f.end, f.value, f.valueMax, f.unit, f.counted, f.qualifier, f.date,
    ...sourceColumns(f.party), String(f.hypothetical), f.sentence, f.published,
  ],
};

type EventRecord = Omit<TimelineEntry, 'sources'> & { id: string; sources: string[]; sentences: TimelineEntry['sources'] };

async function* eventsOf(store: Store): AsyncIterable<EventRecord> {
  for (const e of await store.listEvents()) {
    yield { ...e, id: eventId(e), sources: [...new Set(e.sources.map((x) => x.articleId))], sentences: e.sources };
  }
}

export const EVENT_RECORDS: RecordKind<EventRecord> = {
  name: 'events',
  type: 'event',
  iterate: eventsOf,
  csvColumns: ['id', 'date', 'precision', 'dated', 'score', 'text', 'sources', 'entities'],
  csvRow: (e) => [e.id, e.date, e.precision, e.dated, e.score, e.text, e.sources.join(' | '), e.entities.join(' | ')],
};

type QuoteAppearanceRecord = QuoteAppearance & { quoteId: string; quote: string; quoteSpeaker: string | null; earliest: boolean };

async function* quoteAppearancesOf(store: Store): AsyncIterable<QuoteAppearanceRecord> {
  for await (const group of pages((q) => store.listQuoteGroups(q))) {
    for (const a of group.appearances) {
      const earliest = group.earliest !== null && group.earliest.articleId === a.articleId && group.earliest.index === a.index;
      yield { quoteId: group.id, quote: group.text, quoteSpeaker: group.speaker, earliest, ...a };
    }
  }
}

export const QUOTE_APPEARANCE_RECORDS: RecordKind<QuoteAppearanceRecord> = {
  name: 'quote_appearances',
  type: 'quote_appearance',
  iterate: quoteAppearancesOf,
  csvColumns: ['quote_id', 'quote', 'quote_speaker', 'article_id', 'index', 'published', 'outlet', 'kind', 'text', 'channel', 'channel_entity', 'credited_article', 'earliest'],
  csvRow: (a) => [a.quoteId, a.quote, a.quoteSpeaker, a.articleId, a.index, a.published, a.outlet, a.kind, a.text, a.channel, a.channelEntity, a.creditedArticle, String(a.earliest)],
};

export const CLAIM_LINK_RECORDS: RecordKind<ClaimLink> = {
  name: 'claim_links',
  type: 'claim_link',
  iterate: (store) => pages((q) => store.listClaimLinks(q)),
  csvColumns: ['relation', 'a_article', 'a_index', 'a_party', 'a_date', 'a_text', 'b_article', 'b_index', 'b_party', 'b_date', 'b_text', 'shared'],
  csvRow: (l) => [l.relation, l.a.articleId, l.a.index, l.a.party ?? l.a.partyText, l.a.date, l.a.text, l.b.articleId, l.b.index, l.b.party ?? l.b.partyText, l.b.date, l.b.text, l.shared.join(' | ')],
};

export const FIGURE_SERIES_RECORDS: RecordKind<FigureSeries> = {
  name: 'figure_series',
  type: 'figure_series',
  iterate: (store) => pages((q) => store.listFigureSeries(q)),
  // A flat table cannot hold a series: its points (in time order) travel as JSON.
  csvColumns: ['series_id', 'unit', 'subject', 'place', 'points'],
  csvRow: (s) => [s.id, s.unit, s.subject, s.place, JSON.stringify(s.points)],
};

export const STORY_RECORDS: RecordKind<StoryRecordOut> = {
  name: 'stories',
  type: 'story',
  iterate: (store) => pages((q) => store.listStories(q)),
  csvColumns: ['id', 'title', 'summary', 'date_start', 'date_end', 'articles', 'independent_sources', 'thread'],
  csvRow: (s) => [s.id, s.title, s.summary, s.dates?.start, s.dates?.end, s.articles.join(' | '), s.independentSources, s.thread],
};

async function* threadsOf(store: Store): AsyncIterable<ThreadRecord> {
  yield* await store.listThreads();
}

export const THREAD_RECORDS: RecordKind<ThreadRecord> = {
  name: 'threads',
  type: 'thread',
  iterate: threadsOf,
  csvColumns: ['id', 'title', 'stories', 'articles'],
  csvRow: (t) => [t.id, t.title, t.stories.join(' | '), t.articles.join(' | ')],
};

export const RECORD_KINDS = [
  ARTICLE_RECORDS, ANALYSIS_RECORDS, ENTITY_RECORDS, MENTION_RECORDS, QUOTE_RECORDS, CLAIM_RECORDS, FIGURE_RECORDS,
  STORY_RECORDS, THREAD_RECORDS, EVENT_RECORDS, QUOTE_APPEARANCE_RECORDS, CLAIM_LINK_RECORDS, FIGURE_SERIES_RECORDS,
] as const;

export function jsonRecord(kind: RecordKind<unknown>, record: unknown): string {
  // `record`, not `type`: entities and mentions have a `type` field of their own.
  return JSON.stringify({ record: kind.type, ...(record as object) });
}

export function csvLine(cells: readonly Cell[]): string {
  return stringify([cells.map((c) => (c === null || c === undefined ? '' : String(c)))]);
}
