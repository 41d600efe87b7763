/**
 * The stories breaking at a moment (connect/breaking), from the store: the
 * most recent stories and the times their articles appeared — the date the
 * container or the text gives, else when sitrep took the article in.
 */
import { breakingStories, type BreakingInput, type BreakingStory } from '../connect/breaking.ts';
import type { ArticleSummary, Store } from '../store/index.ts';

/** Stories looked at: the newest 500 hold every story with articles in the last hours of a busy day. */
const RECENT_STORIES = 500;
/** Ids per look-up: well under the store's page limit (10,000). */
const LOOKUP_CHUNK = 2000;

export async function loadBreakingStories(store: Store, at: Date, windowHours?: number): Promise<BreakingStory[]> {
  const stories = await store.listStories({ limit: RECENT_STORIES });
  const inputs: BreakingInput[] = [];
  // One look-up for every article of these stories (summaries: no text is read).
  const ids = [...new Set(stories.flatMap((s) => s.articles))];
  const byId = new Map<string, ArticleSummary>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    for (const a of (await store.pageArticles({ ids: chunk, limit: chunk.length })).items) byId.set(a.id, a);
  }
  for (const story of stories) {
    const articles: BreakingInput['articles'] = [];
    for (const id of story.articles) {
      const a = byId.get(id);
      if (!a) continue;
      const dated = a.published.value !== null && (a.published.provenance === 'metadata' || a.published.provenance === 'stated');
      articles.push({ id, at: dated ? a.published.value! : a.ingestedAt, outlet: a.outlet, duplicateOf: a.duplicateOf });
    }
    inputs.push({ id: story.id, title: story.title, articles });
  }
  return breakingStories(inputs, at, windowHours);
}
