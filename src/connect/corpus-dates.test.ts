import { describe, expect, it } from 'vitest';
import { extractTimes, inferPublishedDate } from '../analyze/time/index.ts';
import { splitSentences } from '../analyze/sentences.ts';
import type { PublishedDate } from '../model/index.ts';
import { dateFromCorpus, type DatingArticle } from './corpus-dates.ts';

const unknown: PublishedDate = { value: null, provenance: 'unknown', evidence: null };

/** An article as ingest leaves it: its own dating from its own text, no corpus. */
function article(id: string, text: string, published: PublishedDate = unknown): DatingArticle {
  const sentences = splitSentences(text);
  const times = extractTimes(text, { published: published.value, sentences });
  return { id, text, sentences, published: inferPublishedDate(text, times, published), times };
}

/** Articles whose own evidence puts the corpus in the given days (one article each). */
const dated = (...days: string[]) =>
  days.map((day, k) => article(`dated${k}`.padEnd(16, '0'), `Officials spoke on ${day}.`, { value: day, provenance: 'metadata', evidence: 'test' }));

// Two reports of one interview: one dates it by a day without a year, the other by a weekday.
const byDay = article(
  'aaaaaaaaaaaaaaaa',
  'The president told French media on July 30 that Russia is "throwing everything they have" at the town. He added that the summit in November matters. Back in May, the offensive began.',
);
const byWeekday = article(
  'bbbbbbbbbbbbbbbb',
  'The president said on Wednesday that Russia is "throwing everything they have" at the town. Peskov disagreed on July 17.',
);
const value = (d: { times: Array<{ text: string; value: string; yearFrom?: string }> }, text: string) => d.times.find((t) => t.text === text);

describe('dateFromCorpus', () => {
  it('reads the year of a statement two articles date by a day and by a weekday, within the corpus years', () => {
    const out = dateFromCorpus([byDay, byWeekday, ...dated('2024-03-02', '2024-09-10')]);
    const a = out.find((d) => d.id === byDay.id)!;
    const b = out.find((d) => d.id === byWeekday.id)!;
    // July 31 was a Wednesday in 2024 (a day after July 30: interviews are dated by when given or published).
    expect(value(a, 'July 30')).toMatchObject({ value: '2024-07-30', yearFrom: 'corpus' });
    expect(value(a, 'May')).toMatchObject({ value: '2024-05', yearFrom: 'corpus' });
    expect(value(a, 'November')).toMatchObject({ value: '2024-11', yearFrom: 'corpus' });
    expect(value(b, 'Wednesday')).toMatchObject({ value: '2024-07-31', yearFrom: 'corpus' });
    expect(value(b, 'July 17')).toMatchObject({ value: '2024-07-17', yearFrom: 'corpus' });
    expect(a.published).toMatchObject({ value: null, provenance: 'inferred', range: { earliest: '2024-07-30', latest: null } });
    // "said on Wednesday": written that day or within the week after.
    expect(b.published).toMatchObject({ value: '2024', provenance: 'inferred', range: { earliest: '2024-07-31', latest: '2024-08-06' } });
    expect(b.published.evidence).toContain('year 2024 from the corpus: "Wednesday" in bbbbbbbbbb and "July 30" in aaaaaaaaaa date the same statement ("throwing everything they have…")');
    expect(b.published.evidence).toContain('among the years 2024 that the other articles\' dated evidence spans (2024-03-02 to 2024-09-10, 2 articles)');
  });

  it('gives the same years whichever of two near-duplicates was stored first (workers store them in any order)', () => {
    // A dated article and its rewrite without the date: as a pair they count once, with the evidence of both.
    const [first, second, third] = dated('2024-03-02', '2024-09-10', '2024-09-11');
    const copy = { ...third!, id: 'copyofdated20000', published: unknown };
    const one = dateFromCorpus([byDay, byWeekday, first!, second!, { ...copy, duplicateOf: second!.id }]);
    const other = dateFromCorpus([byDay, byWeekday, first!, { ...second!, published: unknown, duplicateOf: copy.id }, { ...copy, published: second!.published }]);
    expect(value(one.find((d) => d.id === byDay.id)!, 'July 30')).toMatchObject({ value: '2024-07-30' });
    expect(value(other.find((d) => d.id === byDay.id)!, 'July 30')).toMatchObject({ value: '2024-07-30' });
  });

  it('decides nothing when two of the corpus years fit (a Wednesday is within a day of July 30 in 2024 and 2025)', () => {
    expect(dateFromCorpus([byDay, byWeekday, ...dated('2024-03-02', '2025-09-10')])).toEqual([]);
  });

  it('decides nothing with fewer than two other articles giving dated evidence', () => {
    expect(dateFromCorpus([byDay, byWeekday, ...dated('2024-03-02')])).toEqual([]);
    expect(dateFromCorpus([byDay, byWeekday])).toEqual([]);
  });

  it('decides nothing for articles that share no quoted words', () => {
    const other = article('cccccccccccccccc', 'The minister said on Wednesday that talks "will go on for a while yet" in Geneva.');
    expect(dateFromCorpus([byDay, other, ...dated('2024-03-02', '2024-09-10')])).toEqual([]);
  });

  it('takes the year of a weekday written with a year-less day from the corpus years, exactly', () => {
    const text = 'The strike came on Wednesday, July 31, officials said.';
    const out = dateFromCorpus([article('dddddddddddddddd', text), ...dated('2023-02-01', '2025-11-30')]);
    expect(out).toHaveLength(1);
    expect(value(out[0]!, 'Wednesday, July 31')).toMatchObject({ value: '2024-07-31', yearFrom: 'corpus' });
    expect(out[0]!.published.range).toEqual({ earliest: '2024-07-31', latest: null });
    expect(out[0]!.published.evidence).toContain('"Wednesday, July 31": July 31 on a Wednesday falls only in 2024 among the years 2023–2025');
  });

  it('keeps the article\'s own evidence: a year it rules out is not taken', () => {
    // Its own text puts it after 2025-01-01; July 31 is a Wednesday only in 2024 among 2023–2025.
    const text = 'The strike came on Wednesday, July 31. The war began more than two years ago, in 2022.';
    const own = article('eeeeeeeeeeeeeeee', `${text} The city fell on January 2, 2025.`);
    expect(dateFromCorpus([own, ...dated('2023-02-01', '2025-11-30')])).toEqual([]);
  });

  it('never dates an article its container dated, and gives the same result in any order', () => {
    const corpus = [byDay, byWeekday, ...dated('2024-03-02', '2024-09-10')];
    const forward = dateFromCorpus(corpus);
    expect(forward.map((d) => d.id).sort()).toEqual([byDay.id, byWeekday.id]);
    expect(dateFromCorpus([...corpus].reverse()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [...forward].sort((x, y) => x.id.localeCompare(y.id)),
    );
  });
});
