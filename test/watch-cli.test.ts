/**
 * `sitrep watch --once` as a user runs it: a config file, a feed server on
 * 127.0.0.1, the bin in a child process, an embedded database on disk; then
 * the state file makes the second run a conditional request.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');

let dir: string;
let server: http.Server;
let base: string;
const seen: Array<string | undefined> = [];

const ITEM = `<item><guid>w1</guid><title>Drone strike on Kharkiv</title><pubDate>Wed, 07 Aug 2024 06:00:00 GMT</pubDate><description><![CDATA[
Russian drones struck Kharkiv overnight, Mayor Ihor Terekhov said on Wednesday, damaging a school and three houses.

"Two people were injured," Terekhov wrote on Telegram. Ukraine's air force said it shot down 14 of 17 drones launched overnight.

The claim could not be independently verified.]]></description></item>`;

function sitrep(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--db', join(dir, 'db'), ...args], { cwd: dir, env: { ...process.env, SITREP_DB: '', DATABASE_URL: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-watch-'));
  server = http.createServer((req, res) => {
    seen.push(req.headers['if-none-match'] as string | undefined);
    if (req.url === '/down') return void res.writeHead(503).end();
    if (req.headers['if-none-match'] === '"1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"1"' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${ITEM}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('sitrep watch --once', () => {
  it('ingests a feed, remembers its validators, and reports a failing feed without losing the other', async () => {
    const config = join(dir, 'feeds.json');
    await writeFile(config, JSON.stringify({ feeds: [{ url: `${base}/rss`, outlet: 'Wire' }, { url: `${base}/down`, name: 'down feed' }], hostDelaySeconds: 0 }));
    const first = await sitrep(['watch', '--once', config]);
    expect(first.stderr).toMatch(/\/rss: 1 items, 1 new, stored 1, duplicates 0, failed 0/);
    expect(first.stderr).toMatch(/down feed: failed \(1 in a row\): HTTP 503/);
    expect(first.code).toBe(2);
    const state = JSON.parse(await readFile(join(dir, 'feeds.state.json'), 'utf8')) as Record<string, { etag: string; failures: number }>;
    expect(state[`${base}/rss`]!.etag).toBe('"1"');
    expect(state[`${base}/down`]!.failures).toBe(1);

    const second = await sitrep(['watch', '--once', config]);
    expect(second.stderr).toMatch(/\/rss: not modified/);
    expect(seen.filter((tag) => tag === '"1"')).toHaveLength(1);
    const articles = await sitrep(['articles', '--json']);
    const list = JSON.parse(articles.stdout) as Array<{ title: string; outlet: string }>;
    expect(list.map((a) => [a.title, a.outlet])).toEqual([['Drone strike on Kharkiv', 'Wire']]);
  });

  it('refuses a broken configuration with where the mistake is', async () => {
    const config = join(dir, 'bad.json');
    await writeFile(config, JSON.stringify({ feeds: [{ url: 'ftp://example.org/feed' }] }));
    const run = await sitrep(['watch', '--once', config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.json: feeds[0].url: only http and https feeds are polled');
  });
});
