import type { Analysis, Article, DateProvenance, EntityMention, EntityType, FurnitureRemoval, PublishedRange } from '../model/index.ts';
import { StoreError } from '../model/index.ts';
import type { SqlDriver, SqlExecutor } from './driver.ts';
import { schemaVersion } from './migrate.ts';
import { alertsPart } from './alerts-sql.ts';
import { listClaims, listFigures, listQuotes, readAttribution, saveAttribution } from './attribution-sql.ts';
import {
  connectionsStale, getStory, listClaimLinks, listEvents, listFigureSeries, listQuoteGroups, listStories, listThreads,
} from './connections-sql.ts';
import { createReadSql } from './read-sql.ts';
import { articlesMentioning, connectIndex, entityAliases, markConnectStale, pendingConnects, recordRefinement, refinementState, resetConnections } from './connect-index-sql.ts';
import { run } from './sql-run.ts';
import type {
  AnalysisToStore,
  ArticleSummary,
  CopyCandidate,
  EntityDetail,
  EntitySummary,
  IngestRunRecord,
  ListOptions,
  NewArticle,
  SaveOutcome,
  SearchHit,
  Store,
  StoreStats,
  CorpusDatingToStore,
  DatingEvidence,
} from './store.ts';

/** PostgreSQL text-search configurations for the languages it stems; others index words as they are. */
const TEXT_SEARCH_CONFIG: Record<string, string> = {
  ar: 'arabic', ca: 'catalan', da: 'danish', de: 'german', el: 'greek', en: 'english', es: 'spanish',
  et: 'estonian', eu: 'basque', fi: 'finnish', fr: 'french', ga: 'irish', hi: 'hindi', hu: 'hungarian',
  hy: 'armenian', id: 'indonesian', it: 'italian', lt: 'lithuanian', ne: 'nepali', nl: 'dutch',
  no: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian', sv: 'swedish',
  ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

export function textSearchConfig(language: string | null): string {
  return (language && TEXT_SEARCH_CONFIG[language]) || 'simple';
}

/** An arbitrary fixed key for pg_advisory_xact_lock that serialises connect transactions (see connectTransaction). */
const CONNECT_LOCK_KEY = 7_341_023;

/** Ids are 16 hex digits; a user may type fewer, as with git. */
const MIN_ID_PREFIX = 6;
const MAX_LIST = 10_000;

interface ArticleRow {
  id: string;
  content_hash: string;
  source: string;
  format: Article['format'];
  url: string | null;
  title: string;
  body: string;
  outlet: string | null;
  author: string | null;
  language: string | null;
  published: string | null;
  published_provenance: DateProvenance;
  published_evidence: string | null;
  meta: Record<string, unknown>;
  removed: FurnitureRemoval[];
  duplicate_of: string | null;
  similarity: number | null;
  ingested_at: Date | string;
}

export type SummaryRow = Omit<ArticleRow, 'body' | 'meta' | 'removed' | 'content_hash' | 'format'> & {
  length: number;
  published_range: PublishedRange | null;
};

export const SUMMARY_COLUMNS = `id, source, url, title, outlet, author, language, published, published_provenance,
  published_evidence, meta->'publishedRange' AS published_range, duplicate_of, similarity, ingested_at,
  char_length(body)::int AS length`;

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    language: row.language,
    published: {
      value: row.published,
      provenance: row.published_provenance,
      evidence: row.published_evidence,
      ...(row.published_range ? { range: row.published_range } : {}),
    },
    source: row.source,
    url: row.url,
    duplicateOf: row.duplicate_of,
    similarity: row.similarity === null ? null : Number(row.similarity),
    ingestedAt: iso(row.ingested_at),
    length: row.length,
  };
}

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    contentHash: row.content_hash,
    source: row.source,
    format: row.format,
    url: row.url,
    title: row.title,
    text: row.body,
    outlet: row.outlet,
    author: row.author,
    language: row.language,
    published: { value: row.published, provenance: row.published_provenance, evidence: row.published_evidence },
    meta: row.meta,
    removed: row.removed,
    duplicateOf: row.duplicate_of,
    similarity: row.similarity === null ? null : Number(row.similarity),
    ingestedAt: iso(row.ingested_at),
  };
}

