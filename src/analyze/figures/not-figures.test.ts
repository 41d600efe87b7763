/**
 * Numbers that are not figures: years, dates, times, ordinals, unit and
 * weapon designations, labels, codes, phone numbers, ages and durations, a
 * number alone on its line, names with numbers, definite references.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from './testing.ts';

const cases: Array<[string, string]> = [
  ['year', 'Russia invaded Crimea in 2014 and launched a full-scale war in 2022.'],
  ['year before a plural noun', 'Ukraine wants a return to the 1991 borders.'],
  ['date', 'On July 17, 2024, the Kremlin spoke.'],
  ['time of day', 'The attack began at 10:30 on Monday.'],
  ['ordinal and unit', 'An officer from the 68th Brigade said it was time to retreat.'],
  ['ordinal', 'It is the 3rd attempt and the 1,000th day of the war.'],
  ['S-300', 'Grads, S-300s which they use from Belgorod, fired at us.'],
  ['Su-34 and F-16', 'A Su-34 was shot down near the F-16 base.'],
  ['missile designations', 'The AGM-88 missile and the 9M723 warhead were found.'],
  ['HIMARS with a number next to it', 'HIMARS-2 systems arrived.'],
  ['label', 'NATO invoked Article 5 commitments and Resolution 2231 sanctions.'],
  ['number sign', 'He was ranked #1 and lived at No. 10 Downing Street.'],
  ['page', 'See page 3 articles for details.'],
  ['codes', 'The hotline works 24/7 and the code is 3/4.'],
  ['phone', 'Call +380 44 123 4567 or (202) 555-0100 for help.'],
  ['age', 'A 45-year-old man and a boy aged 12 were hurt.'],
  ['duration', 'The battle lasted five days and 400 days of war passed.'],
  ['decade', 'It was built in the 1990s.'],
  ['alone on a line', 'Link to main version\n\n408\n\nThe Wall Street Journal reports.'],
  ['name with a number', 'Putin wanted the removal of Nord Stream 2 sanctions.'],
  ['definite reference', 'That signalled the end of the two countries’ neutrality.'],
  ['ratio', 'Russia imported 30 times more.'],
  ['a third bridge', 'Ukrainian forces damaged a third bridge on the Seym River.'],
  ['southern half', 'It ceded the southern half of Sakhalin Island to Japan.'],
  ['one', 'One officer said one of the bridges was hit.'],
];

describe('not figures', () => {
  for (const [name, text] of cases) {
    it(name, () => expect(figuresOf(text).map((f) => f.text)).toEqual([]));
  }
  it('a four-digit number with a strong unit is a figure: "2000 troops"', () => {
    expect(figuresOf('Russia sent 2000 troops.').map((f) => [f.value, f.unit])).toEqual([[2000, 'troops']]);
  });
  it('a designation inside a counted phrase is not counted, the count is: "two F-16 pilots"', () => {
    expect(figuresOf('Two F-16 pilots trained in Denmark.').map((f) => [f.value, f.unit])).toEqual([[2, 'troops']]);
  });
  it('a headline in title case keeps its figure', () => {
    expect(figuresOf('Russia Withdraws 50,000 Troops From Kherson').map((f) => [f.value, f.unit])).toEqual([[50000, 'troops']]);
  });
  it('a headline in capitals keeps its figure even when the tagger reads it as a name', () => {
    expect(figuresOf('GERMANY SEIZES CONTROL OF 3 RUSSIAN-OWNED OIL REFINERIES').map((f) => f.value)).toEqual([3]);
  });
});
