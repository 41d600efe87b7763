/**
 * Bounded time and no exceptions on any input: the grammar reads a token
 * stream with bounded lookahead and no backtracking regular expressions.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../sentences.ts';
import { extractTimes, inferPublishedDate, sentenceTimes } from './index.ts';

const FIVE_MB = 5_000_000;
/**
 * A guard against hangs, generous for a shared machine: on a quiet laptop a
 * 5 MB case takes 0.2–1.5 s (inferring the date from 5 MB, a few seconds;
 * 20 s seen with the machine's two cores shared six ways). A quadratic path
 * would take hours.
 */
const BUDGET_MS = 60_000;

const news =
  'Ukrainian President Volodymyr Zelenskyy said on Wednesday that Russia has moved its focus away from Kharkiv. ' +
  '"This operation is ongoing," said Dmitry Peskov on July 17. At the beginning of August, Ukraine crossed the border; ' +
  'analysts believe Pokrovsk could fall within weeks, more than two years after Bakhmut.\n\n';

function timed<T>(run: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = run();
  return { result, ms: performance.now() - t0 };
}

describe('extractTimes on hostile input', () => {
  it('returns nothing for empty or blank text, with or without a date', () => {
    expect(extractTimes('', { published: null })).toEqual([]);
    expect(extractTimes('   \n\n ', { published: '2024-07-31' })).toEqual([]);
  });

  it('treats an unreadable published date as unknown', () => {
    expect(extractTimes('He left yesterday.', { published: 'last Tuesday' })[0]!.value).toBe('XXXX-XX-XX');
  });

  const cases: Record<string, string> = {
    'news prose': news.repeat(Math.ceil(FIVE_MB / news.length)),
    'one long word': 'a'.repeat(FIVE_MB),
    'digits and spaces': '1 '.repeat(FIVE_MB / 2),
    'dotted numbers': '1.2.3.4.5.6.7.8.9.'.repeat(FIVE_MB / 18),
    'determiners only': 'the last of the '.repeat(FIVE_MB / 16),
    'dense dates': 'July 31, 2024 and a year ago, '.repeat(FIVE_MB / 30),
    Arabic: 'قال الرئيس زيلينسكي يوم الأربعاء إن روسيا نقلت تركيزها. '.repeat(FIVE_MB / 56),
    CJK: '泽连斯基周三表示，俄罗斯已将重点从哈尔科夫转移。'.repeat(FIVE_MB / 24),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads 5 MB of ${name} within the budget`, () => {
      const { result, ms } = timed(() => {
        const sentences = splitSentences(text);
        const times = extractTimes(text, { published: '2024-07-31', sentences });
        sentenceTimes(text, sentences, times, '2024-07-31');
        return times;
      });
      expect(ms).toBeLessThan(BUDGET_MS);
      if (name === 'Arabic' || name === 'CJK' || name === 'one long word') expect(result).toEqual([]);
      if (name === 'news prose') expect(result.length).toBeGreaterThan(1000);
    });
  }

  it('infers from 5 MB without a date within the budget', () => {
    const text = cases['dense dates']!;
    const { result, ms } = timed(() => inferPublishedDate(text, extractTimes(text, { published: null }), { value: null, provenance: 'unknown', evidence: null }));
    expect(ms).toBeLessThan(BUDGET_MS);
    // "July 31, 2024 and a year ago": a year after 2024, however often it is repeated.
    expect(result.range).toEqual({ earliest: '2025-01-01', latest: '2025-12-31' });
  });

  it('never throws on random characters', () => {
    // A fixed linear congruential generator: the same "random" text on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = "0123456789 .,:;-/'’\"()\nabcdeMayJunQqT yesterday ago year week the of a.m. p.m. 2024 31 Wednesday";
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let k = 0; k < 400; k++) text += alphabet[next() % alphabet.length];
      expect(() => {
        const times = extractTimes(text, { published: round % 2 === 0 ? '2024-07-31' : null });
        sentenceTimes(text, splitSentences(text), times, null);
        inferPublishedDate(text, times, { value: null, provenance: 'unknown', evidence: null });
      }).not.toThrow();
    }
  });
});
