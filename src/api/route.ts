/**
 * A route: method, path (OpenAPI style, `{id}` for a path segment), its query
 * parameters, the schema of its answer, and the handler. The server matches
 * and validates from this; the OpenAPI document is written from it.
 */
import type { Store } from '../store/index.ts';
import { parseQuery, type Param, type ParsedQuery } from './params.ts';

export type JsonSchema = Record<string, unknown>;

export interface RouteContext<Ps extends readonly Param[]> {
  store: Store;
  query: ParsedQuery<Ps>;
  /** Decoded path segments, by their `{name}`. */
  path: Record<string, string>;
  /** The parsed JSON body (POST only). */
  body: unknown;
  /** The raw body text (POST only): the ingest pipeline reads it as a .json file's text. */
  rawBody: string;
}

export interface Route<Ps extends readonly Param[] = readonly Param[]> {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  description?: string;
  params: Ps;
  /** Schema of the 200 answer (may `$ref` the shared schemas). */
  response: JsonSchema;
  /** Needs the write scope. */
  write?: boolean;
  /** Has a `{…}` path item that can be missing: documents the 404. */
  notFound?: boolean;
  /** Schema of the request body (POST). */
  requestBody?: JsonSchema;
  handle(ctx: RouteContext<Ps>): Promise<unknown>;
}

/** Keeps the parameter types of a route literal (so handlers see `query.limit` as a number). */
export function defineRoute<const Ps extends readonly Param[]>(route: Route<Ps>): Route {
  return route as unknown as Route;
}

/** Parses a request's query string against the route's parameters (throws a 400 ApiError). */
export function queryOf(route: Route, search: URLSearchParams): ParsedQuery<readonly Param[]> {
  return parseQuery(route.params, search);
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A list answer: `{ items, total, limit, offset }`. */
export function listOf(item: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset', ...Object.keys(extra)],
    properties: {
      items: { type: 'array', items: item },
      total: { type: 'integer', minimum: 0 },
      limit: { type: 'integer', minimum: 1 },
      offset: { type: 'integer', minimum: 0 },
      ...extra,
    },
  };
}
