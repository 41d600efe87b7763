/**
 * Bounded time and no exceptions on any input: every rule walks a bounded
 * window of tokens, look-ups are binary searches, and sentences that are not
 * prose (over 5,000 characters) are skipped.
 */
import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../model/index.ts';
import { extractEntities } from '../entities/index.ts';
import { analyze } from '../index.ts';
import { splitSentences } from '../sentences.ts';
import { extractTimes, sentenceTimes } from '../time/index.ts';
import { type AttributionContext, extractAttributions } from './index.ts';

const FIVE_MB = 5_000_000;
/** Generous for a shared CI machine: on a quiet laptop each 5 MB case takes about a second. A quadratic path would take hours. */
const BUDGET_MS = 20_000;

const news =
  'Ukrainian President Volodymyr Zelenskyy said on Wednesday that Russia has moved its focus away from Kharkiv. ' +
  '"This operation is ongoing," said Dmitry Peskov on July 17. "It will continue," he added. ' +
  'Ukraine denies Moscow\'s claim that its forces in Pokrovsk are surrounded, although this has not been verified.\n\n';

/**
 * The context the earlier stages give a text that repeats `unit`: the
 * entities are the real extractor's on one unit, repeated at each copy
 * (running the tagger over 5 MB here would time the entity stage, not this one).
 */
function contextFor(text: string, unit: string): AttributionContext {
  const sentences = splitSentences(text);
  const one = extractEntities(unit, { sentences: splitSentences(unit) });
  const entities: EntityMention[] = [];
  for (let offset = 0; offset + unit.length <= text.length; offset += unit.length) {
    for (const m of one.mentions) entities.push({ ...m, start: m.start + offset, end: m.end + offset });
  }
  const times = extractTimes(text, { published: '2024-07-31', sentences });
  return { sentences, entities, entityIndex: one.entities, times, sentenceTimes: sentenceTimes(text, sentences, times, '2024-07-31') };
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = run();
  return { result, ms: performance.now() - t0 };
}

describe('extractAttributions on hostile input', () => {
  it('finds nothing in empty or blank text', () => {
    for (const text of ['', '   \n\n ']) {
      const a = analyze({ text, published: { value: null, provenance: 'unknown', evidence: null } });
      expect([a.quotes, a.claims]).toEqual([[], []]);
    }
  });

  it('finds nothing in Arabic or Chinese news, and does not throw', () => {
    for (const text of ['قال الرئيس زيلينسكي يوم الأربعاء إن روسيا نقلت تركيزها. «هذه العملية مستمرة»، قال بيسكوف.', '泽连斯基周三表示，俄罗斯已将重点从哈尔科夫转移。“这次行动仍在继续，”佩斯科夫说。']) {
      const a = analyze({ text, published: { value: '2024-07-31', provenance: 'metadata', evidence: null } });
      expect(a.claims).toEqual([]);
      // A quotation in marks may be found, but no English cue attributes it.
      expect(a.quotes.every((q) => q.cue === null || q.speaker !== null)).toBe(true);
    }
  });

  const cases: Record<string, { text: string; unit: string }> = {
    'news prose': { unit: news, text: news.repeat(Math.ceil(FIVE_MB / news.length)) },
    'one long word': { unit: 'a', text: 'a'.repeat(FIVE_MB) },
    'unclosed quotation marks': { unit: '"He said ', text: '"He said '.repeat(FIVE_MB / 9) },
    'cues only': { unit: 'said, according to, told him as saying ', text: 'said, according to, told him as saying '.repeat(FIVE_MB / 39) },
    Arabic: { unit: 'قال الرئيس زيلينسكي يوم الأربعاء إن روسيا نقلت تركيزها. ', text: 'قال الرئيس زيلينسكي يوم الأربعاء إن روسيا نقلت تركيزها. '.repeat(FIVE_MB / 56) },
    CJK: { unit: '泽连斯基周三表示，“俄罗斯已将重点从哈尔科夫转移。”', text: '泽连斯基周三表示，“俄罗斯已将重点从哈尔科夫转移。”'.repeat(FIVE_MB / 26) },
  };
  for (const [name, { text, unit }] of Object.entries(cases)) {
    it(`reads 5 MB of ${name} within the budget`, () => {
      const context = contextFor(text, unit);
      const { result, ms } = timed(() => extractAttributions(text, context));
      expect(ms).toBeLessThan(BUDGET_MS);
      if (name === 'news prose') {
        const copies = Math.floor(text.length / news.length);
        // Three quotes, a denial and a claim in every copy.
        expect(result.quotes.filter((q) => q.kind === 'direct').length).toBe(2 * copies);
        expect(result.claims.filter((c) => c.kind === 'denial').length).toBe(copies);
      }
      if (name === 'Arabic' || name === 'one long word') expect(result).toEqual({ quotes: [], claims: [] });
    });
  }

  it('never throws on random characters', () => {
    // A fixed linear congruential generator: the same "random" text on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = ' .,:;"“”‘’\'\n—-()said told according to he she it the officer Zelensky claims denies captured 10km from as saying';
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let k = 0; k < 300; k++) text += alphabet[next() % alphabet.length];
      expect(() => analyze({ text, published: { value: '2024-07-31', provenance: 'metadata', evidence: null } })).not.toThrow();
    }
  });
});
