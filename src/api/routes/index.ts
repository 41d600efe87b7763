/** Every route the server answers, in the order the OpenAPI document lists them. */
import type { Route } from '../route.ts';
import { getArticle, listArticles } from './articles.ts';
import { getEntity, listEntities } from './entities.ts';
import { control, places } from './places.ts';
import { getStory, listStories, listThreads } from './stories.ts';

export const ROUTES: readonly Route[] = [
  listArticles,
  getArticle,
  listStories,
  getStory,
  listThreads,
  listEntities,
  getEntity,
  places,
  control,
];
