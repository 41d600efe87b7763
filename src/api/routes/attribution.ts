/** Who said what: `/api/quotes`, `/api/claims`, `/api/disputes`, `/api/figures`, `/api/series`. */
import { notFound } from '../errors.ts';
import { entityKeys, pageAnswer, seriesViews } from '../lookup.ts';
import { PAGING } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

/** Claims fetched to inline both sides of a page of disputes (every claim of their articles). */
const INLINE_RECORDS = 10_000;

const ARTICLE = { name: 'article', type: 'string', description: "Only this article's records (full id)." } as const;

export const quotes = defineRoute({
  method: 'GET',
  path: '/api/quotes',
  summary: 'Quotes (direct, partial, reported), newest article first',
  params: [
    ...PAGING,
    { name: 'by', type: 'string', description: 'Only quotes by this speaker (key, or a name in any spelling).' },
    { name: 'about', type: 'string', description: 'Only quotes whose words name this entity (key, or a name in any spelling).' },
    ARTICLE,
    { name: 'shared', type: 'boolean', description: 'Only quotations found in more than one article.' },
  ],
  response: listOf(ref('Quote')),
  async handle({ store, query }) {
    const page = await store.pageQuotes({
      limit: query.limit,
      offset: query.offset,
      speakers: await entityKeys(store, query.by),
      about: await entityKeys(store, query.about),
      articles: query.article ? [query.article] : undefined,
      shared: query.shared,
    });
    return pageAnswer(page, query);
  },
});

export const claims = defineRoute({
  method: 'GET',
  path: '/api/claims',
  summary: 'Claims and denials, newest article first',
  params: [
    ...PAGING,
    { name: 'by', type: 'string', description: 'Only claims by this party (key, or a name in any spelling).' },
    { name: 'place', type: 'string', description: 'Only control claims about this place (key, or a name in any spelling).' },
    { name: 'control', type: 'boolean', description: 'true: only claims of control of a place; false: none of them.' },
    { name: 'denials', type: 'boolean', description: 'true: only denials; false: only claims.' },
    ARTICLE,
  ],
  response: listOf(ref('Claim')),
  async handle({ store, query }) {
    const page = await store.pageClaims({
      limit: query.limit,
      offset: query.offset,
      parties: await entityKeys(store, query.by),
      places: await entityKeys(store, query.place),
      control: query.control,
      kind: query.denials === undefined ? undefined : query.denials ? 'denial' : 'claim',
      articles: query.article ? [query.article] : undefined,
    });
    return pageAnswer(page, query);
  },
});

export const disputes = defineRoute({
  method: 'GET',
  path: '/api/disputes',
  summary: 'Claims set against other claims (denies, retracts, contradicts, confirms), both claims inlined',
  params: [
    ...PAGING,
    { name: 'relation', type: 'enum', values: ['denies', 'retracts', 'contradicts', 'confirms'], description: 'Only links of this relation.' },
    { name: 'entity', type: 'string', description: 'Only links whose sides share this entity (key, or a name in any spelling).' },
    ARTICLE,
  ],
  response: listOf(ref('Dispute')),
  async handle({ store, query }) {
    const page = await store.pageClaimLinks({
      limit: query.limit,
      offset: query.offset,
      relation: query.relation,
      entities: await entityKeys(store, query.entity),
      articles: query.article ? [query.article] : undefined,
    });
    const ids = [...new Set(page.items.flatMap((l) => [l.a.articleId, l.b.articleId]))];
    const found = ids.length ? (await store.pageClaims({ articles: ids, limit: INLINE_RECORDS })).items : [];
    const byId = new Map(found.map((c) => [`${c.articleId}:${c.index}`, c]));
    const items = page.items.map((l) => ({
      ...l,
      claimA: byId.get(`${l.a.articleId}:${l.a.index}`) ?? null,
      claimB: byId.get(`${l.b.articleId}:${l.b.index}`) ?? null,
    }));
    return { items, total: page.total, limit: query.limit!, offset: query.offset! };
  },
});

export const figures = defineRoute({
  method: 'GET',
  path: '/api/figures',
  summary: 'Figures (value, unit, what is counted, as of when, by whom), newest article first',
  params: [
    ...PAGING,
    { name: 'unit', type: 'string', maxLength: 40, description: 'Only this unit (km, km2, people, troops, settlements, …).' },
    { name: 'hypothetical', type: 'boolean', description: 'true: include hypothetical and rhetorical numbers (left out by default).' },
    ARTICLE,
  ],
  response: listOf(ref('Figure')),
  async handle({ store, query }) {
    const page = await store.pageFigures({
      limit: query.limit,
      offset: query.offset,
      unit: query.unit,
      includeHypothetical: query.hypothetical,
      articles: query.article ? [query.article] : undefined,
    });
    return pageAnswer(page, query);
  },
});

export const listSeries = defineRoute({
  method: 'GET',
  path: '/api/series',
  summary: 'Figure series (one quantity over time and sources), the longest first',
  params: [
    ...PAGING,
    { name: 'unit', type: 'string', maxLength: 40, description: 'Only series of this unit.' },
    { name: 'place', type: 'string', description: 'Only series about this place (key, or a name in any spelling).' },
    { name: 'minPoints', type: 'integer', minimum: 1, maximum: 10_000, description: 'Only series of at least this many points.' },
  ],
  response: listOf(ref('FigureSeries')),
  async handle({ store, query }) {
    const page = await store.pageFigureSeries({
      limit: query.limit,
      offset: query.offset,
      unit: query.unit,
      places: await entityKeys(store, query.place),
      minPoints: query.minPoints,
    });
    return { items: await seriesViews(store, page.items), total: page.total, limit: query.limit!, offset: query.offset! };
  },
});

export const getSeries = defineRoute({
  method: 'GET',
  path: '/api/series/{id}',
  summary: 'One figure series with its points',
  params: [],
  notFound: true,
  response: ref('FigureSeries'),
  async handle({ store, path }) {
    const series = await store.getFigureSeries(path.id!);
    if (!series) throw notFound(`no figure series with id "${path.id}" (ids are listed by /api/series)`);
    const [view] = await seriesViews(store, [series]);
    return view;
  },
});
