/**
 * The feed watcher against real HTTP servers on 127.0.0.1: feeds that change
 * between polls, answer 304, time out, fail with 500, serve HTML instead of
 * XML or an endless body, and item links pointing at private addresses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { variantKey } from '../../analyze/entities/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import { parseWatchConfig, readWatchConfig, type WatchConfig } from './config.ts';
import { backoffSeconds, FeedWatcher, type WatchEvent } from './watcher.ts';
import { fetchLimited, FetchError, isPrivateAddress } from './fetch.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A server whose behaviour each test sets; records every request. */
class TestServer {
  handler: Handler = (_req, res) => res.end();
  requests: Array<{ url: string; headers: http.IncomingHttpHeaders; at: number }> = [];
  private server = http.createServer((req, res) => {
    this.requests.push({ url: req.url ?? '', headers: req.headers, at: Date.now() });
    this.handler(req, res);
  });
  base = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Paragraphs long enough to be an article (and a full-text item, not a summary). */
function articleText(place: string, n: number): string {
  return [
    `Russian forces attacked ${place} overnight, regional officials said on Tuesday, in the ${n}th strike on the town this month.`,
    `"The shelling did not stop until morning," the head of the ${place} military administration told reporters, adding that two apartment blocks were damaged.`,
    `Ukraine's General Staff said its troops had repelled ${n + 3} assaults near ${place} over the past day. The claim could not be independently verified.`,
    `Residents were urged to evacuate as the front line moved to within 8 kilometres of the town, according to the local authorities.`,
  ].join('\n\n');
}

interface Item {
  guid: string;
  title: string;
  text: string;
  link?: string;
}

function rss(items: Item[]): string {
  const body = items
    .map(
      (i) =>
        `<item><guid>${i.guid}</guid><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}` +
        `<pubDate>Tue, 06 Aug 2024 09:00:00 GMT</pubDate><description><![CDATA[${i.text}]]></description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title><language>en</language>${body}</channel></rss>`;
}

function config(feeds: Array<{ url: string; fetchArticles?: boolean }>, extra: Record<string, unknown> = {}): WatchConfig {
  return parseWatchConfig({ feeds: feeds.map((f) => ({ interval: '60s', ...f })), hostDelaySeconds: 0, timeoutSeconds: 5, ...extra }, 'test.json');
}

const server = new TestServer();
let store: Store;
let events: WatchEvent[];
const polls = () => events.filter((e): e is Extract<WatchEvent, { type: 'poll' }> => e.type === 'poll');
const failedError = (poll: WatchEvent | undefined) => (poll?.type === 'poll' && poll.outcome === 'failed' ? poll.error : null);
const failures = () =>
  events.flatMap((e) => (e.type === 'ingest' && e.event.type === 'failed' ? [e.event.failure] : []));

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  store = await openStore('memory://');
  server.requests = [];
  events = [];
});
afterEach(async () => {
  await store.close();
});

function watcherFor(cfg: WatchConfig, state = {}) {
  return new FeedWatcher(store, cfg, state, { onEvent: (e) => events.push(e) });
}

describe('polling a feed that changes', () => {
  it('ingests new items, asks conditionally, and takes only what is new', async () => {
    let items: Item[] = [
      { guid: 'a1', title: 'Strike on Pokrovsk', text: articleText('Pokrovsk', 4) },
      { guid: 'a2', title: 'Strike on Myrnohrad', text: articleText('Myrnohrad', 5) },
    ];
    const etagOf = () => `"v${items.length}"`;
    server.handler = (req, res) => {
      if (req.headers['if-none-match'] === etagOf()) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: etagOf() }).end(rss(items));
    };
    const watcher = watcherFor(config([{ url: `${server.base}/feed` }]));
    await watcher.pollAll();
    expect((await store.stats()).articles).toBe(2);

    await watcher.pollAll();
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v2"');
    expect(polls()[1]!.outcome).toBe('not-modified');

    items = [{ guid: 'a3', title: 'Strike on Kostiantynivka', text: articleText('Kostiantynivka', 6) }, ...items];
    await watcher.pollAll();
    const third = polls()[2]!;
    expect(third.outcome === 'updated' && third.newItems).toBe(1);
    expect((await store.stats()).articles).toBe(3);
    const titles = (await store.listArticles()).map((a) => a.title).sort();
    expect(titles).toEqual(['Strike on Kostiantynivka', 'Strike on Myrnohrad', 'Strike on Pokrovsk']);
    // The items were analysed and connected like any ingest: the places are entities.
    expect((await store.findEntities([variantKey('Pokrovsk')])).length).toBeGreaterThan(0);
  });

  it('gives the configured outlet and language to the feed’s articles', async () => {
    server.handler = (_req, res) => res.writeHead(200).end(rss([{ guid: 'b1', title: 'Strike on Huliaipole', text: articleText('Huliaipole', 2) }]));
    const cfg = parseWatchConfig({ feeds: [{ url: `${server.base}/f`, outlet: 'Ukrinform', language: 'en' }], hostDelaySeconds: 0 }, 'x.json');
    await watcherFor(cfg).pollAll();
    const [article] = await store.listArticles();
    expect(article!.outlet).toBe('Ukrinform');
  });

  it('reads a gzip-encoded feed', async () => {
    server.handler = (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(rss([{ guid: 'g1', title: 'Strike on Siversk', text: articleText('Siversk', 3) }])));
    await watcherFor(config([{ url: `${server.base}/gz` }])).pollAll();
    expect((await store.stats()).articles).toBe(1);
  });
});

