/**
 * The stories breaking at a moment (connect/breaking), from the store: the
 * most recent stories and the times their articles appeared — the date the
 * container or the text gives, else when sitrep took the article in.
 */
import { breakingStories, type BreakingInput, type BreakingStory } from '../connect/breaking.ts';
import type { Store } from '../store/index.ts';

/** Stories looked at: the newest 500 hold every story with articles in the last hours of a busy day. */
const RECENT_STORIES = 500;

export async function loadBreakingStories(store: Store, at: Date, windowHours?: number): Promise<BreakingStory[]> {
  const stories = await store.listStories({ limit: RECENT_STORIES });
  const inputs: BreakingInput[] = [];
  for (const story of stories) {
    const articles: BreakingInput['articles'] = [];
    for (const id of story.articles) {
      const a = await store.getArticle(id);
      if (!a) continue;
      const dated = a.published.value !== null && (a.published.provenance === 'metadata' || a.published.provenance === 'stated');
      articles.push({ id, at: dated ? a.published.value! : a.ingestedAt, outlet: a.outlet, duplicateOf: a.duplicateOf });
    }
    inputs.push({ id: story.id, title: story.title, articles });
  }
  return breakingStories(inputs, at, windowHours);
}
