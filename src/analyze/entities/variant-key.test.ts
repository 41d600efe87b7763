import { describe, expect, it } from 'vitest';
import { normalizeName, romanize, variantKey } from './variant-key.ts';

describe('variantKey', () => {
  const groups: string[][] = [
    ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskyi', 'Selenskyj', 'Зеленський', 'Зеленский'],
    ['Syrskyj', 'Syrskyi', 'Syrsky', 'Сирський'],
    ['Oleksandr', 'Olexander', 'Aleksandr', 'Олександр'],
    ['Kiev', 'Kyiv', 'Київ', 'Киев'],
    ['Kharkov', 'Kharkiv', 'Харків'],
    ['Mirnograd', 'Myrnohrad', 'Mirnohrad', 'Мирноград'],
    ['Levadnoye', 'Levadne', 'Левадне'],
    ['Kurakhovo', 'Kurakhove'],
    ['Kostiantynivka', 'Kostyantynivka'],
    ['Pokrovka', 'Pokrivka'],
    ['Zaporizhzhia', 'Zaporizhia', 'Zaporozhye'],
    ['Luhansk', 'Lugansk'],
    // The skeleton's own rules, one each: -er after a consonant, x as ks, shch/sch/щ as one sound.
    ['Peter', 'Petr', 'Пётр'],
    ['Maxim', 'Maksim', 'Максим'],
    ['Shchuka', 'Schuka', 'Щука'],
  ];
  for (const group of groups) {
    it(`joins ${group.join(' / ')}`, () => {
      const keys = new Set(group.map(variantKey));
      expect(keys.size).toBe(1);
    });
  }

  it('keeps different names apart', () => {
    expect(variantKey('Kiev')).not.toBe(variantKey('Kivu'));
    expect(variantKey('Moscow')).not.toBe(variantKey('Mocow')); // a typo is the registry's call, not a spelling
    expect(variantKey('Kyiv')).not.toBe(variantKey('Lviv'));
    expect(variantKey('Putin')).not.toBe(variantKey('Peskov'));
  });

  it('romanises Cyrillic and normalises for readable keys', () => {
    expect(romanize('Київ')).toBe('Kyyiv');
    expect(normalizeName('  Kramators’k  ')).toBe("kramators'k");
    expect(normalizeName('Zaporizhzhia Oblast')).toBe('zaporizhzhia oblast');
  });
});
