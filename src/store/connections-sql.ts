/**
 * The connection tables (stories, threads, quote groups, claim links, figure
 * series, timeline events): written by the incremental connect a group at a
 * time (connect-index-sql.ts), read by the faces.
 */
import { eventId, type ClaimLink, type FigureSeries, type QuoteGroup, type StoryRecordOut, type ThreadRecord, type TimelineEntry } from '../model/index.ts';
import { dateStart } from '../model/timex-order.ts';
import type { SqlExecutor } from './driver.ts';
import { entitiesInclude, entityIs, whereClause } from './sql-filters.ts';
import { run } from './sql-run.ts';
import type { ClaimLinkQuery, EventQuery, FigureSeriesQuery, QuoteGroupQuery } from './store.ts';

export async function insertStories(tx: SqlExecutor, c: StoryRecordOut[]): Promise<void> {
  if (c.length === 0) return;
  await run(
    tx,
    `INSERT INTO stories (id, date_start, thread_id, articles, record)
     SELECT id, ds::date, th, string_to_array(ar, chr(31)), rec
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS x(id, ds, th, ar, rec)`,
    [c.map((x) => x.id), c.map((x) => x.dates?.start ?? null), c.map((x) => x.thread),
      c.map((x) => x.articles.join('\u001f')), c.map((x) => JSON.stringify(x))],
  );
}

export async function insertThreads(tx: SqlExecutor, c: ThreadRecord[]): Promise<void> {
  if (c.length === 0) return;
  await run(tx, 'INSERT INTO threads (id, record) SELECT * FROM unnest($1::text[], $2::jsonb[])', [
    c.map((t) => t.id),
    c.map((t) => JSON.stringify(t)),
  ]);
}

export async function insertQuoteGroups(tx: SqlExecutor, c: QuoteGroup[]): Promise<void> {
  if (c.length === 0) return;
  await run(
    tx,
    `INSERT INTO quote_groups (id, speaker_entity, articles, record)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[])`,
    [c.map((q) => q.id), c.map((q) => q.speaker), c.map((q) => new Set(q.appearances.map((a) => a.articleId)).size),
      c.map((q) => JSON.stringify(q))],
  );
  const appearances = c.flatMap((q) => q.appearances.map((a) => ({ group: q.id, ...a })));
  await run(
    tx,
    `INSERT INTO quote_appearances (group_id, article_id, idx, credited_article)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])`,
    [appearances.map((a) => a.group), appearances.map((a) => a.articleId), appearances.map((a) => a.index),
      appearances.map((a) => a.creditedArticle)],
  );
}

export async function insertClaimLinks(tx: SqlExecutor, c: ClaimLink[]): Promise<void> {
  if (c.length === 0) return;
  await run(
    tx,
    `INSERT INTO claim_links (a_article, a_idx, b_article, b_idx, relation, shared, record)
     SELECT a, ai, b, bi, rel, string_to_array(sh, chr(31)), rec
       FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::jsonb[]) AS x(a, ai, b, bi, rel, sh, rec)`,
    [c.map((x) => x.a.articleId), c.map((x) => x.a.index), c.map((x) => x.b.articleId), c.map((x) => x.b.index),
      // A text[] of text[] is not a thing in SQL: each link's shared keys travel as one joined string.
      c.map((x) => x.relation), c.map((x) => x.shared.join('\u001f')), c.map((x) => JSON.stringify(x))],
  );
}

export async function insertFigureSeries(tx: SqlExecutor, c: FigureSeries[]): Promise<void> {
  if (c.length === 0) return;
  await run(
    tx,
    `INSERT INTO figure_series (id, unit, place_entity, points, record)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::jsonb[])`,
    [c.map((s) => s.id), c.map((s) => s.unit), c.map((s) => s.place), c.map((s) => s.points.length), c.map((s) => JSON.stringify(s))],
  );
}

export async function insertEvents(tx: SqlExecutor, c: TimelineEntry[]): Promise<void> {
  if (c.length === 0) return;
  await run(
    tx,
    `INSERT INTO events (id, date, date_start, precision, score, entities, articles, record)
     SELECT id, d, ds::date, p, sc, string_to_array(en, chr(31)), string_to_array(ar, chr(31)), rec
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::jsonb[])
         AS x(id, d, ds, p, sc, en, ar, rec)`,
    [c.map(eventId), c.map((x) => x.date), c.map((x) => dateStart(x.date)?.key ?? '0001-01-01'), c.map((x) => x.precision),
      c.map((x) => x.score), c.map((x) => x.entities.join('\u001f')),
      c.map((x) => [...new Set(x.sources.map((s) => s.articleId))].join('\u001f')), c.map((x) => JSON.stringify(x))],
  );
}

