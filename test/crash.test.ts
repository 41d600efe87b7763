/**
 * Kill -9 in the middle of an ingest, then run the same command again: the
 * store must be consistent (no half-stored article) and end up exactly as one
 * uninterrupted run would leave it, with no duplicates. On both backends.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from './helpers/backends.ts';
import { openStore } from '../src/store/index.ts';

const BIN = join(import.meta.dirname, '../bin/sitrep.js');
/** Enough articles that the kill lands mid-run, few enough for a quick test. */
const ARTICLES = 120;
/** Kill after this many are stored: well inside the run. */
const KILL_AFTER = 15;

const VOCABULARY = (
  'artillery brigade village front drone shelling governor ministry offensive counteroffensive defence ' +
  'evacuation civilians convoy bridge river region oblast settlement troops missile strike airbase ' +
  'border talks ceasefire aid weapons tanks trenches reserves commander general statement report officials'
).split(' ');

/** Deterministic pseudo-random article texts (mulberry32) that share almost no five-word run with each other. */
function syntheticArticle(n: number): string {
  let state = (n + 1) * 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = Array.from({ length: 160 }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
  return `Report number ${n} from the front\n\n${words.join(' ')}.`;
}

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-crash-'));
  input = join(dir, 'articles.jsonl');
  const lines = Array.from({ length: ARTICLES }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: syntheticArticle(i) }));
  await writeFile(input, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ingestUntilKilled(location: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', location, 'ingest', '--verbose', input], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stored = 0;
    let buffer = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffer += chunk;
      stored = (buffer.match(/^stored /gm) ?? []).length;
      if (stored >= KILL_AFTER) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(stored);
      else reject(new Error(`ingest ended before the kill (code ${code}): ${buffer.slice(-500)}`));
    });
  });
}

function ingestToEnd(location: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', location, 'ingest', input], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

for (const backend of await testBackends()) {
  describe(`kill -9 mid-ingest on ${backend.name}`, () => {
    it('leaves a consistent store that a second run completes without duplicates', async () => {
      const db = await backend.create();
      try {
        const storedBeforeKill = await ingestUntilKilled(db.location);
        expect(storedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);

        const rerun = await ingestToEnd(db.location);
        expect(rerun.code).toBe(0);
        const stored = Number(rerun.stderr.match(/^\s*stored\s+(\d+)/m)?.[1]);
        const duplicates = Number(rerun.stderr.match(/^\s*duplicates\s+(\d+)/m)?.[1]);
        expect(stored + duplicates).toBe(ARTICLES);
        expect(duplicates).toBeGreaterThanOrEqual(storedBeforeKill);

        const store = await openStore(db.location);
        try {
          const stats = await store.stats();
          expect(stats.articles).toBe(ARTICLES);
          expect(stats.nearDuplicates).toBe(0);
          // Each article has exactly its one source: nothing half-written, nothing doubled.
          expect(stats.sources).toBe(ARTICLES);
          const titles = new Set((await store.listArticles({ limit: 1000 })).map((a) => a.title));
          expect(titles.size).toBe(ARTICLES);
          // Every article connected once, wherever the kill landed (storing or connecting).
          expect(await store.connectionsStale()).toBe(false);
          expect(await store.pendingConnects(10)).toEqual([]);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
