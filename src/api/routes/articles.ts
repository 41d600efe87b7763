/** `/api/articles`: summaries with filters, and one article with everything its reader highlights. */
import { notFound } from '../errors.ts';
import { entityKeys, pageAnswer, storyArticleIds } from '../lookup.ts';
import { checkPeriod, PAGING, SINCE, UNTIL } from '../params.ts';
import { defineRoute, listOf, ref } from '../route.ts';

/** Near-duplicates listed with an article: more than a reader scans; the list endpoint pages the rest. */
const MAX_COPIES = 100;

export const listArticles = defineRoute({
  method: 'GET',
  path: '/api/articles',
  summary: 'Articles, newest first (undated last)',
  params: [
    ...PAGING,
    { name: 'outlet', type: 'string', description: 'Only this outlet (case-insensitive; % as wildcard).' },
    { name: 'language', type: 'string', maxLength: 8, description: 'Only this language (ISO 639-1).' },
    SINCE,
    UNTIL,
    { name: 'story', type: 'string', description: "Only this story's articles (story id)." },
    { name: 'entity', type: 'string', description: 'Only articles naming this entity: a key, or a name in any spelling.' },
  ],
  response: listOf(ref('ArticleSummary')),
  async handle({ store, query }) {
    checkPeriod(query);
    const page = await store.pageArticles({
      limit: query.limit,
      offset: query.offset,
      outlet: query.outlet,
      language: query.language,
      since: query.since,
      until: query.until,
      ids: await storyArticleIds(store, query.story),
      entities: await entityKeys(store, query.entity),
    });
    return pageAnswer(page, query);
  },
});

export const getArticle = defineRoute({
  method: 'GET',
  path: '/api/articles/{id}',
  summary: 'One article (id, or an unambiguous prefix of 6+ characters) with its analysis and story',
  description:
    'Every span (sentences, entity mentions, times, quotes, claims, figures) is a pair of offsets into `article.text` ' +
    '(JavaScript string indices, end exclusive).',
  params: [],
  notFound: true,
  response: ref('ArticleDetail'),
  async handle({ store, path }) {
    const id = path.id!;
    const article = await store.getArticle(id);
    if (!article) throw notFound(`no article with id "${id}"`);
    const analysis = await store.getAnalysis(article.id);
    const story = await store.getStory(article.id);
    // Copies of a copy are listed under their own original: one level is what a reader follows.
    const copies = await store.pageArticles({ duplicateOf: article.id, limit: MAX_COPIES });
    const range = article.meta['publishedRange'] as { earliest: string | null; latest: string | null } | undefined;
    return {
      article: {
        id: article.id,
        title: article.title,
        text: article.text,
        outlet: article.outlet,
        author: article.author,
        url: article.url,
        language: article.language,
        published: { ...article.published, ...(range ? { range } : {}) },
        sources: article.sources,
        duplicateOf: article.duplicateOf,
        similarity: article.similarity,
        ingestedAt: article.ingestedAt,
      },
      analysis: analysis
        ? {
            sentences: analysis.sentences,
            entities: analysis.entities,
            entityIndex: analysis.entityIndex,
            times: analysis.times,
            sentenceTimes: analysis.sentenceTimes,
            quotes: analysis.quotes.map((q, index) => ({ ...q, articleId: article.id, index })),
            claims: analysis.claims.map((c, index) => ({ ...c, articleId: article.id, index })),
            figures: analysis.figures.map((f, index) => ({ ...f, articleId: article.id, index })),
          }
        : null,
      story: story ? { id: story.id, title: story.title } : null,
      copies: copies.items.map((c) => ({ id: c.id, title: c.title, outlet: c.outlet, similarity: c.similarity })),
    };
  },
});
