/**
 * The HTTP API as a client sees it: a real server on an ephemeral port over
 * a PGlite store seeded with the sample corpus. Every route is documented in
 * the OpenAPI document, and every route's real answers validate against the
 * schemas that document gives.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, ROUTES, startServer, type RunningServer } from '../src/api/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openStore, type Store } from '../src/store/index.ts';

const SAMPLES = join(import.meta.dirname, '..', 'corpus/samples');

let dir: string;
let store: Store;
let server: RunningServer;
let small: RunningServer;
const logged: string[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

function call(
  target: RunningServer,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          done({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', fail);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const get = (path: string) => call(server, path);
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  call(server, path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-api-'));
  store = await openStore(join(dir, 'db'));
  const summary = await ingestPaths(store, [SAMPLES]);
  expect(summary.stored).toBe(5);
  server = await startServer({ store, port: 0, log: (line) => logged.push(line) });
  // The same store behind a server with a tiny body limit: the 413 path without sending megabytes.
  small = await startServer({ store, port: 0, maxBodyBytes: 1000, log: (line) => logged.push(line) });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await small?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OpenAPI document', () => {
  it('documents every route the server answers, and nothing else', async () => {
    const served = await get('/api/openapi.json');
    expect(served.status).toBe(200);
    expect(served.json.openapi).toBe('3.1.0');
    expect(served.json).toEqual(JSON.parse(JSON.stringify(openApiDocument(ROUTES))));
    const documented = Object.entries(served.json.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((op) => op !== 'GET /api/openapi.json')
      .sort();
    expect(documented).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const op = served.json.paths[route.path][route.method.toLowerCase()];
      const documentedParams = op.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name);
      expect(documentedParams, `${route.method} ${route.path}`).toEqual(route.params.map((p) => p.name));
    }
  });

  it("validates real answers of every route on the seeded store against the document's schemas", async () => {
    const doc = (await get('/api/openapi.json')).json;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    let n = 0;
    const validate = (path: string, method: string, status: number, body: unknown) => {
      const op = doc.paths[path]?.[method.toLowerCase()];
      expect(op, `${method} ${path} is documented`).toBeTruthy();
      const schema = op.responses[status]?.content['application/json'].schema;
      expect(schema, `${method} ${path} documents status ${status}`).toBeTruthy();
      const check = ajv.compile({ $id: `https://sitrep.invalid/check/${n++}`, components: doc.components, ...schema });
      const ok = check(body);
      expect(ok ? [] : check.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`), `${method} ${path}`).toEqual([]);
    };
    const covered = new Set<string>();
    const check = async (route: string, url: string) => {
      const answer = await get(url);
      expect(answer.status, `${url}: ${answer.text.slice(0, 300)}`).toBe(200);
      validate(route, 'GET', 200, answer.json);
      covered.add(`GET ${route}`);
      return answer.json;
    };

    const articles = await check('/api/articles', '/api/articles');
    expect(articles.total).toBe(5);
    await check('/api/articles/{id}', `/api/articles/${articles.items[0].id}`);
    const stories = await check('/api/stories', '/api/stories');
    expect(stories.items.length).toBeGreaterThan(0);
    for (const story of stories.items) await check('/api/stories/{id}', `/api/stories/${story.id}`);
    await check('/api/threads', '/api/threads');
    await check('/api/timeline', '/api/timeline?limit=500');
    const entities = await check('/api/entities', '/api/entities?limit=500');
    for (const e of entities.items.slice(0, 8)) await check('/api/entities/{key}', `/api/entities/${encodeURIComponent(e.key)}`);
    await check('/api/places', '/api/places');
    await check('/api/control', '/api/control');
    await check('/api/quotes', '/api/quotes?limit=500');
    await check('/api/claims', '/api/claims?limit=500');
    await check('/api/disputes', '/api/disputes');
    await check('/api/figures', '/api/figures?hypothetical=true&limit=500');
    const series = await check('/api/series', '/api/series');
    expect(series.items.length).toBeGreaterThan(0);
    await check('/api/series/{id}', `/api/series/${encodeURIComponent(series.items[0].id)}`);
    await check('/api/search', '/api/search?q=Pokrovsk');
    const situation = await check('/api/overview', '/api/overview');
    expect(situation.period.basis).toBe('latest-week');
    await check('/api/overview', `/api/overview?story=${stories.items[0].id}`);

    // POST: a copy of a stored article (a duplicate: nothing analysed again) and an item with no text.
    const first = await get(`/api/articles/${articles.items[0].id}`);
    const body = JSON.stringify([{ title: first.json.article.title, text: first.json.article.text }, { title: 'no body' }]);
    const posted = await post('/api/articles', body);
    expect(posted.status, posted.text).toBe(200);
    validate('/api/articles', 'POST', 200, posted.json);
    covered.add('POST /api/articles');
    expect(posted.json.duplicates).toBe(1);
    expect(posted.json.failed).toEqual([expect.objectContaining({ item: 1, code: 'ENOARTICLE' })]);

    // Follows and alerts: a follow added over HTTP, then an ingest that matches it raises alerts.
    const followed = await post('/api/follows', JSON.stringify({ kind: 'place', value: 'Mirnograd' }));
    expect(followed.status, followed.text).toBe(200);
    validate('/api/follows', 'POST', 200, followed.json);
    covered.add('POST /api/follows');
    expect(followed.json).toMatchObject({ kind: 'place', label: 'Myrnohrad' });
    const follows = await check('/api/follows', '/api/follows');
    expect(follows.items).toHaveLength(1);
    await check('/api/alerts', '/api/alerts');
    const breaking = await check('/api/breaking', '/api/breaking?at=2024-08-07');
    expect(Array.isArray(breaking.items)).toBe(true);
    const atom = await fetch(`${server.url.replace(/\/$/, '')}/api/alerts.atom`);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toMatch(/^<\?xml[^]*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const unknown = await post('/api/follows', JSON.stringify({ kind: 'place', value: 'Atlantis' }));
    expect(unknown.status).toBe(400);

    // Errors have the documented shape too.
    const missing = await get('/api/articles/ffffffffffffffff');
    expect(missing.status).toBe(404);
    validate('/api/articles/{id}', 'GET', 404, missing.json);
    const bad = await get('/api/articles?limit=0');
    validate('/api/articles', 'GET', 400, bad.json);

    expect([...covered].sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('routes on the sample corpus', () => {
  it('pages lists with a total, and filters them', async () => {
    const page = await get('/api/articles?limit=2&offset=1');
    expect(page.json).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.json.items).toHaveLength(2);
    const all = (await get('/api/articles')).json.items.map((a: { id: string }) => a.id);
    expect(page.json.items.map((a: { id: string }) => a.id)).toEqual(all.slice(1, 3));
    const byOutlet = await get('/api/articles?outlet=Business%20Insider');
    expect(byOutlet.json.total).toBeGreaterThan(0);
    expect(byOutlet.json.items.every((a: { outlet: string }) => a.outlet === 'Business Insider')).toBe(true);
    // An entity in any spelling: Mirnograd is stored as Myrnohrad.
    const byEntity = await get('/api/articles?entity=Mirnograd');
    expect(byEntity.json.total).toBe(1);
    const named = await get(`/api/articles/${byEntity.json.items[0].id}`);
    expect(named.json.article.text).toContain('Mirnograd');
  });

  it('gives an article with spans that point into its text', async () => {
    const list = (await get('/api/articles')).json.items;
    for (const summary of list) {
      const { json } = await get(`/api/articles/${summary.id}`);
      const text: string = json.article.text;
      expect(json.analysis.entities.length).toBeGreaterThan(0);
      for (const m of json.analysis.entities) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const q of json.analysis.quotes) expect(text.slice(q.content.start, q.content.end)).toBe(q.content.text);
      for (const f of json.analysis.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(json.story).not.toBeNull();
    }
    const prefix = await get(`/api/articles/${list[0].id.slice(0, 8)}`);
    expect(prefix.json.article.id).toBe(list[0].id);
  });

  it('finds Myrnohrad by searching Mirnograd, with highlights as offsets and facets over every match', async () => {
    const { json } = await get('/api/search?q=Mirnograd');
    expect(json.total).toBeGreaterThan(0);
    const hit = json.items[0];
    expect(hit.snippet).not.toMatch(/[<>«»\uE000\uE001]/);
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const h of hit.highlights) expect(hit.snippet.slice(h.start, h.end).toLowerCase()).toContain('mirnograd');
    expect(json.facets.place.map((f: { label: string }) => f.label)).toContain('Myrnohrad');
    const words = await get('/api/search?q=Pokrovsk&limit=1');
    expect(words.json.items).toHaveLength(1);
    expect(words.json.total).toBeGreaterThan(1);
    const counted = words.json.facets.outlet.reduce((n: number, f: { count: number }) => n + f.count, 0);
    expect(counted).toBeLessThanOrEqual(words.json.total);
    for (const h of words.json.items[0].highlights) expect(words.json.items[0].snippet.slice(h.start, h.end)).toMatch(/pokrovsk/i);
    const none = await get('/api/search?q=Pokrovsk&since=2030-01-01');
    expect(none.json).toMatchObject({ total: 0, items: [] });
  });

  it('serves a story with its articles, records, events quoting their sentences, and places as GeoJSON', async () => {
    const stories = (await get('/api/stories')).json.items;
    const biggest = stories.reduce((a: { articles: string[] }, b: { articles: string[] }) => (b.articles.length > a.articles.length ? b : a));
    const { json } = await get(`/api/stories/${biggest.id}`);
    const ids = [json.articles, json.articles.flatMap((a: { copies: unknown[] }) => a.copies)].flat().map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([...biggest.articles].sort());
    expect(json.places.type).toBe('FeatureCollection');
    for (const e of json.events) for (const s of e.sources) expect(biggest.articles).toContain(s.article);
    const timeline = (await get(`/api/timeline?story=${biggest.id}`)).json;
    expect(timeline.total).toBe(json.events.length);
    expect((await get('/api/stories/story-nope')).status).toBe(404);
    expect((await get('/api/timeline?story=story-nope')).status).toBe(404);
  });

  it('quotes each timeline source sentence from its article', async () => {
    const { json } = await get('/api/timeline?limit=500');
    expect(json.total).toBeGreaterThan(0);
    const texts = new Map<string, string>();
    for (const e of json.items) {
      for (const s of e.sources) {
        if (!texts.has(s.article)) texts.set(s.article, (await get(`/api/articles/${s.article}`)).json.article.text);
        expect(s.text).toBe(texts.get(s.article)!.slice(s.sentence.start, s.sentence.end));
        expect(s.text.length).toBeGreaterThan(0);
      }
    }
    const top = (await get('/api/timeline?top=3')).json;
    expect(top.total).toBe(3);
    const dates = top.items.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('gives an entity page: spellings, mentions per day, quotes by it, related entities', async () => {
    const zelensky = (await get('/api/entities?q=Zelenskyy&type=person')).json.items[0];
    expect(zelensky.name).toMatch(/Zelensk/);
    const { json } = await get(`/api/entities/${encodeURIComponent(zelensky.key)}`);
    expect(json.variants.length).toBeGreaterThan(1);
    expect(json.quotesBy.length).toBeGreaterThan(0);
    expect(json.quotesBy.every((q: { speaker: { entity: string } }) => q.speaker.entity === zelensky.key || json.aliases.includes(q.speaker.entity))).toBe(true);
    expect(json.related.length).toBeGreaterThan(0);
    expect(json.related.map((r: { key: string }) => r.key)).not.toContain(zelensky.key);
    const mentions = json.mentionsByDay.reduce((n: number, d: { count: number }) => n + d.count, 0) + json.undatedMentions;
    expect(mentions).toBe(json.mentions);
    expect((await get('/api/entities/person%3Anobody%20at%20all')).status).toBe(404);
  });

  it('draws places and control claims as GeoJSON points', async () => {
    const places = (await get('/api/places')).json;
    const pokrovsk = places.features.find((f: { properties: { name: string } }) => f.properties.name === 'Pokrovsk');
    expect(pokrovsk.geometry.coordinates[0]).toBeCloseTo(37.18, 1);
    expect(pokrovsk.geometry.coordinates[1]).toBeCloseTo(48.28, 1);
    const control = (await get('/api/control')).json;
    expect(control.features.length).toBeGreaterThan(0);
    const levadne = control.features.find((f: { properties: { name: string } }) => f.properties.name === 'Levadne');
    // "not verified by an independent source": the mark says so.
    expect(levadne?.properties).toMatchObject({ unverified: true, contested: false });
    const early = (await get('/api/control?asOf=2000-01-01')).json;
    expect(early.features).toEqual([]);
  });

  it('inlines both claims of a dispute', async () => {
    const { json } = await get('/api/disputes');
    expect(json.total).toBeGreaterThan(0);
    for (const d of json.items) {
      expect(d.claimA.content.text).toBe(d.a.text);
      expect(d.claimB.content.text).toBe(d.b.text);
    }
    const denials = (await get('/api/claims?denials=true')).json;
    expect(denials.items.every((c: { kind: string }) => c.kind === 'denial')).toBe(true);
  });

  it('serves the situation report for a period, and refuses an unknown story', async () => {
    const { json } = await get('/api/overview?since=2024-07-01&until=2024-08-31');
    expect(json.period).toEqual({ since: '2024-07-01', until: '2024-08-31', basis: 'requested' });
    expect(json.generatedFrom.articles).toBeGreaterThan(0);
    const missing = await get('/api/overview?story=story-nope');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
  });

  it('gives figure series with the span of every point', async () => {
    const { json } = await get('/api/series?unit=km2');
    for (const s of json.items) {
      expect(s.unit).toBe('km2');
      for (const p of s.points) {
        const text = (await get(`/api/articles/${p.article}`)).json.article.text;
        expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
      }
    }
  });
});

describe('hostile input', () => {
  it('answers bad query parameters with 400 and the one error shape', async () => {
    for (const url of [
      '/api/articles?limit=0',
      '/api/articles?limit=501',
      '/api/articles?limit=ten',
      '/api/articles?offset=-1',
      '/api/articles?since=2024-02-30',
      '/api/articles?since=yesterday',
      '/api/articles?since=2024-08-01&until=2024-07-01',
      '/api/articles?colour=red',
      '/api/articles?limit=1&limit=2',
      '/api/entities?type=alien',
      '/api/quotes?shared=maybe',
      '/api/search',
      '/api/search?q=',
      `/api/search?q=${'x'.repeat(501)}`,
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(400);
      expect(answer.json.error.code, url).toBe('bad_request');
      expect(typeof answer.json.error.message).toBe('string');
    }
  });

  it('refuses bad bodies: not JSON (400), not an article (400), too many (400), too large (413)', async () => {
    const notJson = await post('/api/articles', '{"title": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toMatch(/not valid JSON/);
    expect((await post('/api/articles', '"just a string"')).status).toBe(400);
    expect((await post('/api/articles', '[]')).status).toBe(400);
    const many = JSON.stringify(Array.from({ length: 1001 }, () => ({ text: 'x' })));
    expect((await post('/api/articles', many)).json.error.message).toMatch(/more than 1000/);
    const plain = await call(server, '/api/articles', { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(400);
    const large = await call(small, '/api/articles', {
      method: 'POST',
      body: JSON.stringify({ text: 'y'.repeat(2000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(large.status).toBe(413);
    expect(large.json.error.code).toBe('payload_too_large');
  });

  it('refuses a cross-site POST and a page from another host name (DNS rebinding)', async () => {
    const cross = await post('/api/articles', '{"text":"x"}', { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    const rebound = await call(server, '/api/articles', { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    expect(rebound.json.error.code).toBe('forbidden');
  });

  it('answers unknown endpoints and methods with the error shape, and logs nothing for them', async () => {
    const unknown = await get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');
    const method = await call(server, '/api/stories', { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.allow).toBe('GET');
    expect(logged).toEqual([]);
  });
});

describe('the web app files', () => {
  it('serves index.html for the app and unknown non-API paths, with the security headers', async () => {
    for (const path of ['/', '/story/abc', '/map']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toMatch(/<!doctype html>/i);
      expect(page.headers['content-security-policy']).toContain(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
      );
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
    const api = await get('/api/threads');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBeTruthy();
  });

  it('never serves a file outside the web app or a missing asset as HTML', async () => {
    for (const path of ['/assets/missing.js', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/assets/vendor/nope/x.js', '/assets/vendor/leaflet/..%2f..%2f..%2fpackage.json']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toMatch(/"name": "sitrep"/);
    }
  });
});
