import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../model/index.ts';
import { extractEntities } from './index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  heuristic: string;
  present: Array<{ text: string; type: string; entity: string; via?: string }>;
  absent: string[];
}

describe('extractEntities: golden cases, one per heuristic', () => {
  for (const slug of readdirSync(FIXTURES)) {
    const input = readFileSync(`${FIXTURES}${slug}/input.txt`, 'utf8');
    const expected = JSON.parse(readFileSync(`${FIXTURES}${slug}/expected.json`, 'utf8')) as Expected;
    it(`${slug}: ${expected.heuristic}`, () => {
      const { mentions, entities } = extractEntities(input);
      const found = (text: string) => mentions.filter((m) => m.text === text);
      for (const want of expected.present) {
        const match = found(want.text).find((m) => m.type === want.type && m.entity === want.entity && (!want.via || m.via === want.via));
        expect(match, `${want.text} as ${want.type} ${want.entity} ${want.via ?? ''} in ${JSON.stringify(found(want.text))}`).toBeDefined();
      }
      for (const text of expected.absent) expect(found(text), `"${text}" must not be a mention`).toEqual([]);
      // Offsets index the input, and every mention's entity is listed once.
      for (const m of mentions) expect(input.slice(m.start, m.end)).toBe(m.text);
      const keys = entities.map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const m of mentions) expect(keys).toContain(m.entity);
    });
  }
});

describe('extractEntities: places carry coordinates and the namesake the article means', () => {
  it('puts Pokrovsk in Donetsk Oblast, Ukraine, not in Yakutia', () => {
    const { entities } = extractEntities('Russian forces are 10 km from Pokrovsk in Ukraine’s eastern Donetsk region.');
    const pokrovsk = entities.find((e) => e.name === 'Pokrovsk')!;
    expect(pokrovsk.place).toMatchObject({ country: 'UA', region: 'Donetsk Oblast' });
    expect(pokrovsk.place!.lat).toBeCloseTo(48.28, 1);
    expect(pokrovsk.place!.lon).toBeCloseTo(37.18, 1);
  });

  it('prefers the namesake in a country the article mentions', () => {
    // Moscow, Idaho is tiny next to Moscow, Russia: only context can pick it.
    const { entities } = extractEntities('Moscow is a city in Idaho, United States, home to the University of Idaho. Moscow hosts a fair.');
    const moscow = entities.find((e) => e.name === 'Moscow');
    expect(moscow?.place?.country).toBe('US');
  });
});

describe('extractEntities: bad input', () => {
  const mentionsOf = (text: string): EntityMention[] => extractEntities(text).mentions;

  it('returns nothing for empty or blank text', () => {
    expect(extractEntities('')).toEqual({ mentions: [], entities: [] });
    expect(extractEntities(' \n\t ')).toEqual({ mentions: [], entities: [] });
  });

  it('never takes part of a number into a name: "Russia Withdraws 50,000 Troops From Kherson"', () => {
    const text = 'Russia Withdraws 50,000 Troops From Kherson';
    const { mentions } = extractEntities(text);
    expect(mentions.some((m) => /\d/.test(m.text))).toBe(false);
    expect(mentions.find((m) => m.text === 'Russia')?.type).toBe('place');
  });

  it('handles Arabic and CJK text without throwing, with offsets that index it', () => {
    for (const text of [
      'قال الرئيس الأوكراني فولوديمير زيلينسكي إن روسيا تركز قواتها قرب بوكروفسك.',
      '乌克兰总统泽连斯基表示，俄罗斯正在波克罗夫斯克方向集中兵力。',
      'ウクライナのゼレンスキー大統領は、ロシアがポクロウシクに戦力を集中していると述べた。',
    ]) {
      for (const m of mentionsOf(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('reads Cyrillic names into the same entities as their romanised forms', () => {
    const { mentions } = extractEntities('Президент Володимир Зеленський заявив, що ситуація під Мирноградом складна. Мирноград.');
    const keys = mentions.map((m) => m.entity);
    expect(keys).toContain('person:volodymyr zelensky');
    expect(keys).toContain('place:geonames:710035');
  });

  it('finishes a 5 MB article, and a 5 MB line without sentence breaks, in bounded time', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../corpus/samples/000_e19b759e33d5193a.txt', import.meta.url)), 'utf8');
    const big = seed.repeat(Math.ceil(5e6 / seed.length));
    const started = Date.now();
    const { mentions } = extractEntities(big);
    expect(mentions.length).toBeGreaterThan(1000);
    const oneLine = 'Zelensky met Putin near Pokrovsk and Kharkiv while Moscow and Kyiv argued '.repeat(70_000);
    const { mentions: lineMentions } = extractEntities(oneLine);
    expect(lineMentions.length).toBeGreaterThan(1000);
    // Linear work at ≥ 0.3 MB/s on a slow shared machine: far less than this for 10 MB.
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);
});
