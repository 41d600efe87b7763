/**
 * `/api/alerts` (what followed entities, places, keywords and stories
 * raised), `/api/follows` (list; POST adds one, with the write token), and
 * `/api/breaking` (stories growing fastest against their own history). The
 * same alerts as an Atom feed are at `/api/alerts.atom` (server.ts: not JSON).
 */
import { BREAKING_WINDOW_HOURS } from '../../connect/breaking.ts';
import type { FollowKind } from '../../model/index.ts';
import { loadBreakingStories } from '../../pipeline/breaking.ts';
import { FOLLOW_KINDS, resolveFollow } from '../../pipeline/follows.ts';
import { badRequest } from '../errors.ts';
import { PAGING } from '../params.ts';
import { defineRoute, listOf, type JsonSchema } from '../route.ts';

const FOLLOW: JsonSchema = {
  type: 'object',
  required: ['id', 'kind', 'value', 'target', 'label'],
  properties: {
    id: { type: 'integer' },
    kind: { enum: [...FOLLOW_KINDS] },
    value: { type: 'string' },
    target: { type: 'string' },
    label: { type: 'string' },
  },
};

const ALERT: JsonSchema = {
  type: 'object',
  required: ['id', 'followId', 'kind', 'subject', 'articleId', 'title', 'summary', 'createdAt', 'follow', 'delivery'],
  properties: {
    id: { type: 'integer' },
    followId: { type: 'integer' },
    kind: { enum: ['story', 'claim', 'control', 'figure'] },
    subject: { type: 'string' },
    articleId: { type: ['string', 'null'] },
    title: { type: 'string' },
    summary: { type: 'string' },
    record: {},
    createdAt: { type: 'string' },
    follow: { type: 'object', required: ['kind', 'label'], properties: { kind: { enum: [...FOLLOW_KINDS] }, label: { type: 'string' } } },
    delivery: { type: 'object' },
  },
};

export const listAlerts = defineRoute({
  method: 'GET',
  path: '/api/alerts',
  summary: 'Alerts raised for what is followed, newest first (also as Atom at /api/alerts.atom)',
  params: [...PAGING, { name: 'follow', type: 'integer', minimum: 1, maximum: 2 ** 53, description: 'Only this follow’s alerts.' }],
  response: listOf(ALERT),
  async handle({ store, query }) {
    const items = await store.listAlerts({ limit: query.limit, offset: query.offset, ...(query.follow ? { followId: query.follow } : {}) });
    // A total needs a count the store does not keep; the next page's emptiness tells the end.
    return { items, total: query.offset! + items.length, limit: query.limit!, offset: query.offset! };
  },
});

export const listFollows = defineRoute({
  method: 'GET',
  path: '/api/follows',
  summary: 'What is followed',
  params: [],
  response: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: FOLLOW } } },
  async handle({ store }) {
    return { items: await store.listFollows() };
  },
});

export const addFollow = defineRoute({
  method: 'POST',
  path: '/api/follows',
  summary: 'Follow an entity, a place (any spelling), a keyword or a story (write token)',
  params: [],
  write: true,
  requestBody: {
    type: 'object',
    required: ['kind', 'value'],
    properties: { kind: { enum: [...FOLLOW_KINDS] }, value: { type: 'string', minLength: 1, maxLength: 200 } },
  },
  response: FOLLOW,
  async handle({ store, body }) {
    const { kind, value } = (body ?? {}) as { kind?: unknown; value?: unknown };
    if (typeof kind !== 'string' || !(FOLLOW_KINDS as readonly string[]).includes(kind)) throw badRequest(`kind: one of ${FOLLOW_KINDS.join(', ')}`);
    if (typeof value !== 'string' || !value.trim() || value.length > 200) throw badRequest('value: a name, keyword or story id (1–200 characters)');
    const resolved = await resolveFollow(store, kind as FollowKind, value);
    if ('refused' in resolved) throw badRequest(`value: ${resolved.refused}`);
    return store.addFollow(resolved, new Date().toISOString());
  },
});

export const breaking = defineRoute({
  method: 'GET',
  path: '/api/breaking',
  summary: 'Stories growing fastest against their own history (articles and independent outlets per hour)',
  params: [
    { name: 'at', type: 'date', description: 'Judge at the end of this day (YYYY-MM-DD); default now.' },
    { name: 'window', type: 'integer', minimum: 1, maximum: 168, default: BREAKING_WINDOW_HOURS, description: 'The recent window, in hours.' },
  ],
  response: {
    type: 'object',
    required: ['at', 'items'],
    properties: {
      at: { type: 'string' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'title', 'recentArticles', 'recentSources', 'recentRate', 'historyRate', 'growth'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            recentArticles: { type: 'integer' },
            recentSources: { type: 'integer' },
            recentRate: { type: 'number' },
            historyRate: { type: 'number' },
            growth: { type: 'number' },
          },
        },
      },
    },
  },
  async handle({ store, query }) {
    const at = query.at ? new Date(`${query.at}T23:59:59.999Z`) : new Date();
    return { at: at.toISOString(), items: await loadBreakingStories(store, at, query.window) };
  },
});
