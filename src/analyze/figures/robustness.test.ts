/**
 * Bounded time and no exceptions on any input: every look-around of the
 * figure rules is bounded by a constant, sentences without a number are not
 * tokenised, and the span look-ups are binary searches.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../sentences.ts';
import { extractTimes, sentenceTimes } from '../time/index.ts';
import { extractFigures } from './index.ts';

const FIVE_MB = 5_000_000;
/**
 * Generous for a shared machine under load: on a quiet core each 5 MB case
 * costs 1–4 s of CPU in extractFigures. A quadratic path over 5 MB (a million
 * tokens) would take hours, so the budget still tells linear from not.
 */
const BUDGET_MS = 60_000;

const news =
  'Officials state that approximately 53,000 individuals still reside in Pokrovsk, and up to 600 people are leaving daily. ' +
  'If three out of the 14 (brigades) are fully equipped, can it be stopped? The 68th Brigade fired S-300s on July 17, 2024; ' +
  'Russian forces are 10km (six miles) away and control over 1,300 square kilometers, about half of it retaken.\n\n';

function figuresOf(text: string) {
  const sentences = splitSentences(text);
  const times = extractTimes(text, { published: '2024-08-19', sentences });
  const context = { sentences, entities: [], entityIndex: [], times, sentenceTimes: sentenceTimes(text, sentences, times, '2024-08-19') };
  const t0 = performance.now();
  const figures = extractFigures(text, context);
  return { figures, ms: performance.now() - t0 };
}

describe('extractFigures on hostile input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(figuresOf('').figures).toEqual([]);
    expect(figuresOf('  \n\n ').figures).toEqual([]);
  });

  it('reads text with no sentences given as one sentence', () => {
    const text = 'Some 30,000 troops massed';
    expect(extractFigures(text, { sentences: [], entities: [], entityIndex: [], times: [], sentenceTimes: [] }).map((f) => f.value)).toEqual([30000]);
  });

  const cases: Record<string, string> = {
    'news prose': news.repeat(Math.ceil(FIVE_MB / news.length)),
    'one sentence without a full stop': '30,000 troops and three of the 14 brigades and '.repeat(FIVE_MB / 47),
    'one long word': 'a'.repeat(FIVE_MB),
    'digits and spaces': '1 '.repeat(FIVE_MB / 2),
    'digit groups and hyphens': '12-34-56 '.repeat(FIVE_MB / 9),
    'dotted numbers': '1.2.3.4.5.6.7.8.9.'.repeat(FIVE_MB / 18),
    'number words only': 'two hundred and forty-five thousand three hundred '.repeat(FIVE_MB / 50),
    'brackets and dashes': '(10km (six (miles) - - – '.repeat(FIVE_MB / 25),
    Arabic: 'قال الرئيس زيلينسكي إن 30,000 جندي روسي في كورسك. '.repeat(FIVE_MB / 50),
    CJK: '泽连斯基周三表示，俄罗斯已将三万名士兵从哈尔科夫转移。'.repeat(FIVE_MB / 27),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads 5 MB of ${name} within the budget, without throwing`, () => {
      const { figures, ms } = figuresOf(text);
      expect(ms).toBeLessThan(BUDGET_MS);
      for (const f of figures.slice(0, 1000)) expect(text.slice(f.start, f.end)).toBe(f.text);
    });
  }

  it('finds the figures of the news prose at every repetition', () => {
    const text = news.repeat(100);
    expect(figuresOf(text).figures.filter((f) => f.value === 53000)).toHaveLength(100);
  });
});
