/** `POST /api/articles`: ingest over HTTP, through the same run as `sitrep ingest`. */
import { ingestResults, type IngestEvent } from '../../pipeline/ingest.ts';
import { readJsonArray } from '../../pipeline/inputs.ts';
import { badRequest } from '../errors.ts';
import { defineRoute, ref } from '../route.ts';

/** The contract's batch ceiling: larger batches are split by the client (each batch ends in one corpus pass). */
export const MAX_BATCH = 1000;
/** What the records are said to come from (their sources are `api#N`, N the element's number). */
const SOURCE = 'api';

const articleInput = {
  type: 'object',
  description:
    'An article as a JSON Lines export line: `text` or `html` (one is needed), and optionally title, url, outlet, ' +
    'published, language, author (and the aliases docs/ingest lists). Other fields are kept in `meta.extra`.',
  properties: {
    title: { type: 'string' },
    text: { type: 'string' },
    html: { type: 'string' },
    url: { type: 'string' },
    outlet: { type: 'string' },
    published: { type: 'string' },
    language: { type: 'string' },
    author: { type: 'string' },
  },
};

/** 0-based array position of a record from its source `api#N`. */
function itemOf(source: string): number {
  const m = source.match(/#(\d+)$/);
  return m ? Number(m[1]) - 1 : 0;
}

export const postArticles = defineRoute({
  method: 'POST',
  path: '/api/articles',
  summary: 'Ingest articles (write scope): one JSON article or an array of at most 1000',
  description:
    'The same reader, cleaning, deduplication, analysis and corpus pass as `sitrep ingest`; an item that cannot be ' +
    'read is reported in `failed` with its position and reason, and the others are stored.',
  params: [],
  write: true,
  requestBody: { oneOf: [articleInput, { type: 'array', items: articleInput, maxItems: MAX_BATCH }] },
  response: ref('IngestResult'),
  async handle({ store, body, rawBody }) {
    if (Array.isArray(body)) {
      if (body.length === 0) throw badRequest('body: an empty array (send one article or an array of them)');
      if (body.length > MAX_BATCH) throw badRequest(`body: ${body.length} articles, more than ${MAX_BATCH} in one request`);
    } else if (typeof body !== 'object' || body === null) {
      throw badRequest('body: expected a JSON article object or an array of them');
    }
    const articles: Array<{ item: number; id: string; status: 'stored' | 'duplicate'; duplicateOf: string | null }> = [];
    const onEvent = (event: IngestEvent) => {
      if (event.type === 'stored') articles.push({ item: itemOf(event.source), id: event.id, status: 'stored', duplicateOf: event.duplicateOf });
      if (event.type === 'duplicate') articles.push({ item: itemOf(event.source), id: event.id, status: 'duplicate', duplicateOf: null });
    };
    // Read as a .json file's text is (the same reader, field aliases and failures), as one run.
    const summary = await ingestResults(
      store,
      [SOURCE],
      async (record, _count, summary) => {
        summary.files = 1;
        for await (const result of readJsonArray(rawBody, SOURCE)) await record(result);
      },
      { onEvent },
    );
    return {
      stored: summary.stored,
      duplicates: summary.duplicates,
      nearDuplicates: summary.nearDuplicates,
      failed: summary.failures.map((f) => ({ item: itemOf(f.source), source: f.source, code: f.code, reason: f.message })),
      articles,
    };
  },
});
