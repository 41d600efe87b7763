import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distanceKm, extractEntities } from '../analyze/entities/index.ts';
import type { ArticleEntity } from '../model/index.ts';
import { editDistance, EntityRegistry, mergeEntities, variantsOf, type ArticleEntities, type CorpusEntity } from './entity-registry.ts';

const SAMPLES = fileURLToPath(new URL('../../corpus/samples/', import.meta.url));

function analyseSeeds(): ArticleEntities[] {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const { mentions, entities } = extractEntities(readFileSync(SAMPLES + file, 'utf8'));
      const mentionCounts = new Map<string, number>();
      for (const m of mentions) mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
      return { articleId: file.slice(0, 3), entities, mentionCounts };
    });
}

const seeds = analyseSeeds();
const corpus = mergeEntities(seeds);
const withVariant = (variant: string, type?: string): CorpusEntity | undefined =>
  corpus.entities.find((e) => (!type || e.type === type) && (e.name === variant || e.variants.includes(variant)));

describe('the five seed articles (PRODUCT.md, "Entities and variants")', () => {
  it('merges Zelensky = Zelenskyy = Volodymyr Zelensky = "the president" = "Ukraine\'s head of state", across all five articles', () => {
    const zelensky = withVariant('Zelensky', 'person')!;
    expect(zelensky).toBeDefined();
    expect(zelensky.name).toBe('Volodymyr Zelensky');
    expect(zelensky.variants).toEqual(expect.arrayContaining(['Zelenskyy', 'Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'the president', 'head of state']));
    expect(zelensky.articles.sort()).toEqual(['000', '001', '002', '003', '004']);
    expect(corpus.entities.filter((e) => e.variants.some((v) => /zelensk/i.test(v)))).toHaveLength(1);
  });

  it('merges Olexander Syrskyj with Oleksandr Syrskyi', () => {
    const syrskyi = withVariant('Olexander Syrskyj', 'person')!;
    expect(syrskyi.key).toBe('person:oleksandr syrskyi');
    expect(syrskyi.name).toBe('Oleksandr Syrskyi');
  });

  it('merges Mirnograd = Myrnohrad, Levadnoye = Levadne, Kiev = Kyiv', () => {
    expect(withVariant('Mirnograd', 'place')?.name).toBe('Myrnohrad');
    expect(withVariant('Levadnoye', 'place')).toBe(withVariant('Levadne', 'place'));
    expect(withVariant('Levadnoye', 'place')?.key).toBe('place:sitrep:levadne');
    const kyiv = withVariant('Kiev', 'place')!;
    expect(kyiv).toBe(withVariant('Kyiv', 'place'));
    expect(kyiv.articles).toEqual(expect.arrayContaining(['000', '004']));
  });

  it('takes the typo "Mocow" (in 001) for Moscow', () => {
    expect(corpus.aliases.get('place:mocow')).toBe('place:geonames:524901');
    expect(withVariant('Mocow')?.name).toBe('Moscow');
  });

  it('finds the military units: the 68th Brigade and the "Akhmat" Spetsnaz unit', () => {
    expect(withVariant('68th Brigade', 'unit')).toBeDefined();
    expect(withVariant('Akhmat', 'unit')).toBeDefined();
  });

  it('finds the outlets behind the articles', () => {
    for (const outlet of ['Kyiv Independent', 'Business Insider', 'Pravda', 'Sky News', 'Die Welt', 'Tass', 'UNIAN', 'Wall Street Journal']) {
      expect(withVariant(outlet, 'outlet'), outlet).toBeDefined();
    }
  });

  // Reference coordinates: the places' Wikipedia/GeoNames positions. The Seym is a river: the reference is
  // its reach at Glushkovo, where the bridges in 002 stood.
  const REFERENCE: Array<[string, number, number]> = [
    ['Pokrovsk', 48.2833, 37.1833],
    ['Kharkiv', 49.9925, 36.2311],
    ['Kursk', 51.7373, 36.1873],
    ['Belgorod', 50.5958, 36.5873],
    ['Chasiv Yar', 48.5856, 37.8358],
    ['Kostiantynivka', 48.5333, 37.7167],
    ['Toretsk', 48.3978, 37.8475],
    ['Sloviansk', 48.85, 37.6],
    ['Kurakhove', 47.9833, 37.2833],
    ['Myrnohrad', 48.3, 37.2667],
    ['Levadne', 47.7439, 36.5967],
    ['Bakhmut', 48.5956, 38.0003],
    ['Seym River', 51.35, 34.68],
    ['Kyiv', 50.45, 30.5236],
    ['Moscow', 55.7558, 37.6176],
    ['Donetsk', 48.0028, 37.8053],
  ];
  for (const [name, lat, lon] of REFERENCE) {
    it(`puts ${name} on the map within 15 km`, () => {
      const place = withVariant(name, 'place')?.place;
      expect(place, name).toBeDefined();
      expect(distanceKm(place!, { lat, lon })).toBeLessThan(15);
    });
  }

  it('puts Zaporizhzhia (the city) on the map within 15 km', () => {
    const { entities } = extractEntities('Russian missiles struck Zaporizhzhia overnight.');
    const place = entities.find((e) => e.name === 'Zaporizhzhia')?.place;
    expect(distanceKm(place!, { lat: 47.8378, lon: 35.1383 })).toBeLessThan(15);
  });
});

function entity(key: string, type: ArticleEntity['type'], name: string, variants: string[] = [name]): ArticleEntity {
  return { key, type, name, variants };
}

describe('EntityRegistry', () => {
  it('merges the same key across articles and counts mentions and articles', () => {
    const registry = new EntityRegistry();
    registry.addArticle('a', [entity('place:geonames:524901', 'place', 'Moscow')], { 'place:geonames:524901': 3 });
    registry.addArticle('b', [entity('place:geonames:524901', 'place', 'Moscow')], { 'place:geonames:524901': 2 });
    expect(registry.entities()).toHaveLength(1);
    expect(registry.entities()[0]).toMatchObject({ mentions: 5, articles: ['a', 'b'] });
  });

  it('merges spellings of one full name by variant key, not people who only share a surname', () => {
    const registry = new EntityRegistry();
    registry.add(entity('person:oleksandr syrskyi', 'person', 'Oleksandr Syrskyi'), 'a');
    registry.add(entity('person:olexander syrskyj', 'person', 'Olexander Syrskyj'), 'b');
    registry.add(entity('person:vladimir putin', 'person', 'Vladimir Putin', ['Vladimir Putin', 'Putin']), 'a');
    registry.add(entity('person:igor putin', 'person', 'Igor Putin', ['Igor Putin', 'Putin']), 'b');
    registry.add(entity('person:clarke@11111111', 'person', 'Clarke'), 'a');
    registry.add(entity('person:clarke@22222222', 'person', 'Clarke'), 'b');
    expect(registry.corpusKeyOf('person:olexander syrskyj')).toBe('person:oleksandr syrskyi');
    expect(registry.corpusKeyOf('person:igor putin')).toBe('person:igor putin');
    expect(registry.corpusKeyOf('person:clarke@22222222')).toBe('person:clarke@22222222');
    expect(registry.entities()).toHaveLength(5);
  });

  it('takes a rare near-spelling of a frequent name of the same type as a typo, whichever arrives first', () => {
    for (const order of [['typo', 'name'], ['name', 'typo']]) {
      const registry = new EntityRegistry();
      for (const which of order) {
        if (which === 'typo') registry.add({ ...entity('place:mocow', 'place', 'Mocow'), mentions: 1 }, 'x');
        else registry.add({ ...entity('place:geonames:524901', 'place', 'Moscow'), mentions: 9 }, 'y');
      }
      expect(registry.corpusKeyOf('place:mocow')).toBe('place:geonames:524901');
      expect(registry.entities()).toHaveLength(1);
    }
  });

  it('does not take a frequent name, another type, or a short name for a typo', () => {
    const registry = new EntityRegistry();
    registry.add({ ...entity('place:geonames:524901', 'place', 'Moscow'), mentions: 9 });
    registry.add({ ...entity('place:mosgow', 'place', 'Mosgow'), mentions: 5 }); // not rare enough
    registry.add({ ...entity('organization:mocow', 'organization', 'Mocow'), mentions: 1 }); // another type
    registry.add({ ...entity('place:geonames:703448', 'place', 'Kyiv'), mentions: 20 });
    registry.add({ ...entity('place:geonames:702550', 'place', 'Lviv'), mentions: 1 }); // 4 letters: never a typo
    expect(registry.entities()).toHaveLength(5);
  });

  it('computes bounded edit distances', () => {
    expect(editDistance('mocow', 'moscow', 2)).toBe(1);
    expect(editDistance('kharkiv', 'kherson', 2)).toBe(3);
  });
});

describe('variantsOf', () => {
  it('proposes the usual transliterations of a name', () => {
    expect(variantsOf('Zelensky')).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskyi']));
    expect(variantsOf('Kurakhove')).toContain('Kurakhovo');
    expect(variantsOf('Myrnohrad')).toContain('Myrnograd');
    expect(variantsOf('Мирноград')).toContain('Myrnohrad');
  });

  it('adds every spelling the corpus has seen', () => {
    const registry = new EntityRegistry();
    for (const s of seeds) registry.addArticle(s.articleId, s.entities, s.mentionCounts);
    expect(variantsOf('Zelensky', registry)).toEqual(expect.arrayContaining(['Volodymyr Zelenskyy', 'Zelenskyy']));
    expect(variantsOf('Myrnohrad', registry)).toContain('Mirnograd');
    expect(variantsOf('Zelensky', registry)).not.toContain('the president');
  });
});
