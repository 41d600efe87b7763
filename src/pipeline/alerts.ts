/**
 * After an ingest run's corpus pass: the run's articles, with the stories and
 * figure series connecting put them in, matched against what users follow
 * (connect/alerts, pure); new matches stored as alerts. Webhook delivery is
 * separate (pipeline/deliver-alerts) so a slow or dead endpoint never holds
 * up ingest.
 */
import { matchAlerts, type RunArticle } from '../connect/alerts.ts';
import type { StoryRecordOut } from '../model/index.ts';
import type { Store, StoredAlert } from '../store/index.ts';

export async function raiseAlerts(store: Store, storedIds: readonly string[], now: Date): Promise<StoredAlert[]> {
  if (storedIds.length === 0) return [];
  const follows = await store.listFollows();
  if (follows.length === 0) return [];
  const aliasOf = new Map((await store.allEntities()).filter((e) => e.aliasOf).map((e) => [e.key, e.aliasOf!]));
  const canonical = (key: string) => {
    let k = key;
    for (let hops = 0; aliasOf.has(k) && hops < 10; hops++) k = aliasOf.get(k)!;
    return k;
  };
  const ids = new Set(storedIds);
  const articles: RunArticle[] = [];
  const stories = new Map<string, StoryRecordOut>();
  for (const id of storedIds) {
    const [article, analysis, story] = await Promise.all([store.getArticle(id), store.getAnalysis(id), store.getStory(id)]);
    if (!article || !analysis) continue;
    articles.push({
      id,
      title: article.title,
      text: article.text,
      entities: [...new Set(analysis.entityIndex.map((e) => canonical(e.key)))],
      claims: analysis.claims,
    });
    if (story) stories.set(story.id, story);
  }
  // Series are few next to articles (one per unit and subject); those with a point from this run are the candidates.
  const series = (await store.listFigureSeries({ limit: 100_000 })).filter((s) => s.points.some((p) => ids.has(p.articleId)));
  const alerts = matchAlerts(follows, { articles, stories: [...stories.values()], series, canonical });
  return store.addAlerts(alerts, now.toISOString());
}
