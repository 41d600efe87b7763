/** `/api/overview`: the situation report of a period (src/report), served as it is. */
import { loadSituation, ReportError } from '../../report/index.ts';
import { ApiError } from '../errors.ts';
import { checkPeriod, SINCE, UNTIL } from '../params.ts';
import { defineRoute, ref } from '../route.ts';

export const overview = defineRoute({
  method: 'GET',
  path: '/api/overview',
  summary: 'The situation report of a period: main stories, key events, quotes, disputes, changed figures, places',
  description: 'With no dates: the latest 7 days that have articles (`period.basis` says which).',
  params: [
    SINCE,
    UNTIL,
    { name: 'story', type: 'string', description: 'One story only (story id, or the full id of one of its articles).' },
    {
      name: 'undated',
      type: 'enum',
      values: ['include', 'exclude'],
      description: 'Articles of unknown date: kept and marked (include, the default) or left out.',
    },
  ],
  notFound: true,
  response: ref('Overview'),
  async handle({ store, query }) {
    checkPeriod(query);
    try {
      return await loadSituation(store, { since: query.since, until: query.until, story: query.story, undated: query.undated });
    } catch (error) {
      if (error instanceof ReportError) throw new ApiError(error.code === 'ENOSTORY' ? 'not_found' : 'bad_request', error.message);
      throw error;
    }
  },
});
