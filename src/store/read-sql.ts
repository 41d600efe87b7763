/**
 * The reads of the HTTP API and the web app: listings with filters and
 * totals (for paging), and the aggregates the pages show (place attention,
 * related entities, search facets). Composed into the SQL store; nothing here
 * writes.
 */
import type { Claim, ClaimLink, Figure, FigureSeries, Quote, Span, StoryRecordOut, TimelineEntry } from '../model/index.ts';
import type { SqlExecutor } from './driver.ts';
import { entitiesInclude, entityIs, whereClause, type Filter } from './sql-filters.ts';
import { run } from './sql-run.ts';
import { entitySummarySql, SUMMARY_COLUMNS, toEntitySummary, toSummary, type EntityRow, type SummaryRow } from './sql-store.ts';
import type {
  ArticleFilters,
  ArticleQuery,
  ClaimLinkPageQuery,
  ClaimPageQuery,
  EntityQuery,
  EventPageQuery,
  FacetValue,
  FigurePageQuery,
  FigureSeriesPageQuery,
  Page,
  PlaceAttention,
  PlaceQuery,
  QuotePageQuery,
  RelatedEntity,
  SearchPage,
  SearchPageHit,
  SearchPageQuery,
  Store,
  StoredClaim,
  StoredFigure,
  StoredQuote,
  StoryQuery,
} from './store.ts';

/** The same ceiling as the other listings: a page is for reading, not for dumping the store. */
const MAX_PAGE = 10_000;
/** Facet values kept per facet (the most frequent): a sidebar's worth. Days are all kept, for a histogram. */
const FACET_VALUES = 20;
const DATE_FACET_VALUES = 1000;
/**
 * Marks around matched words in ts_headline's output, turned into offsets
 * and removed: private-use characters, which no article text contains in
 * practice (« » and * do occur in articles, and would be misread).
 */
const MARK_START = '\uE000';
const MARK_END = '\uE001';
/** About fifteen words each side of a mention, as ts_headline's MaxWords=30 gives for text matches. */
const SNIPPET_CONTEXT_CHARS = 90;

type ReadMethods = Pick<
  Store,
  | 'pageArticles' | 'articleTexts' | 'articleSentences' | 'pageStories' | 'pageEntities' | 'entitiesByKey' | 'relatedEntities' | 'placeAttention'
  | 'pageQuotes' | 'pageClaims' | 'pageFigures' | 'pageClaimLinks' | 'pageFigureSeries' | 'getFigureSeries' | 'pageEvents'
  | 'searchPage'
>;

function paging(q: { limit?: number; offset?: number }) {
  return { limit: Math.min(q.limit ?? 100, MAX_PAGE), offset: q.offset ?? 0 };
}

/** `keys` mentioned somewhere in the article aliased `a` (or whose id is in `articleColumn`). */
function mentions(articleColumn: string, keys: string[]): Filter {
  const is = entityIs('m.entity_key', keys);
  return { sql: `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = ${articleColumn} AND ${is.sql})`, value: keys };
}

/**
 * The keys with the keys the registry merged into them and those they were
 * merged into, looked up once: a plain `= ANY(keys)` then uses the indexes,
 * where the alias-following filter inside a per-row subquery would redo it.
 */
async function withAliases(db: SqlExecutor, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await run<{ key: string }>(
    db,
    `SELECT key FROM entities WHERE key = ANY($1::text[]) OR alias_of = ANY($1::text[])
     UNION SELECT alias_of FROM entities WHERE key = ANY($1::text[]) AND alias_of IS NOT NULL`,
    [keys],
  );
  return [...new Set([...keys, ...rows.map((r) => r.key)])];
}

/** Conditions on the articles table aliased `a`. */
function articleConditions(f: ArticleFilters): Array<Filter | null> {
  return [
    f.outlet ? { sql: 'a.outlet ILIKE $?', value: f.outlet } : null,
    f.language ? { sql: 'a.language = $?', value: f.language } : null,
    // Date-only comparison: a timestamp's first ten characters are its day.
    f.since ? { sql: 'left(a.published, 10) >= $?', value: f.since } : null,
    f.until ? { sql: 'left(a.published, 10) <= $?', value: f.until } : null,
    f.story ? { sql: 'a.id = ANY(SELECT unnest(articles) FROM stories WHERE id = $?)', value: f.story } : null,
    f.entities ? mentions('a.id', f.entities) : null,
    f.places ? mentions('a.id', f.places) : null,
    f.ids ? { sql: 'a.id = ANY($?::text[])', value: f.ids } : null,
    f.duplicateOf ? { sql: 'a.duplicate_of = $?', value: f.duplicateOf } : null,
  ];
}

