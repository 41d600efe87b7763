/**
 * The acceptance cases of issue 5 for figures on the sample articles (raw
 * files, furniture lines included): every figure of PRODUCT.md "Figures as
 * series" with its value, unit and what it counts; no year, ordinal or
 * unit designation as a figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../model/index.ts';
import { analyze } from '../index.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus/samples');
/** The dates the articles were published, as PRODUCT.md and the time acceptance cases read them. */
const PUBLISHED: Record<string, string> = { '000': '2024-07-31', '001': '2024-07-31', '002': '2024-08-19', '003': '2024-10-07', '004': '2025-11-01' };

function sample(id: string): { text: string; figures: Figure[] } {
  const file = readdirSync(samples).find((f) => f.startsWith(`${id}_`));
  if (file === undefined) throw new Error(`no sample ${id} in ${samples}`);
  const text = readFileSync(path.join(samples, file), 'utf8');
  const analysis = analyze({ text, published: { value: PUBLISHED[id]!, provenance: 'metadata', evidence: null } });
  return { text, figures: analysis.figures };
}

/** The figure overlapping the `occurrence`-th appearance of `phrase`. */
function at(s: { text: string; figures: Figure[] }, phrase: string, occurrence = 0): Figure {
  let offset = -1;
  for (let k = 0; k <= occurrence; k++) offset = s.text.indexOf(phrase, offset + 1);
  if (offset < 0) throw new Error(`"${phrase}" not in the text`);
  const found = s.figures.find((f) => f.start < offset + phrase.length && offset < f.end);
  if (found === undefined) throw new Error(`no figure at "${phrase}"`);
  return found;
}

describe('002: Kursk incursion, Pokrovsk evacuation', () => {
  const s = sample('002');
  it('1,250 km² into Russia (over)', () => {
    const f = at(s, '1,250 square kilometers');
    expect([f.value, f.unit, f.qualifier]).toEqual([1250, 'km2', 'over']);
    expect(f.counted).toMatch(/into Russia/);
  });
  it('90 settlements in the Kursk region', () => {
    const f = at(s, '90 settlements');
    expect([f.value, f.unit]).toEqual([90, 'settlements']);
    expect(f.counted).toMatch(/^settlements in the Kursk region/);
  });
  it('about 53,000 people still in Pokrovsk', () => {
    const f = at(s, '53,000');
    expect([f.value, f.unit, f.qualifier]).toEqual([53000, 'people', 'approximately']);
    expect(f.counted).toMatch(/individuals still reside in Pokrovsk/);
    expect(f.date).toBe('2024-08-19');
  });
  it('up to 600 people leaving a day', () => {
    const f = at(s, '600 people');
    expect([f.value, f.unit, f.qualifier]).toEqual([600, 'people', 'up to']);
    expect(f.counted).toMatch(/people leaving the area/);
  });
  it('10 km (six miles) from Pokrovsk: one figure, in km', () => {
    const f = at(s, '10km');
    expect([f.value, f.unit]).toEqual([10, 'km']);
    expect(f.counted).toMatch(/from the city’s outskirts/);
    expect(s.figures.filter((g) => g.sentence === f.sentence && g.unit === 'km')).toHaveLength(1);
  });
  it('over 121,000 evacuated from the Kursk border areas', () => {
    const f = at(s, '121,000');
    expect([f.value, f.unit, f.qualifier]).toEqual([121000, 'people', 'over']);
    expect(f.counted).toMatch(/evacuated from nine border regions in the Kursk area/);
  });
  it('"a third bridge" and "one pontoon bridge" are not figures', () => {
    expect(s.figures.filter((f) => /third|one/.test(f.text))).toEqual([]);
  });
});

describe('003: Russia says it recaptured Kursk territory', () => {
  const s = sample('003');
  it('over 1,300 km² of Russian territory', () => {
    const f = at(s, '1,300 square kilometers');
    expect([f.value, f.unit, f.qualifier]).toEqual([1300, 'km2', 'over']);
    expect(f.counted).toMatch(/Russian territory/);
  });
  it('over 100 settlements', () => {
    const f = at(s, '100 settlements');
    expect([f.value, f.unit, f.qualifier]).toEqual([100, 'settlements', 'over']);
    expect(f.counted).toMatch(/settlements/);
  });
  it('"about half" of the territory liberated (Alaudinov)', () => {
    const f = at(s, 'about half of the territory', 1);
    expect([f.value, f.unit, f.qualifier]).toEqual([0.5, 'fraction', 'approximately']);
    expect(f.counted).toMatch(/territory occupied by the enemy/);
  });
  it('almost 50,000 soldiers moved to Kursk', () => {
    const f = at(s, '50,000 soldiers');
    expect([f.value, f.unit, f.qualifier]).toEqual([50000, 'troops', 'almost']);
    expect(f.counted).toMatch(/soldiers withdrawn from the frontlines/);
  });
});

describe('004: Pokrovsk in ruins', () => {
  const s = sample('004');
  it('about 60,000 people in Pokrovsk before the war', () => {
    const f = at(s, '60,000');
    expect([f.value, f.unit, f.qualifier]).toEqual([60000, 'people', 'approximately']);
    expect(f.counted).toMatch(/people in Pokrovsk/);
  });
});

describe('001: Zelenskyy says Russia is giving up on Kharkiv', () => {
  const s = sample('001');
  it('~30,000 troops in the Kharkiv push', () => {
    const f = at(s, '30,000');
    expect([f.value, f.unit, f.qualifier]).toEqual([30000, 'troops', 'approximately']);
    expect(f.counted).toMatch(/Russian troops/);
  });
});

describe('000: Pokrovsk became the main target', () => {
  const s = sample('000');
  it('14 new brigades, stated', () => {
    const f = at(s, '14 new brigades');
    expect([f.value, f.unit, f.hypothetical]).toEqual([14, 'brigades', false]);
  });
  it('"three" out of the 14 fully equipped: hypothetical, not a count of equipped brigades', () => {
    const f = at(s, 'three out of the 14');
    expect([f.value, f.unit, f.hypothetical]).toEqual([3, 'brigades', true]);
  });
});

describe('no year, ordinal or unit designation is a figure, in any sample', () => {
  const notFigures: Record<string, string[]> = {
    '000': ['S-300s', 'July 30', 'July 31'],
    '001': ['July 17', 'July 24'],
    '002': ['two weeks ago', 'a third bridge'],
    '003': ['July 11, 2024', 'summer of 2023', 'five days'],
    '004': ['68th Brigade', '2023', '408', 'two years ago'],
  };
  for (const id of Object.keys(PUBLISHED)) {
    it(id, () => {
      const s = sample(id);
      for (const f of s.figures) {
        expect(f.text, 'a year').not.toMatch(/^(?:1[89]|20)\d\d$/);
        expect(f.text, 'an ordinal').not.toMatch(/\d(?:st|nd|rd|th)\b/);
        expect(f.text, 'a designation').not.toMatch(/\p{L}-\d/u);
        expect(s.text.slice(f.start, f.end)).toBe(f.text);
      }
      for (const phrase of notFigures[id]!) {
        const offset = s.text.indexOf(phrase);
        expect(offset, phrase).toBeGreaterThanOrEqual(0);
        expect(s.figures.filter((f) => f.start < offset + phrase.length && offset < f.end).map((f) => f.text), phrase).toEqual([]);
      }
    });
  }
});