describe('a feed that fails', () => {
  it('times out, backs off, and stores nothing', async () => {
    server.handler = () => undefined; // never answers
    const cfg = config([{ url: `${server.base}/slow` }], { timeoutSeconds: 0.3 });
    const watcher = watcherFor(cfg);
    const before = Date.now();
    await watcher.pollAll();
    const [poll] = polls();
    expect(poll!.outcome).toBe('failed');
    expect(failedError(poll)).toMatch(/no complete answer within 300 ms/);
    // First failure: twice the interval.
    const wait = Date.parse(poll!.nextPollAt) - before;
    expect(wait).toBeGreaterThanOrEqual(119_000);
    expect(wait).toBeLessThan(125_000);
    expect(watcher.state[cfg.feeds[0]!.url]!.failures).toBe(1);
  });

  it('reports an HTTP 500 and honours Retry-After', async () => {
    server.handler = (_req, res) => res.writeHead(500, { 'retry-after': '3600' }).end('oops');
    const watcher = watcherFor(config([{ url: `${server.base}/err` }]));
    const before = Date.now();
    await watcher.pollAll();
    const [poll] = polls();
    expect(failedError(poll)).toBe('HTTP 500');
    expect(Date.parse(poll!.nextPollAt) - before).toBeGreaterThanOrEqual(3_599_000);
  });

  it('says it got HTML where a feed was expected', async () => {
    server.handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Login</body></html>');
    await watcherFor(config([{ url: `${server.base}/html` }])).pollAll();
    expect(failedError(polls()[0])).toBe('expected an RSS or Atom feed, got an HTML page');
  });

  it('stops reading a 200 MB body at the size limit', async () => {
    const total = 200 * 1024 * 1024;
    let sent = 0;
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Math.min(sent, total)));
      pump();
    };
    await watcherFor(config([{ url: `${server.base}/huge` }], { maxFeedBytes: 1024 * 1024 })).pollAll();
    expect(failedError(polls()[0])).toMatch(/over the 1048576-byte limit/);
    // The connection was dropped long before the 200 MB were sent.
    expect(sent).toBeLessThan(total / 4);
  });

  it('backs off exponentially, capped, and resets on success', () => {
    expect(backoffSeconds(600, 1)).toBe(1200);
    expect(backoffSeconds(600, 3)).toBe(4800);
    expect(backoffSeconds(600, 30)).toBe(6 * 3600);
    expect(backoffSeconds(600, 1, 7200)).toBe(7200);
  });
});

