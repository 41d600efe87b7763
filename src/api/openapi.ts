/**
 * The OpenAPI 3.1 document, written from the route table: every route's
 * path, parameters and answer schema are the ones the server validates and
 * answers with (a test checks real answers against it).
 */
import type { Param } from './params.ts';
import type { JsonSchema, Route } from './route.ts';
import { ref } from './route.ts';
import { SCHEMAS } from './schemas.ts';

function paramSchema(p: Param): JsonSchema {
  switch (p.type) {
    case 'string':
      return { type: 'string', maxLength: p.maxLength ?? 500 };
    case 'date':
      return { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'integer':
      return { type: 'integer', minimum: p.minimum, maximum: p.maximum, ...(p.default !== undefined ? { default: p.default } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: [...p.values] };
  }
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { 'application/json': { schema: route.response } } },
      400: errorResponse('Bad request: a parameter or the body is not valid'),
      401: errorResponse('A token is needed, or the one given is wrong'),
    };
    if (route.notFound || route.params.some((p) => p.name === 'story')) responses[404] = errorResponse('Not found');
    if (route.write) {
      responses[403] = errorResponse('The token is read-only');
      responses[413] = errorResponse('The body is too large');
    }
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: `${route.method.toLowerCase()}${route.path.replace(/\/api|[{}]/g, '').replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        parameters: [
          ...pathParams,
          ...route.params.map((p) => ({
            name: p.name,
            in: 'query',
            description: p.description,
            required: Boolean(p.required),
            schema: paramSchema(p),
          })),
        ],
        ...(route.requestBody
          ? { requestBody: { required: true, content: { 'application/json': { schema: route.requestBody } } } }
          : {}),
        ...(route.write ? { security: [{ bearer: [] }] } : {}),
        responses,
      },
    };
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'getOpenapi',
      summary: 'This document',
      parameters: [],
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep',
      version: '0.1.0',
      description:
        'The HTTP API of sitrep: articles, stories, timeline, entities, places, quotes, claims, figures and search over ' +
        'the store. Lists answer { items, total, limit, offset }; errors answer { error: { code, message } }.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'SITREP_TOKEN (read) or SITREP_WRITE_TOKEN (read and write); needed when the server is not on loopback.',
        },
      },
    },
    paths,
  };
}
