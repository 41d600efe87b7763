import type { Article, DateProvenance, FurnitureRemoval } from '../model/index.ts';
import { StoreError } from '../model/index.ts';
import type { SqlDriver, SqlExecutor } from './driver.ts';
import { schemaVersion } from './migrate.ts';
import type {
  ArticleSummary,
  CopyCandidate,
  IngestRunRecord,
  ListOptions,
  NewArticle,
  SaveOutcome,
  SearchHit,
  Store,
  StoreStats,
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

type SummaryRow = Omit<ArticleRow, 'body' | 'meta' | 'removed' | 'content_hash' | 'format'> & { length: number };

const SUMMARY_COLUMNS = `id, source, url, title, outlet, author, language, published, published_provenance,
  published_evidence, duplicate_of, similarity, ingested_at, char_length(body)::int AS length`;

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    language: row.language,
    published: { value: row.published, provenance: row.published_provenance, evidence: row.published_evidence },
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

/** Wraps a driver error with the statement that failed, keeping the original as `cause`. */
async function run<Row>(db: SqlExecutor, sql: string, params?: unknown[]): Promise<Row[]> {
  try {
    return await db.query<Row>(sql, params);
  } catch (error) {
    const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new StoreError('EQUERY', `${(error as Error).message} (in: ${statement})`, { cause: error });
  }
}

export function createSqlStore(driver: SqlDriver): Store {
  return {
    backend: driver.backend,

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

    async searchArticles(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
      const limit = Math.min(options.limit ?? 20, MAX_LIST);
      // English stems ("attacks" finds "attacked") OR exact words (names, other languages).
      const rows = await run<SummaryRow & { rank: number; snippet: string }>(
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
      return rows.map((r) => ({ ...toSummary(r), rank: Number(r.rank), snippet: r.snippet }));
    },

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
  };
}
