/**
 * The store contract: what the pipeline and the faces may ask of the database.
 * One implementation (sql-store.ts) over two drivers (PGlite, PostgreSQL).
 */
import type {
  Analysis,
  Follow,
  FollowKind,
  NewAlert,
  Article,
  Claim,
  ClaimLink,
  Figure,
  FigureSeries,
  Quote,
  QuoteGroup,
  StoryRecordOut,
  ThreadRecord,
  TimelineEntry,
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

/** Paging for the attribution lists (quotes, claims, figures). */
export interface AttributionQuery {
  limit?: number;
  offset?: number;
  /** Only this article's records. */
  articleId?: string;
}

/** Where a listed quote, claim or figure came from. */
export interface RecordSource {
  articleId: string;
  /** Position in its article's list (the order the article gives them in). */
  index: number;
  articleTitle: string;
  outlet: string | null;
  published: string | null;
}

export interface QuoteQuery extends AttributionQuery {
  /** Entity keys of speakers (aliases followed). */
  speakers?: string[];
}

export interface ClaimQuery extends AttributionQuery {
  /** Entity keys of the claiming parties (aliases followed). */
  parties?: string[];
  /** Entity keys of places a control claim is about (aliases followed). */
  places?: string[];
  kind?: Claim['kind'];
  /** true: control claims only; false: no control claims. */
  control?: boolean;
}

export interface FigureQuery extends AttributionQuery {
  unit?: string;
  /** Hypothetical and rhetorical numbers are left out unless asked for. */
  includeHypothetical?: boolean;
}

export type StoredQuote = Quote & RecordSource;
export type StoredClaim = Claim & RecordSource;
export type StoredFigure = Figure & RecordSource;

export interface EventQuery {
  /** Events naming any of these entity keys (aliases followed). */
  entities?: string[];
  /** Events with a source among these articles (a story's). */
  articles?: string[];
}

export interface QuoteGroupQuery {
  limit?: number;
  offset?: number;
  /** Only quotations found in at least this many articles. */
  minArticles?: number;
  speakers?: string[];
}

export interface ClaimLinkQuery {
  limit?: number;
  offset?: number;
  relation?: ClaimLink['relation'];
  /** Links whose sides share one of these entity keys (aliases followed). */
  entities?: string[];
  articleId?: string;
}

export interface FigureSeriesQuery {
  limit?: number;
  offset?: number;
  unit?: string;
  places?: string[];
  /** Only series with at least this many points. */
  minPoints?: number;
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
  /** Quotes, newest article first, with the article each came from. */
  listQuotes(query?: QuoteQuery): Promise<StoredQuote[]>;
  listClaims(query?: ClaimQuery): Promise<StoredClaim[]>;
  listFigures(query?: FigureQuery): Promise<StoredFigure[]>;
  /** Replaces an article's quotes, claims and figures (made again after its dates changed), in one transaction. */
  replaceAttribution(articleId: string, attribution: Pick<Analysis, 'quotes' | 'claims' | 'figures'>): Promise<void>;
  /** Whether the stored connections lag the stored analyses (an article is not connected yet or stale, or threads are behind). */
  connectionsStale(): Promise<boolean>;
  /** Timeline events in date order (coarser dates before the days within them), best first within a date. */
  listEvents(query?: EventQuery): Promise<TimelineEntry[]>;
  /** Quotations, those found in the most articles first. */
  listQuoteGroups(query?: QuoteGroupQuery): Promise<QuoteGroup[]>;
  listClaimLinks(query?: ClaimLinkQuery): Promise<ClaimLink[]>;
  /** Figure series, the longest first. */
  listFigureSeries(query?: FigureSeriesQuery): Promise<FigureSeries[]>;
  /** Stories, newest first; `thread` keeps one thread's. */
  listStories(query?: { limit?: number; offset?: number; thread?: string }): Promise<StoryRecordOut[]>;
  /** A story by its id, or the story an article (by full id) belongs to. */
  getStory(idOrArticle: string): Promise<StoryRecordOut | null>;
  listThreads(): Promise<ThreadRecord[]>;
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

  /**
   * Runs `work` holding the lock `name` across every process on this database
   * (workers): what must not run twice at once — the corpus pass — runs under it.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;

  // --- Reads for the HTTP API and the web app (store/read-sql.ts) ----------
  // Listings with filters and their totals (for paging), and the aggregates
  // the pages show: place attention, related entities, search facets.
  /** Articles matching the filters, newest first, with how many match in all. */
  pageArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** The clean texts of these articles (full ids), for quoting sentences by their spans. */
  articleTexts(ids: string[]): Promise<Record<string, string>>;
  /** The sentence spans of these articles' analyses. */
  articleSentences(ids: string[]): Promise<Record<string, Span[]>>;
  /** Stories matching the filters, newest first (as listStories), with the total. */
  pageStories(query?: StoryQuery): Promise<Page<StoryRecordOut>>;
  /** Canonical entities, most mentioned first; `variants` keeps those spelled so (variant keys). */
  pageEntities(query?: EntityQuery): Promise<Page<EntitySummary>>;
  /** Canonical entities by key (an alias's key gives the entity it is an alias of). */
  entitiesByKey(keys: string[]): Promise<EntitySummary[]>;
  /** Entities named in the most articles that also name this one (aliases followed both ways). */
  relatedEntities(key: string, limit?: number): Promise<RelatedEntity[]>;
  /** Places on the map with their attention in the period (or in these articles), most mentioned first. */
  placeAttention(query?: PlaceQuery): Promise<PlaceAttention[]>;
  pageQuotes(query?: QuotePageQuery): Promise<Page<StoredQuote>>;
  pageClaims(query?: ClaimPageQuery): Promise<Page<StoredClaim>>;
  pageFigures(query?: FigurePageQuery): Promise<Page<StoredFigure>>;
  pageClaimLinks(query?: ClaimLinkPageQuery): Promise<Page<ClaimLink>>;
  pageFigureSeries(query?: FigureSeriesPageQuery): Promise<Page<FigureSeries>>;
  getFigureSeries(id: string): Promise<FigureSeries | null>;
  /** Timeline events in date order; `top` keeps the best-scored ones (still in date order). */
  pageEvents(query?: EventPageQuery): Promise<Page<TimelineEntry>>;
  /** Full-text and any-spelling search with filters, paging, a total and facets over every match. */
  searchPage(query: SearchPageQuery): Promise<SearchPage>;

  // --- Incremental connect (pipeline/connect-incremental) ------------------
  /** Analysed articles not connected yet, or connected before their analysis changed (`stale`), in id order. */
  pendingConnects(limit: number): Promise<Array<{ id: string; stale: boolean }>>;
  /** Runs `work` in one transaction over the connect index: one article's connect commits whole or not at all. */
  connectTransaction<T>(work: (index: ConnectIndex) => Promise<T>): Promise<T>;
  /** Marks connected articles whose analysis changed, so their contributions are redone. */
  markConnectStale(articleIds: string[]): Promise<void>;
  /** Articles mentioning any of these entity keys (to redo when the keys' aliases change). */
  articlesMentioning(entityKeys: string[]): Promise<string[]>;
  /** The canonical entity each of these keys is an alias of (keys that are no alias are left out). */
  entityAliases(keys: string[]): Promise<Map<string, string>>;
  /** Empties every connection and the connect index (before a rebuild from scratch). */
  resetConnections(): Promise<void>;
  /** Analysed articles now, and how many there were at the last whole-corpus refinement (null before any). */
  refinementState(): Promise<{ analysed: number; atLastRefinement: number | null }>;
  /** Records a whole-corpus refinement (aliases, corpus dates, threads) over `analysed` articles. */
  recordRefinement(analysed: number, at: Date): Promise<void>;

  // --- Follows and alerts (connect/alerts) ---------------------------------
  /** Adds a follow; following the same target again returns the existing one. */
  addFollow(follow: Omit<Follow, 'id'>, at: string): Promise<Follow>;
  /** Removes a follow and its alerts; false when there was none. */
  removeFollow(id: number): Promise<boolean>;
  listFollows(): Promise<Follow[]>;
  /** Records alerts; one already recorded (same follow, kind and subject) is left as it is. Returns those added. */
  addAlerts(alerts: NewAlert[], at: string): Promise<StoredAlert[]>;
  /** Alerts, newest first. */
  listAlerts(query?: { limit?: number; offset?: number; followId?: number }): Promise<StoredAlert[]>;
  /** Alerts waiting for webhook delivery whose next attempt is due at `now`, oldest first. */
  pendingAlerts(now: string, limit: number): Promise<StoredAlert[]>;
  /** Records a delivery attempt's outcome. */
  markAlertDelivery(id: number, outcome: { delivered: true; at: string } | { delivered: false; error: string; nextAttemptAt: string | null; at: string }): Promise<void>;
}

/** A kind of item the incremental connect indexes. */
export type ConnectItemKind = 'quote' | 'claim' | 'figure' | 'event';

/** An item as stored: its article, position, group and the connect function's input record. */
export interface ConnectItem<T = unknown> {
  articleId: string;
  index: number;
  group: string | null;
  input: T;
}

/** A story's members as story grouping keeps them (connect/stories StoryRecord). */
export interface StoredStoryGroup {
  id: string;
  articles: string[];
}

/** What one article's story step changes (the diff of story grouping's state). */
export interface StoryStepToStore {
  /** A new random stamp of the state after this step: a process's cached rows stay valid while it is the stored one. */
  stamp: string;
  documents: number;
  nextKey: number;
  /** Terms (and `@entity` keys) whose document frequency grows by one. */
  dfIncrements: string[];
  /** New posting-list entries. */
  postings: Array<{ feature: string; articleId: string }>;
  /** Placed articles whose story key is new or changed; `features` is set for the new article. */
  articles: Array<{ id: string; storyKey: string; features?: unknown }>;
  groups: Array<{ key: string } & StoredStoryGroup>;
  droppedGroups: string[];
  /** Ids of reader-facing story records to remove (merged away or renamed); changed ones are written by the threads pass. */
  removedStories: string[];
}

/**
 * The connect index, read and written inside one transaction: candidates by
 * key look-up, items by group, story grouping's state by rows, and the
 * connection tables the faces read.
 */
export interface ConnectIndex {
  /** Records the article as connected (clears `stale`); returns its sequence number. */
  markConnected(articleId: string): Promise<number>;
  /**
   * Stored items of `kind` (not of `excludeArticle`) that may match each of several new items: for each
   * new item (its list of keys), those sharing the most keys with it, then the most recently connected —
   * at most `perItem` of them, reading at most `perKey` items (the most recent) per key. Deduplicated.
   */
  findCandidates<T>(
    kind: ConnectItemKind,
    keysPerItem: string[][],
    options: { perKey: number; perItem: number; excludeArticle: string },
  ): Promise<Array<ConnectItem<T>>>;
  items<T>(kind: ConnectItemKind, refs: Array<{ articleId: string; index: number }>): Promise<Array<ConnectItem<T>>>;
  itemsOfGroups<T>(kind: ConnectItemKind, groups: string[]): Promise<Array<ConnectItem<T>>>;
  itemsOfArticle<T>(kind: ConnectItemKind, articleId: string): Promise<Array<ConnectItem<T>>>;
  /** Inserts new items with their keys (`seq`: the article's sequence number). */
  addItems(kind: ConnectItemKind, seq: number, items: Array<ConnectItem & { keys: string[] }>): Promise<void>;
  setItemGroups(kind: ConnectItemKind, items: Array<{ articleId: string; index: number; group: string | null }>): Promise<void>;
  deleteArticleItems(kind: ConnectItemKind, articleId: string): Promise<void>;

  replaceQuoteGroups(removed: string[], groups: QuoteGroup[]): Promise<void>;
  addClaimLinks(links: ClaimLink[]): Promise<void>;
  deleteClaimLinksOf(articleId: string): Promise<void>;
  replaceFigureSeries(removed: string[], series: FigureSeries[]): Promise<void>;
  replaceEvents(removed: string[], events: TimelineEntry[]): Promise<void>;

  /** Story grouping's counters, and the stamp of its last step (null before any). */
  storyMeta(): Promise<{ documents: number; nextKey: number; stamp: string | null }>;
  /** Document frequency and posting-list length of each term or `@entity` key found. */
  storyTerms(terms: string[]): Promise<Map<string, { df: number; posting: number }>>;
  /** Posting lists (article ids) of these features. */
  storyPostings(features: string[]): Promise<Map<string, string[]>>;
  storyKeysOf(articleIds: string[]): Promise<Map<string, string>>;
  storyFeatures(articleIds: string[]): Promise<Map<string, unknown>>;
  storyGroups(keys: string[]): Promise<Map<string, StoredStoryGroup>>;
  saveStoryStep(step: StoryStepToStore): Promise<void>;
  /** The whole story state, for the threads pass (which compares every story with every other through an entity index). */
  allStoryRows(): Promise<{ features: Map<string, unknown>; storyOf: Map<string, string>; groups: Map<string, StoredStoryGroup>; df: Map<string, number> }>;
  /** Replaces the threads, and every story record (described again, with its thread). */
  replaceThreads(threads: ThreadRecord[], stories: StoryRecordOut[]): Promise<void>;
  /** Stories whose members changed since their reader-facing record was written. */
  undescribedStories(): Promise<Map<string, StoredStoryGroup>>;
  /** Writes the records of stories described again (each keeps the thread it is in) and marks them described. */
  saveStoryDescriptions(keys: string[], stories: StoryRecordOut[]): Promise<void>;
  threadsStale(): Promise<boolean>;
}

/** An alert as stored: what matched, for which follow, and how its delivery went. */
export interface StoredAlert extends NewAlert {
  id: number;
  createdAt: string;
  follow: { kind: FollowKind; label: string };
  delivery: { deliveredAt: string | null; givenUpAt: string | null; attempts: number; nextAttemptAt: string | null; lastError: string | null };
}

// --- Read queries of the API block ------------------------------------------

export interface Page<T> {
  items: T[];
  /** How many match in all, whatever the paging. */
  total: number;
}

export interface Paging {
  limit?: number;
  offset?: number;
}

/** Filters on articles, shared by article listings and search. Dates are `YYYY-MM-DD`, both ends included. */
export interface ArticleFilters {
  outlet?: string;
  language?: string;
  since?: string;
  until?: string;
  /** Only this story's articles. */
  story?: string;
  /** Only articles mentioning one of these entity keys (aliases followed). */
  entities?: string[];
  /** Only articles mentioning one of these place keys (aliases followed). */
  places?: string[];
  ids?: string[];
  /** Only the near-duplicates of this article. */
  duplicateOf?: string;
}

export interface ArticleQuery extends ArticleFilters, Paging {}

export interface StoryQuery extends Paging {
  thread?: string;
  /** Stories whose dates overlap the period. */
  since?: string;
  until?: string;
  /** Stories with an article mentioning one of these keys (aliases followed). */
  entities?: string[];
}

export interface EntityQuery extends Paging {
  type?: EntityType;
  /** Normalised spellings (variant keys): entities spelled so in some article. */
  variants?: string[];
}

export interface RelatedEntity {
  key: string;
  name: string;
  type: EntityType;
  /** Articles naming both. */
  count: number;
}

export interface PlaceQuery {
  since?: string;
  until?: string;
  articles?: string[];
}

export interface PlaceAttention {
  key: string;
  name: string;
  place: PlaceInfo;
  mentions: number;
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface QuotePageQuery extends Paging {
  speakers?: string[];
  articles?: string[];
  /** Quotes whose words name one of these entity keys (the speaker's own excepted). */
  about?: string[];
  /** Only quotations found in more than one article. */
  shared?: boolean;
}

export interface ClaimPageQuery extends Paging {
  parties?: string[];
  places?: string[];
  kind?: Claim['kind'];
  control?: boolean;
  articles?: string[];
  /** Claims made by, or naming, one of these entity keys. */
  involving?: string[];
}

export interface FigurePageQuery extends Paging {
  unit?: string;
  includeHypothetical?: boolean;
  articles?: string[];
}

export interface ClaimLinkPageQuery extends Paging {
  relation?: ClaimLink['relation'];
  entities?: string[];
  articles?: string[];
}

export interface FigureSeriesPageQuery extends Paging {
  unit?: string;
  places?: string[];
  articles?: string[];
  minPoints?: number;
}

export interface EventPageQuery extends Paging {
  entities?: string[];
  articles?: string[];
  since?: string;
  until?: string;
  top?: number;
}

export interface SearchPageQuery extends Paging {
  /** Web-search syntax, as searchArticles. */
  text: string;
  /** Variant keys of the query: articles naming the entity under any spelling. */
  entityVariants?: string[];
  filters?: ArticleFilters;
}

export interface FacetValue {
  value: string;
  /** Display name, for keys (stories, entities, places). */
  label?: string;
  count: number;
}

/** A search result: its snippet is plain text, the matched words given as offsets into it (never markup). */
export interface SearchPageHit extends ArticleSummary {
  rank: number;
  snippet: string;
  highlights: Span[];
}

export interface SearchPage extends Page<SearchPageHit> {
  /** Counts over every match (not only the page), the most frequent first. */
  facets: { outlet: FacetValue[]; date: FacetValue[]; story: FacetValue[]; entity: FacetValue[]; place: FacetValue[] };
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
