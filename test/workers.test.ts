/**
 * Workers on real PostgreSQL: three `sitrep worker` processes share a queue
 * while one of them is killed (SIGKILL) and restarted again and again; the
 * store they leave equals a single-process `ingest` of the same input —
 * same articles, sources, analyses, near-duplicate groups, stories.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueuePaths, openQueue, outstandingJobs } from '../src/pipeline/queue.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import type { Store } from '../src/store/index.ts';
import { openStore } from '../src/store/index.ts';
import { testBackends } from './helpers/backends.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const SAMPLES = join(ROOT, 'corpus/samples');
const SEEDS = ['000_e19b759e33d5193a.txt', '001_a656895f14513359.txt', '002_4c57fd194f00d551.txt', '003_db42502481a43702.txt', '004_e793082d1f3a18f0.txt'];
/** Seconds before a dead worker's job is retried: short, so the test does not wait minutes. */
const JOB_TIMEOUT = 6;

const backends = await testBackends();
const postgres = backends.find((b) => b.name === 'postgres');

/** Seeds, exact copies under other names, and rewrites (last paragraph dropped, a new headline): near-duplicates. */
async function writeInput(dir: string): Promise<void> {
  for (const seed of SEEDS) await copyFile(join(SAMPLES, seed), join(dir, seed));
  for (const seed of SEEDS.slice(0, 3)) await copyFile(join(SAMPLES, seed), join(dir, `copy-${seed}`));
  for (const seed of SEEDS.slice(2, 5)) {
    const paragraphs = (await readFile(join(SAMPLES, seed), 'utf8')).trim().split(/\n\s*\n/);
    const rewritten = [`UPDATED: ${paragraphs[0]}`, ...paragraphs.slice(1, -1)].join('\n\n');
    await writeFile(join(dir, `rewrite-${seed}`), rewritten);
  }
}

/** What a user would compare: articles and their sources, analyses, copy groups, stories, attribution. */
async function snapshot(store: Store) {
  const articles = await store.listArticles({ limit: 1000 });
  const ids = articles.map((a) => a.id).sort();
  const analyses: Record<string, string> = {};
  for (const id of ids) analyses[id] = JSON.stringify(await store.getAnalysis(id));
  // Near-duplicates as groups: which of two copies is the "original" depends on which was stored first.
  const parent = new Map(articles.map((a) => [a.id, a.duplicateOf ?? a.id]));
  const root = (id: string): string => (parent.get(id) === id || !parent.has(parent.get(id)!) ? parent.get(id)! : root(parent.get(id)!));
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  const stories = (await store.listStories({ limit: 1000 })).map((s) => [...s.articles].sort().join(',')).sort();
  const stats = await store.stats();
  return {
    ids,
    analyses,
    copyGroups: [...groups.values()].map((g) => g.join(',')).sort(),
    stories,
    sources: stats.sources,
    quotes: (await store.listQuotes({ limit: 10_000 })).length,
    claims: (await store.listClaims({ limit: 10_000 })).length,
    figures: (await store.listFigures({ limit: 10_000 })).length,
  };
}

function startWorker(location: string): ChildProcess {
  return spawn(process.execPath, [BIN, '--db', location, 'worker', '--drain', '--batch', '1', '--job-timeout', String(JOB_TIMEOUT)], {
    cwd: ROOT,
    env: { ...process.env, SITREP_DB: '', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe.runIf(postgres)('workers on PostgreSQL', () => {
  let dir: string;
  const dbs: Array<{ location: string; drop(): Promise<void> }> = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-workers-'));
    await writeInput(dir);
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('three workers, one killed again and again, leave the store a single process would', async () => {
    const serialDb = await postgres!.create();
    const parallelDb = await postgres!.create();
    dbs.push(serialDb, parallelDb);

    const serial = await openStore(serialDb.location);
    await ingestPaths(serial, [dir]);
    const expected = await snapshot(serial);
    await serial.close();
    // The input holds what makes parallel work hard: exact copies (extra sources) and near-duplicates.
    expect(expected.sources).toBeGreaterThan(expected.ids.length);
    expect(expected.copyGroups.some((g) => g.includes(','))).toBe(true);

    const parallel = await openStore(parallelDb.location);
    const boss = await openQueue(parallelDb.location, JOB_TIMEOUT);
    const enqueued = await enqueuePaths(boss, [dir], { jobTimeoutSeconds: JOB_TIMEOUT });
    expect(enqueued.enqueued).toBe(11);

    const workers = [startWorker(parallelDb.location), startWorker(parallelDb.location), startWorker(parallelDb.location)];
    // Deterministic "random" kills: a small linear congruential sequence picks the victim and the delay.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let kills = 0;
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500 + next() * 2500));
      const victim = Math.floor(next() * workers.length);
      if (workers[victim]!.exitCode === null) {
        workers[victim]!.kill('SIGKILL');
        await exited(workers[victim]!);
        kills++;
      }
      workers[victim] = startWorker(parallelDb.location);
    }
    expect(kills).toBeGreaterThan(0);
    await Promise.all(workers.map(exited));
    // A job whose worker died last may still be waiting for its expiry: drain once more.
    while ((await outstandingJobs(boss)) > 0) await exited(startWorker(parallelDb.location));
    await boss.stop({ graceful: false, wait: true });

    const actual = await snapshot(parallel);
    await parallel.close();
    expect(actual.ids).toEqual(expected.ids);
    expect(actual.sources).toBe(expected.sources);
    expect(actual.copyGroups).toEqual(expected.copyGroups);
    expect(actual.quotes).toBe(expected.quotes);
    expect(actual.claims).toBe(expected.claims);
    expect(actual.figures).toBe(expected.figures);
    expect(actual.stories).toEqual(expected.stories);
    for (const id of expected.ids) {
      // Compared field by field, so a difference names what differs.
      const a = JSON.parse(actual.analyses[id]!) as Record<string, unknown>;
      const e = JSON.parse(expected.analyses[id]!) as Record<string, unknown>;
      for (const field of Object.keys(e)) expect(a[field], `${id}: ${field}`).toEqual(e[field]);
    }
  });
});
