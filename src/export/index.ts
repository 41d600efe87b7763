/**
 * Export formats: JSON Lines (every field, the same shapes as `--json` and
 * the API) and CSV (flat columns for spreadsheets). One entry per record type;
 * documented in docs/export.md.
 */
import { stringify } from 'csv-stringify/sync';
import type { Article } from '../model/index.ts';
import type { EntitySummary, Store, StoredMention } from '../store/index.ts';

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

async function* entitiesOf(store: Store): AsyncIterable<EntitySummary> {
  const PAGE = 1000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ limit: PAGE, offset });
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
  iterate: entitiesOf,
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

export const RECORD_KINDS = [ARTICLE_RECORDS, ANALYSIS_RECORDS, ENTITY_RECORDS, MENTION_RECORDS] as const;

export function jsonRecord(kind: RecordKind<unknown>, record: unknown): string {
  // `record`, not `type`: entities and mentions have a `type` field of their own.
  return JSON.stringify({ record: kind.type, ...(record as object) });
}

export function csvLine(cells: readonly Cell[]): string {
  return stringify([cells.map((c) => (c === null || c === undefined ? '' : String(c)))]);
}
