/** `/api/stories`, `/api/stories/{id}` and `/api/threads`. */
import type { ArticleSummary } from '../../store/index.ts';
import { notFound } from '../errors.ts';
import { entityKeys, eventViews, pageAnswer, placesGeoJson, seriesViews } from '../lookup.ts';
import { checkPeriod, PAGING, SINCE, UNTIL } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

/** Records a story page lists in full; a story of more articles than this is paged through the list endpoints. */
const STORY_RECORDS = 500;

export const listStories = defineRoute({
  method: 'GET',
  path: '/api/stories',
  summary: 'Stories (articles about the same event), newest first',
  params: [
    ...PAGING,
    SINCE,
    UNTIL,
    { name: 'thread', type: 'string', description: 'Only stories of this thread (thread id).' },
    { name: 'entity', type: 'string', description: 'Only stories naming this entity (key, or a name in any spelling).' },
    { name: 'place', type: 'string', description: 'Only stories naming this place (key, or a name in any spelling).' },
  ],
  response: listOf(ref('Story')),
  async handle({ store, query }) {
    checkPeriod(query);
    const entities = await entityKeys(store, query.entity);
    const places = await entityKeys(store, query.place);
    const keys = entities && places ? entities.filter((k) => places.includes(k)) : (entities ?? places);
    const page = await store.pageStories({
      limit: query.limit,
      offset: query.offset,
      since: query.since,
      until: query.until,
      thread: query.thread,
      entities: keys,
    });
    return pageAnswer(page, query);
  },
});

/** Copies folded under the article they copy, when that article is in the story too. */
function foldCopies(articles: ArticleSummary[]): Array<ArticleSummary & { copies: ArticleSummary[] }> {
  const ids = new Set(articles.map((a) => a.id));
  const copies = new Map<string, ArticleSummary[]>();
  for (const a of articles) {
    if (a.duplicateOf && ids.has(a.duplicateOf)) copies.set(a.duplicateOf, [...(copies.get(a.duplicateOf) ?? []), a]);
  }
  return articles
    .filter((a) => !(a.duplicateOf && ids.has(a.duplicateOf)))
    .map((a) => ({ ...a, copies: copies.get(a.id) ?? [] }));
}

export const getStory = defineRoute({
  method: 'GET',
  path: '/api/stories/{id}',
  summary: 'One story: its articles (copies folded), quotes, claims and counter-claims, figures, events and places',
  params: [],
  notFound: true,
  response: ref('StoryDetail'),
  async handle({ store, path }) {
    const story = await store.getStory(path.id!);
    if (!story || story.id !== path.id) throw notFound(`no story with id "${path.id}"`);
    const ids = story.articles;
    const limit = STORY_RECORDS;
    const [articles, quotes, claims, claimLinks, figures, figureSeries, events, places] = await Promise.all([
      store.pageArticles({ ids, limit }),
      store.pageQuotes({ articles: ids, limit }),
      store.pageClaims({ articles: ids, limit }),
      store.pageClaimLinks({ articles: ids, limit }),
      store.pageFigures({ articles: ids, limit }),
      store.pageFigureSeries({ articles: ids, limit }),
      store.pageEvents({ articles: ids, limit }),
      store.placeAttention({ articles: ids }),
    ]);
    const { articles: _ids, ...record } = story;
    return {
      ...record,
      articles: foldCopies(articles.items),
      quotes: quotes.items,
      claims: claims.items,
      claimLinks: claimLinks.items,
      figures: figures.items,
      figureSeries: await seriesViews(store, figureSeries.items),
      events: await eventViews(store, events.items),
      places: placesGeoJson(places),
    };
  },
});

export const listThreads = defineRoute({
  method: 'GET',
  path: '/api/threads',
  summary: 'Threads: stories about one ongoing subject',
  params: [...PAGING],
  response: listOf(ref('Thread')),
  async handle({ store, query }) {
    const all = await store.listThreads();
    return { items: all.slice(query.offset, query.offset! + query.limit!), total: all.length, limit: query.limit!, offset: query.offset! };
  },
});
