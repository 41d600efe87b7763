/**
 * Golden cases for claims and denials, their flags, and control claims
 * (captured, liberated, retaken, surrounded, attacked, advanced with distance).
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../model/index.ts';
import { analyze } from '../index.ts';

function claims(text: string): Claim[] {
  return analyze({ text, published: { value: '2024-08-20', provenance: 'metadata', evidence: null } }).claims;
}

describe('perceptions and expectations without a source (PolNeAR train, round 3)', () => {
  it('"X seemed to …", "X is expected to …" are claims of no one named: the subject and what it seems', () => {
    expect(claims('In the past few days, the politician with the outsized personality seemed to be shrinking in stature.').map((c) => [c.content.text, c.party, c.cue?.text])).toEqual([
      ['the politician with the outsized personality seemed to be shrinking in stature', null, 'seemed'],
    ]);
    expect(claims('All three Republican presidential candidates are expected to speak at the gala.').map((c) => [c.content.text, c.party, c.cue?.text])).toEqual([
      ['All three Republican presidential candidates are expected to speak at the gala', null, 'are expected'],
    ]);
  });
  it('"appeared on CNN", "appeared in court" and "the expected result" are no perceptions', () => {
    expect(claims('Clinton appeared on CNN on Sunday. Manafort appeared in court. The expected result came in.')).toEqual([]);
  });
});

describe('views of someone (PolNeAR train, round 3)', () => {
  it('"he sees Cruz as a uniter" is his belief; "is seen as" and "saw the movie" are none', () => {
    expect(claims('In part, he sees Cruz as a uniter.').map((c) => [c.content.text, c.party?.text])).toEqual([['Cruz as a uniter', 'he']]);
    expect(claims('Trump is seen as an outsider. I saw the movie last week.')).toEqual([]);
  });
});

describe('claims and denials', () => {
  it('reported words that end in a question mark claim nothing: "Trump: Where was Obama?" is a quote only', () => {
    expect(claims('Ted Cruz: Where was the president on this question?')).toEqual([]);
    expect(analyze({ text: 'Ted Cruz: Where was the president on this question?', published: { value: '2024-08-20', provenance: 'metadata', evidence: null } }).quotes).toHaveLength(1);
  });
  it('"X claims that …" is a claim with its party', () => {
    const [c] = claims('Ukraine claims that its forces damaged a third bridge.');
    expect([c?.kind, c?.content.text, c?.party?.entity]).toEqual(['claim', 'its forces damaged a third bridge', 'place:sitrep:country-ua']);
  });
  it('"X denies …" is a denial; the clause after "but" is not denied', () => {
    const [c] = claims('Russia denies its attack failed but hasn\'t made significant gains.');
    expect([c?.kind, c?.content.text]).toEqual(['denial', 'its attack failed']);
  });
  it('"Moscow\'s claim that …" inside a denial is a claim of Moscow; the denial denies that claim', () => {
    const found = claims('Ukraine denies Moscow\'s claim that its forces in Pokrovsk are surrounded, but acknowledges the situation is hard.');
    expect(found.map((c) => [c.kind, c.party?.entity, c.content.text])).toEqual([
      ['denial', 'place:sitrep:country-ua', 'Moscow\'s claim that its forces in Pokrovsk are surrounded'],
      ['claim', 'place:geonames:524901', 'its forces in Pokrovsk are surrounded'],
      // "but acknowledges …" is a second predicate of Ukraine's: a statement of its own.
      ['claim', 'place:sitrep:country-ua', 'the situation is hard'],
    ]);
  });
  it('a belief is a claim, not a quote', () => {
    const a = analyze({ text: 'Analysts believe Pokrovsk could fall within weeks.', published: { value: '2024-08-20', provenance: 'metadata', evidence: null } });
    expect(a.quotes).toEqual([]);
    expect(a.claims.map((c) => [c.party?.description, c.content.text])).toEqual([['Analysts', 'Pokrovsk could fall within weeks']]);
  });
  it('a question or an appeal is no claim', () => {
    expect(claims('Zelensky urged allies to lift the restrictions.')).toEqual([]);
  });
});

describe('flags', () => {
  it('unverified: "has not been verified by an independent source"', () => {
    const [c] = claims('Army units took the village, the ministry announced, although this has not been verified by an independent source.');
    expect(c?.flags).toEqual({ unverified: true, reported: false, noResponse: false });
  });
  it('reported: "allegedly", and the cue "alleges"', () => {
    expect(claims('The army said the bridge was allegedly destroyed.')[0]?.flags.reported).toBe(true);
    expect(claims('Ukraine alleges that the bridge was destroyed.')[0]?.flags.reported).toBe(true);
  });
  it('no response, in the sentence that follows the claim', () => {
    const [c] = claims('Ukraine claims that its forces damaged a bridge. The ministry did not immediately respond to a request for comment.');
    expect(c?.flags.noResponse).toBe(true);
  });
  it('no flags on a plain claim', () => {
    expect(claims('Ukraine claims that its forces damaged a bridge.')[0]?.flags).toEqual({ unverified: false, reported: false, noResponse: false });
  });
});

describe('control claims', () => {
  const control = (text: string) => claims(text).map((c) => c.control && [c.control.action, c.control.place.text, c.control.place.entity, c.control.distanceKm]);
  it('captured, with the place entity', () => {
    expect(control('Zelensky claims that his forces have taken control of 90 settlements in the Kursk region.')).toEqual([
      ['captured', 'Kursk region', 'place:sitrep:kursk-oblast', null],
    ]);
  });
  it('liberated, under the name the claimant uses', () => {
    expect(control('Army units had "liberated the settlement of Levadnoye," the ministry announced.')).toEqual([
      ['liberated', 'Levadnoye', 'place:sitrep:levadne', null],
    ]);
  });
  it('retaken: the last action wins ("captured by Ukraine … brought back under Russian control")', () => {
    expect(control('Alaudinov said that half of the areas captured by Ukraine near Kursk have been brought back under Russian control.')).toEqual([
      ['retaken', 'Kursk', 'place:geonames:538560', null],
    ]);
  });
  it('surrounded: "the city" is the city named before', () => {
    expect(control('Fighting goes on in Pokrovsk. Moscow says its forces in the city are surrounded.')).toEqual([
      ['surrounded', 'the city', 'place:geonames:704422', null],
    ]);
  });
  it('attacked', () => {
    expect(control('The governor said Russian forces attacked Kharkiv overnight.')).toEqual([['attacked', 'Kharkiv', 'place:geonames:706483', null]]);
  });
  it('advanced, with the distance in km (miles converted)', () => {
    // "the city" is whichever Pokrovsk the entity stage resolved the name to (without war context, a namesake).
    const text = 'Pokrovsk is under threat. The governor warned that Russian forces are advancing, only six miles from the city.';
    const pokrovsk = analyze({ text, published: { value: '2024-08-20', provenance: 'metadata', evidence: null } }).entities[0]!.entity;
    expect(control(text)).toEqual([['advanced', 'the city', pokrovsk, 9.7]]);
    expect(control('Dobriak warned that Russian forces inch closer, being only 10km from Pokrovsk in the Donetsk region.')).toEqual([
      ['advanced', 'Pokrovsk', 'place:geonames:704422', 10],
    ]);
  });
  it('no place, no control claim', () => {
    expect(control('The army said it captured two soldiers.')).toEqual([null]);
  });
});

describe('control claims: what did not happen is no control claim', () => {
  // Every control claim the text yields, whatever else it yields.
  const control = (text: string) => claims(text).flatMap((c) => (c.control ? [[c.control.action, c.control.place.text]] : []));
  it('a failure to capture a place is not its capture (seed 001: "after their failure to capture Kharkiv")', () => {
    expect(control('"The main objective today, after their failure to capture Kharkiv, which we understand is no longer feasible, has shifted," said Zelenskyy.')).toEqual([]);
    expect(control('Zelenskyy said Russian forces failed to take Kharkiv.')).toEqual([]);
  });
  it('a negated action is no claim: "has not captured", "never took control", "is no longer surrounded"', () => {
    expect(control('The ministry said Russian forces have not captured Pokrovsk.')).toEqual([]);
    expect(control('Kyiv said Russia never took control of Kharkiv.')).toEqual([]);
    expect(control('The governor said Kharkiv is no longer surrounded.')).toEqual([]);
  });
  it('an intention or a possibility is no claim: "plans to seize", "could capture"', () => {
    expect(control('Analysts say Moscow plans to seize Pokrovsk.')).toEqual([]);
    expect(control('The officer said Russian troops could capture Pokrovsk within weeks.')).toEqual([]);
  });
  it('a possible or threatened action is no event: "Russia\'s possible attack on Ukraine", "the threat of an attack on Kharkiv"', () => {
    expect(control('Peskov said the hysteria around Russia\'s possible attack on Ukraine is coming from across the ocean.')).toEqual([]);
    expect(control('The governor said the threat of an attack on Kharkiv is growing.')).toEqual([]);
  });
  it('an attempt is recorded as an attack, which is what the text says', () => {
    expect(control('The governor said Russian troops tried to capture Kharkiv overnight.')).toEqual([['attacked', 'Kharkiv']]);
  });
  it('a real capture beside a failed one is still a capture; "claimed to have captured" is a claim of capture', () => {
    expect(control('The ministry said its forces captured Levadne after failing to take Pokrovsk.')).toEqual([['captured', 'Levadne']]);
    expect(control('Russia claimed to have captured Levadne.')).toEqual([['captured', 'Levadne']]);
  });
});

describe('intentions: what a party wants, plans, seeks or hopes to do', () => {
  const brief = (text: string) => claims(text).map((c) => [c.content.text, c.cue?.text, c.party?.text, c.control?.action ?? null]);
  it('"plans to", "seeks to", "hopes to" are claims of the party\'s position, not quotes, and no control claim', () => {
    expect(brief('Moscow plans to seize Pokrovsk.')).toEqual([['to seize Pokrovsk', 'plans', 'Moscow', null]]);
    expect(brief('The group seeks to prevent gun-related deaths.')).toEqual([['to prevent gun-related deaths', 'seeks', 'The group', null]]);
    expect(brief('Clinton hopes to make a statement in California.')).toEqual([['to make a statement in California', 'hopes', 'Clinton', null]]);
    const a = analyze({ text: 'Moscow plans to seize Pokrovsk.', published: { value: '2024-08-20', provenance: 'metadata', evidence: null } });
    expect(a.quotes).toEqual([]);
  });
  it('"wants" takes an object too; "plans" after a preposition or a determiner is a noun', () => {
    expect(brief('Palestinians want East Jerusalem for their future state.')).toEqual([['East Jerusalem for their future state', 'want', 'Palestinians', null]]);
    expect(brief('The campaign is making its biggest ad buy, with plans to spend $10 million.')).toEqual([]);
    expect(brief('The plans of the army are unknown.')).toEqual([]);
  });
});

describe('nominal and passive frames', () => {
  const brief = (text: string) => claims(text).map((c) => [c.kind, c.content.text, c.cue?.text, c.party?.text, c.control?.action ?? null]);
  it('"X\'s call for …" and "X\'s plan to …" are X\'s position; a plan to seize a place is no control claim', () => {
    expect(brief("The ministry rejected Zelensky's call for more air defence.")).toEqual([
      ['denial', "Zelensky's call for more air defence", 'rejected', 'The ministry', null],
      ['claim', 'more air defence', 'call for', 'Zelensky', null],
    ]);
    expect(brief("Moscow's plan to seize Pokrovsk failed.")).toEqual([['claim', 'to seize Pokrovsk', 'plan', 'Moscow', null]]);
  });
  it('"X has been quoted as saying …": the subject is the speaker', () => {
    const a = analyze({ text: 'Peskov has been quoted as saying the operation is ongoing.', published: { value: '2024-08-20', provenance: 'metadata', evidence: null } });
    expect(a.quotes.map((q) => [q.content.text, q.cue?.text, q.speaker?.entity])).toEqual([['the operation is ongoing', 'quoted as saying', 'person:dmitry peskov']]);
  });
});
