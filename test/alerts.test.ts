/**
 * Following and alerts end to end on both backends: follow a place, a
 * keyword and a story on two sample articles; ingest two more; the alerts a
 * user would expect are raised once (a rerun adds none); a webhook that
 * fails first gets them on a retry; the Atom feed carries them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { variantKey } from '../src/analyze/entities/index.ts';
import { alertsAtom } from '../src/export/atom.ts';
import { deliverPendingAlerts, MAX_DELIVERY_ATTEMPTS } from '../src/pipeline/deliver-alerts.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { freshStore, testBackends } from './helpers/backends.ts';

const SAMPLES = join(import.meta.dirname, '../corpus/samples');
const seed = (name: string) => join(SAMPLES, name);
const S000 = seed('000_e19b759e33d5193a.txt'); // Zelensky: Pokrovsk became Russia's main target (Kyiv Independent)
const S001 = seed('001_a656895f14513359.txt'); // the same interview (Business Insider)
const S002 = seed('002_4c57fd194f00d551.txt'); // Kursk incursion, 1,250 km²
const S004 = seed('004_e793082d1f3a18f0.txt'); // Pokrovsk in ruins (WSJ)

for (const backend of await testBackends()) {
  describe(`alerts (${backend.name})`, () => {
    it('raises what a follower expects, once, and delivers it to a webhook that fails first', async () => {
      const { store, close } = await freshStore(backend);
      try {
        await ingestPaths(store, [S000, S002]);
        const at = '2024-08-07T12:00:00.000Z';
        const [pokrovsk] = (await store.findEntities([variantKey('Pokrovsk')])).filter((e) => e.type === 'place');
        const interview = (await store.getStory((await store.listArticles()).find((a) => a.title.startsWith('Pokrovsk became'))!.id))!;
        const place = await store.addFollow({ kind: 'place', value: 'Pokrovsk', target: pokrovsk!.key, label: pokrovsk!.name }, at);
        const story = await store.addFollow({ kind: 'story', value: interview.id, target: interview.id, label: interview.title }, at);
        const keyword = await store.addFollow({ kind: 'keyword', value: 'Kremlin', target: 'kremlin', label: 'Kremlin' }, at);
        // Following again is the same follow.
        expect((await store.addFollow({ kind: 'keyword', value: 'kremlin', target: 'kremlin', label: 'kremlin' }, at)).id).toBe(keyword.id);

        await ingestPaths(store, [S001, S004]);
        const alerts = await store.listAlerts({ limit: 500 });
        const of = (id: number) => alerts.filter((a) => a.followId === id);
        // The interview's second outlet joined the followed story (whose id changed: 001 is the earlier article).
        expect(of(story.id).some((a) => a.kind === 'story' && a.title.startsWith('New in “Pokrovsk became'))).toBe(true);
        // The WSJ story is new and about Pokrovsk; its "surrounded" claim is a control claim about the city.
        expect(of(place.id).some((a) => a.kind === 'story' && a.title.includes('Pokrovsk in ruins'))).toBe(true);
        expect(of(place.id).some((a) => a.kind === 'control' && /surrounded/.test(a.title))).toBe(true);
        // "The Kremlin denies its offensive had failed" (001) matches the keyword.
        expect(of(keyword.id).some((a) => /Kremlin/.test(a.summary))).toBe(true);
        // Nothing about the articles ingested before the follows.
        expect(alerts.every((a) => a.articleId === null || !['e19b759e', '4c57fd19'].some((h) => a.articleId!.startsWith(h)))).toBe(true);

        // A rerun stores nothing new and raises nothing new.
        await ingestPaths(store, [S001, S004]);
        expect(await store.listAlerts({ limit: 500 })).toHaveLength(alerts.length);

        // Webhook: the first attempt gets a 503, the retry a 200.
        const received: Array<{ type: string; alert: { id: number; title: string } }> = [];
        let fail = true;
        const server = http.createServer((req, res) => {
          let body = '';
          req.on('data', (c: Buffer) => (body += c.toString()));
          req.on('end', () => {
            if (fail) return void res.writeHead(503).end();
            received.push(JSON.parse(body));
            res.writeHead(204).end();
          });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
        try {
          let clock = Date.now() + 1000; // alerts were raised at the ingest's clock: now
          const now = () => new Date(clock);
          const first = await deliverPendingAlerts(store, url, { now });
          expect(first.delivered).toBe(0);
          expect(first.failed).toBeGreaterThan(0);
          // Not due yet: nothing is sent again straight away.
          expect((await deliverPendingAlerts(store, url, { now })).failed).toBe(0);
          fail = false;
          clock += 31_000;
          let sent = 0;
          for (let pass = 0; pass < 10; pass++) sent += (await deliverPendingAlerts(store, url, { now })).delivered;
          expect(sent).toBe(alerts.length);
          expect(received).toHaveLength(alerts.length);
          expect(received[0]!.type).toBe('sitrep.alert');
          const listed = await store.listAlerts({ limit: 500 });
          expect(listed.every((a) => a.delivery.deliveredAt !== null && a.delivery.attempts === 2)).toBe(true);
        } finally {
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
        }

        // The Atom feed: well-formed, one entry per alert, article text escaped.
        const atom = alertsAtom(await store.listAlerts({ limit: 500 }), { title: 'sitrep alerts', id: 'tag:sitrep,2024:alerts', updated: at });
        expect(XMLValidator.validate(atom)).toBe(true);
        const feed = new XMLParser().parse(atom) as { feed: { entry: unknown[] } };
        expect(feed.feed.entry).toHaveLength(alerts.length);

        // Unfollowing removes the follow and its alerts.
        expect(await store.removeFollow(keyword.id)).toBe(true);
        expect(await store.listAlerts({ followId: keyword.id })).toHaveLength(0);
      } finally {
        await close();
      }
    });

    it('gives up on a webhook after the last attempt, and says so', async () => {
      const { store, close } = await freshStore(backend);
      try {
        await ingestPaths(store, [S004]);
        const follow = await store.addFollow({ kind: 'keyword', value: 'Pokrovsk', target: 'pokrovsk', label: 'Pokrovsk' }, '2024-08-07T00:00:00Z');
        const [added] = await store.addAlerts(
          [{ followId: follow.id, kind: 'claim', subject: 'x#0', articleId: null, title: 'A claim <b>bold</b>', summary: 's', record: {} }],
          '2024-08-07T00:00:00.000Z',
        );
        let clock = Date.parse('2024-08-07T01:00:00Z');
        const post = async () => {
          throw new Error('connection refused');
        };
        let givenUp = 0;
        for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
          givenUp += (await deliverPendingAlerts(store, 'http://unused.invalid/', { now: () => new Date(clock), post })).givenUp;
          clock += 3_600_000;
        }
        expect(givenUp).toBe(1);
        const [alert] = await store.listAlerts({ followId: follow.id });
        expect(alert!.id).toBe(added!.id);
        expect(alert!.delivery).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'connection refused', deliveredAt: null });
        expect(alert!.delivery.givenUpAt).not.toBeNull();
        expect(alertsAtom([alert!], { title: 't', id: 'tag:x', updated: '2024-01-01T00:00:00Z' })).toContain('A claim &lt;b&gt;bold&lt;/b&gt;');
      } finally {
        await close();
      }
    });
  });
}
