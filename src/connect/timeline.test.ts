import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.ts';
import type { TimelineEntry } from '../model/index.ts';
import { buildTimeline, dateStart, selectTimeline, type TimelineArticle } from './timeline.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus/samples');

function article(articleId: string, text: string, published: string | null): TimelineArticle {
  const a = analyze({ text, published: { value: published, provenance: published ? 'metadata' : 'unknown', evidence: null } });
  return { articleId, published: a.published.value, text: a.text, sentences: a.sentences, sentenceTimes: a.sentenceTimes, times: a.times, entities: a.entities, figures: a.figures };
}

describe('timeline dates', () => {
  it('orders TIMEX3 values by the first day they cover and keeps their precision', () => {
    expect(dateStart('2024-07-31')).toEqual({ key: '2024-07-31', precision: 'day' });
    expect(dateStart('2024-05')).toEqual({ key: '2024-05-01', precision: 'month' });
    expect(dateStart('2023-SU')).toEqual({ key: '2023-06-21', precision: 'season' });
    expect(dateStart('2024-W01')).toEqual({ key: '2024-01-01', precision: 'week' });
    expect(dateStart('2025')).toEqual({ key: '2025-01-01', precision: 'year' });
    expect(dateStart('P2W')).toBeNull();
    expect(dateStart('PRESENT_REF')).toBeNull();
  });
});

describe('timeline of the sample articles', () => {
  // The publication dates the articles' texts support (PRODUCT.md): given here, so this tests the timeline, not date inference.
  const dates: Record<string, string> = { '000': '2024-07-31', '001': '2024-07-31', '002': '2024-08-19', '003': '2024-10-07', '004': '2025-11-01' };
  const articles = readdirSync(samples)
    .sort()
    .map((f) => article(f.slice(0, 3), readFileSync(path.join(samples, f), 'utf8'), dates[f.slice(0, 3)]!));
  const timeline = buildTimeline(articles);
  const find = (pattern: RegExp) => {
    const i = timeline.findIndex((e) => pattern.test(e.text));
    if (i < 0) throw new Error(`no timeline entry matching ${pattern}`);
    return i;
  };

  it('lists the key events in the order they happened, not the order they were published', () => {
    const order = [
      find(/launched the offensive in the northern part of Kharkiv Oblast back in May/),
      find(/said Dmitry Peskov/),
      find(/update on July 24/),
      find(/told French media on July 30/),
      find(/beginning of August, Ukraine crossed/),
      find(/mandatory evacuation order/),
      find(/street fighting continues/),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(timeline[order[0]!]).toMatchObject({ date: '2024-05', precision: 'month', dated: 'stated' });
    expect(timeline[order[1]!]).toMatchObject({ date: '2024-07-17', precision: 'day' });
    expect(timeline[order[6]!]).toMatchObject({ dated: 'article' });
  });

  it('merges the interview both articles report into one entry with both sources', () => {
    const interview = timeline.filter((e) => e.date === '2024-07-31' && new Set(e.sources.map((s) => s.articleId)).size === 2);
    expect(interview.length).toBeGreaterThan(0);
    expect(interview[0]!.sources.map((s) => s.articleId).sort()).toEqual(['000', '001']);
  });

  it('cuts to the most important dates, one sentence each, still in date order', () => {
    const top = buildTimeline(articles, { top: 5, perDate: 1 });
    expect(top).toHaveLength(5);
    expect(new Set(top.map((e) => e.date)).size).toBe(5);
    const starts = top.map((e) => dateStart(e.date)!.key);
    expect(starts).toEqual([...starts].sort());
    // The date two articles report outranks dates only one does.
    expect(top.map((e) => e.date)).toContain('2024-07-31');
  });

  it('filters to the events naming an entity', () => {
    const seym = articles
      .flatMap((art) => art.entities.map((m) => ({ key: m.entity, text: art.text.slice(m.start, m.end) })))
      .find((m) => m.text.startsWith('Seym'))?.key;
    expect(seym).toBeDefined();
    const events = buildTimeline(articles, { entities: [seym!] });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.entities.includes(seym!))).toBe(true);
    expect(events.some((e) => /bridge on the Seym River/.test(e.text))).toBe(true);
  });

  it('gives nothing a date the analysis did not: an undated article with no dated sentence adds no entry', () => {
    const undated = article('x', 'Fighting continues along the whole front line, the officers said in the evening briefing.', null);
    expect(buildTimeline([undated])).toEqual([]);
  });
});

