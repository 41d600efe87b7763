/**
 * `npm run bench:api`: how long the API takes to answer what the web app
 * asks, over a real corpus (../shared/corpus/ukraine-gdelt-447) in an
 * embedded PGlite store on disk, through a real server on loopback. Beside
 * the routes, in the same run, a peer: `/api/openapi.json`, an answer built
 * in memory with no database, the floor of HTTP + JSON on this machine; each
 * route's median is also given as a multiple of it.
 *
 *   npm run bench:api [-- --requests 15] [-- --corpus DIR]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../src/api/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openStore } from '../src/store/index.ts';
import { median, optionReader } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = optionReader(args);
/** Fifteen requests a route: the median of fifteen is steady on a shared machine; the first (cold) one is dropped. */
const REQUESTS = Number(option('requests', '15'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));


const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-api-'));
const store = await openStore(join(dir, 'db'));
try {
  const started = performance.now();
  const summary = await ingestPaths(store, [CORPUS]);
  console.error(`ingested ${summary.stored} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const server = await startServer({ store, port: 0 });
  const base = server.url.replace(/\/$/, '');
  const json = async (path: string) => (await fetch(`${base}${path}`)).json() as Promise<any>;

  // Real ids for the item routes: the biggest story, the most mentioned entity, the longest series.
  const stories = await json('/api/stories?limit=500');
  const story = stories.items.reduce((a: any, b: any) => (b.articles.length > a.articles.length ? b : a));
  const entity = (await json('/api/entities?limit=1')).items[0];
  const series = (await json('/api/series?limit=1')).items[0];
  const article = (await json('/api/articles?limit=1')).items[0];
  const routes: Array<[string, string]> = [
    ['peer: openapi.json (no database)', '/api/openapi.json'],
    ['overview (latest week)', '/api/overview'],
    ['articles (page of 50)', '/api/articles'],
    ['article with analysis', `/api/articles/${article.id}`],
    ['stories (page of 50)', '/api/stories'],
    [`story of ${story.articles.length} articles`, `/api/stories/${story.id}`],
    ['timeline (top 100)', '/api/timeline?top=100&limit=100'],
    ['entities (page of 50)', '/api/entities'],
    [`entity page (${entity.name})`, `/api/entities/${encodeURIComponent(entity.key)}`],
    ['places (GeoJSON)', '/api/places'],
    ['control claims (GeoJSON)', '/api/control'],
    ['disputes', '/api/disputes'],
    ['figure series', `/api/series/${encodeURIComponent(series.id)}`],
    ['search "Pokrovsk" + facets', '/api/search?q=Pokrovsk'],
    ['search "Zelenskyy" (any spelling)', '/api/search?q=Zelenskyy'],
  ];
  const times = new Map<string, number[]>(routes.map(([name]) => [name, []]));
  // Interleaved rounds: every route sees the same machine load.
  for (let round = 0; round <= REQUESTS; round++) {
    for (const [name, path] of routes) {
      const t = performance.now();
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      if (round > 0) times.get(name)!.push(performance.now() - t);
    }
  }
  const floor = median(times.get(routes[0]![0])!);
  console.log(`\n${summary.stored} articles, ${REQUESTS} requests a route, medians:\n`);
  console.log('| route | median ms | × peer |');
  console.log('|---|---|---|');
  for (const [name] of routes) {
    const m = median(times.get(name)!);
    console.log(`| ${name} | ${m.toFixed(1)} | ${(m / floor).toFixed(1)} |`);
  }
  await server.close();
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
