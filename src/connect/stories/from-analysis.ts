/**
 * The bridge from what ingest and analysis store to what grouping reads:
 * one StoryArticle from an article's fields and its Analysis.
 */
import type { Analysis } from '../../model/index.ts';
import type { StoryArticle, StoryDate } from './types.ts';

/** The article fields grouping uses (an `Article` has them all). */
export interface ArticleFields {
  id: string;
  title: string;
  text: string;
  language: string | null;
  outlet: string | null;
  duplicateOf?: string | null | undefined;
}

/** Analysis with the attribution parts optional, so grouping works with analyses stored before them. */
export type AnalysisForStories = Omit<Analysis, 'quotes' | 'claims' | 'figures'> & Partial<Pick<Analysis, 'quotes' | 'figures'>>;

export function storyArticleFromAnalysis(article: ArticleFields, analysis: AnalysisForStories): StoryArticle {
  const mentions = new Map<string, number>();
  for (const m of analysis.entities) mentions.set(m.entity, (mentions.get(m.entity) ?? 0) + 1);
  const published: StoryDate = { value: analysis.published.value, range: analysis.published.range };
  return {
    id: article.id,
    title: article.title,
    text: analysis.text,
    published,
    language: article.language,
    outlet: article.outlet,
    entities: analysis.entityIndex.map((e) => ({
      key: e.key,
      type: e.type,
      name: e.name,
      mentions: mentions.get(e.key) ?? 1,
      place: e.place ? { lat: e.place.lat, lon: e.place.lon, kind: e.place.kind, country: e.place.country } : null,
      variants: e.variants,
    })),
    times: analysis.times.map((t) => ({ type: t.type, value: t.value })),
    figures: (analysis.figures ?? []).filter((f) => !f.hypothetical).map((f) => ({ value: f.value, unit: f.unit, counted: f.counted })),
    quotes: (analysis.quotes ?? []).map((q) => ({ content: q.content.text, channel: q.channel?.text ?? null })),
    sentences: analysis.sentences,
    duplicateOf: article.duplicateOf ?? null,
  };
}
