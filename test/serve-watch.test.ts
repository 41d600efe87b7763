/**
 * `sitrep serve --watch`: the server and the feed watcher in one process
 * (the embedded database has one owner); what a feed publishes appears in
 * the API — what the web app reads — without a restart.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/api/index.ts';
import { startWatching } from '../src/cli/watch-commands.ts';
import { openStore } from '../src/store/index.ts';

const item = (guid: string, place: string) => `<item><guid>${guid}</guid><title>Shelling of ${place}</title><pubDate>Tue, 06 Aug 2024 09:00:00 GMT</pubDate>
<description><![CDATA[Russian artillery shelled ${place} on Tuesday, the regional governor said, damaging a hospital and a school.

"Three civilians were wounded," the governor wrote on Telegram. Ukraine's General Staff reported 42 clashes along the front near ${place} over the past day.]]></description></item>`;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('sitrep serve --watch', () => {
  it('shows newly published feed items through the API while serving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-serve-watch-'));
    let items = [item('x1', 'Kherson')];
    const feeds = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>Wire</title>${items.join('')}</channel></rss>`));
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    const config = join(dir, 'feeds.json');
    await writeFile(config, JSON.stringify({ feeds: [{ url: `http://127.0.0.1:${(feeds.address() as AddressInfo).port}/rss`, interval: '1s' }], hostDelaySeconds: 0 }));
    const store = await openStore('memory://');
    const server = await startServer({ store, host: '127.0.0.1', port: 0, log: () => undefined });
    const stop = await startWatching(store, config, () => undefined, null, (m) => new Error(m));
    const titles = async () => {
      const answer = (await (await fetch(`${server.url.replace(/\/$/, '')}/api/articles`, { headers: { connection: 'close' } })).json()) as { items: Array<{ title: string }> };
      return answer.items.map((a) => a.title).sort();
    };
    try {
      await until(async () => (await titles()).length === 1, 'the first item');
      items = [item('x2', 'Nikopol'), ...items];
      await until(async () => (await titles()).length === 2, 'the second item');
      expect(await titles()).toEqual(['Shelling of Kherson', 'Shelling of Nikopol']);
    } finally {
      await stop();
      await server.close();
      await store.close();
      feeds.closeAllConnections();
      await new Promise((resolve) => feeds.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });
});