/** A date-only value is taken as midnight UTC for ordering. */
function publishedInstant(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The analysis rows of one article: run inside the article's transaction, so
 * an article is never stored without them (or they without it).
 */
async function saveAnalysis(tx: SqlExecutor, articleId: string, stored: AnalysisToStore, at: string): Promise<void> {
  const { analysis } = stored;
  await run(
    tx,
    `INSERT INTO analyses (article_id, analyzer_version, sentences, times, sentence_times, analyzed_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (article_id) DO UPDATE SET analyzer_version = EXCLUDED.analyzer_version,
       sentences = EXCLUDED.sentences, times = EXCLUDED.times, sentence_times = EXCLUDED.sentence_times,
       analyzed_at = EXCLUDED.analyzed_at`,
    [articleId, stored.analyzerVersion, JSON.stringify(analysis.sentences), JSON.stringify(analysis.times),
      JSON.stringify(analysis.sentenceTimes), at],
  );
  const entities = analysis.entityIndex;
  if (entities.length > 0) {
    // Another article may know more spellings: variants accumulate, the first name stays.
    await run(
      tx,
      `INSERT INTO entities (key, type, name, variants, lat, lon, country, region, place_kind, gazetteer_id)
       SELECT key, type, name, string_to_array(variants, chr(31)), lat, lon, country, region, place_kind, gazetteer_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
                     $7::text[], $8::text[], $9::text[], $10::text[])
           AS e(key, type, name, variants, lat, lon, country, region, place_kind, gazetteer_id)
       ON CONFLICT (key) DO UPDATE SET variants = ARRAY(
         SELECT DISTINCT v FROM unnest(entities.variants || EXCLUDED.variants) AS v ORDER BY v)`,
      [
        entities.map((e) => e.key),
        entities.map((e) => e.type),
        entities.map((e) => e.name),
        // A text[] of text[] is not a thing in SQL: each entity's variants travel as one joined string.
        entities.map((e) => e.variants.join('\u001f')),
        entities.map((e) => e.place?.lat ?? null),
        entities.map((e) => e.place?.lon ?? null),
        entities.map((e) => e.place?.country ?? null),
        entities.map((e) => e.place?.region ?? null),
        entities.map((e) => e.place?.kind ?? null),
        entities.map((e) => e.place?.gazetteerId ?? null),
      ],
    );
  }
  if (analysis.entities.length > 0) {
    const m = analysis.entities;
    await run(
      tx,
      `INSERT INTO entity_mentions (article_id, start_offset, end_offset, text, entity_key, via)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT DO NOTHING`,
      [articleId, m.map((x) => x.start), m.map((x) => x.end), m.map((x) => x.text), m.map((x) => x.entity),
        m.map((x) => x.via ?? null)],
    );
  }
  if (stored.variants.length > 0) {
    await run(
      tx,
      `INSERT INTO entity_variants (variant, entity_key)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [stored.variants.map((v) => v.variant), stored.variants.map((v) => v.entityKey)],
    );
  }
  await saveAttribution(tx, articleId, analysis);
}

export interface EntityRow {
  key: string;
  type: EntityType;
  name: string;
  variants: string[];
  lat: number | null;
  lon: number | null;
  country: string | null;
  region: string | null;
  place_kind: string | null;
  gazetteer_id: string | null;
  mentions: number;
  articles: number;
  first_seen: string | null;
  last_seen: string | null;
}

export function toEntitySummary(row: EntityRow): EntitySummary {
  return {
    key: row.key,
    type: row.type,
    name: row.name,
    variants: row.variants ?? [],
    place:
      row.lat === null || row.lon === null
        ? null
        : {
            lat: Number(row.lat),
            lon: Number(row.lon),
            country: row.country,
            region: row.region,
            kind: row.place_kind ?? 'place',
            gazetteerId: row.gazetteer_id ?? row.key,
          },
    mentions: row.mentions,
    articles: row.articles,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

/**
 * Canonical entities with their counts: mentions of an alias (a typo, a
 * spelling the registry merged) count for the entity it is an alias of.
 * `$1`… placeholders are left to the caller's WHERE clause.
 */
export function entitySummarySql(where: string, tail: string): string {
  return `WITH resolved AS (
      SELECT m.article_id, coalesce(x.alias_of, x.key) AS key
        FROM entity_mentions m JOIN entities x ON x.key = m.entity_key)
    SELECT e.key, e.type, e.name, e.lat, e.lon, e.country, e.region, e.place_kind, e.gazetteer_id,
           ARRAY(SELECT DISTINCT v FROM entities y, unnest(y.variants) AS v
                  WHERE y.key = e.key OR y.alias_of = e.key ORDER BY v) AS variants,
           count(*)::int AS mentions, count(DISTINCT r.article_id)::int AS articles,
           min(a.published) AS first_seen, max(a.published) AS last_seen
      FROM resolved r JOIN entities e ON e.key = r.key JOIN articles a ON a.id = r.article_id
     WHERE e.alias_of IS NULL AND (${where})
     GROUP BY e.key
     ${tail}`;
}

/** A passage around a mention, the mention wrapped in «…» as full-text snippets are. */
function snippetAround(body: string, start: number, end: number): string {
  const CONTEXT_CHARS = 90; // about fifteen words each side, as ts_headline's MaxWords=30 gives
  const from = Math.max(0, body.lastIndexOf(' ', Math.max(0, start - CONTEXT_CHARS)) + 1);
  const toSpace = body.indexOf(' ', Math.min(body.length, end + CONTEXT_CHARS));
  const to = toSpace < 0 ? body.length : toSpace;
  return `${from > 0 ? '… ' : ''}${body.slice(from, start)}«${body.slice(start, end)}»${body.slice(end, to)}${to < body.length ? ' …' : ''}`;
}

export function createSqlStore(driver: SqlDriver): Store {
  return {
    backend: driver.backend,
    // The API's reads (listings with totals, aggregates, search facets).
    ...createReadSql(driver),
    ...alertsPart(driver),
    exclusively: (name, work) => driver.exclusively(name, work),

    async saveArticle(article: NewArticle): Promise<SaveOutcome> {
      return driver.transaction(async (tx) => {
        const config = textSearchConfig(article.language);
        const inserted = await run<{ id: string }>(
          tx,
          `INSERT INTO articles (id, content_hash, source, format, url, title, body, outlet, author, language,
             published, published_at, published_provenance, published_evidence, meta, removed, duplicate_of,
             similarity, ingested_at, search)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             setweight(to_tsvector($20::regconfig, $6), 'A') || setweight(to_tsvector($20::regconfig, $7), 'B')
             || setweight(to_tsvector('simple', $6), 'A') || setweight(to_tsvector('simple', $7), 'B'))
           ON CONFLICT DO NOTHING
           RETURNING id`,
          [
            article.id, article.contentHash, article.source, article.format, article.url, article.title,
            article.text, article.outlet, article.author, article.language, article.published.value,
            publishedInstant(article.published.value), article.published.provenance, article.published.evidence,
            JSON.stringify(article.meta), JSON.stringify(article.removed), article.duplicateOf,
            article.similarity, article.ingestedAt, config,
          ],
        );
        if (inserted.length === 0) {
          const existing = await run<{ id: string; source: string }>(
            tx,
            'SELECT id, source FROM articles WHERE content_hash = $1',
            [article.contentHash],
          );
          const first = existing[0];
          if (!first) throw new StoreError('EQUERY', `article ${article.id} conflicted but is not stored`);
          await run(tx, `INSERT INTO article_sources (article_id, source, seen_at) VALUES ($1, $2, $3)
                         ON CONFLICT DO NOTHING`, [first.id, article.source, article.ingestedAt]);
          return { status: 'duplicate', id: first.id, firstSource: first.source };
        }
        await run(tx, 'INSERT INTO article_sources (article_id, source, seen_at) VALUES ($1, $2, $3)', [
          article.id, article.source, article.ingestedAt,
        ]);
        if (article.bandKeys.length > 0) {
          await run(
            tx,
            `INSERT INTO article_bands (band_key, article_id)
             SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
            [article.bandKeys, article.id],
          );
        }
        if (article.analysis) await saveAnalysis(tx, article.id, article.analysis, article.ingestedAt);
        return { status: 'stored', id: article.id };
      });
    },

    async findCopyCandidates(bandKeys: string[], limit: number): Promise<CopyCandidate[]> {
      if (bandKeys.length === 0) return [];
      const rows = await run<{ id: string; body: string; duplicate_of: string | null }>(
        driver,
        `SELECT a.id, a.body, a.duplicate_of
           FROM (SELECT article_id, count(*) AS shared FROM article_bands
                  WHERE band_key = ANY($1::text[]) GROUP BY article_id
                  ORDER BY shared DESC, article_id LIMIT $2) c
           JOIN articles a ON a.id = c.article_id
          ORDER BY c.shared DESC, a.id`,
        [bandKeys, limit],
      );
      return rows.map((r) => ({ id: r.id, text: r.body, duplicateOf: r.duplicate_of }));
    },

    async getArticle(id: string) {
      const key = id.trim().toLowerCase();
      if (key.length < MIN_ID_PREFIX || !/^[0-9a-f]+$/.test(key)) return null;
      const rows = await run<ArticleRow>(driver, 'SELECT * FROM articles WHERE id LIKE $1 ORDER BY id LIMIT 2', [
        `${key}%`,
      ]);
      if (rows.length !== 1) return null;
      const article = toArticle(rows[0]!);
      const sources = await run<{ source: string }>(
        driver,
        'SELECT source FROM article_sources WHERE article_id = $1 ORDER BY seen_at, source',
        [article.id],
      );
      return { ...article, sources: sources.map((s) => s.source) };
    },

    async listArticles(options: ListOptions = {}) {
      const limit = Math.min(options.limit ?? 100, MAX_LIST);
      const rows = await run<SummaryRow>(
        driver,
        `SELECT ${SUMMARY_COLUMNS} FROM articles
          WHERE ($1::text IS NULL OR outlet ILIKE $1) AND ($2::text IS NULL OR language = $2)
          ORDER BY published_at DESC NULLS LAST, ingested_at, id
          LIMIT $3 OFFSET $4`,
        [options.outlet ?? null, options.language ?? null, limit, options.offset ?? 0],
      );
      return rows.map(toSummary);
    },

    async *iterateArticles(pageSize = 500) {
      let after = '';
      for (;;) {
        // Keyset pagination by id: stable while other processes insert.
        const rows = await run<ArticleRow>(driver, 'SELECT * FROM articles WHERE id > $1 ORDER BY id LIMIT $2', [
          after,
          pageSize,
        ]);
        for (const row of rows) yield toArticle(row);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async searchArticles(query: string, options: { limit?: number; entityVariants?: string[] } = {}): Promise<SearchHit[]> {
      const limit = Math.min(options.limit ?? 20, MAX_LIST);
      // English stems ("attacks" finds "attacked") OR exact words (names, other languages).
      const textHits = await run<SummaryRow & { rank: number; snippet: string }>(
        driver,
        `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS stemmed, websearch_to_tsquery('simple', $1) AS exact)
         SELECT ${SUMMARY_COLUMNS},
                ts_rank(search, q.stemmed || q.exact)::real AS rank,
                ts_headline('english', body, q.stemmed || q.exact,
                  'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
           FROM articles, q
          WHERE search @@ q.stemmed OR search @@ q.exact
          ORDER BY rank DESC, published_at DESC NULLS LAST, id
          LIMIT $2`,
        [query, limit],
      );
      const hits = textHits.map((r) => ({ ...toSummary(r), rank: Number(r.rank), snippet: r.snippet }));
      const variants = options.entityVariants ?? [];
      if (variants.length === 0) return hits;
      // Articles naming the entity under another spelling ("Zelenskyy" for "Zelensky"):
      // ranked after text matches, most mentions first.
      const seen = new Set(hits.map((h) => h.id));
      const entityHits = await run<SummaryRow & { body: string; first_start: number; first_end: number; n: number }>(
        driver,
        `WITH wanted AS (
           SELECT DISTINCT coalesce(x.alias_of, x.key) AS key
             FROM entity_variants v JOIN entities x ON x.key = v.entity_key WHERE v.variant = ANY($1::text[])),
         keys AS (SELECT key FROM wanted UNION SELECT y.key FROM entities y JOIN wanted w ON y.alias_of = w.key),
         per_article AS (
           SELECT m.article_id, count(*)::int AS n, min(m.start_offset) AS first_start
             FROM entity_mentions m JOIN keys k ON k.key = m.entity_key GROUP BY m.article_id)
         SELECT ${SUMMARY_COLUMNS}, body, p.first_start,
                (SELECT end_offset FROM entity_mentions WHERE article_id = a.id AND start_offset = p.first_start) AS first_end,
                p.n
           FROM per_article p JOIN articles a ON a.id = p.article_id
          ORDER BY p.n DESC, a.published_at DESC NULLS LAST, a.id
          LIMIT $2`,
        [variants, limit],
      );
      for (const row of entityHits) {
        if (seen.has(row.id) || hits.length >= limit) continue;
        hits.push({ ...toSummary(row), rank: 0, snippet: snippetAround(row.body, row.first_start, row.first_end) });
      }
      return hits;
    },

    async getAnalysis(articleId: string) {
      const rows = await run<{
        analyzer_version: number;
        sentences: Analysis['sentences'];
        times: Analysis['times'];
        sentence_times: Analysis['sentenceTimes'];
      }>(driver, 'SELECT analyzer_version, sentences, times, sentence_times FROM analyses WHERE article_id = $1', [articleId]);
      const row = rows[0];
      if (!row) return null;
      const mentions = await run<{ start_offset: number; end_offset: number; text: string; entity_key: string; via: string | null; type: EntityType }>(
        driver,
        `SELECT m.start_offset, m.end_offset, m.text, m.entity_key, m.via, e.type
           FROM entity_mentions m JOIN entities e ON e.key = m.entity_key
          WHERE m.article_id = $1 ORDER BY m.start_offset`,
        [articleId],
      );
      const keys = [...new Set(mentions.map((m) => m.entity_key))];
      const entityRows = keys.length
        ? await run<Omit<EntityRow, 'mentions' | 'articles' | 'first_seen' | 'last_seen'>>(
            driver,
            'SELECT * FROM entities WHERE key = ANY($1::text[]) ORDER BY key',
            [keys],
          )
        : [];
      return {
        analyzerVersion: row.analyzer_version,
        sentences: row.sentences,
        times: row.times,
        sentenceTimes: row.sentence_times,
        ...(await readAttribution(driver, articleId)),
        entities: mentions.map((m) => ({
          start: m.start_offset,
          end: m.end_offset,
          text: m.text,
          type: m.type,
          entity: m.entity_key,
          ...(m.via ? { via: m.via as NonNullable<EntityMention['via']> } : {}),
        })),
        entityIndex: entityRows.map((e) => {
          const summary = toEntitySummary({ ...e, mentions: 0, articles: 0, first_seen: null, last_seen: null });
          return {
            key: e.key,
            type: e.type,
            name: e.name,
            variants: e.variants,
            ...(summary.place ? { place: summary.place } : {}),
          };
        }),
      };
    },

    async listEntities(options = {}) {
      const limit = Math.min(options.limit ?? 50, MAX_LIST);
      const rows = await run<EntityRow>(
        driver,
        entitySummarySql('$1::text IS NULL OR e.type = $1', 'ORDER BY mentions DESC, e.name LIMIT $2 OFFSET $3'),
        [options.type ?? null, limit, options.offset ?? 0],
      );
      return rows.map(toEntitySummary);
    },

    async findEntities(variants: string[]) {
      if (variants.length === 0) return [];
      const rows = await run<EntityRow>(
        driver,
        entitySummarySql(
          `e.key IN (SELECT coalesce(x.alias_of, x.key) FROM entity_variants v JOIN entities x ON x.key = v.entity_key
                      WHERE v.variant = ANY($1::text[]))`,
          'ORDER BY mentions DESC, e.name LIMIT 20',
        ),
        [variants],
      );
      return rows.map(toEntitySummary);
    },

    async getEntity(key: string): Promise<EntityDetail | null> {
      const rows = await run<EntityRow>(driver, entitySummarySql('e.key = $1', ''), [key]);
      const row = rows[0];
      if (!row) return null;
      const aliases = await run<{ key: string }>(driver, 'SELECT key FROM entities WHERE alias_of = $1 ORDER BY key', [key]);
      const keys = [key, ...aliases.map((a) => a.key)];
      const articleList = await run<{ id: string; title: string; published: string | null; mentions: number }>(
        driver,
        `SELECT a.id, a.title, a.published, count(*)::int AS mentions
           FROM entity_mentions m JOIN articles a ON a.id = m.article_id
          WHERE m.entity_key = ANY($1::text[])
          GROUP BY a.id ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT 500`,
        [keys],
      );
      const timeline = await run<{ date: string | null; mentions: number }>(
        driver,
        `SELECT left(a.published, 10) AS date, count(*)::int AS mentions
           FROM entity_mentions m JOIN articles a ON a.id = m.article_id
          WHERE m.entity_key = ANY($1::text[])
          GROUP BY 1 ORDER BY 1 NULLS FIRST`,
        [keys],
      );
      return { ...toEntitySummary(row), aliases: aliases.map((a) => a.key), articleList, timeline };
    },

    async allEntities() {
      const rows = await run<{ key: string; type: EntityType; name: string; variants: string[]; alias_of: string | null; mentions: number }>(
        driver,
        `SELECT e.key, e.type, e.name, e.variants, e.alias_of, count(m.article_id)::int AS mentions
           FROM entities e LEFT JOIN entity_mentions m ON m.entity_key = e.key
          GROUP BY e.key ORDER BY e.key`,
      );
      return rows.map((r) => ({ key: r.key, type: r.type, name: r.name, variants: r.variants, aliasOf: r.alias_of, mentions: r.mentions }));
    },

    async setEntityAliases(aliases) {
      if (aliases.length === 0) return;
      await driver.transaction(async (tx) => {
        await run(
          tx,
          `UPDATE entities e SET alias_of = a.alias_of
             FROM unnest($1::text[], $2::text[]) AS a(key, alias_of) WHERE e.key = a.key`,
          [aliases.map((a) => a.key), aliases.map((a) => a.aliasOf)],
        );
      });
    },

    async *iterateMentions(pageSize = 2000) {
      let after: [string, number] = ['', -1];
      for (;;) {
        const rows = await run<{ article_id: string; start_offset: number; end_offset: number; text: string; entity_key: string; via: string | null }>(
          driver,
          `SELECT * FROM entity_mentions WHERE (article_id, start_offset) > ($1, $2)
            ORDER BY article_id, start_offset LIMIT $3`,
          [after[0], after[1], pageSize],
        );
        for (const r of rows) {
          yield { articleId: r.article_id, start: r.start_offset, end: r.end_offset, text: r.text, entityKey: r.entity_key, via: r.via };
        }
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = [last.article_id, last.start_offset];
      }
    },

    listQuotes: (query) => listQuotes(driver, query),
    listClaims: (query) => listClaims(driver, query),
    listFigures: (query) => listFigures(driver, query),
    replaceAttribution: (articleId, attribution) => driver.transaction((tx) => saveAttribution(tx, articleId, attribution)),
    connectionsStale: () => connectionsStale(driver),
    listEvents: (query) => listEvents(driver, query),
    listQuoteGroups: (query) => listQuoteGroups(driver, query),
    listClaimLinks: (query) => listClaimLinks(driver, query),
    listFigureSeries: (query) => listFigureSeries(driver, query),
    listStories: (query) => listStories(driver, query),
    getStory: (idOrArticle) => getStory(driver, idOrArticle),
    listThreads: () => listThreads(driver),

    pendingConnects: (limit) => pendingConnects(driver, limit),
    // One article's connect at a time across every process on the database: two placed at once could both
    // start a story for one event, or both rewrite one group from what they read before the other wrote.
    connectTransaction: (work) =>
      driver.transaction(async (tx) => {
        await run(tx, 'SELECT pg_advisory_xact_lock($1)', [CONNECT_LOCK_KEY]);
        return work(connectIndex(tx));
      }),
    markConnectStale: (ids) => markConnectStale(driver, ids),
    articlesMentioning: (keys) => articlesMentioning(driver, keys),
    entityAliases: (keys) => entityAliases(driver, keys),
    resetConnections: () => resetConnections(driver),
    refinementState: () => refinementState(driver),
    recordRefinement: (analysed, at) => recordRefinement(driver, analysed, at),

    async stats(): Promise<StoreStats> {
      const [totals] = await run<{
        articles: number;
        near_duplicates: number;
        first_published: string | null;
        last_published: string | null;
      }>(
        driver,
        `SELECT count(*)::int AS articles, count(duplicate_of)::int AS near_duplicates,
                min(published) AS first_published, max(published) AS last_published FROM articles`,
      );
      const [sources] = await run<{ n: number }>(driver, 'SELECT count(*)::int AS n FROM article_sources');
      const [runs] = await run<{ runs: number; failures: number }>(
        driver,
        'SELECT count(*)::int AS runs, coalesce(sum(failed), 0)::int AS failures FROM ingest_runs',
      );
      const countBy = (column: string) =>
        run<{ key: string | null; count: number }>(
          driver,
          `SELECT ${column} AS key, count(*)::int AS count FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
        );
      return {
        backend: driver.backend,
        schemaVersion: await schemaVersion(driver),
        articles: totals?.articles ?? 0,
        nearDuplicates: totals?.near_duplicates ?? 0,
        sources: sources?.n ?? 0,
        firstPublished: totals?.first_published ?? null,
        lastPublished: totals?.last_published ?? null,
        byLanguage: await countBy('language'),
        byOutlet: await countBy('outlet'),
        byProvenance: (await countBy('published_provenance')) as StoreStats['byProvenance'],
        ingestRuns: runs?.runs ?? 0,
        failures: runs?.failures ?? 0,
      };
    },

    async recordIngestRun(record: IngestRunRecord) {
      await driver.transaction(async (tx) => {
        const [row] = await run<{ id: number }>(
          tx,
          `INSERT INTO ingest_runs (started_at, finished_at, inputs, stored, duplicates, near_duplicates, failed)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            record.startedAt, record.finishedAt, JSON.stringify(record.inputs), record.stored, record.duplicates,
            record.nearDuplicates, record.failures.length,
          ],
        );
        if (record.failures.length > 0) {
          await run(
            tx,
            `INSERT INTO ingest_failures (run_id, source, code, message)
             SELECT $1, s, c, m FROM unnest($2::text[], $3::text[], $4::text[]) AS f(s, c, m)`,
            [
              row!.id,
              record.failures.map((f) => f.source),
              record.failures.map((f) => f.code),
              record.failures.map((f) => f.message),
            ],
          );
        }
      });
    },

    async close() {
      await driver.close();
    },

    // --- Corpus dating (connect/corpus-dates) ------------------------------
    async datingEvidence(): Promise<DatingEvidence[]> {
      const rows = await run<{
        id: string;
        duplicate_of: string | null;
        body: string | null;
        published: string | null;
        published_provenance: DateProvenance;
        published_evidence: string | null;
        published_range: PublishedRange | null;
        sentences: Analysis['sentences'] | null;
        times: Analysis['times'] | null;
        sentence_times: Analysis['sentenceTimes'] | null;
        own_published: string | null;
        own_provenance: DateProvenance | null;
        own_evidence: string | null;
        own_range: PublishedRange | null;
        own_times: Analysis['times'] | null;
        own_sentence_times: Analysis['sentenceTimes'] | null;
      }>(
        driver,
        // Dated articles bring only their date: their text and times are never read.
        `SELECT a.id, a.duplicate_of, a.published, a.published_provenance, a.published_evidence,
                a.meta->'publishedRange' AS published_range,
                CASE WHEN u.undated THEN a.body END AS body,
                CASE WHEN u.undated THEN n.sentences END AS sentences,
                CASE WHEN u.undated THEN n.times END AS times,
                CASE WHEN u.undated THEN n.sentence_times END AS sentence_times,
                o.published AS own_published, o.provenance AS own_provenance, o.evidence AS own_evidence,
                o.published_range AS own_range, o.times AS own_times, o.sentence_times AS own_sentence_times
           FROM articles a
           CROSS JOIN LATERAL (SELECT a.published_provenance IN ('inferred', 'unknown') AS undated) u
           LEFT JOIN analyses n ON n.article_id = a.id
           LEFT JOIN article_own_dates o ON o.article_id = a.id
          ORDER BY a.id`,
      );
      return rows.map((r) => {
        const withRange = (value: string | null, provenance: DateProvenance, evidence: string | null, range: PublishedRange | null) => ({
          value, provenance, evidence, ...(range ? { range } : {}),
        });
        const current = {
          published: withRange(r.published, r.published_provenance, r.published_evidence, r.published_range),
          times: r.times ?? [],
          sentenceTimes: r.sentence_times ?? [],
        };
        const own = r.own_provenance === null
          ? current
          : {
              published: withRange(r.own_published, r.own_provenance, r.own_evidence, r.own_range),
              times: r.own_times ?? [],
              sentenceTimes: r.own_sentence_times ?? [],
            };
        return { id: r.id, duplicateOf: r.duplicate_of, text: r.body ?? '', sentences: r.sentences ?? [], own, current };
      });
    },

    async saveCorpusDatings(datings: CorpusDatingToStore[]) {
      if (datings.length === 0) return;
      await driver.transaction(async (tx) => {
        await run(
          tx,
          `INSERT INTO article_own_dates (article_id, published, provenance, evidence, published_range, times, sentence_times)
           SELECT a.id, a.published, a.published_provenance, a.published_evidence, a.meta->'publishedRange',
                  coalesce(n.times, '[]'::jsonb), coalesce(n.sentence_times, '[]'::jsonb)
             FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
            WHERE a.id = ANY($1::text[])
           ON CONFLICT (article_id) DO NOTHING`,
          [datings.map((d) => d.id)],
        );
        for (const d of datings) {
          const { range, ...published } = d.published;
          await run(
            tx,
            `UPDATE articles SET published = $2, published_at = $3, published_provenance = $4, published_evidence = $5,
                    meta = CASE WHEN $6::jsonb IS NULL THEN meta - 'publishedRange'
                                ELSE jsonb_set(meta, '{publishedRange}', $6::jsonb) END
              WHERE id = $1`,
            [d.id, published.value, publishedInstant(published.value), published.provenance, published.evidence,
              range ? JSON.stringify(range) : null],
          );
          await run(tx, 'UPDATE analyses SET times = $2, sentence_times = $3 WHERE article_id = $1', [
            d.id, JSON.stringify(d.times), JSON.stringify(d.sentenceTimes),
          ]);
        }
      });
    },
  };
}
