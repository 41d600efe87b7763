/** `/api/timeline`: dated events merged across articles, each with the sentences it came from. */
import { entityKeys, eventViews, storyArticleIds } from '../lookup.ts';
import { checkPeriod, PAGING, SINCE, UNTIL } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

export const timeline = defineRoute({
  method: 'GET',
  path: '/api/timeline',
  summary: 'Timeline events in date order (coarser dates before the days within them)',
  description: '`since`/`until` compare the first day an event covers (a month-long event counts from its first day).',
  params: [
    ...PAGING,
    { name: 'story', type: 'string', description: "Only this story's events (story id)." },
    { name: 'place', type: 'string', description: 'Only events naming this place (key, or a name in any spelling).' },
    { name: 'entity', type: 'string', description: 'Only events naming this entity (key, or a name in any spelling).' },
    SINCE,
    UNTIL,
    { name: 'top', type: 'integer', minimum: 1, maximum: 10_000, description: 'Keep only the N best-scored events (still in date order).' },
  ],
  response: listOf(ref('Event')),
  async handle({ store, query }) {
    checkPeriod(query);
    const place = await entityKeys(store, query.place);
    const entity = await entityKeys(store, query.entity);
    const keys = place && entity ? entity.filter((k) => place.includes(k)) : (place ?? entity);
    const page = await store.pageEvents({
      limit: query.limit,
      offset: query.offset,
      since: query.since,
      until: query.until,
      top: query.top,
      articles: await storyArticleIds(store, query.story),
      entities: keys,
    });
    return { items: await eventViews(store, page.items), total: page.total, limit: query.limit!, offset: query.offset! };
  },
});
