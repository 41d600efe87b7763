/**
 * The store's API reads (the block at the end of the Store interface,
 * store/read-sql.ts), on every backend: PGlite always, PostgreSQL too
 * (mandatory on CI). Seeded with the sample corpus through the real ingest.
 * The paged reads must agree with the plain listings they page, and both
 * backends must give the same answers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantKey } from '../src/analyze/entities/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import type { Store } from '../src/store/index.ts';
import { freshStore, testBackends } from './helpers/backends.ts';

const SAMPLES = join(import.meta.dirname, '..', 'corpus/samples');
const ALL = 10_000;
/** What each backend answered, compared across backends at the end. */
const answers: Record<string, unknown> = {};

for (const backend of await testBackends()) {
  describe(`API reads on ${backend.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await freshStore(backend));
      await ingestPaths(store, [SAMPLES], { now: () => new Date('2026-11-23T10:00:00Z') });
    }, 240_000);
    afterAll(async () => {
      await close?.();
    });

    it('pages articles with a total and filters them', async () => {
      const all = await store.listArticles({ limit: ALL });
      const page = await store.pageArticles({ limit: 2, offset: 1 });
      expect(page.total).toBe(all.length);
      expect(page.items.map((a) => a.id)).toEqual(all.slice(1, 3).map((a) => a.id));
      const dated = all.filter((a) => a.published.value && a.published.value.slice(0, 10) >= '2024-08-01');
      expect((await store.pageArticles({ since: '2024-08-01', limit: ALL })).items.map((a) => a.id).sort()).toEqual(dated.map((a) => a.id).sort());
      const ids = all.slice(0, 2).map((a) => a.id);
      expect((await store.pageArticles({ ids })).total).toBe(2);
      const story = (await store.listStories())[0]!;
      expect((await store.pageArticles({ story: story.id })).items.map((a) => a.id).sort()).toEqual([...story.articles].sort());
      const texts = await store.articleTexts(ids);
      expect(Object.keys(texts).sort()).toEqual([...ids].sort());
      const sentences = await store.articleSentences(ids);
      for (const id of ids) expect(sentences[id]!.length).toBeGreaterThan(0);
      answers[`${backend.name}:articles`] = page;
    });

    it('finds entities by any spelling, resolves aliases, and relates co-mentioned entities', async () => {
      const listed = await store.listEntities({ limit: ALL });
      const page = await store.pageEntities({ limit: 3 });
      expect(page.total).toBe(listed.length);
      expect(page.items.map((e) => e.key)).toEqual(listed.slice(0, 3).map((e) => e.key));
      const myrnohrad = await store.pageEntities({ variants: [variantKey('Mirnograd')] });
      expect(myrnohrad.items.map((e) => e.name)).toContain('Myrnohrad');
      const people = await store.pageEntities({ type: 'person', limit: ALL });
      expect(people.items.every((e) => e.type === 'person')).toBe(true);
      const alias = (await store.allEntities()).find((e) => e.aliasOf);
      if (alias) expect((await store.entitiesByKey([alias.key])).map((e) => e.key)).toEqual([alias.aliasOf]);
      const top = listed[0]!;
      // Counted from the entities' own mentions, they match the corpus-wide listing.
      expect(await store.entitiesByKey(listed.slice(0, 5).map((e) => e.key))).toEqual(listed.slice(0, 5));
      const related = await store.relatedEntities(top.key, 5);
      expect(related.length).toBeGreaterThan(0);
      expect(related.map((r) => r.key)).not.toContain(top.key);
      for (const r of related) expect(r.count).toBeLessThanOrEqual(top.articles);
      answers[`${backend.name}:entities`] = { page, related };
    });

    it('counts attention per place as the entity counts do', async () => {
      const places = await store.placeAttention();
      expect(places.length).toBeGreaterThan(5);
      const entities = new Map((await store.listEntities({ type: 'place', limit: ALL })).map((e) => [e.key, e]));
      for (const p of places) {
        expect(p.mentions).toBe(entities.get(p.key)!.mentions);
        expect(Number.isFinite(p.place.lat) && Number.isFinite(p.place.lon)).toBe(true);
      }
      expect(await store.placeAttention({ since: '2030-01-01' })).toEqual([]);
      const story = (await store.listStories())[0]!;
      const inStory = await store.placeAttention({ articles: story.articles });
      expect(inStory.length).toBeGreaterThan(0);
      answers[`${backend.name}:places`] = places;
    });

    it('pages quotes, claims, figures, links, series and events as the plain listings give them', async () => {
      const quotes = await store.listQuotes({ limit: ALL });
      expect((await store.pageQuotes({ limit: 2 })).total).toBe(quotes.length);
      const speaker = quotes.find((q) => q.speaker?.entity)!.speaker!.entity!;
      const bySpeaker = await store.pageQuotes({ speakers: [speaker], limit: ALL });
      expect(bySpeaker.total).toBe((await store.listQuotes({ speakers: [speaker], limit: ALL })).length);
      const shared = await store.pageQuotes({ shared: true, limit: ALL });
      const groups = await store.listQuoteGroups({ minArticles: 2, limit: ALL });
      const inGroups = new Set(groups.flatMap((g) => g.appearances.map((a) => `${a.articleId}:${a.index}`)));
      expect(shared.items.map((q) => `${q.articleId}:${q.index}`).sort()).toEqual([...inGroups].sort());
      const claims = await store.listClaims({ limit: ALL });
      expect((await store.pageClaims({})).total).toBe(claims.length);
      expect((await store.pageClaims({ control: true, limit: ALL })).total).toBe((await store.listClaims({ control: true, limit: ALL })).length);
      expect((await store.pageClaims({ kind: 'denial', limit: ALL })).items.every((c) => c.kind === 'denial')).toBe(true);
      expect((await store.pageFigures({})).total).toBe((await store.listFigures({ limit: ALL })).length);
      expect((await store.pageFigures({ includeHypothetical: true })).total).toBe(
        (await store.listFigures({ includeHypothetical: true, limit: ALL })).length,
      );
      expect((await store.pageClaimLinks({})).total).toBe((await store.listClaimLinks({ limit: ALL })).length);
      const series = await store.listFigureSeries({ limit: ALL });
      expect((await store.pageFigureSeries({})).total).toBe(series.length);
      expect(await store.getFigureSeries(series[0]!.id)).toEqual(series[0]);
      expect(await store.getFigureSeries('nope')).toBeNull();
      const events = await store.listEvents();
      const paged = await store.pageEvents({ limit: ALL });
      expect(paged.items).toEqual(events);
      const top = await store.pageEvents({ top: 3 });
      expect(top.total).toBe(Math.min(3, events.length));
      const best = [...events].sort((a, b) => b.score - a.score).slice(0, 3);
      expect(top.items.map((e) => e.score).sort()).toEqual(best.map((e) => e.score).sort());
      answers[`${backend.name}:records`] = { quotes: quotes.length, claims: claims.length, top };
    });

    it('searches with filters, a total and facets, highlights as offsets', async () => {
      const result = await store.searchPage({ text: 'Pokrovsk', limit: 2 });
      expect(result.total).toBeGreaterThan(2);
      expect(result.items).toHaveLength(2);
      for (const hit of result.items) {
        expect(hit.highlights.length).toBeGreaterThan(0);
        for (const h of hit.highlights) expect(hit.snippet.slice(h.start, h.end).toLowerCase()).toBe('pokrovsk');
      }
      const byOutlet = result.facets.outlet.reduce((n, f) => n + f.count, 0);
      expect(byOutlet).toBeLessThanOrEqual(result.total);
      expect(result.facets.place.map((f) => f.label)).toContain('Pokrovsk');
      const spelled = await store.searchPage({ text: 'Mirnograd', entityVariants: [variantKey('Mirnograd')] });
      expect(spelled.total).toBeGreaterThan(0);
      const story = result.facets.story[0]!;
      const inStory = await store.searchPage({ text: 'Pokrovsk', filters: { story: story.value } });
      expect(inStory.total).toBe(story.count);
      expect((await store.searchPage({ text: 'Pokrovsk', filters: { since: '2030-01-01' } })).total).toBe(0);
      answers[`${backend.name}:search`] = result;
    });
  });
}

describe('backends agree', () => {
  it('gives the same answers on PGlite and PostgreSQL', () => {
    const names = [...new Set(Object.keys(answers).map((k) => k.split(':')[0]))];
    if (names.length < 2) return; // PostgreSQL not reachable here (and not on CI, where it is mandatory)
    for (const part of ['articles', 'entities', 'places', 'records', 'search']) {
      const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'ingestedAt' ? undefined : x)));
      expect(strip(answers[`postgres:${part}`]), part).toEqual(strip(answers[`pglite:${part}`]));
    }
  });
});
