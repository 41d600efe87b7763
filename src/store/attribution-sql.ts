/**
 * The quotes, claims and figures tables: written with an article's analysis
 * (inside its transaction), read back into the analysis, and listed for the
 * faces with the article each came from. Each row keeps its whole record as
 * analysis made it (jsonb), beside the columns that are filtered and joined on.
 */
import type { Analysis, Claim, Figure, Quote } from '../model/index.ts';
import type { SqlExecutor } from './driver.ts';
import { entityIs, whereClause } from './sql-filters.ts';
import { run } from './sql-run.ts';
import type { ClaimQuery, FigureQuery, QuoteQuery, StoredClaim, StoredFigure, StoredQuote } from './store.ts';

type Attribution = Pick<Analysis, 'quotes' | 'claims' | 'figures'>;

export async function saveAttribution(tx: SqlExecutor, articleId: string, analysis: Attribution): Promise<void> {
  // A re-analysis replaces the article's records whole: positions (idx) are not stable across analyzer versions.
  await run(tx, 'DELETE FROM quotes WHERE article_id = $1', [articleId]);
  await run(tx, 'DELETE FROM claims WHERE article_id = $1', [articleId]);
  await run(tx, 'DELETE FROM figures WHERE article_id = $1', [articleId]);
  const { quotes, claims, figures } = analysis;
  const indexes = (list: readonly unknown[]) => list.map((_, i) => i);
  if (quotes.length > 0) {
    await run(
      tx,
      `INSERT INTO quotes (article_id, idx, kind, content, speaker, speaker_entity, channel_entity, said_on, record)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
      [articleId, indexes(quotes), quotes.map((q) => q.kind), quotes.map((q) => q.content.text),
        quotes.map((q) => q.speaker?.text ?? null), quotes.map((q) => q.speaker?.entity ?? null),
        quotes.map((q) => q.channel?.entity ?? null), quotes.map((q) => q.saidOn), quotes.map((q) => JSON.stringify(q))],
    );
  }
  if (claims.length > 0) {
    await run(
      tx,
      `INSERT INTO claims (article_id, idx, kind, content, party, party_entity, claim_date, unverified, control_action,
                           place_entity, record)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[],
                                $9::text[], $10::text[], $11::jsonb[])`,
      [articleId, indexes(claims), claims.map((c) => c.kind), claims.map((c) => c.content.text),
        claims.map((c) => c.party?.text ?? null), claims.map((c) => c.party?.entity ?? null), claims.map((c) => c.date),
        claims.map((c) => c.flags.unverified), claims.map((c) => c.control?.action ?? null),
        claims.map((c) => c.control?.place.entity ?? null), claims.map((c) => JSON.stringify(c))],
    );
  }
  if (figures.length > 0) {
    await run(
      tx,
      `INSERT INTO figures (article_id, idx, value, unit, counted, figure_date, party_entity, hypothetical, record)
       SELECT $1, * FROM unnest($2::int[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::jsonb[])`,
      [articleId, indexes(figures), figures.map((f) => f.value), figures.map((f) => f.unit), figures.map((f) => f.counted),
        figures.map((f) => f.date), figures.map((f) => f.party?.entity ?? null), figures.map((f) => f.hypothetical),
        figures.map((f) => JSON.stringify(f))],
    );
  }
}

export async function readAttribution(db: SqlExecutor, articleId: string): Promise<Attribution> {
  const records = async <T>(table: string) =>
    (await run<{ record: T }>(db, `SELECT record FROM ${table} WHERE article_id = $1 ORDER BY idx`, [articleId])).map((r) => r.record);
  return {
    quotes: await records<Quote>('quotes'),
    claims: await records<Claim>('claims'),
    figures: await records<Figure>('figures'),
  };
}

/** What every listed record says of the article it came from. */
interface ArticleColumns {
  article_id: string;
  idx: number;
  title: string;
  outlet: string | null;
  published: string | null;
}

const ARTICLE_COLUMNS = 'r.article_id, r.idx, a.title, a.outlet, a.published';

/** Newest article first (undated last), then the article's own order: stable for paging. */
const ORDER = 'ORDER BY a.published_at DESC NULLS LAST, r.article_id, r.idx';

function articleOf(row: ArticleColumns) {
  return { articleId: row.article_id, index: row.idx, articleTitle: row.title, outlet: row.outlet, published: row.published };
}

export async function listQuotes(db: SqlExecutor, options: QuoteQuery = {}): Promise<StoredQuote[]> {
  const q = whereClause(
    [
      options.speakers ? entityIs('r.speaker_entity', options.speakers) : null,
      options.articleId ? { sql: 'r.article_id = $?', value: options.articleId } : null,
    ],
    options,
  );
  const rows = await run<ArticleColumns & { record: Quote }>(
    db,
    `SELECT ${ARTICLE_COLUMNS}, r.record FROM quotes r JOIN articles a ON a.id = r.article_id ${q.where} ${ORDER} ${q.paging}`,
    q.params,
  );
  return rows.map((row) => ({ ...row.record, ...articleOf(row) }));
}

export async function listClaims(db: SqlExecutor, options: ClaimQuery = {}): Promise<StoredClaim[]> {
  const q = whereClause(
    [
      options.parties ? entityIs('r.party_entity', options.parties) : null,
      options.places ? entityIs('r.place_entity', options.places) : null,
      options.kind ? { sql: 'r.kind = $?', value: options.kind } : null,
      options.control === undefined ? null : { sql: `r.control_action IS ${options.control ? 'NOT ' : ''}NULL` },
      options.articleId ? { sql: 'r.article_id = $?', value: options.articleId } : null,
    ],
    options,
  );
  const rows = await run<ArticleColumns & { record: Claim }>(
    db,
    `SELECT ${ARTICLE_COLUMNS}, r.record FROM claims r JOIN articles a ON a.id = r.article_id ${q.where} ${ORDER} ${q.paging}`,
    q.params,
  );
  return rows.map((row) => ({ ...row.record, ...articleOf(row) }));
}

export async function listFigures(db: SqlExecutor, options: FigureQuery = {}): Promise<StoredFigure[]> {
  const q = whereClause(
    [
      options.unit ? { sql: 'r.unit = $?', value: options.unit } : null,
      options.includeHypothetical ? null : { sql: 'NOT r.hypothetical' },
      options.articleId ? { sql: 'r.article_id = $?', value: options.articleId } : null,
    ],
    options,
  );
  const rows = await run<ArticleColumns & { record: Figure }>(
    db,
    `SELECT ${ARTICLE_COLUMNS}, r.record FROM figures r JOIN articles a ON a.id = r.article_id ${q.where} ${ORDER} ${q.paging}`,
    q.params,
  );
  return rows.map((row) => ({ ...row.record, ...articleOf(row) }));
}