async function count(db: SqlExecutor, sql: string, params: unknown[]): Promise<number> {
  const rows = await run<{ n: number }>(db, `SELECT count(*)::int AS n FROM (${sql}) counted`, params);
  return rows[0]?.n ?? 0;
}

/** One page of a listing and its total, from the same FROM/WHERE. */
async function page<Row, T>(
  db: SqlExecutor,
  from: string,
  filters: Array<Filter | null>,
  q: { limit?: number; offset?: number },
  select: string,
  order: string,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const all = whereClause(filters);
  const paged = whereClause(filters, paging(q));
  const rows = await run<Row>(db, `SELECT ${select} FROM ${from} ${paged.where} ${order} ${paged.paging}`, paged.params);
  const total = await count(db, `SELECT 1 FROM ${from} ${all.where}`, all.params);
  return { items: rows.map(map), total };
}

/** What every listed quote, claim or figure says of its article. */
interface RecordRow<T> {
  article_id: string;
  idx: number;
  title: string;
  outlet: string | null;
  published: string | null;
  record: T;
}

const RECORD_SELECT = 'r.article_id, r.idx, a.title, a.outlet, a.published, r.record';
/** Newest article first (undated last), then the article's own order: as the attribution lists. */
const RECORD_ORDER = 'ORDER BY a.published_at DESC NULLS LAST, r.article_id, r.idx';

function withArticle<T>(row: RecordRow<T>): T & { articleId: string; index: number; articleTitle: string; outlet: string | null; published: string | null } {
  return { ...row.record, articleId: row.article_id, index: row.idx, articleTitle: row.title, outlet: row.outlet, published: row.published };
}

/**
 * One of the keys in `$?` (already alias-expanded) is named inside the
 * record's content span (its words, not its attribution). The key test is
 * written so no index serves it (`coalesce` of a NOT NULL column): the
 * article's few mentions are found by the primary key, where the planner
 * would otherwise intersect them with every mention of a frequent entity
 * (Ukraine: 2,764 on 413 articles) once per record: 1.4 s for the claims
 * naming Ukraine, against 0.3 s (page and total) written so.
 */
const NAMED_IN_CONTENT = `EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = r.article_id
            AND m.start_offset >= (r.record->'content'->>'start')::int AND m.end_offset <= (r.record->'content'->>'end')::int
            AND coalesce(m.entity_key, '') = ANY($?::text[]))`;