describe('article pages (fetchArticles)', () => {
  const summaryFeed = () =>
    rss([
      { guid: 'p1', title: 'Strike on Pokrovsk', text: 'Russian forces attacked Pokrovsk overnight.', link: `${server.base}/page/1` },
      { guid: 'p2', title: 'Strike on Toretsk', text: articleText('Toretsk', 7) },
    ]);
  const page = `<!doctype html><html><head><title>Strike on Pokrovsk</title></head><body><article><h1>Strike on Pokrovsk</h1>${articleText('Pokrovsk', 9)
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

  beforeEach(() => {
    server.handler = (req, res) => {
      if (req.url === '/feed') res.writeHead(200).end(summaryFeed());
      else if (req.url === '/page/1') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else res.writeHead(404).end();
    };
  });

  it('never fetches an item page on a loopback address unless configured, and ingests the rest', async () => {
    const watcher = watcherFor(config([{ url: `${server.base}/feed`, fetchArticles: true }]));
    await watcher.pollAll();
    expect(server.requests.map((r) => r.url)).toEqual(['/feed']);
    const [failure] = failures();
    expect(failure!.source).toBe(`${server.base}/page/1`);
    expect(failure!.message).toMatch(/127\.0\.0\.1 is a private or loopback address; refused \(given up\)/);
    // The full-text item went in; the refused one is not retried.
    expect((await store.listArticles()).map((a) => a.title)).toEqual(['Strike on Toretsk']);
    await watcher.pollAll();
    expect(server.requests.filter((r) => r.url === '/page/1')).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback, checked at connect time', async () => {
    const port = new URL(server.base).port;
    await expect(fetchLimited({ url: `http://localhost:${port}/page/1`, timeoutMs: 2000, maxBytes: 1e6, allowPrivate: false })).rejects.toMatchObject({
      code: 'blocked',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('fetches the page of a summary-only item when private addresses are allowed', async () => {
    await watcherFor(config([{ url: `${server.base}/feed`, fetchArticles: true }], { allowPrivateAddresses: true })).pollAll();
    const articles = await store.listArticles();
    expect(articles.map((a) => a.title).sort()).toEqual(['Strike on Pokrovsk', 'Strike on Toretsk']);
    const pokrovsk = await store.getArticle(articles.find((a) => a.title === 'Strike on Pokrovsk')!.id);
    expect(pokrovsk!.text).toContain('The shelling did not stop until morning');
  });
});

describe('redirects', () => {
  it('follows a redirect to a public-policy-allowed place and refuses one to a private address', async () => {
    server.handler = (req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/feed' }).end();
      else res.writeHead(200).end(rss([{ guid: 'r1', title: 'Strike on Lyman', text: articleText('Lyman', 2) }]));
    };
    // The configured feed URL is trusted (an intranet feed is legitimate); the redirect from it is not.
    await expect(
      fetchLimited({ url: `${server.base}/old`, timeoutMs: 2000, maxBytes: 1e6, allowPrivate: false, trustFirstHop: true }),
    ).rejects.toBeInstanceOf(FetchError);
    const answer = await fetchLimited({ url: `${server.base}/old`, timeoutMs: 2000, maxBytes: 1e6, allowPrivate: true });
    expect(answer.url).toBe(`${server.base}/feed`);
  });

  it('gives up on a redirect loop', async () => {
    server.handler = (_req, res) => res.writeHead(302, { location: '/loop' }).end();
    await expect(fetchLimited({ url: `${server.base}/loop`, timeoutMs: 2000, maxBytes: 1e6, allowPrivate: true })).rejects.toMatchObject({
      code: 'redirects',
    });
  });

  it('refuses schemes other than http and https', async () => {
    await expect(fetchLimited({ url: 'file:///etc/passwd', timeoutMs: 1000, maxBytes: 1e6, allowPrivate: true })).rejects.toMatchObject({ code: 'blocked' });
  });
});

describe('politeness', () => {
  it('keeps requests to one host apart by the configured delay', async () => {
    server.handler = (_req, res) => res.writeHead(304).end();
    const waits: number[] = [];
    const cfg = config([{ url: `${server.base}/a` }, { url: `${server.base}/b` }], { hostDelaySeconds: 30 });
    let clock = Date.parse('2024-08-06T10:00:00Z');
    const watcher = new FeedWatcher(store, cfg, {}, {
      now: () => new Date(clock),
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
        return true;
      },
    });
    await watcher.pollAll();
    expect(waits).toEqual([30_000]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('addresses and configuration', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('reports configuration mistakes with where they are', () => {
    expect(() => readWatchConfig('{"feeds": []}', 'feeds.json')).toThrow('feeds.json: "feeds" must be a non-empty list');
    expect(() => readWatchConfig('{"feeds": [{"url": "ftp://x"}]}', 'feeds.json')).toThrow('feeds.json: feeds[0].url: only http and https feeds are polled');
    expect(() => readWatchConfig('{"feeds": [{"url": "https://a.example/rss", "interval": "soon"}]}', 'f.json')).toThrow(/feeds\[0\]\.interval: expected a duration/);
    expect(() => readWatchConfig('{"feeds": ["https://a.example/rss"], "pollEvery": 3}', 'f.json')).toThrow(/unknown setting "pollEvery"/);
    expect(() => readWatchConfig('{feeds', 'f.json')).toThrow(/f\.json: not valid JSON/);
    const ok = readWatchConfig('{"feeds": ["https://a.example/rss", {"url": "https://b.example/atom", "interval": "15m", "outlet": "B"}], "interval": "5m"}', 'f.json');
    expect(ok.feeds.map((f) => f.intervalSeconds)).toEqual([300, 900]);
    expect(ok.allowPrivateAddresses).toBe(false);
  });
});
