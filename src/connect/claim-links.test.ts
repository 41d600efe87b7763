import { describe, expect, it } from 'vitest';
import type { Claim, ControlAction } from '../model/index.ts';
import { linkClaims, type ClaimLinkInput } from './claim-links.ts';

const ZELENSKY = 'person:volodymyr zelensky';
const KREMLIN = 'organization:kremlin';
const UKRAINE = 'place:geonames:690791';
const MOSCOW = 'place:geonames:524901';
const KHARKIV = 'place:geonames:706482';
const KURSK = 'place:geonames:538555';
const POKROVSK = 'place:geonames:704147';
const ALAUDINOV = 'person:apty alaudinov';

let next = 0;
function claim(
  articleId: string,
  kind: Claim['kind'],
  text: string,
  party: [string, string] | null,
  options: { date?: string | null; entities?: string[]; control?: [ControlAction, string] } = {},
): ClaimLinkInput {
  return {
    articleId,
    index: next++,
    date: options.date ?? null,
    entities: options.entities ?? [],
    claim: {
      kind,
      content: { start: 0, end: text.length, text },
      cue: null,
      party: party ? { start: 0, end: party[1].length, text: party[1], entity: party[0], kind: 'named' } : null,
      date: options.date ?? null,
      flags: { unverified: false, reported: false, noResponse: false },
      control: options.control
        ? { action: options.control[0], place: { start: 0, end: 1, text: 'x', entity: options.control[1] }, distanceKm: null }
        : null,
      sentence: 0,
    },
  };
}

describe('claims against counter-claims', () => {
  it('links the Kremlin denying its Kharkiv offensive failed to Zelensky saying it did', () => {
    const links = linkClaims([
      claim('001', 'claim', 'Russia had failed to implement its Kharkiv operation', [ZELENSKY, 'Zelenskyy'], { date: '2024-06', entities: [KHARKIV] }),
      claim('001', 'denial', 'its offensive had failed', [KREMLIN, 'The Kremlin'], { date: '2024-07-31' }),
      claim('001', 'claim', 'Russian troops are afraid to turn back', [ZELENSKY, 'Zelensky'], { date: '2024-07-31' }),
    ]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ relation: 'denies', a: { party: ZELENSKY, kind: 'claim' }, b: { party: KREMLIN, kind: 'denial' } });
  });

  it('links Moscow saying Ukraine’s forces in Pokrovsk are surrounded to Ukraine denying it', () => {
    const links = linkClaims([
      claim('004', 'denial', "Moscow's claim that its forces in the city are surrounded", [UKRAINE, 'Ukraine'], { entities: [MOSCOW] }),
      claim('004', 'claim', 'its forces in the city are surrounded', [MOSCOW, 'Moscow'], { control: ['surrounded', POKROVSK] }),
    ]);
    expect(links.map((l) => l.relation)).toEqual(['denies']);
  });

  it('sets Russia’s "half of it liberated" against Ukraine’s control of territory in Kursk', () => {
    const links = linkClaims([
      claim('003', 'claim', 'gained control over 1,300 square kilometers of Russian territory', [UKRAINE, 'Ukraine'], { date: '2024-08', control: ['captured', KURSK] }),
      claim('003', 'claim', 'about half of the territory occupied by the enemy has been liberated', [ALAUDINOV, 'Alaudinov'], { date: '2024-10-07', control: ['liberated', KURSK] }),
    ]);
    expect(links).toEqual([expect.objectContaining({ relation: 'contradicts', shared: [KURSK] })]);
    expect(links[0]!.a.party).toBe(UKRAINE);
  });

  it('does not link claims about different places, or a party agreeing with itself', () => {
    const links = linkClaims([
      claim('a', 'claim', 'Russian forces have captured the village', [MOSCOW, 'Moscow'], { control: ['captured', POKROVSK] }),
      claim('b', 'claim', 'Ukrainian forces liberated the village', [UKRAINE, 'Kyiv'], { control: ['liberated', KURSK] }),
      claim('c', 'claim', 'Russian forces have captured the town', [MOSCOW, 'Moscow'], { control: ['captured', POKROVSK] }),
      claim('d', 'denial', 'the attack on Kharkiv failed', [KREMLIN, 'Kremlin'], { entities: [KHARKIV] }),
      claim('e', 'claim', 'the offensive near Kursk failed', [ZELENSKY, 'Zelensky'], { entities: [KURSK] }),
    ]);
    expect(links).toEqual([]);
  });

  it('gives the same links whatever order the claims come in', () => {
    const inputs = [
      claim('x', 'claim', 'Russia had failed to take Kharkiv', [ZELENSKY, 'Zelensky'], { entities: [KHARKIV], date: '2024-07-30' }),
      claim('y', 'denial', 'its Kharkiv offensive failed', [KREMLIN, 'Kremlin'], { entities: [KHARKIV], date: '2024-07-31' }),
    ];
    expect(linkClaims([...inputs].reverse())).toEqual(linkClaims(inputs));
  });
});

describe('control claims about a region and its city', () => {
  it('sets a claim about the Kursk region against one about Kursk', () => {
    const region = claim('002', 'claim', 'his country’s forces have now taken control of 90 settlements in the Kursk region', [ZELENSKY, 'He'], { control: ['captured', 'place:geonames:538560'] });
    const city = claim('003', 'claim', 'almost half of the areas captured by Ukraine near Kursk have been brought back under Russian control', [ALAUDINOV, 'Alaudinov'], { control: ['retaken', KURSK] });
    expect(linkClaims([region, city])).toEqual([]);
    const links = linkClaims([{ ...region, placeAreas: ['kursk'] }, { ...city, placeAreas: ['kursk'] }]);
    expect(links.map((l) => [l.relation, l.a.party, l.b.party])).toEqual([['contradicts', ZELENSKY, ALAUDINOV]]);
  });
});
