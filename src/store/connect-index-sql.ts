/**
 * The incremental connect's index (migration 0006): each article's connect
 * items with their look-up keys, story grouping's state in rows, and the
 * writes of one article's connect to the connection tables the faces read.
 * Every method runs on the executor it is given — the transaction of one
 * article's connect.
 */
import { eventId, type ClaimLink, type FigureSeries, type QuoteGroup, type StoryRecordOut, type ThreadRecord, type TimelineEntry } from '../model/index.ts';
import { insertClaimLinks, insertEvents, insertFigureSeries, insertQuoteGroups, insertStories, insertThreads } from './connections-sql.ts';
import type { SqlDriver, SqlExecutor } from './driver.ts';
import { run } from './sql-run.ts';
import type { ConnectIndex, ConnectItem, ConnectItemKind, StoredStoryGroup, StoryStepToStore } from './store.ts';

interface ItemRow {
  article_id: string;
  idx: number;
  group_id: string | null;
  input: unknown;
}

const toItem = <T>(r: ItemRow): ConnectItem<T> => ({ articleId: r.article_id, index: r.idx, group: r.group_id, input: r.input as T });
const unique = (xs: readonly string[]) => [...new Set(xs)];

export function connectIndex(db: SqlExecutor): ConnectIndex {
  return {
    async markConnected(articleId) {
      const rows = await run<{ seq: string | number }>(
        db,
        `INSERT INTO connect_done (article_id) VALUES ($1)
         ON CONFLICT (article_id) DO UPDATE SET stale = false RETURNING seq`,
        [articleId],
      );
      return Number(rows[0]!.seq);
    },

    async findCandidates<T>(kind: ConnectItemKind, keysPerItem: string[][], options: { perKey: number; perItem: number; excludeArticle: string }) {
      const pairs = keysPerItem.flatMap((keys, item) => unique(keys).map((key) => [key, item] as const));
      if (pairs.length === 0) return [];
      const rows = await run<ItemRow>(
        db,
        `WITH hits AS (
           SELECT k.item, c.article_id, c.idx, count(*) AS shared, max(c.seq) AS seq
             FROM unnest($2::text[], $3::int[]) AS k(key, item)
             CROSS JOIN LATERAL (
               SELECT article_id, idx, seq FROM connect_keys
                WHERE kind = $1 AND key = k.key AND article_id <> $4
                ORDER BY seq DESC LIMIT $5) c
            GROUP BY k.item, c.article_id, c.idx),
         best AS (
           SELECT DISTINCT article_id, idx FROM (
             SELECT article_id, idx, row_number() OVER (PARTITION BY item ORDER BY shared DESC, seq DESC, article_id, idx) AS rank
               FROM hits) r
            WHERE rank <= $6)
         SELECT i.article_id, i.idx, i.group_id, i.input
           FROM best JOIN connect_items i ON i.kind = $1 AND i.article_id = best.article_id AND i.idx = best.idx
          ORDER BY i.seq, i.article_id, i.idx`,
        [kind, pairs.map((p) => p[0]), pairs.map((p) => p[1]), options.excludeArticle, options.perKey, options.perItem],
      );
      return rows.map((r) => toItem<T>(r));
    },

    async items<T>(kind: ConnectItemKind, refs: Array<{ articleId: string; index: number }>) {
      if (refs.length === 0) return [];
      const rows = await run<ItemRow>(
        db,
        `SELECT i.article_id, i.idx, i.group_id, i.input
           FROM unnest($2::text[], $3::int[]) AS r(a, x)
           JOIN connect_items i ON i.kind = $1 AND i.article_id = r.a AND i.idx = r.x`,
        [kind, refs.map((r) => r.articleId), refs.map((r) => r.index)],
      );
      return rows.map((r) => toItem<T>(r));
    },

    async itemsOfGroups<T>(kind: ConnectItemKind, groups: string[]) {
      if (groups.length === 0) return [];
      const rows = await run<ItemRow>(
        db,
        'SELECT article_id, idx, group_id, input FROM connect_items WHERE kind = $1 AND group_id = ANY($2::text[]) ORDER BY seq, article_id, idx',
        [kind, unique(groups)],
      );
      return rows.map((r) => toItem<T>(r));
    },

    async itemsOfArticle<T>(kind: ConnectItemKind, articleId: string) {
      const rows = await run<ItemRow>(
        db,
        'SELECT article_id, idx, group_id, input FROM connect_items WHERE kind = $1 AND article_id = $2 ORDER BY idx',
        [kind, articleId],
      );
      return rows.map((r) => toItem<T>(r));
    },

    async addItems(kind, seq, items) {
      if (items.length === 0) return;
      await run(
        db,
        `INSERT INTO connect_items (kind, article_id, idx, seq, group_id, input)
         SELECT $1, a, x, $2, g, i FROM unnest($3::text[], $4::int[], $5::text[], $6::jsonb[]) AS t(a, x, g, i)`,
        [kind, seq, items.map((i) => i.articleId), items.map((i) => i.index), items.map((i) => i.group), items.map((i) => JSON.stringify(i.input))],
      );
      const keys = items.flatMap((i) => unique(i.keys).map((key) => ({ key, articleId: i.articleId, index: i.index })));
      if (keys.length === 0) return;
      await run(
        db,
        `INSERT INTO connect_keys (kind, key, article_id, idx, seq)
         SELECT $1, k, a, x, $2 FROM unnest($3::text[], $4::text[], $5::int[]) AS t(k, a, x)`,
        [kind, seq, keys.map((k) => k.key), keys.map((k) => k.articleId), keys.map((k) => k.index)],
      );
    },

    async setItemGroups(kind, items) {
      if (items.length === 0) return;
      await run(
        db,
        `UPDATE connect_items c SET group_id = t.g
           FROM unnest($2::text[], $3::int[], $4::text[]) AS t(a, x, g)
          WHERE c.kind = $1 AND c.article_id = t.a AND c.idx = t.x`,
        [kind, items.map((i) => i.articleId), items.map((i) => i.index), items.map((i) => i.group)],
      );
    },

    async deleteArticleItems(kind, articleId) {
      await run(db, 'DELETE FROM connect_items WHERE kind = $1 AND article_id = $2', [kind, articleId]);
    },

    async replaceQuoteGroups(removed, groups) {
      if (removed.length > 0) await run(db, 'DELETE FROM quote_groups WHERE id = ANY($1::text[])', [removed]);
      const appearances = groups.flatMap((g) => g.appearances);
      if (appearances.length > 0) {
        // An appearance moves with its group: whatever group held it before is being replaced too.
        await run(
          db,
          `DELETE FROM quote_appearances q USING unnest($1::text[], $2::int[]) AS t(a, x) WHERE q.article_id = t.a AND q.idx = t.x`,
          [appearances.map((a) => a.articleId), appearances.map((a) => a.index)],
        );
      }
      await insertQuoteGroups(db, groups);
    },

    addClaimLinks: (links: ClaimLink[]) => insertClaimLinks(db, links),

    async deleteClaimLinksOf(articleId) {
      await run(db, 'DELETE FROM claim_links WHERE a_article = $1 OR b_article = $1', [articleId]);
    },

    async replaceFigureSeries(removed: string[], series: FigureSeries[]) {
      const ids = unique([...removed, ...series.map((s) => s.id)]);
      if (ids.length > 0) await run(db, 'DELETE FROM figure_series WHERE id = ANY($1::text[])', [ids]);
      await insertFigureSeries(db, series);
    },

    async replaceEvents(removed: string[], events: TimelineEntry[]) {
      const ids = unique([...removed, ...events.map(eventId)]);
      if (ids.length > 0) await run(db, 'DELETE FROM events WHERE id = ANY($1::text[])', [ids]);
      await insertEvents(db, events);
    },

    async storyMeta() {
      const rows = await run<{ documents: number; next_key: number; stamp: string | null }>(db, 'SELECT documents, next_key, stamp FROM story_meta');
      return { documents: rows[0]?.documents ?? 0, nextKey: rows[0]?.next_key ?? 1, stamp: rows[0]?.stamp ?? null };
    },

    async storyTerms(terms) {
      if (terms.length === 0) return new Map();
      const rows = await run<{ term: string; df: number; posting: number }>(
        db,
        'SELECT term, df, posting FROM story_terms WHERE term = ANY($1::text[])',
        [unique(terms)],
      );
      return new Map(rows.map((r) => [r.term, { df: r.df, posting: r.posting }]));
    },

    async storyPostings(features) {
      const out = new Map<string, string[]>(features.map((f) => [f, []]));
      if (features.length === 0) return out;
      const rows = await run<{ feature: string; article_id: string }>(
        db,
        'SELECT feature, article_id FROM story_postings WHERE feature = ANY($1::text[])',
        [unique(features)],
      );
      for (const r of rows) out.get(r.feature)!.push(r.article_id);
      return out;
    },

    async storyKeysOf(ids) {
      if (ids.length === 0) return new Map();
      const rows = await run<{ article_id: string; story_key: string }>(
        db,
        'SELECT article_id, story_key FROM story_articles WHERE article_id = ANY($1::text[])',
        [unique(ids)],
      );
      return new Map(rows.map((r) => [r.article_id, r.story_key]));
    },

    async storyFeatures(ids) {
      if (ids.length === 0) return new Map();
      const rows = await run<{ article_id: string; features: unknown }>(
        db,
        'SELECT article_id, features FROM story_articles WHERE article_id = ANY($1::text[])',
        [unique(ids)],
      );
      return new Map(rows.map((r) => [r.article_id, r.features]));
    },

    async storyGroups(keys) {
      if (keys.length === 0) return new Map();
      const rows = await run<{ key: string; id: string; articles: string[] }>(
        db,
        'SELECT key, id, articles FROM story_groups WHERE key = ANY($1::text[])',
        [unique(keys)],
      );
      return new Map(rows.map((r) => [r.key, { id: r.id, articles: r.articles }]));
    },

    async saveStoryStep(step: StoryStepToStore) {
      await run(
        db,
        `INSERT INTO story_meta (singleton, documents, next_key, threads_stale, stamp) VALUES (true, $1, $2, true, $3)
         ON CONFLICT (singleton) DO UPDATE SET documents = EXCLUDED.documents, next_key = EXCLUDED.next_key, threads_stale = true, stamp = EXCLUDED.stamp`,
        [step.documents, step.nextKey, step.stamp],
      );
      const increments = unique(step.dfIncrements);
      if (increments.length > 0) {
        await run(
          db,
          `INSERT INTO story_terms (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
           ON CONFLICT (term) DO UPDATE SET df = story_terms.df + 1`,
          [increments],
        );
      }
      if (step.postings.length > 0) {
        await run(
          db,
          'INSERT INTO story_postings (feature, article_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
          [step.postings.map((p) => p.feature), step.postings.map((p) => p.articleId)],
        );
        await run(
          db,
          `INSERT INTO story_terms (term, df, posting) SELECT f, 0, 1 FROM unnest($1::text[]) AS f
           ON CONFLICT (term) DO UPDATE SET posting = story_terms.posting + 1`,
          [unique(step.postings.map((p) => p.feature))],
        );
      }
      const fresh = step.articles.filter((a) => a.features !== undefined);
      if (fresh.length > 0) {
        await run(
          db,
          `INSERT INTO story_articles (article_id, story_key, features) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
           ON CONFLICT (article_id) DO UPDATE SET story_key = EXCLUDED.story_key, features = EXCLUDED.features`,
          [fresh.map((a) => a.id), fresh.map((a) => a.storyKey), fresh.map((a) => JSON.stringify(a.features))],
        );
      }
      const moved = step.articles.filter((a) => a.features === undefined);
      if (moved.length > 0) {
        await run(
          db,
          `UPDATE story_articles s SET story_key = t.k FROM unnest($1::text[], $2::text[]) AS t(a, k) WHERE s.article_id = t.a`,
          [moved.map((a) => a.id), moved.map((a) => a.storyKey)],
        );
      }
      if (step.droppedGroups.length > 0) await run(db, 'DELETE FROM story_groups WHERE key = ANY($1::text[])', [step.droppedGroups]);
      if (step.groups.length > 0) {
        await run(
          db,
          `INSERT INTO story_groups (key, id, articles)
           SELECT k, i, string_to_array(a, chr(31)) FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, i, a)
           ON CONFLICT (key) DO UPDATE SET id = EXCLUDED.id, articles = EXCLUDED.articles, described = false`,
          [step.groups.map((g) => g.key), step.groups.map((g) => g.id), step.groups.map((g) => g.articles.join('\u001f'))],
        );
      }
      // Stories merged away or renamed leave the reader-facing table now; the changed ones are written by the threads pass.
      const removed = unique(step.removedStories);
      if (removed.length > 0) await run(db, 'DELETE FROM stories WHERE id = ANY($1::text[])', [removed]);
    },

    async allStoryRows() {
      const articles = await run<{ article_id: string; story_key: string; features: unknown }>(db, 'SELECT * FROM story_articles');
      const groups = await run<{ key: string; id: string; articles: string[] }>(db, 'SELECT key, id, articles FROM story_groups');
      const terms = await run<{ term: string; df: number }>(db, 'SELECT term, df FROM story_terms WHERE df > 0');
      return {
        features: new Map(articles.map((r) => [r.article_id, r.features])),
        storyOf: new Map(articles.map((r) => [r.article_id, r.story_key])),
        groups: new Map(groups.map((r) => [r.key, { id: r.id, articles: r.articles } satisfies StoredStoryGroup])),
        df: new Map(terms.map((r) => [r.term, r.df])),
      };
    },

    async replaceThreads(threads: ThreadRecord[], stories: StoryRecordOut[]) {
      await run(db, 'DELETE FROM threads');
      await insertThreads(db, threads);
      await run(db, 'DELETE FROM stories');
      await insertStories(db, stories);
      await run(db, 'UPDATE story_meta SET threads_stale = false');
      await run(db, 'UPDATE story_groups SET described = true WHERE NOT described');
    },

    async undescribedStories() {
      const rows = await run<{ key: string; id: string; articles: string[] }>(db, 'SELECT key, id, articles FROM story_groups WHERE NOT described');
      return new Map(rows.map((r) => [r.key, { id: r.id, articles: r.articles }]));
    },

    async saveStoryDescriptions(keys: string[], stories: StoryRecordOut[]) {
      const ids = stories.map((s) => s.id);
      const kept = await run<{ id: string; thread_id: string | null }>(db, 'SELECT id, thread_id FROM stories WHERE id = ANY($1::text[])', [ids]);
      const threadOf = new Map(kept.map((r) => [r.id, r.thread_id]));
      if (ids.length > 0) await run(db, 'DELETE FROM stories WHERE id = ANY($1::text[])', [ids]);
      await insertStories(db, stories.map((s) => ({ ...s, thread: threadOf.get(s.id) ?? null })));
      if (keys.length > 0) await run(db, 'UPDATE story_groups SET described = true WHERE key = ANY($1::text[])', [unique(keys)]);
    },

    async threadsStale() {
      const rows = await run<{ stale: boolean }>(db, 'SELECT threads_stale AS stale FROM story_meta');
      return rows[0]?.stale ?? false;
    },
  };
}