describe('choosing the dates and the sentences of a cut timeline', () => {
  let next = 0;
  const entry = (
    date: string,
    text: string,
    articles: string[],
    dated: 'stated' | 'article',
    sentence = 0,
    score = 1,
    entities: string[] = [],
  ): TimelineEntry => ({
    date,
    precision: 'day',
    dated,
    text,
    sources: articles.map((articleId) => ({ articleId, sentence, start: next, end: (next += 10) })),
    entities,
    score,
  });

  it('picks the dates most articles state, not the busiest publication day', () => {
    const entries = [
      // Four articles published on 15 February, each only talking that day (no date stated; rich sentences, high scores)…
      ...['a', 'b', 'c', 'd'].map((id) => entry('2011-02-15', `Commentary number ${id} on the unrest across the region today`, [id], 'article', 8, 5)),
      // …against three articles that each state 17 February, when the protests began.
      entry('2011-02-17', 'Protests began in Benghazi on 17 February after the arrest of a lawyer', ['e', 'f', 'g'], 'stated'),
    ];
    expect(selectTimeline(entries, { top: 1 }).map((e) => e.date)).toEqual(['2011-02-17']);
  });

  it("takes a date's most central sentence, skips a near-repeat of it, and ranks a question last", () => {
    const day = '2010-05-26';
    const entries = [
      entry(day, 'BP started a top kill of its leaking well on Wednesday, pumping mud into the well', ['a'], 'stated'),
      entry(day, 'BP started a top kill of the leaking well on Wednesday, pumping heavy mud into it', ['b'], 'stated'),
      entry(day, 'Engineers said the top kill of the well could take two days to stop the leaking oil', ['c'], 'stated'),
      entry(day, 'Will the top kill of the leaking well stop the oil on Wednesday?', ['d'], 'article', 1),
      entry('2010-06-30', 'Hurricane Alex forced oil skimmers in the gulf back to port', ['e'], 'stated'),
    ];
    const picked = selectTimeline(entries, { top: 1, perDate: 2 });
    expect(picked).toHaveLength(2);
    const sources = picked.map((e) => e.sources[0]!.articleId).sort();
    // One of the two near-identical reports, plus the other report — not both repeats, not the question.
    expect(sources).toContain('c');
    expect(sources.filter((s) => s === 'a' || s === 'b')).toHaveLength(1);
    expect(sources).not.toContain('d');
  });

  it('prefers the report that looks back on the day to the one written on it', () => {
    const day = '2012-02-04';
    const entries = [
      // Written that day, in the thick of it: the wording closest to the day's other sentences…
      entry(day, 'Russia and China vetoed the UN resolution on Syria at the council on Saturday, diplomats at the council said', ['a'], 'stated', 2),
      // …and a week later, recalling what that day was: a timeline's line.
      entry(day, 'On 4 February Russia and China vetoed a UN resolution on Syria backing the Arab plan', ['b'], 'stated', 6),
      // The articles' own days, from their undated sentences.
      entry(day, 'Protesters gathered again in Homs as the council met in New York', ['a'], 'article', 0),
      entry('2012-02-11', 'The Arab League is to meet in Cairo to decide its next step on Syria', ['b'], 'article', 0),
    ];
    const picked = selectTimeline(entries, { top: 1, perDate: 1 });
    expect(picked.map((e) => e.sources[0]!.articleId)).toEqual(['b']);
  });

  it('prefers a report naming who and where to one naming nobody', () => {
    const day = '2010-06-16';
    const entries = [
      entry(day, 'It was a day of promises to repair the damage and pay for the claims of the spill', ['a'], 'stated'),
      entry(day, 'BP agreed with the White House to pay for the claims of the spill into a fund', ['b'], 'stated', 0, 1, ['bp', 'white-house']),
      entry(day, 'The fund will pay the claims of the spill for fishermen and hotels', ['c'], 'stated'),
    ];
    const picked = selectTimeline(entries, { top: 1, perDate: 1 });
    expect(picked.map((e) => e.sources[0]!.articleId)).toEqual(['b']);
  });
});
