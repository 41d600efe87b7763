/** Every route the server answers, in the order the OpenAPI document lists them. */
import type { Route } from '../route.ts';
import { addFollow, breaking, listAlerts, listFollows } from './alerts.ts';
import { getArticle, listArticles } from './articles.ts';
import { claims, disputes, figures, getSeries, listSeries, quotes } from './attribution.ts';
import { getEntity, listEntities } from './entities.ts';
import { postArticles } from './ingest.ts';
import { overview } from './overview.ts';
import { control, places } from './places.ts';
import { search } from './search.ts';
import { getStory, listStories, listThreads } from './stories.ts';
import { timeline } from './timeline.ts';

export const ROUTES: readonly Route[] = [
  listArticles,
  postArticles,
  getArticle,
  listStories,
  getStory,
  listThreads,
  timeline,
  listEntities,
  getEntity,
  places,
  control,
  quotes,
  claims,
  disputes,
  figures,
  listSeries,
  getSeries,
  search,
  overview,
  listAlerts,
  listFollows,
  addFollow,
  breaking,
];
