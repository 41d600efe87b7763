/**
 * The incremental connect against the whole recompute it replaces: on the
 * sample corpus they must agree exactly, on both backends; an interrupted
 * pass finishes on the next run without duplicates; a stale (re-dated)
 * article is redone; a rebuild gives the same connections again.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, testBackends } from '../../test/helpers/backends.ts';
import { connectCorpus } from '../connect/corpus.ts';
import { eventId, type CorpusConnections } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { connectArticle, connectPending, rebuildConnections } from './connect-incremental.ts';
import { loadConnectArticles } from './connect-corpus.ts';
import { connectCorpus as connectStoredCorpus, ingestPaths, refinementDue } from './ingest.ts';

const SAMPLES = join(import.meta.dirname, '../../corpus/samples');
const NOW = () => new Date('2026-11-23T12:00:00Z');

/** Everything stored, in an order that does not depend on how it was written. */
async function stored(store: Store) {
  const byId = <T>(xs: T[], id: (x: T) => string) => [...xs].sort((a, b) => (id(a) < id(b) ? -1 : 1));
  return {
    stories: byId(await store.listStories({ limit: 10_000 }), (s) => s.id),
    threads: byId(await store.listThreads(), (t) => t.id),
    quotes: byId(await store.listQuoteGroups({ limit: 10_000 }), (q) => q.id),
    claimLinks: byId(await store.listClaimLinks({ limit: 10_000 }), (l) => `${l.a.articleId}:${l.a.index}|${l.b.articleId}:${l.b.index}`),
    figureSeries: byId(await store.listFigureSeries({ limit: 10_000 }), (s) => s.id),
    events: byId(await store.listEvents(), eventId),
  };
}

function normalised(c: CorpusConnections) {
  const byId = <T>(xs: T[], id: (x: T) => string) => [...xs].sort((a, b) => (id(a) < id(b) ? -1 : 1));
  return {
    stories: byId(c.stories, (s) => s.id),
    threads: byId(c.threads, (t) => t.id),
    quotes: byId(c.quotes, (q) => q.id),
    claimLinks: byId(c.claimLinks, (l) => `${l.a.articleId}:${l.a.index}|${l.b.articleId}:${l.b.index}`),
    figureSeries: byId(c.figureSeries, (s) => s.id),
    events: byId(c.events, eventId),
  };
}

describe('the whole-corpus refinement', () => {
  it('runs while the corpus is small, then each time it has grown by a tenth', () => {
    expect(refinementDue({ analysed: 5, atLastRefinement: null })).toBe(true);
    expect(refinementDue({ analysed: 150, atLastRefinement: 149 })).toBe(true);
    expect(refinementDue({ analysed: 1500, atLastRefinement: 1490 })).toBe(false);
    expect(refinementDue({ analysed: 10_500, atLastRefinement: 10_000 })).toBe(false);
    expect(refinementDue({ analysed: 11_000, atLastRefinement: 10_000 })).toBe(true);
  });
});

