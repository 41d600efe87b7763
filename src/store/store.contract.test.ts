/**
 * The store contract, run on every backend: PGlite always, PostgreSQL too
 * (mandatory on CI). A behaviour that differs between them fails here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, TEST_DATABASE_URL, testBackends } from '../../test/helpers/backends.ts';
import { articleIdFromHash, fingerprint } from '../ingest/fingerprint.ts';
import { eventId, type CleanArticle } from '../model/index.ts';
import {
  loadMigrations,
  migrate,
  openDriver,
  openStore,
  parseStoreLocation,
  schemaVersion,
  type NewArticle,
  type Store,
} from './index.ts';

function newArticle(text: string, overrides: Partial<CleanArticle> = {}): NewArticle {
  const print = fingerprint(text);
  return {
    source: 'test/a.txt',
    format: 'text',
    url: null,
    title: 'A title',
    text,
    outlet: 'Kyiv Independent',
    author: null,
    language: 'en',
    published: { value: '2024-07-31', provenance: 'metadata', evidence: 'test' },
    meta: { declaredLanguage: 'en' },
    removed: [{ rule: 'donation-appeal', line: 'Support us' }],
    ...overrides,
    id: articleIdFromHash(print.contentHash),
    contentHash: print.contentHash,
    bandKeys: print.bandKeys,
    duplicateOf: null,
    similarity: null,
    ingestedAt: '2026-11-23T10:00:00.000Z',
  };
}

const POKROVSK =
  'Russian troops are closing in on the city of Pokrovsk in Donetsk region. Fierce street fighting continues, and Ukrainian soldiers say Russian forces advance in small groups.';
const KHARKIV =
  'Zelensky said the Russian offensive in Kharkiv Oblast failed and that Moscow shifted its focus to the east, attacking toward Pokrovsk with everything it has.';

for (const backend of await testBackends()) {
  describe(`store contract on ${backend.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ store, close } = await freshStore(backend));
    });
    afterEach(async () => {
      await close();
    });

    it('stores an article and gives it back field for field', async () => {
      const article = newArticle(POKROVSK, { author: 'Liz Heflin', url: 'https://example.org/a' });
      expect(await store.saveArticle(article)).toEqual({ status: 'stored', id: article.id });
      const back = await store.getArticle(article.id);
      expect(back).toMatchObject({
        id: article.id,
        title: 'A title',
        text: POKROVSK,
        outlet: 'Kyiv Independent',
        author: 'Liz Heflin',
        url: 'https://example.org/a',
        published: { value: '2024-07-31', provenance: 'metadata', evidence: 'test' },
        meta: { declaredLanguage: 'en' },
        removed: [{ rule: 'donation-appeal', line: 'Support us' }],
        sources: ['test/a.txt'],
      });
    });

    it('does not store the same text twice, and records the second source', async () => {
      const first = newArticle(POKROVSK);
      await store.saveArticle(first);
      const again = await store.saveArticle({
        ...newArticle(POKROVSK),
        source: 'elsewhere/b.html',
        ingestedAt: '2026-11-24T10:00:00.000Z',
      });
      expect(again).toEqual({ status: 'duplicate', id: first.id, firstSource: 'test/a.txt' });
      expect((await store.listArticles()).length).toBe(1);
      expect((await store.getArticle(first.id))?.sources).toEqual(['test/a.txt', 'elsewhere/b.html']);
      expect((await store.stats()).sources).toBe(2);
    });

    it('finds an article by an id prefix, and not by an ambiguous or short one', async () => {
      const article = newArticle(POKROVSK);
      await store.saveArticle(article);
      expect((await store.getArticle(article.id.slice(0, 8)))?.id).toBe(article.id);
      expect(await store.getArticle(article.id.slice(0, 3))).toBeNull();
      expect(await store.getArticle('zzzzzzzz')).toBeNull();
    });

    it('finds near-duplicate candidates through shared band keys', async () => {
      const original = newArticle(POKROVSK);
      const other = newArticle(KHARKIV);
      await store.saveArticle(original);
      await store.saveArticle(other);
      const copy = fingerprint(POKROVSK.replace('Fierce', 'Heavy'));
      const candidates = await store.findCopyCandidates(copy.bandKeys, 10);
      expect(candidates[0]?.id).toBe(original.id);
      expect(candidates.map((c) => c.id)).not.toContain(other.id);
    });

    it('lists newest first and filters by outlet and language', async () => {
      await store.saveArticle(newArticle(POKROVSK, { published: { value: '2025-11-01', provenance: 'stated', evidence: 'x' } }));
      await store.saveArticle(newArticle(KHARKIV, { outlet: 'Business Insider', language: 'de' }));
      const all = await store.listArticles();
      expect(all.map((a) => a.published.value)).toEqual(['2025-11-01', '2024-07-31']);
      expect((await store.listArticles({ outlet: 'business insider' })).map((a) => a.outlet)).toEqual(['Business Insider']);
      expect((await store.listArticles({ language: 'de' })).length).toBe(1);
      expect((await store.listArticles({ limit: 1, offset: 1 }))[0]?.published.value).toBe('2024-07-31');
    });

    it('searches title and text with stemming and exact names, best match first', async () => {
      await store.saveArticle(newArticle(POKROVSK, { title: 'Pokrovsk in ruins' }));
      await store.saveArticle(newArticle(KHARKIV, { title: 'Kharkiv push failed' }));
      const stemmed = await store.searchArticles('attacks');
      expect(stemmed.map((h) => h.title)).toEqual(['Kharkiv push failed']);
      const name = await store.searchArticles('Pokrovsk');
      expect(name.map((h) => h.title)).toEqual(['Pokrovsk in ruins', 'Kharkiv push failed']);
      expect(name[0]?.snippet).toContain('«Pokrovsk»');
      expect(await store.searchArticles('"street fighting" -Kharkiv')).toHaveLength(1);
      expect(await store.searchArticles('Bakhmut')).toEqual([]);
    });

    it('exports every article through paging', async () => {
      await store.saveArticle(newArticle(POKROVSK));
      await store.saveArticle(newArticle(KHARKIV));
      const seen: string[] = [];
      for await (const a of store.iterateArticles(1)) seen.push(a.id);
      expect(seen.sort()).toEqual([newArticle(POKROVSK).id, newArticle(KHARKIV).id].sort());
    });

    it('records ingest runs and their failures in the stats', async () => {
      await store.saveArticle(newArticle(POKROVSK));
      await store.recordIngestRun({
        startedAt: '2026-11-23T10:00:00Z',
        finishedAt: '2026-11-23T10:00:01Z',
        inputs: ['a'],
        stored: 1,
        duplicates: 0,
        nearDuplicates: 0,
        failures: [{ source: 'bad.xml', code: 'EFORMAT', message: 'malformed' }],
      });
      const stats = await store.stats();
      expect(stats).toMatchObject({
        backend: backend.name,
        articles: 1,
        ingestRuns: 1,
        failures: 1,
        firstPublished: '2024-07-31',
        byLanguage: [{ key: 'en', count: 1 }],
        byProvenance: [{ key: 'metadata', count: 1 }],
      });
      expect(stats.schemaVersion).toBeGreaterThanOrEqual(1);
    });

    it('rolls back a failed save whole: no orphan sources or band keys', async () => {
      const bad = newArticle(POKROVSK, { published: { value: null, provenance: 'bogus' as 'unknown', evidence: null } });
      await expect(store.saveArticle(bad)).rejects.toThrow(/published_provenance|check constraint/);
      expect(await store.findCopyCandidates(bad.bandKeys, 10)).toEqual([]);
      expect((await store.stats()).sources).toBe(0);
    });
  });

  describe(`entities on ${backend.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await freshStore(backend));
    });
    afterEach(async () => {
      await close();
    });

    const ZELENSKY = 'person:volodymyr zelensky';
    const POKROVSK_KEY = 'place:geonames:704147';
    const MOSCOW = 'place:geonames:524901';
    const MOCOW = 'place:unresolved:mocow';

    function analysed(text: string, published: string, names: Array<[string, string, string]>, extra: Partial<CleanArticle> = {}): NewArticle {
      const base = newArticle(text, { published: { value: published, provenance: 'metadata', evidence: 'x' }, ...extra });
      const entities = names.map(([surface, key]) => {
        const start = text.indexOf(surface);
        return { start, end: start + surface.length, text: surface, type: key.split(':')[0] as 'person', entity: key };
      });
      const index = [...new Set(names.map(([, key]) => key))].map((key) => ({
        key,
        type: key.split(':')[0] as 'person',
        name: names.find(([, k]) => k === key)![2],
        variants: names.filter(([, k]) => k === key).map(([surface]) => surface),
        ...(key === POKROVSK_KEY
          ? { place: { lat: 48.28, lon: 37.18, country: 'UA', region: 'Donetsk Oblast', kind: 'city', gazetteerId: 'geonames:704147' } }
          : {}),
      }));
      return {
        ...base,
        analysis: {
          analyzerVersion: 1,
          analysis: {
            sentences: [{ start: 0, end: text.length }],
            entities,
            entityIndex: index,
            times: [],
            sentenceTimes: [{ sentence: 0, value: published, from: null }],
            published: base.published,
            quotes: [],
            claims: [],
            figures: [],
          },
          variants: names.map(([surface, key]) => ({ variant: surface.toLowerCase().replace(/y+$/, 'y'), entityKey: key })),
        },
      };
    }

    it('stores mentions and entities with the article, counts them and merges spellings', async () => {
      const a = analysed('Zelensky said Russian troops push toward Pokrovsk and Mocow wants more.', '2024-07-31', [
        ['Zelensky', ZELENSKY, 'Volodymyr Zelensky'],
        ['Pokrovsk', POKROVSK_KEY, 'Pokrovsk'],
        ['Mocow', MOCOW, 'Mocow'],
      ]);
      const b = analysed('Zelenskyy visited troops near Pokrovsk as Moscow pressed on.', '2024-08-19', [
        ['Zelenskyy', ZELENSKY, 'Volodymyr Zelensky'],
        ['Pokrovsk', POKROVSK_KEY, 'Pokrovsk'],
        ['Moscow', MOSCOW, 'Moscow'],
      ]);
      await store.saveArticle(a);
      await store.saveArticle(b);

      const analysis = await store.getAnalysis(a.id);
      expect(analysis?.entities.map((m) => [m.text, m.entity])).toEqual([
        ['Zelensky', ZELENSKY],
        ['Pokrovsk', POKROVSK_KEY],
        ['Mocow', MOCOW],
      ]);
      expect(analysis?.sentenceTimes).toEqual([{ sentence: 0, value: '2024-07-31', from: null }]);

      const people = await store.listEntities({ type: 'person' });
      expect(people).toEqual([
        expect.objectContaining({
          key: ZELENSKY, name: 'Volodymyr Zelensky', variants: ['Zelensky', 'Zelenskyy'],
          mentions: 2, articles: 2, firstSeen: '2024-07-31', lastSeen: '2024-08-19',
        }),
      ]);
      const places = await store.listEntities({ type: 'place' });
      expect(places.find((p) => p.key === POKROVSK_KEY)?.place).toMatchObject({ lat: 48.28, lon: 37.18, country: 'UA' });

      // The registry decides "Mocow" is Moscow: its mention then counts for Moscow.
      await store.setEntityAliases([{ key: MOCOW, aliasOf: MOSCOW }]);
      const moscow = await store.getEntity(MOSCOW);
      expect(moscow).toMatchObject({ mentions: 2, articles: 2, variants: ['Mocow', 'Moscow'], aliases: [MOCOW] });
      expect(moscow?.timeline).toEqual([
        { date: '2024-07-31', mentions: 1 },
        { date: '2024-08-19', mentions: 1 },
      ]);
      expect((await store.listEntities({ type: 'place' })).map((p) => p.key)).not.toContain(MOCOW);

      // A search for one spelling finds the articles of every spelling.
      expect((await store.findEntities(['zelensky'])).map((e) => e.key)).toEqual([ZELENSKY]);
      const hits = await store.searchArticles('Zelensky', { entityVariants: ['zelensky'] });
      expect(hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
      expect(hits.find((h) => h.id === b.id)?.snippet).toContain('«Zelenskyy»');

      const mentions: string[] = [];
      for await (const m of store.iterateMentions(2)) mentions.push(m.text);
      expect(mentions.sort()).toEqual(['Mocow', 'Moscow', 'Pokrovsk', 'Pokrovsk', 'Zelensky', 'Zelenskyy']);
    });

    it('keeps quotes, claims and figures with their article and lists them by speaker, place and unit', async () => {
      const text = 'Zelensky said: "They are throwing everything." Moscow claims Pokrovsk is surrounded. If three of 14 brigades had 10 km…';
      const span = (part: string) => {
        const start = text.indexOf(part);
        return { start, end: start + part.length, text: part };
      };
      const a = analysed(text, '2024-07-31', [
        ['Zelensky', ZELENSKY, 'Volodymyr Zelensky'],
        ['Moscow', MOSCOW, 'Moscow'],
        ['Pokrovsk', POKROVSK_KEY, 'Pokrovsk'],
      ]);
      const speaker = { ...span('Zelensky'), entity: ZELENSKY, kind: 'named' as const };
      const noFlags = { unverified: false, reported: false, noResponse: false };
      const attribution = {
        quotes: [{ kind: 'direct' as const, content: span('They are throwing everything.'), cue: span('said'), speaker, saidOn: null, channel: null, sentence: 0 }],
        claims: [
          {
            kind: 'claim' as const, content: span('Pokrovsk is surrounded'), cue: span('claims'),
            party: { ...span('Moscow'), entity: MOSCOW, kind: 'named' as const }, date: '2024-07-31',
            flags: { ...noFlags, unverified: true },
            control: { action: 'surrounded' as const, place: { ...span('Pokrovsk'), entity: POKROVSK_KEY }, distanceKm: null },
            sentence: 1,
          },
        ],
        figures: [
          { ...span('three'), value: 3, valueMax: null, unit: 'brigades', counted: 'brigades', qualifier: null, date: null, party: null, hypothetical: true, sentence: 2 },
          { ...span('10 km'), value: 10, valueMax: null, unit: 'km', counted: null, qualifier: null, date: '2024-07-31', party: null, hypothetical: false, sentence: 2 },
        ],
      };
      Object.assign(a.analysis!.analysis, attribution);
      await store.saveArticle(a);

      // Read back exactly as analysis made them.
      const analysis = await store.getAnalysis(a.id);
      expect(analysis).toMatchObject(attribution);

      // By the speaker's entity key; another speaker's key finds none.
      const quotes = await store.listQuotes({ speakers: [ZELENSKY] });
      expect(quotes).toEqual([expect.objectContaining({ content: attribution.quotes[0]!.content, articleId: a.id, index: 0, published: '2024-07-31' })]);
      expect(await store.listQuotes({ speakers: [MOSCOW] })).toEqual([]);

      const control = await store.listClaims({ control: true, places: [POKROVSK_KEY] });
      expect(control.map((c) => [c.control?.action, c.party?.text, c.flags.unverified])).toEqual([['surrounded', 'Moscow', true]]);
      expect(await store.listClaims({ control: false })).toEqual([]);
      expect((await store.listClaims({ parties: [MOSCOW], kind: 'claim' })).length).toBe(1);

      // A hypothetical number is kept but not listed as a figure unless asked for.
      expect((await store.listFigures()).map((f) => f.text)).toEqual(['10 km']);
      expect((await store.listFigures({ includeHypothetical: true })).map((f) => f.text)).toEqual(['three', '10 km']);
      expect(await store.listFigures({ unit: 'km2' })).toEqual([]);
    });

    it('writes the connections an article at a time and knows when they lag the analyses', async () => {
      const a = analysed('Zelensky spoke of Pokrovsk on July 30.', '2024-07-31', [['Zelensky', ZELENSKY, 'Volodymyr Zelensky'], ['Pokrovsk', POKROVSK_KEY, 'Pokrovsk']]);
      const b = analysed('Moscow said Pokrovsk is surrounded.', '2024-08-19', [['Moscow', MOSCOW, 'Moscow'], ['Pokrovsk', POKROVSK_KEY, 'Pokrovsk']]);
      await store.saveArticle(a);
      await store.saveArticle(b);
      expect(await store.connectionsStale()).toBe(true);

      const side = (articleId: string, party: string) => ({ articleId, index: 0, date: null, party, partyText: party, kind: 'claim' as const, text: 'x' });
      const event = (date: string, articleId: string, entities: string[], score: number) => ({
        date, precision: date.length === 7 ? 'month' : 'day', dated: 'stated' as const, text: `event ${date}`,
        sources: [{ articleId, sentence: 0, start: 0, end: 5 }], entities, score,
      });
      const connections = {
        stories: [{
          id: 'story-a', title: 'Pokrovsk', summary: 'Zelensky spoke of Pokrovsk.', dates: { start: '2024-07-31', end: '2024-08-19' },
          articles: [a.id, b.id], independentSources: 2, thread: 'thread-pokrovsk',
        }],
        threads: [{ id: 'thread-pokrovsk', title: 'Pokrovsk', stories: ['story-a'], articles: [a.id, b.id] }],
        quotes: [{
          id: `${a.id}:0`, text: 'throwing everything they have', speaker: ZELENSKY,
          appearances: [a.id, b.id].map((articleId) => ({
            articleId, index: 0, published: null, outlet: null, kind: 'direct' as const, text: 'x', speaker: ZELENSKY,
            channel: null, channelEntity: null, creditedArticle: null, creditedBy: null,
          })),
          earliest: { articleId: a.id, index: 0, published: '2024-07-31' },
        }],
        claimLinks: [{ a: side(a.id, ZELENSKY), b: side(b.id, MOSCOW), relation: 'contradicts' as const, shared: [POKROVSK_KEY] }],
        figureSeries: [{
          id: `${a.id}:0`, unit: 'km2', subject: 'territory', place: POKROVSK_KEY,
          points: [{ articleId: a.id, index: 0, date: '2024-07-31', value: 1250, valueMax: null, qualifier: null, text: '1,250 km2', counted: 'territory', party: ZELENSKY, partyText: 'Zelensky' }],
        }],
        events: [event('2024-07-30', a.id, [ZELENSKY, POKROVSK_KEY], 2), event('2024-07', b.id, [MOSCOW], 1), event('2024-08-19', b.id, [MOSCOW, POKROVSK_KEY], 3)],
      };
      expect(await store.pendingConnects(10)).toEqual([a.id, b.id].sort().map((id) => ({ id, stale: false })));
      await store.connectTransaction(async (ix) => {
        expect(await ix.markConnected(a.id)).toBeLessThan(await ix.markConnected(b.id));
        await ix.replaceThreads(connections.threads, connections.stories);
        await ix.replaceQuoteGroups([], connections.quotes);
        await ix.addClaimLinks(connections.claimLinks);
        await ix.replaceFigureSeries([], connections.figureSeries);
        await ix.replaceEvents([], connections.events);
      });
      expect(await store.connectionsStale()).toBe(false);
      expect(await store.pendingConnects(10)).toEqual([]);

      // In date order, a month before the days within it; filtered by entity (aliases followed) and by article.
      expect((await store.listEvents()).map((e) => e.date)).toEqual(['2024-07', '2024-07-30', '2024-08-19']);
      expect((await store.listEvents({ entities: [POKROVSK_KEY] })).map((e) => e.date)).toEqual(['2024-07-30', '2024-08-19']);
      expect((await store.listEvents({ articles: [a.id] })).map((e) => e.date)).toEqual(['2024-07-30']);
      expect(await store.listQuoteGroups({ minArticles: 2, speakers: [ZELENSKY] })).toEqual(connections.quotes);
      expect(await store.listQuoteGroups({ speakers: [MOSCOW] })).toEqual([]);
      expect(await store.listClaimLinks({ entities: [POKROVSK_KEY] })).toEqual(connections.claimLinks);
      expect(await store.listClaimLinks({ relation: 'denies' })).toEqual([]);
      expect(await store.listFigureSeries({ unit: 'km2', places: [POKROVSK_KEY] })).toEqual(connections.figureSeries);
      expect(await store.listStories()).toEqual(connections.stories);
      expect(await store.getStory('story-a')).toEqual(connections.stories[0]);
      expect(await store.getStory(b.id)).toEqual(connections.stories[0]);
      expect(await store.getStory('story-nope')).toBeNull();
      expect(await store.listThreads()).toEqual(connections.threads);

      // Groups are replaced, never added twice.
      await store.connectTransaction(async (ix) => {
        await ix.replaceEvents(connections.events.slice(1).map(eventId), []);
        await ix.replaceQuoteGroups([connections.quotes[0]!.id], connections.quotes);
        await ix.deleteClaimLinksOf(b.id);
      });
      expect((await store.listEvents()).map((e) => e.date)).toEqual(['2024-07-30']);
      expect(await store.listQuoteGroups()).toHaveLength(1);
      expect(await store.listClaimLinks()).toEqual([]);

      // A changed article is stale until connected again; a reset empties everything.
      await store.markConnectStale([b.id]);
      expect(await store.pendingConnects(10)).toEqual([{ id: b.id, stale: true }]);
      expect(await store.connectionsStale()).toBe(true);
      await store.resetConnections();
      expect(await store.pendingConnects(10)).toHaveLength(2);
      expect(await store.listStories()).toEqual([]);
      expect(await store.listEvents()).toEqual([]);
    });

    it('finds connect candidates by key look-up: most keys shared first, the most recent per key, never the article itself', async () => {
      const articles = ['One article.', 'Another article.', 'A third article.'].map((t) => newArticle(t));
      for (const x of articles) await store.saveArticle(x);
      const [x, y, z] = articles.map((x) => x.id) as [string, string, string];
      await store.connectTransaction(async (ix) => {
        let seq = await ix.markConnected(x);
        await ix.addItems('quote', seq, [{ articleId: x, index: 0, group: 'g1', input: { n: 'x0' }, keys: ['war', 'kursk', 'held'] }]);
        seq = await ix.markConnected(y);
        await ix.addItems('quote', seq, [
          { articleId: y, index: 0, group: 'g1', input: { n: 'y0' }, keys: ['war'] },
          { articleId: y, index: 1, group: 'g2', input: { n: 'y1' }, keys: ['war', 'kursk'] },
        ]);
        seq = await ix.markConnected(z);
        await ix.addItems('claim', seq, [{ articleId: z, index: 0, group: null, input: { n: 'z0' }, keys: ['war'] }]);
      });
      await store.connectTransaction(async (ix) => {
        const found = async (keys: string[][], perKey: number, perItem: number, excludeArticle = z) =>
          (await ix.findCandidates<{ n: string }>('quote', keys, { perKey, perItem, excludeArticle })).map((c) => c.input.n).sort();
        expect(await found([['war', 'kursk', 'held']], 10, 1)).toEqual(['x0']);
        expect(await found([['war', 'kursk', 'held']], 10, 2)).toEqual(['x0', 'y1']);
        // Per key, the most recently connected first: with one a key, "war" reaches y's items only.
        expect(await found([['war']], 1, 10)).toEqual(['y0']);
        // One look-up for several items: each item's best.
        expect(await found([['held'], ['war']], 10, 1)).toEqual(['x0', 'y0']);
        expect(await found([['war', 'kursk', 'held']], 10, 10, x)).toEqual(['y0', 'y1']);
        expect((await ix.itemsOfGroups('quote', ['g1'])).map((i) => `${i.articleId === x ? 'x' : 'y'}${i.index}`)).toEqual(['x0', 'y0']);
        await ix.setItemGroups('quote', [{ articleId: y, index: 0, group: 'g2' }]);
        expect(await ix.itemsOfGroups('quote', ['g1'])).toHaveLength(1);
        await ix.deleteArticleItems('quote', x);
        expect(await found([['held']], 10, 10)).toEqual([]);
      });
    });

    it('keeps story grouping\'s state in rows: document frequencies, postings, members, features', async () => {
      const articles = ['One article.', 'Another article.'].map((t) => newArticle(t));
      for (const x of articles) await store.saveArticle(x);
      const [x, y] = articles.map((x) => x.id) as [string, string];
      const step = (id: string, key: string, group: string[]) => ({
        stamp: `after-${id}`, documents: 1, nextKey: 2, dfIncrements: ['kursk', '@place:kursk'], postings: [{ feature: 'kursk', articleId: id }],
        articles: [{ id, storyKey: key, features: { id, terms: { kursk: 1 } } }],
        groups: [{ key, id: `story-${group[0]}`, articles: group }], droppedGroups: [], removedStories: [],
      });
      await store.connectTransaction(async (ix) => {
        expect(await ix.storyMeta()).toEqual({ documents: 0, nextKey: 1, stamp: null });
        await ix.saveStoryStep(step(x, '1', [x]));
        await ix.saveStoryStep({ ...step(y, '1', [x, y]), documents: 2 });
        // The stamp is the last step's: a process caching these rows sees whether anyone wrote since.
        expect(await ix.storyMeta()).toEqual({ documents: 2, nextKey: 2, stamp: `after-${y}` });
        expect(await ix.storyTerms(['kursk', '@place:kursk', 'none'])).toEqual(new Map([['kursk', { df: 2, posting: 2 }], ['@place:kursk', { df: 2, posting: 0 }]]));
        expect((await ix.storyPostings(['kursk'])).get('kursk')!.sort()).toEqual([x, y].sort());
        expect(await ix.storyKeysOf([x, y])).toEqual(new Map([[x, '1'], [y, '1']]));
        expect(await ix.storyFeatures([y])).toEqual(new Map([[y, { id: y, terms: { kursk: 1 } }]]));
        expect(await ix.storyGroups(['1', '2'])).toEqual(new Map([['1', { id: `story-${x}`, articles: [x, y] }]]));
        expect(await ix.threadsStale()).toBe(true);
        const all = await ix.allStoryRows();
        expect([all.features.size, all.storyOf.size, all.groups.size, all.df.get('kursk')]).toEqual([2, 2, 1, 2]);
      });
      expect(await store.connectionsStale()).toBe(true);
    });
  });

  describe(`corpus dating on ${backend.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await freshStore(backend));
    });
    afterEach(async () => {
      await close();
    });

    const TEXT = 'Zelensky told French media on July 30 that the push toward Pokrovsk continues.';
    const yearless = { start: 30, end: 37, text: 'July 30', type: 'DATE' as const, value: 'XXXX-07-30', mod: null, granularity: 'day', anchor: 'none' as const };

    function undated(): NewArticle {
      const base = newArticle(TEXT, {
        published: { value: null, provenance: 'inferred', evidence: 'not before 2024-01-01: "2024"' },
        meta: { publishedRange: { earliest: '2024-01-01', latest: null } },
      });
      return {
        ...base,
        analysis: {
          analyzerVersion: 1,
          analysis: {
            sentences: [{ start: 0, end: TEXT.length }], entities: [], entityIndex: [], times: [yearless],
            sentenceTimes: [{ sentence: 0, value: 'XXXX-07-30', from: 0 }], published: base.published,
            quotes: [], claims: [], figures: [],
          },
          variants: [],
        },
      };
    }

    it('reads every article\'s dating, text only for undated ones, and writes a corpus dating back with the own one kept', async () => {
      const dated = newArticle(POKROVSK);
      const a = undated();
      await store.saveArticle(dated);
      await store.saveArticle(a);

      const before = await store.datingEvidence();
      expect(before.find((r) => r.id === dated.id)).toMatchObject({
        text: '', sentences: [], current: { published: { value: '2024-07-31', provenance: 'metadata' }, times: [] },
      });
      const own = before.find((r) => r.id === a.id)!;
      expect(own).toMatchObject({
        text: TEXT,
        sentences: [{ start: 0, end: TEXT.length }],
        current: { published: { value: null, provenance: 'inferred', range: { earliest: '2024-01-01', latest: null } }, times: [yearless] },
      });
      expect(own.own).toEqual(own.current);

      const decided = {
        published: { value: null, provenance: 'inferred' as const, evidence: 'year 2024 from the corpus', range: { earliest: '2024-07-30', latest: null } },
        times: [{ ...yearless, value: '2024-07-30', yearFrom: 'corpus' as const }],
        sentenceTimes: [{ sentence: 0, value: '2024-07-30', from: 0 }],
      };
      await store.saveCorpusDatings([{ id: a.id, ...decided }]);

      const after = (await store.datingEvidence()).find((r) => r.id === a.id)!;
      expect(after.current).toEqual(decided);
      expect(after.own).toEqual(own.own);
      expect((await store.getAnalysis(a.id))?.times).toEqual(decided.times);
      expect((await store.getArticle(a.id))?.meta).toMatchObject({ publishedRange: { earliest: '2024-07-30', latest: null } });
      expect((await store.listArticles()).find((x) => x.id === a.id)?.published).toEqual(decided.published);

      // Written back to its own dating (the corpus no longer supports the year): the kept own dating is not replaced.
      await store.saveCorpusDatings([{ id: a.id, ...own.own, published: { value: null, provenance: 'unknown', evidence: null } }]);
      const reverted = (await store.datingEvidence()).find((r) => r.id === a.id)!;
      expect(reverted.current.published).toEqual({ value: null, provenance: 'unknown', evidence: null });
      expect(reverted.own).toEqual(own.own);
      expect((await store.getArticle(a.id))?.meta).not.toHaveProperty('publishedRange');
    });
  });

  describe(`migrations on ${backend.name}`, () => {
    it('opens a database made by an older version and upgrades it once', async () => {
      const db = await backend.create();
      try {
        const migrations = await loadMigrations();
        const driver = await openDriver(parseStoreLocation(db.location));
        // An "old" database: only the first migration, with data in it.
        await migrate(driver, migrations.slice(0, 1));
        const later = { version: 9999, name: '9999_test_later', sql: 'CREATE TABLE later_feature (x int);' };
        expect(await migrate(driver, [...migrations, later])).toEqual(
          [...migrations.slice(1).map((m) => m.version), 9999],
        );
        expect(await migrate(driver, [...migrations, later])).toEqual([]);
        expect(await schemaVersion(driver)).toBe(9999);
        await driver.close();
      } finally {
        await db.drop();
      }
    });

    it.runIf(backend.name === 'postgres')('survives the server ending an idle connection', async () => {
      const db = await backend.create();
      const store = await openStore(db.location);
      try {
        await store.stats(); // leaves an idle connection in the pool
        const admin = await openDriver(parseStoreLocation(TEST_DATABASE_URL));
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [new URL(db.location).pathname.slice(1)],
        );
        await admin.close();
        await new Promise((resolve) => setTimeout(resolve, 200)); // let the termination reach the pool
        expect((await store.stats()).articles).toBe(0); // a new connection, no crash
      } finally {
        await store.close();
        await db.drop();
      }
    });

    it('keeps data across reopen (same schema, nothing re-applied)', async () => {
      const db = await backend.create();
      try {
        const first = await openStore(db.location);
        await first.saveArticle(newArticle(POKROVSK));
        await first.close();
        const second = await openStore(db.location);
        expect((await second.listArticles()).length).toBe(1);
        await second.close();
      } finally {
        await db.drop();
      }
    });
  });
}
