/**
 * The shared schemas of the OpenAPI document (JSON Schema 2020-12, as
 * OpenAPI 3.1 takes). The record shapes are those of docs/export.md; a test
 * validates real answers of every route against them.
 */
import type { JsonSchema } from './route.ts';
import { ref } from './route.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  required,
  properties,
});
const span = obj({ start: int, end: int });
const textSpan = obj({ start: int, end: int, text: str });
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** A Point feature with the given properties. */
const pointFeature = (properties: JsonSchema): JsonSchema =>
  obj({
    type: { const: 'Feature' },
    id: str,
    geometry: obj({ type: { const: 'Point' }, coordinates: { type: 'array', items: num, minItems: 2, maxItems: 2 } }),
    properties,
  });
const featureCollection = (feature: JsonSchema): JsonSchema =>
  obj({ type: { const: 'FeatureCollection' }, features: arrayOf(feature) });

const sourceSpan = obj(
  { start: int, end: int, text: str, entity: nullable(str), kind: { enum: ['named', 'pronoun', 'role', 'unnamed'] }, description: str },
  ['start', 'end', 'text', 'entity', 'kind'],
);
const recordSource = { articleId: str, index: int, articleTitle: str, outlet: nullable(str), published: nullable(str) };

export const SCHEMAS: Record<string, JsonSchema> = {
  Error: obj({
    error: obj({
      code: { enum: ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'method_not_allowed', 'payload_too_large', 'internal'] },
      message: str,
    }),
  }),
  Published: obj(
    {
      value: nullable(str),
      provenance: { enum: ['metadata', 'stated', 'inferred', 'unknown'] },
      evidence: nullable(str),
      range: obj({ earliest: nullable(day), latest: nullable(day) }),
    },
    ['value', 'provenance', 'evidence'],
  ),
  ArticleSummary: obj({
    id: str,
    title: str,
    outlet: nullable(str),
    author: nullable(str),
    language: nullable(str),
    published: ref('Published'),
    source: str,
    url: nullable(str),
    duplicateOf: nullable(str),
    similarity: nullable(num),
    ingestedAt: str,
    length: int,
  }),
  ArticleDetail: obj({
    article: obj({
      id: str,
      title: str,
      text: str,
      outlet: nullable(str),
      author: nullable(str),
      url: nullable(str),
      language: nullable(str),
      published: ref('Published'),
      sources: arrayOf(str),
      duplicateOf: nullable(str),
      similarity: nullable(num),
      ingestedAt: str,
    }),
    analysis: nullable(
      obj({
        sentences: arrayOf(span),
        entities: arrayOf(obj({ start: int, end: int, text: str, type: ref('EntityType'), entity: str }, ['start', 'end', 'text', 'type', 'entity'])),
        entityIndex: arrayOf(obj({ key: str, type: ref('EntityType'), name: str, variants: arrayOf(str) }, ['key', 'type', 'name', 'variants'])),
        times: arrayOf(obj({ start: int, end: int, text: str, type: str, value: str, mod: nullable(str) })),
        sentenceTimes: arrayOf(obj({ sentence: int, value: nullable(str), from: nullable(int) })),
        quotes: arrayOf(ref('Quote')),
        claims: arrayOf(ref('Claim')),
        figures: arrayOf(ref('Figure')),
      }),
    ),
    story: nullable(obj({ id: str, title: str })),
    copies: arrayOf(obj({ id: str, title: str, outlet: nullable(str), similarity: nullable(num) })),
  }),
  EntityType: { enum: ['person', 'place', 'organization', 'unit', 'outlet'] },
  Place: obj({ lat: num, lon: num, country: nullable(str), region: nullable(str), kind: str, gazetteerId: str }),
  Entity: obj({
    key: str,
    type: ref('EntityType'),
    name: str,
    variants: arrayOf(str),
    place: nullable(ref('Place')),
    mentions: int,
    articles: int,
    firstSeen: nullable(str),
    lastSeen: nullable(str),
  }),
  EntityDetail: {
    allOf: [
      ref('Entity'),
      obj({
        aliases: arrayOf(str),
        articleList: arrayOf(obj({ id: str, title: str, published: nullable(str), mentions: int })),
        // By publication date: a day, or a month or year for articles dated only so far.
        mentionsByDay: arrayOf(obj({ date: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, count: int })),
        undatedMentions: int,
        quotesBy: arrayOf(ref('Quote')),
        quotesAbout: arrayOf(ref('Quote')),
        claims: arrayOf(ref('Claim')),
        related: arrayOf(obj({ key: str, name: str, type: ref('EntityType'), count: int })),
      }),
    ],
  },
  Quote: obj(
    {
      kind: { enum: ['direct', 'partial', 'reported'] },
      content: textSpan,
      cue: nullable(textSpan),
      speaker: nullable(sourceSpan),
      saidOn: nullable(str),
      channel: nullable(obj({ start: int, end: int, text: str, entity: nullable(str) })),
      sentence: int,
      ...recordSource,
    },
    ['kind', 'content', 'cue', 'speaker', 'saidOn', 'channel', 'sentence', 'articleId', 'index'],
  ),
  Claim: obj(
    {
      kind: { enum: ['claim', 'denial'] },
      content: textSpan,
      cue: nullable(textSpan),
      party: nullable(sourceSpan),
      date: nullable(str),
      flags: obj({ unverified: bool, reported: bool, noResponse: bool }),
      control: nullable(
        obj({
          action: { enum: ['captured', 'liberated', 'retaken', 'surrounded', 'attacked', 'advanced'] },
          place: obj({ start: int, end: int, text: str, entity: nullable(str) }),
          distanceKm: nullable(num),
        }),
      ),
      sentence: int,
      ...recordSource,
    },
    ['kind', 'content', 'cue', 'party', 'date', 'flags', 'control', 'sentence', 'articleId', 'index'],
  ),
  Figure: obj(
    {
      start: int,
      end: int,
      text: str,
      value: num,
      valueMax: nullable(num),
      unit: str,
      counted: nullable(str),
      qualifier: nullable(str),
      date: nullable(str),
      party: nullable(sourceSpan),
      hypothetical: bool,
      sentence: int,
      ...recordSource,
    },
    ['start', 'end', 'text', 'value', 'valueMax', 'unit', 'counted', 'qualifier', 'date', 'party', 'hypothetical', 'sentence', 'articleId', 'index'],
  ),
  Story: obj(
    {
      id: str,
      title: str,
      summary: str,
      dates: nullable(obj({ start: str, end: str })),
      articles: arrayOf(str),
      independentSources: int,
      thread: nullable(str),
    },
    ['id', 'title', 'summary', 'dates', 'articles', 'independentSources', 'thread'],
  ),
  StoryArticle: {
    allOf: [ref('ArticleSummary'), obj({ copies: arrayOf(ref('ArticleSummary')) })],
  },
  /** The story record with its articles as summaries (copies folded under their original) and what they say. */
  StoryDetail: obj({
    id: str,
    title: str,
    summary: str,
    dates: nullable(obj({ start: str, end: str })),
    independentSources: int,
    thread: nullable(str),
    articles: arrayOf(ref('StoryArticle')),
    quotes: arrayOf(ref('Quote')),
    claims: arrayOf(ref('Claim')),
    claimLinks: arrayOf(ref('ClaimLink')),
    figures: arrayOf(ref('Figure')),
    figureSeries: arrayOf(ref('FigureSeries')),
    events: arrayOf(ref('Event')),
    places: ref('Places'),
  }),
  Thread: obj({ id: str, title: str, stories: arrayOf(str), articles: arrayOf(str) }),
  Event: obj({
    id: str,
    date: str,
    precision: str,
    dated: { enum: ['stated', 'article'] },
    text: str,
    score: num,
    entities: arrayOf(str),
    sources: arrayOf(
      obj({
        article: str,
        title: nullable(str),
        outlet: nullable(str),
        published: nullable(str),
        sentence: obj({ index: int, start: int, end: int }),
        text: str,
      }),
    ),
  }),
  ClaimSide: obj({
    articleId: str,
    index: int,
    date: nullable(str),
    party: nullable(str),
    partyText: nullable(str),
    kind: { enum: ['claim', 'denial'] },
    text: str,
  }),
  ClaimLink: obj({ a: ref('ClaimSide'), b: ref('ClaimSide'), relation: { enum: ['denies', 'retracts', 'contradicts', 'confirms'] }, shared: arrayOf(str) }),
  Dispute: {
    allOf: [ref('ClaimLink'), obj({ claimA: nullable(ref('Claim')), claimB: nullable(ref('Claim')) })],
  },
  SeriesPoint: obj({
    date: nullable(str),
    value: num,
    valueMax: nullable(num),
    unit: str,
    qualifier: nullable(str),
    counted: nullable(str),
    text: str,
    party: nullable(str),
    partyText: nullable(str),
    article: str,
    index: int,
    span: nullable(span),
  }),
  FigureSeries: obj({ id: str, unit: str, subject: str, place: nullable(str), points: arrayOf(ref('SeriesPoint')) }),
  Places: featureCollection(
    pointFeature(
      obj({
        key: str,
        name: str,
        country: nullable(str),
        kind: str,
        mentions: int,
        articles: int,
        // Publication dates as stored: a day, or a month or year when only that is known.
        firstSeen: nullable(str),
        lastSeen: nullable(str),
      }),
    ),
  ),
  Control: featureCollection(
    pointFeature(
      obj({
        key: str,
        name: str,
        relation: { enum: ['captured', 'liberated', 'retaken', 'surrounded', 'attacked', 'advanced'] },
        party: nullable(str),
        partyKey: nullable(str),
        date: nullable(str),
        dateFrom: { enum: ['claim', 'article', 'none'] },
        unverified: bool,
        contested: bool,
        claimId: str,
        articleId: str,
        sentence: obj({ index: int, start: int, end: int }),
        text: str,
      }),
    ),
  ),
  SearchResult: obj({ article: ref('ArticleSummary'), rank: num, snippet: str, highlights: arrayOf(span) }),
  Facet: arrayOf(obj({ value: str, label: str, count: int }, ['value', 'count'])),
  IngestResult: obj({
    stored: int,
    duplicates: int,
    nearDuplicates: int,
    failed: arrayOf(obj({ item: int, source: str, code: str, reason: str })),
    articles: arrayOf(obj({ item: int, id: str, status: { enum: ['stored', 'duplicate'] }, duplicateOf: nullable(str) })),
  }),
  /** The report helper owns the fields inside (src/report/types.ts); the API checks the outline only. */
  Overview: {
    type: 'object',
    description: 'The SituationReport of src/report (types.ts), served as it is.',
    required: ['period', 'generatedFrom', 'stories', 'keyEvents', 'quotes', 'disputes', 'figures', 'places', 'sources'],
    properties: {
      period: obj({ since: nullable(day), until: nullable(day), basis: { enum: ['requested', 'latest-week', 'story', 'all'] } }),
      generatedFrom: { type: 'object', required: ['articles', 'stories'], properties: { articles: int, stories: int } },
      stories: arrayOf({ type: 'object' }),
      keyEvents: arrayOf({ type: 'object' }),
      quotes: arrayOf({ type: 'object' }),
      disputes: arrayOf({ type: 'object' }),
      claims: arrayOf({ type: 'object' }),
      figures: arrayOf({ type: 'object' }),
      places: arrayOf({ type: 'object' }),
      sources: arrayOf({ type: 'object', required: ['ref', 'article'], properties: { ref: int, article: str } }),
    },
  },
};