/** Analysed articles waiting for their connect (new, or stale since their analysis changed), in id order. */
export async function pendingConnects(db: SqlExecutor, limit: number): Promise<Array<{ id: string; stale: boolean }>> {
  const rows = await run<{ id: string; stale: boolean }>(
    db,
    `SELECT a.article_id AS id, (d.article_id IS NOT NULL) AS stale
       FROM analyses a LEFT JOIN connect_done d ON d.article_id = a.article_id
      WHERE d.article_id IS NULL OR d.stale
      ORDER BY a.article_id LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function markConnectStale(db: SqlExecutor, ids: string[]): Promise<void> {
  if (ids.length > 0) await run(db, 'UPDATE connect_done SET stale = true WHERE article_id = ANY($1::text[])', [ids]);
}

export async function articlesMentioning(db: SqlExecutor, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await run<{ article_id: string }>(
    db,
    'SELECT DISTINCT article_id FROM entity_mentions WHERE entity_key = ANY($1::text[]) ORDER BY article_id',
    [keys],
  );
  return rows.map((r) => r.article_id);
}

export async function entityAliases(db: SqlExecutor, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await run<{ key: string; alias_of: string }>(
    db,
    'SELECT key, alias_of FROM entities WHERE key = ANY($1::text[]) AND alias_of IS NOT NULL',
    [unique(keys)],
  );
  return new Map(rows.map((r) => [r.key, r.alias_of]));
}

export async function refinementState(db: SqlExecutor): Promise<{ analysed: number; atLastRefinement: number | null }> {
  const rows = await run<{ analysed: number; refined: number | null }>(
    db,
    'SELECT (SELECT count(*)::int FROM analyses) AS analysed, (SELECT refined_articles FROM story_meta) AS refined',
  );
  return { analysed: rows[0]!.analysed, atLastRefinement: rows[0]!.refined ?? null };
}

export async function recordRefinement(db: SqlExecutor, analysed: number, at: Date): Promise<void> {
  await run(
    db,
    // Before any story step the row does not exist: its counters start as storyMeta reads them then.
    `INSERT INTO story_meta (singleton, documents, next_key, refined_articles, refined_at) VALUES (true, 0, 1, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET refined_articles = EXCLUDED.refined_articles, refined_at = EXCLUDED.refined_at`,
    [analysed, at.toISOString()],
  );
}

/** Every connection and the whole connect index, emptied in one transaction. */
export async function resetConnections(driver: SqlDriver): Promise<void> {
  await driver.transaction(async (tx) => {
    for (const table of [
      'quote_appearances', 'quote_groups', 'claim_links', 'figure_series', 'events', 'stories', 'threads',
      'connect_keys', 'connect_items', 'connect_done', 'story_articles', 'story_groups', 'story_terms', 'story_postings', 'story_meta',
    ]) {
      await run(tx, `DELETE FROM ${table}`);
    }
  });
}
