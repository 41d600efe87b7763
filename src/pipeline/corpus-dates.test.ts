/**
 * The corpus dating pass on the five sample articles ingested together (none
 * states its date): the acceptance cases of issue 4 for "no date given".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeExpression } from '../model/index.ts';
import { openStore, type ArticleSummary, type Store } from '../store/index.ts';
import { dateFromCorpusEvidence } from './connect.ts';
import { ingestPaths } from './ingest.ts';

const SAMPLES = join(import.meta.dirname, '../../corpus/samples');
const sample = (id: string) => join(SAMPLES, { '000': '000_e19b759e33d5193a.txt', '001': '001_a656895f14513359.txt', '002': '002_4c57fd194f00d551.txt', '003': '003_db42502481a43702.txt', '004': '004_e793082d1f3a18f0.txt' }[id]!);
const NOW = () => new Date('2026-11-23T12:00:00Z');

/** The article ingested from sample `id`, and its stored time expressions. */
async function seed(store: Store, id: string): Promise<{ article: ArticleSummary; times: TimeExpression[] }> {
  const article = (await store.listArticles()).find((a) => a.source.endsWith(sample(id).split('/').pop()!))!;
  return { article, times: (await store.getAnalysis(article.id))!.times };
}
const time = (times: readonly TimeExpression[], text: string, occurrence = 0) => times.filter((t) => t.text === text)[occurrence];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-corpus-dates-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the samples ingested together, no date given', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('memory://');
    await ingestPaths(store, [SAMPLES], { now: NOW });
  });
  afterAll(async () => store.close());

  it('000: not before 31 July 2024 — the year from 001 naming the same interview "on Wednesday"', async () => {
    const { article, times } = await seed(store, '000');
    expect(article.published).toMatchObject({ value: null, provenance: 'inferred', range: { earliest: '2024-07-31', latest: null } });
    expect(article.published.evidence).toMatch(/^year 2024 from the corpus: "Wednesday" in \w+ and "July 30" in \w+ date the same statement/);
    expect(article.published.evidence).toContain('a Wednesday within a day of July 30 falls only in 2024');
    expect(time(times, 'July 30')).toMatchObject({ value: '2024-07-30', yearFrom: 'corpus' });
    expect(time(times, 'July 31')).toMatchObject({ value: '2024-07-31', yearFrom: 'corpus' });
    expect(time(times, 'May')).toMatchObject({ value: '2024-05', yearFrom: 'corpus' });
    expect(time(times, 'November')).toMatchObject({ value: '2024-11', yearFrom: 'corpus' });
  });

  it('001: 31 July 2024 or the week after — "on Wednesday" is 2024-07-31', async () => {
    const { article, times } = await seed(store, '001');
    expect(article.published).toMatchObject({ value: '2024', provenance: 'inferred', range: { earliest: '2024-07-31', latest: '2024-08-06' } });
    expect(time(times, 'Wednesday', 0)).toMatchObject({ value: '2024-07-31', yearFrom: 'corpus' });
    expect(time(times, 'Wednesday', 1)).toMatchObject({ value: '2024-07-31', yearFrom: 'corpus' });
    expect(time(times, 'July 17')).toMatchObject({ value: '2024-07-17', yearFrom: 'corpus' });
    expect(time(times, 'early June')).toMatchObject({ value: '2024-06', mod: 'START', yearFrom: 'corpus' });
    // Relative expressions need the day of publication, which stays a range: not resolved.
    expect(time(times, 'today')?.value).toBe('XXXX-XX-XX');
  });

  it('002: unknown (no date, weekday or year in its text)', async () => {
    const { article } = await seed(store, '002');
    expect(article.published).toEqual({ value: null, provenance: 'unknown', evidence: null });
  });

  it('003: not before early August 2024, from the photo caption and "At the beginning of August"', async () => {
    const { article } = await seed(store, '003');
    expect(article.published).toMatchObject({ value: null, provenance: 'inferred', range: { earliest: '2024-08-01', latest: null } });
    expect(article.published.evidence).toBe('not before 2024-08-01: "the beginning of August" after "Thursday, July 11, 2024"');
  });

  it('004: not before 2023, open-ended (no precise date)', async () => {
    const { article } = await seed(store, '004');
    expect(article.published).toMatchObject({ value: null, provenance: 'inferred', range: { earliest: '2023-01-01', latest: null } });
  });

  it('changes nothing when run again, or when the same files are ingested again', async () => {
    const before = await store.datingEvidence();
    expect(await dateFromCorpusEvidence(store)).toBe(0);
    await ingestPaths(store, [SAMPLES], { now: NOW });
    expect(await store.datingEvidence()).toEqual(before);
  });
});

describe('articles ingested later', () => {
  it('date earlier undated ones when they add evidence, and undate them when they make it ambiguous', async () => {
    const store = await openStore('memory://');
    try {
      await ingestPaths(store, [sample('000'), sample('002'), sample('003'), sample('004')], { now: NOW });
      // Without 001 nothing names a weekday for the interview: 000 keeps its own (no) date.
      expect((await seed(store, '000')).article.published).toEqual({ value: null, provenance: 'unknown', evidence: null });
      expect(time((await seed(store, '000')).times, 'July 30')?.value).toBe('XXXX-07-30');

      await ingestPaths(store, [sample('001')], { now: NOW });
      expect((await seed(store, '000')).article.published.range).toEqual({ earliest: '2024-07-31', latest: null });
      expect(time((await seed(store, '000')).times, 'July 30')).toMatchObject({ value: '2024-07-30', yearFrom: 'corpus' });

      // A dated article from 2025 widens the corpus years to 2023–2025: a Wednesday within a day of
      // July 30 falls in 2024 (July 31) and in 2025 (July 30), so the year is no longer known.
      const later = join(dir, 'later.jsonl');
      await writeFile(later, `${JSON.stringify({ title: 'Talks', published: '2025-09-10', text: 'Delegations met in Istanbul for a second round of talks on prisoner exchanges and on the safety of the nuclear plant, officials said.' })}\n`);
      await ingestPaths(store, [later], { now: NOW });
      expect((await seed(store, '000')).article.published).toEqual({ value: null, provenance: 'unknown', evidence: null });
      expect(time((await seed(store, '000')).times, 'July 30')).toEqual(expect.objectContaining({ value: 'XXXX-07-30' }));
      expect(time((await seed(store, '000')).times, 'July 30')).not.toHaveProperty('yearFrom');
      expect((await seed(store, '001')).article.published).toEqual({ value: null, provenance: 'unknown', evidence: null });
    } finally {
      await store.close();
    }
  });
});
