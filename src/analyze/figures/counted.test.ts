/** Golden cases for what a figure counts: the noun, its modifiers, its verb and its place. */
import { describe, expect, it } from 'vitest';
import { figureAt, figuresOf } from './testing.ts';

/** [text, the figure's words, the counted phrase] */
const cases: Array<[string, string, string | null]> = [
  ['His forces have taken control of 90 settlements in the Kursk region.', '90', 'settlements in the Kursk region'],
  ['Officials state that approximately 53,000 individuals still reside in Pokrovsk.', '53,000', 'individuals still reside in Pokrovsk'],
  ['Moscow has withdrawn almost 50,000 soldiers from the frontlines in southern Ukraine and moved them to Kursk.', '50,000', 'soldiers withdrawn from the frontlines in southern Ukraine'],
  ['Over 121,000 individuals have been evacuated from nine border regions in the Kursk area.', '121,000', 'individuals evacuated from nine border regions in the Kursk area'],
  ['Up to 600 people are leaving the area daily.', '600', 'people leaving the area'],
  ['An estimated 30,000 Russian troops seized several villages and threatened Kharkiv.', '30,000', 'Russian troops seized several villages'],
  ['Ukraine has formed 14 new brigades to relieve units at the front.', '14', 'new brigades formed'],
  ['About half of the territory occupied by the enemy has been liberated.', 'half', 'territory occupied by the enemy'],
  ['Almost half of the areas captured by Ukraine near Kursk are back under Russian control.', 'half', 'areas captured by Ukraine near Kursk'],
  ['Ukraine claimed 1,300 square kilometers of Russian territory.', '1,300', 'Russian territory'],
  ['They were only 10km (six miles) from the city’s outskirts.', '10km', 'distance from the city’s outskirts'],
  ['The city lies 20 km west of Kharkiv.', '20 km', 'distance west of Kharkiv'],
  ['Pokrovsk, which had an estimated 60,000 people before the war, is destroyed.', '60,000', 'people in Pokrovsk'],
  ['Russia has concentrated over 100,000 soldiers at the border with Ukraine.', '100,000', 'soldiers concentrated at the border'],
  ['The House approved a $61 billion aid bill for Ukraine.', '$61 billion', 'aid bill'],
  ['Putin promised grain to six African nations.', 'six', 'African nations'],
  ['Troops controlled 1 million square miles of Czarist-ruled territory.', '1 million square miles', 'Czarist-ruled territory'],
  ['Prices rose 20% in a year.', '20%', null],
];

describe('counted', () => {
  for (const [text, words, counted] of cases) {
    it(`${words} → ${counted}`, () => {
      const f = figureAt(figuresOf(text), text, words);
      expect(f, 'no figure').toBeDefined();
      expect(f!.counted).toBe(counted);
    });
  }
});
