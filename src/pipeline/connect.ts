/**
 * Corpus-level steps that run after articles are stored: for now, the entity
 * registry pass that finds which stored entities are one referent (other
 * spellings, typos) and records them as aliases.
 */
import { mergeEntities } from '../connect/entity-registry.ts';
import type { Store } from '../store/index.ts';

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
  await store.setEntityAliases(changes);
  return changes.length;
}