/** Plain snippet text and the offsets of the marked words in it. */
export function unmark(marked: string): { snippet: string; highlights: Span[] } {
  let snippet = '';
  const highlights: Span[] = [];
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === MARK_START) open = snippet.length;
    else if (ch === MARK_END) {
      if (open !== null && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = null;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/** A passage around a mention, with the mention's offsets in the passage. */
function passageAround(body: string, start: number, end: number): { snippet: string; highlights: Span[] } {
  const from = Math.max(0, body.lastIndexOf(' ', Math.max(0, start - SNIPPET_CONTEXT_CHARS)) + 1);
  const toSpace = body.indexOf(' ', Math.min(body.length, end + SNIPPET_CONTEXT_CHARS));
  const to = toSpace < 0 ? body.length : toSpace;
  const lead = from > 0 ? '… ' : '';
  const snippet = `${lead}${body.slice(from, to)}${to < body.length ? ' …' : ''}`;
  const at = lead.length + (start - from);
  return { snippet, highlights: [{ start: at, end: at + (end - start) }] };
}

export function createReadSql(db: SqlExecutor): ReadMethods {
  const methods: ReadMethods = {
    async pageArticles(q: ArticleQuery = {}) {
      return page<SummaryRow, ReturnType<typeof toSummary>>(
        db, 'articles a', articleConditions(q), q, SUMMARY_COLUMNS,
        'ORDER BY a.published_at DESC NULLS LAST, a.ingested_at, a.id', toSummary,
      );
    },

    async articleTexts(ids: string[]) {
      if (ids.length === 0) return {};
      const rows = await run<{ id: string; body: string }>(db, 'SELECT id, body FROM articles WHERE id = ANY($1::text[])', [ids]);
      return Object.fromEntries(rows.map((r) => [r.id, r.body]));
    },

    async articleSentences(ids: string[]) {
      if (ids.length === 0) return {};
      const rows = await run<{ article_id: string; sentences: Span[] }>(
        db,
        'SELECT article_id, sentences FROM analyses WHERE article_id = ANY($1::text[])',
        [ids],
      );
      return Object.fromEntries(rows.map((r) => [r.article_id, r.sentences]));
    },

    async pageStories(q: StoryQuery = {}) {
      const filters: Array<Filter | null> = [
        q.thread ? { sql: 's.thread_id = $?', value: q.thread } : null,
        // Overlap with the period; an undated story is in no period.
        q.since ? { sql: "s.record->'dates'->>'end' >= $?", value: q.since } : null,
        q.until ? { sql: 's.date_start <= $?::date', value: q.until } : null,
        q.entities
          ? { sql: `s.articles && ARRAY(SELECT m.article_id FROM entity_mentions m WHERE ${entityIs('m.entity_key', q.entities).sql})`, value: q.entities }
          : null,
      ];
      return page<{ record: StoryRecordOut }, StoryRecordOut>(
        db, 'stories s', filters, q, 's.record',
        'ORDER BY s.date_start DESC NULLS LAST, cardinality(s.articles) DESC, s.id', (r) => r.record,
      );
    },

    async pageEntities(q: EntityQuery = {}) {
      const w = whereClause([
        q.type ? { sql: 'e.type = $?', value: q.type } : null,
        q.variants
          ? {
              sql: `e.key IN (SELECT coalesce(x.alias_of, x.key) FROM entity_variants v JOIN entities x ON x.key = v.entity_key
                               WHERE v.variant = ANY($?::text[]))`,
              value: q.variants,
            }
          : null,
      ]);
      const condition = w.where ? w.where.replace(/^WHERE /, '') : 'true';
      const { limit, offset } = paging(q);
      const n = w.params.length;
      const rows = await run<EntityRow>(
        db,
        entitySummarySql(condition, `ORDER BY mentions DESC, e.name, e.key LIMIT $${n + 1} OFFSET $${n + 2}`),
        [...w.params, limit, offset],
      );
      // The total needs no per-entity counts or spellings: the canonical entities mentioned, in one pass.
      const total = await count(
        db,
        `SELECT DISTINCT e.key FROM entity_mentions m JOIN entities x ON x.key = m.entity_key
           JOIN entities e ON e.key = coalesce(x.alias_of, x.key)
          WHERE e.alias_of IS NULL AND (${condition})`,
        w.params,
      );
      return { items: rows.map(toEntitySummary), total };
    },

    async entitiesByKey(keys: string[]) {
      if (keys.length === 0) return [];
      // Counted from these entities' own mentions (through the mentions' entity index), not the whole corpus's.
      const rows = await run<EntityRow>(
        db,
        `WITH wanted AS (SELECT DISTINCT coalesce(alias_of, key) AS key FROM entities WHERE key = ANY($1::text[])),
              members AS (
                SELECT w.key AS canonical, x.key, x.variants
                  FROM wanted w JOIN entities x ON x.key = w.key
                UNION ALL
                SELECT w.key, x.key, x.variants FROM wanted w JOIN entities x ON x.alias_of = w.key),
              counts AS (
                SELECT k.canonical, count(*)::int AS mentions, count(DISTINCT m.article_id)::int AS articles,
                       min(a.published) AS first_seen, max(a.published) AS last_seen
                  FROM members k JOIN entity_mentions m ON m.entity_key = k.key JOIN articles a ON a.id = m.article_id
                 GROUP BY k.canonical)
         SELECT e.key, e.type, e.name, e.lat, e.lon, e.country, e.region, e.place_kind, e.gazetteer_id,
                ARRAY(SELECT DISTINCT v FROM members k, unnest(k.variants) AS v WHERE k.canonical = e.key ORDER BY v) AS variants,
                c.mentions, c.articles, c.first_seen, c.last_seen
           FROM counts c JOIN entities e ON e.key = c.canonical
          ORDER BY c.mentions DESC, e.name, e.key`,
        [keys],
      );
      return rows.map(toEntitySummary);
    },

    async relatedEntities(key: string, limit = 20) {
      return run<RelatedEntity>(
        db,
        `WITH canonical AS (SELECT coalesce(alias_of, key) AS key FROM entities WHERE key = $1),
              keys AS (SELECT key FROM canonical UNION SELECT y.key FROM entities y JOIN canonical c ON y.alias_of = c.key),
              mine AS (SELECT DISTINCT article_id FROM entity_mentions WHERE entity_key IN (SELECT key FROM keys)),
              other AS (
                SELECT coalesce(x.alias_of, x.key) AS key, m.article_id
                  FROM entity_mentions m JOIN entities x ON x.key = m.entity_key JOIN mine ON mine.article_id = m.article_id)
         SELECT e.key, e.name, e.type, count(DISTINCT o.article_id)::int AS count
           FROM other o JOIN entities e ON e.key = o.key
          WHERE e.key NOT IN (SELECT key FROM keys)
          GROUP BY e.key ORDER BY count DESC, e.name, e.key LIMIT $2`,
        [key, Math.min(limit, MAX_PAGE)],
      );
    },

    async placeAttention(q: PlaceQuery = {}) {
      const w = whereClause(articleConditions({ since: q.since, until: q.until, ids: q.articles }));
      const rows = await run<EntityRow>(
        db,
        `WITH resolved AS (
           SELECT m.article_id, coalesce(x.alias_of, x.key) AS key FROM entity_mentions m JOIN entities x ON x.key = m.entity_key)
         SELECT e.key, e.type, e.name, e.variants, e.lat, e.lon, e.country, e.region, e.place_kind, e.gazetteer_id,
                count(*)::int AS mentions, count(DISTINCT r.article_id)::int AS articles,
                min(left(a.published, 10)) AS first_seen, max(left(a.published, 10)) AS last_seen
           FROM resolved r JOIN entities e ON e.key = r.key JOIN articles a ON a.id = r.article_id
          ${w.where ? `${w.where} AND` : 'WHERE'} e.alias_of IS NULL AND e.type = 'place' AND e.lat IS NOT NULL AND e.lon IS NOT NULL
          GROUP BY e.key ORDER BY mentions DESC, e.name, e.key`,
        w.params,
      );
      return rows.map((row): PlaceAttention => {
        const s = toEntitySummary(row);
        return { key: s.key, name: s.name, place: s.place!, mentions: s.mentions, articles: s.articles, firstSeen: s.firstSeen, lastSeen: s.lastSeen };
      });
    },

    async pageQuotes(q: QuotePageQuery = {}) {
      const about = q.about ? await withAliases(db, q.about) : null;
      const filters: Array<Filter | null> = [
        q.speakers ? entityIs('r.speaker_entity', q.speakers) : null,
        q.articles ? { sql: 'r.article_id = ANY($?::text[])', value: q.articles } : null,
        about
          ? { sql: `${NAMED_IN_CONTENT} AND (r.speaker_entity IS NULL OR NOT r.speaker_entity = ANY($?::text[]))`, value: about }
          : null,
        q.shared
          ? {
              sql: `EXISTS (SELECT 1 FROM quote_appearances qa JOIN quote_groups g ON g.id = qa.group_id
                             WHERE qa.article_id = r.article_id AND qa.idx = r.idx AND g.articles > 1)`,
            }
          : null,
      ];
      return page<RecordRow<Quote>, StoredQuote>(db, 'quotes r JOIN articles a ON a.id = r.article_id', filters, q, RECORD_SELECT, RECORD_ORDER, withArticle);
    },

    async pageClaims(q: ClaimPageQuery = {}) {
      const involving = q.involving ? await withAliases(db, q.involving) : null;
      const filters: Array<Filter | null> = [
        q.parties ? entityIs('r.party_entity', q.parties) : null,
        q.places ? entityIs('r.place_entity', q.places) : null,
        q.kind ? { sql: 'r.kind = $?', value: q.kind } : null,
        q.control === undefined ? null : { sql: `r.control_action IS ${q.control ? 'NOT ' : ''}NULL` },
        q.articles ? { sql: 'r.article_id = ANY($?::text[])', value: q.articles } : null,
        involving
          ? { sql: `(r.party_entity = ANY($?::text[]) OR r.place_entity = ANY($?::text[]) OR ${NAMED_IN_CONTENT})`, value: involving }
          : null,
      ];
      return page<RecordRow<Claim>, StoredClaim>(db, 'claims r JOIN articles a ON a.id = r.article_id', filters, q, RECORD_SELECT, RECORD_ORDER, withArticle);
    },

    async pageFigures(q: FigurePageQuery = {}) {
      const filters: Array<Filter | null> = [
        q.unit ? { sql: 'r.unit = $?', value: q.unit } : null,
        q.includeHypothetical ? null : { sql: 'NOT r.hypothetical' },
        q.articles ? { sql: 'r.article_id = ANY($?::text[])', value: q.articles } : null,
      ];
      return page<RecordRow<Figure>, StoredFigure>(db, 'figures r JOIN articles a ON a.id = r.article_id', filters, q, RECORD_SELECT, RECORD_ORDER, withArticle);
    },

    async pageClaimLinks(q: ClaimLinkPageQuery = {}) {
      const filters: Array<Filter | null> = [
        q.relation ? { sql: 'l.relation = $?', value: q.relation } : null,
        q.entities ? entitiesInclude('l.shared', q.entities) : null,
        q.articles ? { sql: '(l.a_article = ANY($?::text[]) OR l.b_article = ANY($?::text[]))', value: q.articles } : null,
      ];
      return page<{ record: ClaimLink }, ClaimLink>(
        db, 'claim_links l', filters, q, 'l.record', 'ORDER BY l.a_article, l.a_idx, l.b_article, l.b_idx', (r) => r.record,
      );
    },

    async pageFigureSeries(q: FigureSeriesPageQuery = {}) {
      const filters: Array<Filter | null> = [
        { sql: 'f.points >= $?', value: q.minPoints ?? 1 },
        q.unit ? { sql: 'f.unit = $?', value: q.unit } : null,
        q.places ? entityIs('f.place_entity', q.places) : null,
        q.articles
          ? { sql: `EXISTS (SELECT 1 FROM jsonb_array_elements(f.record->'points') p WHERE p->>'articleId' = ANY($?::text[]))`, value: q.articles }
          : null,
      ];
      return page<{ record: FigureSeries }, FigureSeries>(db, 'figure_series f', filters, q, 'f.record', 'ORDER BY f.points DESC, f.id', (r) => r.record);
    },

    async getFigureSeries(id: string) {
      const rows = await run<{ record: FigureSeries }>(db, 'SELECT record FROM figure_series WHERE id = $1', [id]);
      return rows[0]?.record ?? null;
    },

    async pageEvents(q: EventPageQuery = {}) {
      const w = whereClause([
        q.entities ? entitiesInclude('ev.entities', q.entities) : null,
        q.articles ? { sql: 'ev.articles && $?::text[]', value: q.articles } : null,
        // By the first day an event covers: a month-long event counts from its first day.
        q.since ? { sql: 'ev.date_start >= $?::date', value: q.since } : null,
        q.until ? { sql: 'ev.date_start <= $?::date', value: q.until } : null,
      ]);
      const n = w.params.length;
      // The best `top` by score, shown in date order like the rest.
      const chosen =
        q.top === undefined
          ? `SELECT * FROM events ev ${w.where}`
          : `SELECT * FROM events ev ${w.where} ORDER BY ev.score DESC, ev.id LIMIT ${Math.max(0, Math.floor(q.top))}`;
      const { limit, offset } = paging(q);
      const rows = await run<{ record: TimelineEntry }>(
        db,
        `SELECT record FROM (${chosen}) c ORDER BY date_start, length(date), score DESC, id LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...w.params, limit, offset],
      );
      const total = await count(db, chosen, w.params);
      return { items: rows.map((r) => r.record), total };
    },

    async searchPage(q: SearchPageQuery): Promise<SearchPage> {
      const w = whereClause(articleConditions(q.filters ?? {}));
      const n = w.params.length;
      const text = `$${n + 1}`;
      const variants = `$${n + 2}::text[]`;
      // Text matches (stemmed or exact words) and articles naming the entity under any spelling, as one set.
      const matched = `WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS stemmed, websearch_to_tsquery('simple', ${text}) AS exact),
        text_hits AS (
          SELECT a.id, ts_rank(a.search, q.stemmed || q.exact)::real AS rank FROM articles a, q
           WHERE a.search @@ q.stemmed OR a.search @@ q.exact),
        wanted AS (
          SELECT DISTINCT coalesce(x.alias_of, x.key) AS key
            FROM entity_variants v JOIN entities x ON x.key = v.entity_key WHERE v.variant = ANY(${variants})),
        keys AS (SELECT key FROM wanted UNION SELECT y.key FROM entities y JOIN wanted w ON y.alias_of = w.key),
        entity_hits AS (
          SELECT m.article_id AS id, count(*)::int AS n, min(m.start_offset) AS first_start
            FROM entity_mentions m JOIN keys k ON k.key = m.entity_key GROUP BY m.article_id),
        hits AS (
          SELECT coalesce(t.id, e.id) AS id, coalesce(t.rank, 0) AS rank, coalesce(e.n, 0) AS n, e.first_start,
                 t.id IS NOT NULL AS text_match
            FROM text_hits t FULL JOIN entity_hits e ON e.id = t.id),
        matched AS (
          SELECT h.id AS hit_id, h.rank AS hit_rank, h.n AS hit_mentions, h.first_start, h.text_match,
                 a.outlet AS m_outlet, left(a.published, 10) AS m_day
            FROM hits h JOIN articles a ON a.id = h.id ${w.where})`;
      const base = [...w.params, q.text, q.entityVariants ?? []];
      const { limit, offset } = paging(q);
      const rows = await run<SummaryRow & { rank: number; text_match: boolean; first_start: number | null; first_end: number | null }>(
        db,
        `${matched}
         SELECT ${SUMMARY_COLUMNS}, hit_rank AS rank, text_match, first_start,
                (SELECT m.end_offset FROM entity_mentions m WHERE m.article_id = a.id AND m.start_offset = first_start) AS first_end
           FROM matched JOIN articles a ON a.id = hit_id
          ORDER BY text_match DESC, hit_rank DESC, hit_mentions DESC, a.published_at DESC NULLS LAST, a.id
          LIMIT $${n + 3} OFFSET $${n + 4}`,
        [...base, limit, offset],
      );
      const textIds = rows.filter((r) => r.text_match).map((r) => r.id);
      const headlines = textIds.length
        ? await run<{ id: string; snippet: string }>(
            db,
            `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS stemmed, websearch_to_tsquery('simple', $1) AS exact)
             SELECT a.id, ts_headline('english', a.body, q.stemmed || q.exact,
                      'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
               FROM articles a, q WHERE a.id = ANY($2::text[])`,
            [q.text, textIds],
          )
        : [];
      const headline = new Map(headlines.map((h) => [h.id, h.snippet]));
      const bodies = await methods.articleTexts(rows.filter((r) => !r.text_match).map((r) => r.id));
      const items = rows.map((r): SearchPageHit => {
        const marked = headline.get(r.id);
        const body = bodies[r.id];
        const passage =
          marked !== undefined
            ? unmark(marked)
            : body !== undefined && r.first_start !== null && r.first_end !== null
              ? passageAround(body, r.first_start, r.first_end)
              : { snippet: '', highlights: [] };
        return { ...toSummary(r), rank: Number(r.rank), ...passage };
      });

      const facetRows = await run<{ facet: string; value: string | null; label: string | null; count: number }>(
        db,
        `${matched}
         SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*)::int AS count FROM matched
         UNION ALL SELECT 'outlet', m_outlet, NULL, count(*)::int FROM matched WHERE m_outlet IS NOT NULL GROUP BY m_outlet
         UNION ALL SELECT 'date', m_day, NULL, count(*)::int FROM matched WHERE m_day IS NOT NULL GROUP BY m_day
         UNION ALL SELECT 'story', s.id, s.record->>'title', count(*)::int
                     FROM matched mt JOIN stories s ON mt.hit_id = ANY(s.articles) GROUP BY s.id
         UNION ALL SELECT CASE WHEN e.type = 'place' THEN 'place' ELSE 'entity' END, e.key, e.name, count(DISTINCT mt.hit_id)::int
                     FROM matched mt JOIN entity_mentions m ON m.article_id = mt.hit_id JOIN entities x ON x.key = m.entity_key
                     JOIN entities e ON e.key = coalesce(x.alias_of, x.key)
                    GROUP BY e.key, e.type, e.name`,
        base,
      );
      const facet = (name: string, byValue = false): FacetValue[] => {
        const values = facetRows
          .filter((r) => r.facet === name && r.value !== null)
          .map((r) => ({ value: r.value!, ...(r.label !== null ? { label: r.label } : {}), count: r.count }));
        if (byValue) return values.sort((a, b) => (a.value < b.value ? -1 : 1)).slice(-DATE_FACET_VALUES);
        return values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, FACET_VALUES);
      };
      return {
        items,
        total: facetRows.find((r) => r.facet === 'total')?.count ?? 0,
        facets: { outlet: facet('outlet'), date: facet('date', true), story: facet('story'), entity: facet('entity'), place: facet('place') },
      };
    },
  };
  return methods;
}
