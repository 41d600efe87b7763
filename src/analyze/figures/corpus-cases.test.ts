/**
 * Golden cases from the hand-checked samples of `npm run eval:figures` on
 * the 447-article corpus: each error class found and fixed, with a sentence
 * shaped like the one that showed it.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from './testing.ts';

const values = (text: string) => figuresOf(text).map((f) => [f.text, f.value, f.unit]);

describe('false figures found in the sample', () => {
  it('a directional half is a part of a place: "the southern half of Sakhalin Island"', () => {
    expect(values('Russia ceded the southern half of Sakhalin Island to Japan.')).toEqual([]);
  });
  it('digits in a name: "Nord Stream 2 sanctions"', () => {
    expect(values('Putin measured the removal of Nord Stream 2 sanctions.')).toEqual([]);
  });
  it('a definite reference: "the two countries’ neutrality", "these two states"', () => {
    expect(values('That signalled the end of the two countries’ neutrality.')).toEqual([]);
    expect(values('They pushed these two states together.')).toEqual([]);
  });
  it('a pair already named: "trade between two countries"', () => {
    expect(values('Trade between two countries decreased.')).toEqual([]);
  });
});

describe('wrong values or units found in the sample', () => {
  it('"2.25m tonnes" is millions of tonnes, not a count', () => {
    expect(values('Another 2.25m tonnes of capacity had been destroyed.')).toEqual([['2.25m tonnes', 2.25e6, 'tonnes']]);
  });
  it('a people counted: "more than three million Belarusians"', () => {
    expect(values('The invaders killed more than three million Belarusians.')).toEqual([['three million', 3e6, 'people']]);
  });
  it('"rounds of talks" are not shells', () => {
    expect(values('Belarus hosted three rounds of peaceful talks.')).toEqual([['three', 3, 'count']]);
  });
  it('"whether three men knew each other" is not a supposition', () => {
    expect(figuresOf('The police did not determine whether three men knew each other.')[0]?.hypothetical).toBe(false);
  });
});

describe('figures missed in the sample', () => {
  it('an acronym between number and noun: "three US officials"', () => {
    expect(values('The leader was urged to stay, according to three US officials.')).toEqual([['three', 3, 'people']]);
  });
  it('an amount the tagger read as a name: "EUR 380 billion"', () => {
    expect(values('The World Bank estimates the costs of rebuilding the country to EUR 380 billion.')).toEqual([['EUR 380 billion', 380e9, 'eur']]);
  });
  it('a capitalised word opening the sentence is not a name: "- Only 15 rockets"', () => {
    expect(values('We waited.- Only 15 rockets flew on Kharkiv.')).toEqual([['15', 15, 'missiles']]);
  });
  it('a population: "the small nation of 2.5 million"', () => {
    expect(figuresOf('Forces are close to the border with the small nation of 2.5 million.').map((f) => [f.value, f.unit, f.counted])).toEqual([[2.5e6, 'people', 'population of the nation']]);
  });
  it('a total named before the number: "the number of acutely food insecure people … 2 million"', () => {
    const [f] = figuresOf('The number of acutely food insecure people in the country is estimated to rise by more than 2 million in the next three to six months.');
    expect([f?.value, f?.unit, f?.counted]).toEqual([2e6, 'people', 'number of acutely food insecure people']);
  });
  it('a headline in capitals the tagger read as one name', () => {
    expect(values('GERMANY SEIZES CONTROL OF 3 RUSSIAN-OWNED OIL REFINERIES').map(([, v]) => v)).toEqual([3]);
  });
  it('a capitalised number word opening a sentence the tagger read as a name: "Twelve Ukrainian civilians"', () => {
    expect(values('Twelve Ukrainian civilians died.')).toEqual([['Twelve', 12, 'people']]);
  });
  it('a name before the noun it modifies: "31 Abrams tanks"', () => {
    expect(values('Kyiv received 31 Abrams tanks.')).toEqual([['31', 31, 'tanks']]);
  });
});

describe('counted phrases found wrong in the sample', () => {
  it('a hyphenated word stays whole: "Czarist-ruled territory"', () => {
    expect(figuresOf('It lost more than a million square miles of Czarist-ruled territory.')[0]?.counted).toBe('Czarist-ruled territory');
  });
  it('the verb before the number follows the noun’s "of" part: "canceled eight connections of the S40 line"', () => {
    expect(figuresOf('The manager has canceled eight connections of the S40 line from Piaseczno.')[0]?.counted).toBe('connections of the S40 line canceled from Piaseczno');
  });
  it('money says what it pays for: "a $61 billion aid bill"', () => {
    expect(figuresOf('The House approved a $61 billion aid bill for Ukraine.')[0]?.counted).toBe('aid bill');
  });
});

describe('from the third sample', () => {
  it('a possessive before a small number is a reference: "the world’s two largest economies"', () => {
    expect(values('The world’s two largest economies remain major trading partners.')).toEqual([]);
  });
  it('"bodies" sanctioned are organisations, not deaths', () => {
    expect(values('Three Russian bodies linked to the weapons programme were sanctioned.').map(([, , unit]) => unit)).toEqual(['count']);
  });
  it('a list of numbers inside an "if" clause is all hypothetical', () => {
    const text = 'We will defend our land no matter if we have 50,000, 150 or one million soldiers on the border.';
    expect(figuresOf(text).map((f) => [f.value, f.hypothetical])).toEqual([[50000, true], [150, true], [1e6, true]]);
  });
});

describe('from the fourth sample (misses)', () => {
  it('a definite count of war things is still a figure: "one of the two missiles launched"', () => {
    expect(values('At least 10 people were injured when one of the two missiles launched struck a building.')).toEqual([['10', 10, 'people'], ['two', 2, 'missiles']]);
  });
  it('an adjective in -ed before the noun, and the last noun of a compound: "890 armored personnel carriers"', () => {
    expect(values('Losses include 579 tanks, 890 armored personnel carriers and 650 artillery systems.')).toEqual([['579', 579, 'tanks'], ['890', 890, 'vehicles'], ['650', 650, 'count']]);
  });
});
