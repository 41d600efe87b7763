/** Golden cases for reading numbers: digits, scales, words, fractions, ranges. */
import { describe, expect, it } from 'vitest';
import { readNumber } from './numbers.ts';
import { tokenize } from './tokens.ts';

/** The number read at the start of `text`: [value, valueMax, kind, text of its tokens]. */
function read(text: string): [number, number | null, string, string] | null {
  const tokens = tokenize(text, 0, text.length);
  const r = readNumber(tokens, 0);
  return r === null ? null : [r.value, r.valueMax, r.kind, text.slice(tokens[r.first]!.start, tokens[r.last]!.end)];
}

describe('digits', () => {
  const cases: Array<[string, number, string]> = [
    ['1,250 square kilometers', 1250, '1,250'],
    ['30,000 troops', 30000, '30,000'],
    ['1.5 million people', 1.5e6, '1.5 million'],
    ['2bn in aid', 2e9, '2bn'],
    ['300k refugees', 300000, '300k'],
    ['121,000 individuals', 121000, '121,000'],
    ['0.5 percent', 0.5, '0.5'],
    ['3 billion', 3e9, '3 billion'],
  ];
  for (const [text, value, span] of cases) it(text, () => expect(read(text)).toEqual([value, null, 'digits', span]));
  it('rejects dotted versions and dates ("1.2.3", "12.03.2022") and leading zeros ("044")', () => {
    expect(read('1.2.3 release')).toBeNull();
    expect(read('12.03.2022 was')).toBeNull();
    expect(read('044 555')).toBeNull();
  });
});

describe('words', () => {
  const cases: Array<[string, number, string]> = [
    ['three out of the 14', 3, 'three'],
    ['a dozen villages', 12, 'a dozen'],
    ['twenty-five soldiers', 25, 'twenty-five'],
    ['two hundred thousand people', 200000, 'two hundred thousand'],
    ['one hundred and fifty tanks', 150, 'one hundred and fifty'],
    ['half a million refugees', 500000, 'half a million'],
    ['a million square miles', 1e6, 'a million'],
    ['six miles', 6, 'six'],
    ['nine border regions', 9, 'nine'],
  ];
  for (const [text, value, span] of cases) it(text, () => expect(read(text)).toEqual([value, null, 'words', span]));
  it('a bare "one" is a determiner, not a count ("one officer")', () => expect(read('one officer said')).toBeNull());
  it('"one million" is a count', () => expect(read('one million people')?.[0]).toBe(1e6));
  it('"a" alone is not a number', () => expect(read('a village')).toBeNull());
});

describe('fractions', () => {
  it('"half of the territory" is 0.5', () => expect(read('half of the territory')).toEqual([0.5, null, 'fraction', 'half']));
  it('"half the city" is 0.5', () => expect(read('half the city')?.[0]).toBe(0.5));
  it('"two-thirds of" is 2/3', () => expect(read('two-thirds of the population')?.[0]).toBeCloseTo(2 / 3));
  it('"a quarter of" is 0.25', () => expect(read('a quarter of the country')?.[0]).toBe(0.25));
  it('"three quarters of" is 0.75', () => expect(read('three quarters of them')?.[0]).toBe(0.75));
  it('"a third bridge" is an ordinal, not a third of anything', () => expect(read('a third bridge on the Seym')).toBeNull());
  it('"half destroyed" is an adverb', () => expect(read('half destroyed')).toBeNull());
});

describe('ranges', () => {
  it('"50 to 60"', () => expect(read('50 to 60 people')).toEqual([50, 60, 'digits', '50 to 60']));
  it('"50-60"', () => expect(read('50-60 people')).toEqual([50, 60, 'digits', '50-60']));
  it('"50 – 60" with a spaced dash', () => expect(read('50 – 60 people')?.slice(0, 2)).toEqual([50, 60]));
  it('"two or three"', () => expect(read('two or three brigades')).toEqual([2, 3, 'words', 'two or three']));
  it('"1 to 1.5 million": the scale of the high end applies to the low end', () => expect(read('1 to 1.5 million people')?.slice(0, 2)).toEqual([1e6, 1.5e6]));
  it('"60 to 50" is not a range', () => expect(read('60 to 50')?.slice(0, 2)).toEqual([60, null]));
  it('"$45 billion to $55 billion" with the currency repeated', () => {
    const text = '$45 billion to $55 billion';
    const tokens = tokenize(text, 0, text.length);
    const r = readNumber(tokens, 1);
    expect([r?.value, r?.valueMax]).toEqual([45e9, 55e9]);
  });
  it('"between 50 and 60" (read from "50", after "between")', () => {
    const text = 'between 50 and 60 people';
    const tokens = tokenize(text, 0, text.length);
    const r = readNumber(tokens, 1);
    expect([r?.value, r?.valueMax]).toEqual([50, 60]);
  });
  it('"from 50 to 60" is a change, not a range', () => {
    const text = 'from 50 to 60 people';
    const tokens = tokenize(text, 0, text.length);
    expect(readNumber(tokens, 1)?.valueMax).toBeNull();
  });
});
