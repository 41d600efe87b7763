/** Golden cases for units: measures, conversions, currencies and counted nouns. */
import { describe, expect, it } from 'vitest';
import { figureAt, figuresOf } from './testing.ts';

/** [text, the figure's words, value, unit] */
const cases: Array<[string, string, number, string]> = [
  ['Russian forces are only 10km from the city.', '10km', 10, 'km'],
  ['The front is 30 kilometres away.', '30 kilometres', 30, 'km'],
  ['They advanced six miles from the border.', 'six miles', 9.656, 'km'],
  ['Troops expanded over 1,250 square kilometers into Russia.', '1,250 square kilometers', 1250, 'km2'],
  ['Ukraine holds 1,300 km² of Russian territory.', '1,300 km²', 1300, 'km2'],
  ['Ukraine holds 1,300 km2 of Russian territory.', '1,300 km2', 1300, 'km2'],
  ['Ukraine holds 1,300 sq km of Russian territory.', '1,300 sq km', 1300, 'km2'],
  ['Roughly 100 square miles of wetland were flooded.', '100 square miles', 258.999, 'km2'],
  ['Fires burned 500 hectares of forest.', '500 hectares', 5, 'km2'],
  ['Prices rose 20% in a year.', '20%', 20, 'percent'],
  ['Prices rose 20 percent in a year.', '20 percent', 20, 'percent'],
  ['Prices rose 20 per cent in a year.', '20 per cent', 20, 'percent'],
  ['Congress approved $61 billion for Ukraine.', '$61 billion', 61e9, 'usd'],
  ['Britain pledged £500m in military funding.', '£500m', 500e6, 'gbp'],
  ['Poland demands 1.3 trillion euros from Germany.', '1.3 trillion euros', 1.3e12, 'eur'],
  ['The fund holds EUR 260 billion in assets.', 'EUR 260 billion', 260e9, 'eur'],
  ['The ship carried 23,000 tonnes of wheat.', '23,000 tonnes', 23000, 'tonnes'],
  ['Russia seized 2.25m tonnes of grain.', '2.25m tonnes', 2.25e6, 'tonnes'],
  ['They control 90 settlements in the Kursk region.', '90', 90, 'settlements'],
  ['Russian troops seized several villages and 12 villages more.', '12', 12, 'settlements'],
  ['Some 30,000 Russian troops massed at the border.', '30,000', 30000, 'troops'],
  ['Moscow withdrew almost 50,000 soldiers from the south.', '50,000', 50000, 'troops'],
  ['The army has formed 14 new brigades.', '14', 14, 'brigades'],
  ['Officials say 53,000 individuals still reside in the city.', '53,000', 53000, 'people'],
  ['Up to 600 people are leaving every day.', '600', 600, 'people'],
  ['Russia has only one pontoon bridge and two bridges left.', 'two', 2, 'bridges'],
  ['Kyiv received 31 Abrams tanks.', '31', 31, 'tanks'],
  ['The German invaders killed more than three million Belarusians.', 'three million', 3e6, 'people'],
  ['Germany will send 1,000 more troops.', '1,000', 1000, 'troops'],
  ['Twelve of the soldiers were wounded.', 'Twelve', 12, 'troops'],
  ['The town has 40 schools.', '40', 40, 'count'],
  ['At least 12 were killed in the strike.', '12', 12, 'people'],
  ['The strike killed 12 and wounded 30.', '12', 12, 'people'],
  ['The death toll has risen to 45.', '45', 45, 'deaths'],
  ['Kharkiv, with a population of 1.4 million, was shelled.', '1.4 million', 1.4e6, 'people'],
  ['Belarus hosted three rounds of peaceful talks.', 'three', 3, 'count'],
];

describe('units', () => {
  for (const [text, words, value, unit] of cases) {
    it(`${words} in "${text}" → ${value} ${unit}`, () => {
      const f = figureAt(figuresOf(text), text, words);
      expect(f, 'no figure').toBeDefined();
      expect([f!.value, f!.unit]).toEqual([value, unit]);
    });
  }
  it('a conversion in brackets is one figure, in km: "19 miles (30km)"', () => {
    const text = 'The city lies just 19 miles (30km) from the Russian border.';
    const figures = figuresOf(text);
    expect(figures.map((f) => [f.value, f.unit])).toEqual([[30, 'km']]);
  });
  it('"10km (six miles)" is one figure of 10 km', () => {
    const text = 'Russian forces are only 10km (six miles) from the city’s outskirts.';
    expect(figuresOf(text).map((f) => [f.text, f.value, f.unit])).toEqual([['10km', 10, 'km']]);
  });
  it('a list shares its unit: "30, 60, 100 kilometers"', () => {
    const text = 'Russian positions are standing 30, 60, 100 kilometers from the border.';
    expect(figuresOf(text).map((f) => [f.value, f.unit])).toEqual([[30, 'km'], [60, 'km'], [100, 'km']]);
  });
  it('"three out of the 14 (brigades)": both count brigades', () => {
    const text = 'If three out of the 14 (brigades) are fully equipped, can it be stopped?';
    expect(figuresOf(text).map((f) => [f.value, f.unit])).toEqual([[3, 'brigades'], [14, 'brigades']]);
  });
  it('a number with nothing counted after it is not a figure', () => {
    expect(figuresOf('The score was 52 in the end.')).toEqual([]);
  });
});
