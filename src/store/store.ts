/**
 * The store contract: what the pipeline and the faces may ask of the database.
 * One implementation (sql-store.ts) over two drivers (PGlite, PostgreSQL).
 */
import type {
  Analysis,
  Article,
  CleanArticle,
  DateProvenance,
  EntityType,
  IngestFailure,
  PlaceInfo,
  PublishedDate,
  PublishedRange,
  SentenceTime,
  Span,
  TimeExpression,
} from '../model/index.ts';

/** An article's analysis as the store keeps it (the text is the article's own). */
export interface AnalysisToStore {
  analyzerVersion: number;
  analysis: Omit<Analysis, 'text'>;
  /** Normalised spellings of each entity, for search ("zelensky" → person:volodymyr zelensky). */
  variants: Array<{ variant: string; entityKey: string }>;
}

/** An article ready to store: cleaned, fingerprinted, checked against earlier articles. */
export interface NewArticle extends CleanArticle {
  id: string;
  contentHash: string;
  bandKeys: string[];
  duplicateOf: string | null;
  similarity: number | null;
  ingestedAt: string;
  /** Stored with the article, in the same transaction, when given. */
  analysis?: AnalysisToStore;
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
  /** With `range` when the date is inferred (`meta.publishedRange`; an end may be open). */
  published: PublishedDate & { range?: PublishedRange };
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

/** A corpus entity with what the store knows of it. */
export interface EntitySummary {
  key: string;
  type: EntityType;
  name: string;
  /** Every spelling seen, its aliases' included. */
  variants: string[];
  place: PlaceInfo | null;
  mentions: number;
  articles: number;
  /** Publication dates of the first and last article mentioning it (null when undated). */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityDetail extends EntitySummary {
  /** Keys merged into this entity (typos, other spellings the registry matched). */
  aliases: string[];
  /** Articles mentioning it, newest first. */
  articleList: Array<{ id: string; title: string; published: string | null; mentions: number }>;
  /** Mentions per publication day (undated articles under null). */
  timeline: Array<{ date: string | null; mentions: number }>;
}

export interface StoredMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  entityKey: string;
  via: string | null;
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
  /** Every article, in id order, in pages (for export); stable while others insert. */
  iterateArticles(pageSize?: number): AsyncIterable<Article>;
  /**
   * Full-text search; `entityVariants` (normalised spellings of the query)
   * also finds articles mentioning an entity under any of its spellings.
   */
  searchArticles(query: string, options?: { limit?: number; entityVariants?: string[] }): Promise<SearchHit[]>;
  getAnalysis(articleId: string): Promise<(Omit<Analysis, 'text' | 'published'> & { analyzerVersion: number }) | null>;
  listEntities(options?: { type?: EntityType; limit?: number; offset?: number }): Promise<EntitySummary[]>;
  /** Canonical entities whose normalised variants include one of these. */
  findEntities(variants: string[]): Promise<EntitySummary[]>;
  getEntity(key: string): Promise<EntityDetail | null>;
  /** Every entity row (aliases included) for the corpus-level registry pass. */
  allEntities(): Promise<Array<{ key: string; type: EntityType; name: string; variants: string[]; aliasOf: string | null; mentions: number }>>;
  /** Marks entities as variants of others (null clears); keys not listed keep theirs. */
  setEntityAliases(aliases: Array<{ key: string; aliasOf: string | null }>): Promise<void>;
  iterateMentions(pageSize?: number): AsyncIterable<StoredMention>;
  stats(): Promise<StoreStats>;
  recordIngestRun(run: IngestRunRecord): Promise<void>;
  close(): Promise<void>;

  // --- Corpus dating (connect/corpus-dates) --------------------------------
  /**
   * Every article's dating as its own container and text gave it, before any
   * corpus pass (`own`), and as stored now (`current`). Only articles with no
   * container or stated date (provenance `inferred`/`unknown`) bring their
   * text, sentences and times: the others give evidence, and never change.
   */
  datingEvidence(): Promise<DatingEvidence[]>;
  /**
   * Writes what the corpus pass decided: each article's published date (with
   * its range), time expressions and sentence times. The article's own
   * dating is kept aside the first time, so the pass can always start again
   * from it.
   */
  saveCorpusDatings(datings: CorpusDatingToStore[]): Promise<void>;
}

/** An article's dating: its publication date and the time values resolved against it. */
export interface StoredDating {
  published: PublishedDate & { range?: PublishedRange };
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

export interface DatingEvidence {
  id: string;
  duplicateOf: string | null;
  /** Empty (with no sentences) for an article dated by its container or its text's dateline. */
  text: string;
  sentences: Span[];
  own: StoredDating;
  current: StoredDating;
}

export interface CorpusDatingToStore extends StoredDating {
  id: string;
}
