/**
 * Who may ask the server what: loopback without a token by default; off
 * loopback only with a token; a read token cannot ingest. Also `sitrep serve`
 * as a user starts it: in a child process, printing its URL, stopping on
 * SIGTERM, refusing to bind off loopback without SITREP_TOKEN.
 */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, ServeError, startServer, type RunningServer } from '../src/api/index.ts';
import { scopeOf } from '../src/api/auth.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const READ = 'read-token-0123456789';
const WRITE = 'write-token-9876543210';

let store: Store;
let server: RunningServer;

function call(path: string, options: { method?: string; token?: string; body?: string } = {}) {
  return new Promise<{ status: number; json: any; headers: Record<string, unknown> }>((done, fail) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'), headers: res.headers }));
    });
    req.on('error', fail);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

beforeAll(async () => {
  store = await openStore('memory://');
  server = await startServer({ store, port: 0, token: READ, writeToken: WRITE, log: () => undefined });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('tokens', () => {
  it('refuses to start off loopback without a token, before binding anything', async () => {
    await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(ServeError);
    await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/SITREP_TOKEN/);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.4.5.6')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.10')).toBe(false);
    expect(isLoopback('::')).toBe(false);
  });

  it('answers 401 without a token or with a wrong one, whatever its length', async () => {
    for (const token of [undefined, 'wrong', `${READ}x`, READ.slice(0, -1)]) {
      const answer = await call('/api/articles', { token });
      expect(answer.status, String(token)).toBe(401);
      expect(answer.json.error.code).toBe('unauthorized');
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('lets the read token read and not write (403), and the write token do both', async () => {
    expect((await call('/api/articles', { token: READ })).status).toBe(200);
    const refused = await call('/api/articles', { method: 'POST', token: READ, body: '{"text":"x"}' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    expect((await call('/api/articles', { token: WRITE })).status).toBe(200);
    const stored = await call('/api/articles', {
      method: 'POST',
      token: WRITE,
      body: JSON.stringify({ title: 'Kharkiv', text:
          'Officials in Kharkiv said on Monday that the city was shelled overnight. Two residential buildings were ' +
          'damaged and emergency crews worked through the morning to clear the rubble, the regional governor said.', published: '2024-07-29' }),
    });
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({ stored: 1, duplicates: 0, failed: [] });
    const listed = await call('/api/articles', { token: READ });
    expect(listed.json.items.map((a: { id: string }) => a.id)).toEqual([stored.json.articles[0].id]);
  }, 120_000);

  it('grants scopes by comparing digests (the scope depends on the token only)', () => {
    expect(scopeOf(`Bearer ${WRITE}`, { token: READ, writeToken: WRITE })).toBe('write');
    expect(scopeOf(`Bearer ${READ}`, { token: READ, writeToken: WRITE })).toBe('read');
    expect(scopeOf(`bearer   ${READ}`, { token: READ })).toBe('read');
    expect(() => scopeOf(`Basic ${READ}`, { token: READ })).toThrow(/Bearer/);
    // No token configured (loopback): the local user may do everything.
    expect(scopeOf(undefined, {})).toBe('write');
  });
});

describe('sitrep serve', () => {
  const env = { ...process.env, SITREP_DB: '', DATABASE_URL: '', SITREP_TOKEN: '', SITREP_WRITE_TOKEN: '' };

  it('refuses to bind off loopback without SITREP_TOKEN: one line, exit 1', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', 'memory://', 'serve', '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without a token/);
  });

  it('rejects a bad port as a usage error', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', 'memory://', 'serve', '--port', '99999'], { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/port/);
  });

  async function untilStopped(args: string[], check: (url: string) => Promise<void>, wait = 60_000) {
    const child = spawn(process.execPath, [BIN, '--db', 'memory://', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), wait);
      child.stdout.on('data', () => {
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) {
          clearTimeout(timer);
          done(m[0]);
        }
      });
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await check(url);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    return out;
  }

  it('prints its URL, answers the API and stops cleanly on SIGTERM', async () => {
    await untilStopped(['serve', '--port', '0'], async (url) => {
      const answer = await fetch(`${url}api/articles`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    });
  }, 90_000);

  it('demo (npm start) ingests the sample corpus, lists it, then serves the web app on it', async () => {
    const out = await untilStopped(
      ['demo', '--port', '0'],
      async (url) => {
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const articles = (await (await fetch(`${url}api/articles`)).json()) as { total: number };
        expect(articles.total).toBe(5);
      },
      240_000,
    );
    expect(out).toMatch(/Most mentioned:/);
  }, 300_000);
});