for (const backend of await testBackends()) {
  describe(`incremental connect on ${backend.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await freshStore(backend));
    });
    afterEach(async () => {
      await close();
    });

    it('gives on the samples exactly what the whole recompute gives', async () => {
      await ingestPaths(store, [SAMPLES], { now: NOW });
      const full = normalised(connectCorpus(await loadConnectArticles(store)));
      const incremental = await stored(store);
      expect(incremental).toEqual(full);
      expect(incremental.stories.length).toBeGreaterThan(1);
      expect(incremental.quotes.some((q) => new Set(q.appearances.map((a) => a.articleId)).size > 1)).toBe(true);
      expect(incremental.claimLinks.length).toBeGreaterThan(0);
      expect(await store.connectionsStale()).toBe(false);
      // A rebuild from scratch gives the same again.
      const rebuilt = await rebuildConnections(store);
      expect(rebuilt.connected).toBe(5);
      expect(await stored(store)).toEqual(incremental);
    });

    it('between refinements describes the stories a run changed, and the next refinement gives the whole recompute again', async () => {
      const files = ['000_e19b759e33d5193a.txt', '001_a656895f14513359.txt', '002_4c57fd194f00d551.txt', '003_db42502481a43702.txt', '004_e793082d1f3a18f0.txt'];
      await ingestPaths(store, files.slice(0, 3).map((f) => join(SAMPLES, f)), { now: NOW });
      // Two more articles on three: not a growth that is due (it would take 300 %), so no refinement.
      const notYet = { growth: 3, below: 0 };
      await ingestPaths(store, files.slice(3).map((f) => join(SAMPLES, f)), { now: NOW, refine: notYet });
      expect(await store.refinementState()).toEqual({ analysed: 5, atLastRefinement: 3 });
      const full = normalised(connectCorpus(await loadConnectArticles(store)));
      const between = await stored(store);
      // Every story is there with its articles, dates and sources; the stories the run changed are described as
      // the whole recompute describes them. An untouched story keeps the words it was summarised with (document
      // frequencies have moved since) and threads wait, both until the next refinement.
      const grouping = (stories: typeof between.stories) => stories.map((s) => ({ id: s.id, articles: s.articles, dates: s.dates, sources: s.independentSources }));
      expect(grouping(between.stories)).toEqual(grouping(full.stories));
      const newIds = new Set((await store.listArticles({ limit: 10 })).filter((a) => files.slice(3).some((f) => a.source.endsWith(f))).map((a) => a.id));
      expect(newIds.size).toBe(2);
      const changed = (stories: typeof between.stories) => stories.filter((s) => s.articles.some((id) => newIds.has(id))).map(({ thread: _thread, ...rest }) => rest);
      expect(changed(between.stories)).toEqual(changed(full.stories));
      expect(between.quotes).toEqual(full.quotes);
      expect(between.claimLinks).toEqual(full.claimLinks);
      await connectStoredCorpus(store, [], NOW, { force: true });
      expect(await store.refinementState()).toEqual({ analysed: 5, atLastRefinement: 5 });
      expect(await stored(store)).toEqual(normalised(connectCorpus(await loadConnectArticles(store))));
    });

    it('finishes an interrupted pass on the next run without duplicates, and redoes a stale article', async () => {
      await ingestPaths(store, [SAMPLES], { now: NOW });
      const before = await stored(store);
      // As if killed: the index emptied, then only two articles connected before the kill.
      await store.resetConnections();
      const pending = await store.pendingConnects(10);
      expect(pending).toHaveLength(5);
      await connectArticle(store, pending[0]!.id);
      await connectArticle(store, pending[1]!.id);
      // A transaction that dies half-way leaves nothing of itself.
      await expect(
        store.connectTransaction(async (ix) => {
          await ix.markConnected(pending[2]!.id);
          throw new Error('killed');
        }),
      ).rejects.toThrow('killed');
      expect(await store.pendingConnects(10)).toHaveLength(3);
      expect(await store.connectionsStale()).toBe(true);
      // The next run's pass goes on from there.
      const summary = await connectPending(store);
      expect(summary.connected).toBe(3);
      expect(await stored(store)).toEqual(before);
      expect((await connectPending(store)).connected).toBe(0);

      // A stale (re-dated) article: its quotes, claims, figures and events are removed and added again.
      const quoted = before.quotes.find((q) => new Set(q.appearances.map((a) => a.articleId)).size > 1)!;
      await store.markConnectStale([quoted.appearances[0]!.articleId]);
      expect(await store.pendingConnects(10)).toEqual([{ id: quoted.appearances[0]!.articleId, stale: true }]);
      const redo = await connectPending(store);
      expect(redo.redone).toBe(1);
      const after = await stored(store);
      expect(after.quotes).toEqual(before.quotes);
      expect(after.claimLinks).toEqual(before.claimLinks);
      expect(after.figureSeries).toEqual(before.figureSeries);
      expect(after.events.map(eventId).sort()).toEqual(before.events.map(eventId).sort());
      expect(after.stories).toEqual(before.stories);
    });
  });
}
