/**
 * The store contract: what the pipeline and the faces may ask of the database.
 * One implementation (sql-store.ts) over two drivers (PGlite, PostgreSQL).
 */
import type { Article, CleanArticle, DateProvenance, IngestFailure, PublishedDate } from '../model/index.ts';

/** An article ready to store: cleaned, fingerprinted, checked against earlier articles. */
export interface NewArticle extends CleanArticle {
  id: string;
  contentHash: string;
  bandKeys: string[];
  duplicateOf: string | null;
  similarity: number | null;
  ingestedAt: string;
}

export type SaveOutcome =
  | { status: 'stored'; id: string }
  /** Same normalised text already stored (under `id`); this source was recorded against it. */
  | { status: 'duplicate'; id: string; firstSource: string };

/** A near-duplicate candidate found through shared LSH band keys. */
export interface CopyCandidate {
  id: string;
  text: string;
  duplicateOf: string | null;
}

export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  language: string | null;
  published: PublishedDate;
  source: string;
  url: string | null;
  duplicateOf: string | null;
  similarity: number | null;
  ingestedAt: string;
  /** Characters of clean text. */
  length: number;
}

export interface SearchHit extends ArticleSummary {
  rank: number;
  /** The best-matching passage, matched words wrapped in «…». */
  snippet: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
  language?: string;
}

export interface CountBy {
  key: string | null;
  count: number;
}

export interface StoreStats {
  backend: 'pglite' | 'postgres';
  schemaVersion: number;
  articles: number;
  nearDuplicates: number;
  /** Places articles were read from, exact duplicates included. */
  sources: number;
  firstPublished: string | null;
  lastPublished: string | null;
  byLanguage: CountBy[];
  byOutlet: CountBy[];
  byProvenance: Array<{ key: DateProvenance; count: number }>;
  ingestRuns: number;
  failures: number;
}

export interface IngestRunRecord {
  startedAt: string;
  finishedAt: string;
  inputs: string[];
  stored: number;
  duplicates: number;
  nearDuplicates: number;
  failures: IngestFailure[];
}

export interface Store {
  readonly backend: 'pglite' | 'postgres';
  /** Stores the article, its source and its band keys in one transaction. */
  saveArticle(article: NewArticle): Promise<SaveOutcome>;
  /** Stored articles sharing at least one band key, most shared keys first. */
  findCopyCandidates(bandKeys: string[], limit: number): Promise<CopyCandidate[]>;
  /** By id, or by an unambiguous id prefix of at least 6 characters. */
  getArticle(id: string): Promise<(Article & { sources: string[] }) | null>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  /** Every article, oldest ingest first, in pages (for export). */
  iterateArticles(pageSize?: number): AsyncIterable<Article>;
  searchArticles(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  recordIngestRun(run: IngestRunRecord): Promise<void>;
  close(): Promise<void>;
}
