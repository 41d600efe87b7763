import { describe, expect, it } from 'vitest';
import type { PublishedDate } from '../../model/index.ts';
import { extractTimes, inferPublishedDate } from './index.ts';

const unknown: PublishedDate = { value: null, provenance: 'unknown', evidence: null };
const infer = (text: string) => inferPublishedDate(text, extractTimes(text, { published: null }), unknown);

describe('inferPublishedDate', () => {
  it('returns a known date unchanged', () => {
    const known: PublishedDate = { value: '2024-07-31', provenance: 'metadata', evidence: 'og:published_time' };
    expect(inferPublishedDate('Troops crossed the border on July 11, 2024.', [], known)).toBe(known);
  });

  it('is unknown, with no evidence, when the text dates nothing', () => {
    expect(infer('Fighting continued near the city, officials said.')).toEqual(unknown);
    expect(infer('')).toEqual(unknown);
  });

  it('fixes the day from a relative expression next to the date it names', () => {
    expect(infer('Zelensky spoke yesterday (July 30, 2024) about the front.')).toEqual({
      value: '2024-07-31',
      provenance: 'inferred',
      evidence: '"yesterday" is "July 30, 2024"',
      range: { earliest: '2024-07-31', latest: '2024-07-31' },
    });
  });

  it('gives a week-wide range for "two weeks ago" and a value only as precise as the range', () => {
    const r = infer('Two weeks ago, on July 17, 2024, the Kremlin denied it.');
    expect(r.range).toEqual({ earliest: '2024-07-29', latest: '2024-08-04' });
    expect(r.value).toBe('2024');
    expect(r.provenance).toBe('inferred');
  });

  it('bounds the date between a reported event and an announced one', () => {
    const r = infer('The summit will open on November 5, 2024. Troops crossed the border on July 11, 2024.');
    expect(r.range).toEqual({ earliest: '2024-07-11', latest: '2024-11-05' });
    expect(r.value).toBe('2024');
    expect(r.evidence).toContain('"November 5, 2024" lies ahead');
  });

  it('keeps only the lower bound of "more than two years ago": inferred, open-ended, with no value', () => {
    const r = infer('The fall of Bakhmut in May 2023, more than two years ago, was a turning point.');
    expect(r.value).toBeNull();
    expect(r.provenance).toBe('inferred');
    expect(r.range).toEqual({ earliest: '2025-01-01', latest: null });
    expect(r.evidence).toBe('not before 2025-01-01: "more than two years ago" is "May 2023"');
  });

  it('reads the year of a weekday-and-date from the years the text gives', () => {
    const r = infer('Published on Wednesday, July 31. The war began in 2022.');
    expect(r.evidence).toContain('"Wednesday, July 31" is a Wednesday in 2024');
    expect(r.value).toBeNull();
  });

  it('takes a photo caption\'s date as a lower bound, and as the year of a year-less month', () => {
    const text = 'At the beginning of August, Ukraine crossed the border.';
    const r = inferPublishedDate(text, extractTimes(text, { published: null }), unknown, {
      captions: ['Leaders at the NATO summit in Washington, Thursday, July 11, 2024. (AP Photo/Mark Schiefelbein)'],
    });
    expect(r.provenance).toBe('inferred');
    expect(r.range).toEqual({ earliest: '2024-08-01', latest: null });
    expect(r.evidence).toBe('not before 2024-08-01: "the beginning of August" after "Thursday, July 11, 2024"');
  });

  it('intersects bounds from outside the text with its own', () => {
    const text = 'Troops crossed the border on July 11, 2024.';
    const r = inferPublishedDate(text, extractTimes(text, { published: null }), unknown, {
      outside: [{ earliest: null, latest: '2024-07-20', evidence: 'not after 2024-07-20: a test bound' }],
    });
    expect([r.value, r.range]).toEqual(['2024-07', { earliest: '2024-07-11', latest: '2024-07-20' }]);
    expect(r.evidence).toBe('not before 2024-07-11: "July 11, 2024"; not after 2024-07-20: a test bound');
  });

  it('does not take a deadline or a target for an event already past', () => {
    expect(infer('Ukraine hopes to join the bloc by 2030.')).toEqual(unknown);
    expect(infer('Kyiv wants the weapons delivered until December 2026.')).toEqual(unknown);
  });

  it('drops an announced date the reported events have overtaken', () => {
    // Tense reading is a heuristic; when it contradicts a reported event, the report wins.
    const r = infer('The talks will resume on March 3, 2024. The offensive began on May 10, 2024.');
    expect(r.value).toBeNull();
    expect(r.range).toEqual({ earliest: '2024-05-10', latest: null });
    expect(r.evidence).toBe('not before 2024-05-10: "May 10, 2024"');
  });
});
