import { describe, expect, it } from 'vitest';
import { porterStem } from './porter.ts';
import { alignedRouge, concatRouge, dateF1, rougeTokens } from './rouge.ts';

describe('Porter stemmer', () => {
  it('stems the examples of Porter (1980)', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster',
      motoring: 'motor', hopping: 'hop', falling: 'fall', filing: 'file', happy: 'happi', relational: 'relat',
      conditional: 'condit', generalizations: 'gener', oscillators: 'oscil', hopeful: 'hope', adjustable: 'adjust',
      controll: 'control', roll: 'roll', rate: 'rate', protesters: 'protest', protested: 'protest',
    };
    for (const [word, stem] of Object.entries(cases)) expect([word, porterStem(word)]).toEqual([word, stem]);
  });
});

describe('timeline ROUGE (hand-computed case)', () => {
  // Two days each; the second system day is one day off the reference's and says the same.
  const system = new Map([
    ['2011-02-01', ['Protests spread to Cairo.']],
    ['2011-02-05', ['Mubarak resigns.']],
  ]);
  const reference = new Map([
    ['2011-02-01', ['Protests spread to Alexandria.']],
    ['2011-02-04', ['Mubarak resigns.']],
  ]);

  it('tokenizes as ROUGE -m -s does: lowercase, stopwords out, stems', () => {
    expect(rougeTokens('Protests spread to Cairo.')).toEqual(['protest', 'spread', 'cairo']);
  });

  it('concat: unigrams 4 of 5 shared, bigrams 2 of 4', () => {
    const s = concatRouge(system, reference);
    expect(s.rouge1.f).toBeCloseTo(0.8, 10);
    expect(s.rouge2.f).toBeCloseTo(0.5, 10);
  });

  it('align+ m:1: the off-by-one day aligns by content and counts half', () => {
    // R1: (2 + ½·2) / 5 both ways; R2: (1 + ½·1) / 3 both ways.
    const s = alignedRouge(system, reference);
    expect(s.rouge1).toMatchObject({ precision: 0.6, recall: 0.6 });
    expect(s.rouge1.f).toBeCloseTo(0.6, 10);
    expect(s.rouge2.precision).toBeCloseTo(0.5, 10);
    expect(s.rouge2.recall).toBeCloseTo(0.5, 10);
  });

  it('align+ m:1: an extra far-off system day only adds to the precision denominator', () => {
    const more = new Map([...system, ['2011-03-20', ['Oil prices rise sharply.']]]);
    const s = alignedRouge(more, reference);
    // Precision: the extra day aligns to 2011-02-04 (nearest, no shared words): 0 hits, 4 unigrams.
    expect(s.rouge1.precision).toBeCloseTo(3 / 9, 10);
    expect(s.rouge1.recall).toBeCloseTo(0.6, 10);
  });

  it('date F1 counts exact days only', () => {
    expect(dateF1(system.keys(), reference.keys())).toEqual({ precision: 0.5, recall: 0.5, f: 0.5 });
  });
});
