/**
 * What several routes share: turning a name or key parameter into entity
 * keys, a story into its article ids, events and places into their answer
 * shapes.
 */
import { variantKey } from '../analyze/entities/index.ts';
import { eventId, type Figure, type FigureSeries, type TimelineEntry } from '../model/index.ts';
import type { PlaceAttention, Store } from '../store/index.ts';
import { notFound } from './errors.ts';

/** Figures fetched to give a page of series points their spans (every figure of their articles). */
const SERIES_FIGURES = 10_000;

const ENTITY_KEY = /^(person|place|organization|unit|outlet):/;

/**
 * Entity keys for a parameter: a key as it is (`person:volodymyr zelensky`),
 * or a name in any spelling (Zelenskyy, Mirnograd) through the variant keys.
 * A name nothing is spelled as gives no keys: the filter then matches nothing.
 */
export async function entityKeys(store: Store, value: string | undefined): Promise<string[] | undefined> {
  if (value === undefined) return undefined;
  if (ENTITY_KEY.test(value)) return [value];
  const key = variantKey(value);
  if (!key) return [];
  return (await store.findEntities([key])).map((e) => e.key);
}

/** A story's article ids; 404 when there is no such story. */
export async function storyArticleIds(store: Store, id: string | undefined): Promise<string[] | undefined> {
  if (id === undefined) return undefined;
  const story = await store.getStory(id);
  if (!story || story.id !== id) throw notFound(`no story with id "${id}" (ids are listed by /api/stories)`);
  return story.articles;
}

export interface EventView {
  id: string;
  date: string;
  precision: string;
  dated: TimelineEntry['dated'];
  text: string;
  score: number;
  entities: string[];
  sources: Array<{
    article: string;
    title: string | null;
    outlet: string | null;
    published: string | null;
    sentence: { index: number; start: number; end: number };
    text: string;
  }>;
}

/** Events with each source's sentence quoted from its article (the span is into the article's text). */
export async function eventViews(store: Store, events: TimelineEntry[]): Promise<EventView[]> {
  const ids = [...new Set(events.flatMap((e) => e.sources.map((s) => s.articleId)))];
  const texts = await store.articleTexts(ids);
  const articles = new Map((await store.pageArticles({ ids, limit: ids.length || 1 })).items.map((a) => [a.id, a]));
  return events.map((e) => ({
    id: eventId(e),
    date: e.date,
    precision: e.precision,
    dated: e.dated,
    text: e.text,
    score: e.score,
    entities: e.entities,
    sources: e.sources.map((s) => {
      const a = articles.get(s.articleId);
      return {
        article: s.articleId,
        title: a?.title ?? null,
        outlet: a?.outlet ?? null,
        published: a?.published.value ?? null,
        sentence: { index: s.sentence, start: s.start, end: s.end },
        text: texts[s.articleId]?.slice(s.start, s.end) ?? '',
      };
    }),
  }));
}

/** Places as a GeoJSON FeatureCollection of points ([lon, lat], as GeoJSON orders them). */
export function placesGeoJson(places: PlaceAttention[]) {
  return {
    type: 'FeatureCollection' as const,
    features: places.map((p) => ({
      type: 'Feature' as const,
      id: p.key,
      geometry: { type: 'Point' as const, coordinates: [p.place.lon, p.place.lat] },
      properties: {
        key: p.key,
        name: p.name,
        country: p.place.country,
        kind: p.place.kind,
        mentions: p.mentions,
        articles: p.articles,
        firstSeen: p.firstSeen,
        lastSeen: p.lastSeen,
      },
    })),
  };
}

export function pageAnswer<T>(page: { items: T[]; total: number }, q: { limit?: number; offset?: number }) {
  return { items: page.items, total: page.total, limit: q.limit!, offset: q.offset! };
}

/** A series with each point's unit, article and span in its article's text. */
export async function seriesViews(store: Store, series: FigureSeries[]) {
  const ids = [...new Set(series.flatMap((s) => s.points.map((p) => p.articleId)))];
  const found = ids.length ? (await store.pageFigures({ articles: ids, includeHypothetical: true, limit: SERIES_FIGURES })).items : [];
  const byId = new Map<string, Figure>(found.map((f) => [`${f.articleId}:${f.index}`, f]));
  return series.map((s) => ({
    id: s.id,
    unit: s.unit,
    subject: s.subject,
    place: s.place,
    points: s.points.map((p) => {
      const figure = byId.get(`${p.articleId}:${p.index}`);
      return {
        date: p.date,
        value: p.value,
        valueMax: p.valueMax,
        unit: s.unit,
        qualifier: p.qualifier,
        counted: p.counted,
        text: p.text,
        party: p.party,
        partyText: p.partyText,
        article: p.articleId,
        index: p.index,
        span: figure ? { start: figure.start, end: figure.end } : null,
      };
    }),
  }));
}

