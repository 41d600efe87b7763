/**
 * Corpus-level steps that run after articles are stored: the entity registry
 * pass that finds which stored entities are one referent (other spellings,
 * typos) and records them as aliases, and the dating pass that gives
 * undated articles the years the rest of the corpus shows.
 */
import { attribute } from '../analyze/index.ts';
import { dateFromCorpus } from '../connect/corpus-dates.ts';
import { mergeEntities } from '../connect/entity-registry.ts';
import type { CorpusDatingToStore, Store, StoredDating } from '../store/index.ts';

export async function linkEntityAliases(store: Store): Promise<number> {
  const rows = await store.allEntities();
  const { aliases } = mergeEntities([
    {
      articleId: 'corpus',
      entities: rows.map((r) => ({ key: r.key, type: r.type, name: r.name, variants: r.variants })),
      mentionCounts: new Map(rows.map((r) => [r.key, r.mentions])),
    },
  ]);
  // Recomputed over the whole registry each time, so an alias made by an
  // earlier pass is cleared if the corpus no longer supports it.
  const changes = rows
    .map((r) => {
      const target = aliases.get(r.key);
      return { key: r.key, aliasOf: target && target !== r.key ? target : null, current: r.aliasOf };
    })
    .filter((c) => c.aliasOf !== c.current)
    .map(({ key, aliasOf }) => ({ key, aliasOf }));
  // Articles already connected under the old keys connect again under the new ones
  // (marked first: a kill in between only makes a needless redo).
  await store.markConnectStale(await store.articlesMentioning(changes.map((c) => c.key)));
  await store.setEntityAliases(changes);
  return changes.length;
}

/** JSON with object keys sorted: jsonb does not keep key order, and a dating read back must compare equal to itself. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Dates undated articles from the corpus (connect/corpus-dates) and writes
 * back those whose dating changed. Recomputed from every article's own
 * evidence each time: an article ingested later can date (or, when it makes
 * the evidence ambiguous, undate) earlier ones, and a run with nothing new
 * changes nothing. Returns how many articles changed.
 */
export async function dateFromCorpusEvidence(store: Store): Promise<number> {
  const rows = await store.datingEvidence();
  const decided = new Map(
    dateFromCorpus(
      rows.map((r) => ({
        id: r.id,
        text: r.text,
        sentences: r.sentences,
        published: r.own.published,
        times: r.own.times,
        duplicateOf: r.duplicateOf,
      })),
    ).map((d) => [d.id, d]),
  );
  const changes: CorpusDatingToStore[] = [];
  for (const r of rows) {
    if (r.text.length === 0) continue; // dated by its container or dateline: evidence only
    const found = decided.get(r.id);
    const target: StoredDating = found ? { published: found.published, times: found.times, sentenceTimes: found.sentenceTimes } : r.own;
    if (canonical(target) === canonical(r.current)) continue;
    changes.push({ id: r.id, published: target.published, times: target.times, sentenceTimes: target.sentenceTimes });
  }
  // Connected articles whose dates change connect again (marked first: a kill in between only makes a needless redo).
  await store.markConnectStale(changes.map((c) => c.id));
  await store.saveCorpusDatings(changes);
  // When each quote was said, the date of each claim and figure follow the
  // article's times: made again from the re-dated times.
  for (const change of changes) {
    const article = await store.getArticle(change.id);
    const analysis = await store.getAnalysis(change.id);
    if (!article || !analysis) continue;
    await store.replaceAttribution(change.id, attribute(article.text, analysis));
  }
  return changes.length;
}
