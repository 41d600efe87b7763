/** `/api/search`: full text (stemmed or exact words) and any spelling of a name, with facets. */
import { variantKey } from '../../analyze/entities/index.ts';
import { entityKeys, storyArticleIds } from '../lookup.ts';
import { checkPeriod, PAGING, SINCE, UNTIL } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

export const search = defineRoute({
  method: 'GET',
  path: '/api/search',
  summary: 'Search articles; facets count every match by outlet, day, story, entity and place',
  description:
    'Web-search syntax ("exact phrase", or, -not). A bare name also finds articles that spell it otherwise ' +
    '(Mirnograd finds Myrnohrad). Each snippet is plain text; `highlights` are offsets into it, never markup.',
  params: [
    { name: 'q', type: 'string', required: true, description: 'What to search for.' },
    ...PAGING,
    SINCE,
    UNTIL,
    { name: 'outlet', type: 'string', description: 'Only this outlet (case-insensitive).' },
    { name: 'story', type: 'string', description: "Only this story's articles (story id)." },
    { name: 'entity', type: 'string', description: 'Only articles naming this entity (key, or a name in any spelling).' },
    { name: 'place', type: 'string', description: 'Only articles naming this place (key, or a name in any spelling).' },
  ],
  response: listOf(ref('SearchResult'), {
    facets: {
      type: 'object',
      required: ['outlet', 'date', 'story', 'entity', 'place'],
      properties: { outlet: ref('Facet'), date: ref('Facet'), story: ref('Facet'), entity: ref('Facet'), place: ref('Facet') },
    },
  }),
  async handle({ store, query }) {
    checkPeriod(query);
    const text = query.q!;
    // A bare name (no operators) also finds the articles that spell it otherwise, as `sitrep search` does.
    const entityVariants = /^[\p{L}\p{M}' .-]+$/u.test(text) ? [variantKey(text)].filter(Boolean) : [];
    const result = await store.searchPage({
      text,
      entityVariants,
      limit: query.limit,
      offset: query.offset,
      filters: {
        since: query.since,
        until: query.until,
        outlet: query.outlet,
        ids: await storyArticleIds(store, query.story),
        entities: await entityKeys(store, query.entity),
        places: await entityKeys(store, query.place),
      },
    });
    return {
      items: result.items.map(({ rank, snippet, highlights, ...article }) => ({ article, rank, snippet, highlights })),
      total: result.total,
      limit: query.limit!,
      offset: query.offset!,
      facets: result.facets,
    };
  },
});
