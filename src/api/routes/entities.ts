/** `/api/entities` and `/api/entities/{key}`: people, places, organisations, units, outlets. */
import { variantKey } from '../../analyze/entities/index.ts';
import { notFound } from '../errors.ts';
import { pageAnswer } from '../lookup.ts';
import { PAGING } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

/** Quotes and claims an entity page lists; /api/quotes?by=KEY and /api/claims?by=KEY page through all. */
const ENTITY_RECORDS = 100;
/** Related entities shown: a sidebar's worth. */
const RELATED = 20;

export const listEntities = defineRoute({
  method: 'GET',
  path: '/api/entities',
  summary: 'Entities, most mentioned first',
  params: [
    ...PAGING,
    { name: 'type', type: 'enum', values: ['person', 'place', 'organization', 'unit', 'outlet'], description: 'Only this type.' },
    { name: 'q', type: 'string', description: 'Entities spelled so in some article, in any spelling (Mirnograd finds Myrnohrad).' },
  ],
  response: listOf(ref('Entity')),
  async handle({ store, query }) {
    const variants = query.q === undefined ? undefined : [variantKey(query.q)].filter(Boolean);
    const page = await store.pageEntities({ limit: query.limit, offset: query.offset, type: query.type, variants });
    return pageAnswer(page, query);
  },
});

export const getEntity = defineRoute({
  method: 'GET',
  path: '/api/entities/{key}',
  summary: 'One entity: its spellings, mentions per day, quotes by and about it, claims, related entities',
  description: 'An alias key (a typo, another spelling the registry merged) gives the entity it is an alias of.',
  params: [],
  notFound: true,
  response: ref('EntityDetail'),
  async handle({ store, path }) {
    const [canonical] = await store.entitiesByKey([path.key!]);
    const detail = canonical ? await store.getEntity(canonical.key) : null;
    if (!detail) throw notFound(`no entity with key "${path.key}" (keys are listed by /api/entities)`);
    const keys = [detail.key];
    const [quotesBy, quotesAbout, claims, related] = await Promise.all([
      store.pageQuotes({ speakers: keys, limit: ENTITY_RECORDS }),
      store.pageQuotes({ about: keys, limit: ENTITY_RECORDS }),
      store.pageClaims({ involving: keys, limit: ENTITY_RECORDS }),
      store.relatedEntities(detail.key, RELATED),
    ]);
    const { timeline, ...rest } = detail;
    return {
      ...rest,
      mentionsByDay: timeline.filter((t) => t.date !== null).map((t) => ({ date: t.date!, count: t.mentions })),
      undatedMentions: timeline.filter((t) => t.date === null).reduce((n, t) => n + t.mentions, 0),
      quotesBy: quotesBy.items,
      quotesAbout: quotesAbout.items,
      claims: claims.items,
      related,
    };
  },
});
