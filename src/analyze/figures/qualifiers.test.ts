/** Golden cases for qualifiers, normalised. */
import { describe, expect, it } from 'vitest';
import { figuresOf } from './testing.ts';

const cases: Array<[string, string | null]> = [
  ['Approximately 53,000 individuals still reside there.', 'approximately'],
  ['About 8,000 British troops will take part.', 'approximately'],
  ['Around 200 people gathered.', 'approximately'],
  ['Roughly 300,000 casualties were reported.', 'approximately'],
  ['Some 30,000 troops massed.', 'approximately'],
  ['An estimated 30,000 Russian troops seized villages.', 'approximately'],
  ['Over 121,000 individuals have been evacuated.', 'over'],
  ['More than 100,000 troops surround the country.', 'over'],
  ['Up to 600 people are leaving daily.', 'up to'],
  ['As many as 190,000 troops massed.', 'up to'],
  ['Almost 50,000 soldiers were moved.', 'almost'],
  ['Nearly 2,000 people were burned.', 'almost'],
  ['At least 10 people were injured.', 'at least'],
  ['Fewer than 50 soldiers remain.', 'less than'],
  ['Less than 5 percent voted.', 'less than'],
  ['100 villages or more were taken.', 'at least'],
  ['30,000 troops or so remain.', 'approximately'],
  ['They control 90 settlements.', null],
];

describe('qualifiers', () => {
  for (const [text, qualifier] of cases) {
    it(`${text} → ${qualifier}`, () => {
      const [f] = figuresOf(text);
      expect(f, 'no figure').toBeDefined();
      expect(f!.qualifier).toBe(qualifier);
    });
  }
  it('"about half" is approximately a half', () => {
    const [f] = figuresOf('Today about half of the territory has been liberated.');
    expect([f?.value, f?.unit, f?.qualifier]).toEqual([0.5, 'fraction', 'approximately']);
  });
  it('the qualifier is not part of the span', () => {
    const [f] = figuresOf('More than 100,000 troops surround the country.');
    expect(f?.text).toBe('100,000');
  });
});