export async function listEvents(db: SqlExecutor, query: EventQuery = {}): Promise<TimelineEntry[]> {
  const q = whereClause([
    query.entities ? entitiesInclude('entities', query.entities) : null,
    query.articles ? { sql: 'articles && $?::text[]', value: query.articles } : null,
  ]);
  const rows = await run<{ record: TimelineEntry }>(db, `SELECT record FROM events ${q.where} ORDER BY date_start, length(date), score DESC, id`, q.params);
  return rows.map((r) => r.record);
}

export async function listQuoteGroups(db: SqlExecutor, query: QuoteGroupQuery = {}): Promise<QuoteGroup[]> {
  const q = whereClause(
    [{ sql: 'articles >= $?', value: query.minArticles ?? 1 }, query.speakers ? entityIs('speaker_entity', query.speakers) : null],
    query,
  );
  const rows = await run<{ record: QuoteGroup }>(db, `SELECT record FROM quote_groups ${q.where} ORDER BY articles DESC, id ${q.paging}`, q.params);
  return rows.map((r) => r.record);
}

export async function listClaimLinks(db: SqlExecutor, query: ClaimLinkQuery = {}): Promise<ClaimLink[]> {
  const q = whereClause(
    [
      query.relation ? { sql: 'relation = $?', value: query.relation } : null,
      query.entities ? entitiesInclude('shared', query.entities) : null,
      query.articleId ? { sql: '(a_article = $? OR b_article = $?)', value: query.articleId } : null,
    ],
    query,
  );
  const rows = await run<{ record: ClaimLink }>(
    db,
    `SELECT record FROM claim_links ${q.where} ORDER BY a_article, a_idx, b_article, b_idx ${q.paging}`,
    q.params,
  );
  return rows.map((r) => r.record);
}

export async function listFigureSeries(db: SqlExecutor, query: FigureSeriesQuery = {}): Promise<FigureSeries[]> {
  const q = whereClause(
    [
      { sql: 'points >= $?', value: query.minPoints ?? 1 },
      query.unit ? { sql: 'unit = $?', value: query.unit } : null,
      query.places ? entityIs('place_entity', query.places) : null,
    ],
    query,
  );
  const rows = await run<{ record: FigureSeries }>(db, `SELECT record FROM figure_series ${q.where} ORDER BY points DESC, id ${q.paging}`, q.params);
  return rows.map((r) => r.record);
}

/**
 * Whether the stored connections lag the stored analyses: an article is
 * analysed but not connected (a run was killed between the two, or its
 * connect was made stale), or threads were not recomputed after stories changed.
 */
export async function connectionsStale(db: SqlExecutor): Promise<boolean> {
  const rows = await run<{ pending: boolean; threads: boolean | null }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM analyses a LEFT JOIN connect_done d ON d.article_id = a.article_id
                     WHERE d.article_id IS NULL OR d.stale) AS pending,
            (SELECT threads_stale FROM story_meta) AS threads`,
  );
  return rows[0]!.pending || rows[0]!.threads === true;
}

/** Stories, newest first (undated last), then the biggest. */
export async function listStories(db: SqlExecutor, query: { limit?: number; offset?: number; thread?: string } = {}): Promise<StoryRecordOut[]> {
  const q = whereClause([query.thread ? { sql: 'thread_id = $?', value: query.thread } : null], query);
  const rows = await run<{ record: StoryRecordOut }>(
    db,
    `SELECT record FROM stories ${q.where} ORDER BY date_start DESC NULLS LAST, cardinality(articles) DESC, id ${q.paging}`,
    q.params,
  );
  return rows.map((r) => r.record);
}

/** A story by its id, or the story an article belongs to. */
export async function getStory(db: SqlExecutor, idOrArticle: string): Promise<StoryRecordOut | null> {
  const rows = await run<{ record: StoryRecordOut }>(db, 'SELECT record FROM stories WHERE id = $1 OR $1 = ANY(articles) ORDER BY id LIMIT 1', [idOrArticle]);
  return rows[0]?.record ?? null;
}

export async function listThreads(db: SqlExecutor): Promise<ThreadRecord[]> {
  const rows = await run<{ record: ThreadRecord }>(db, 'SELECT record FROM threads ORDER BY id');
  return rows.map((r) => r.record);
}
