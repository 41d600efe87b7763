/**
 * The acceptance cases of issue 5 on the sample articles (PRODUCT.md, sections
 * Quotes and Claims against counter-claims): each quote and claim extracted
 * by the full analyze() from the raw seed text, with its speaker or party.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Analysis, Claim, Quote } from '../../model/index.ts';
import { analyze } from '../index.ts';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus/samples');

function sample(id: string, published: string): Analysis {
  const file = readdirSync(samples).find((f) => f.startsWith(`${id}_`));
  if (file === undefined) throw new Error(`no sample ${id} in ${samples}`);
  const text = readFileSync(path.join(samples, file), 'utf8');
  return analyze({ text, published: { value: published, provenance: 'metadata', evidence: null } });
}

const ZELENSKY = 'person:volodymyr zelensky';

function quoteWith(a: Analysis, words: string, kinds: Quote['kind'][] = ['direct', 'partial', 'reported']): Quote[] {
  return a.quotes.filter((q) => kinds.includes(q.kind) && q.content.text.includes(words));
}

function claimWith(a: Analysis, words: string, kind: Claim['kind'] = 'claim'): Claim[] {
  return a.claims.filter((c) => c.kind === kind && c.content.text.includes(words));
}

describe('000 (Kyiv Independent, 31 July 2024)', () => {
  const a = sample('000', '2024-07-31');
  it('"throwing everything they have" is a partial quote by Zelensky, told French media on July 30', () => {
    const [q] = quoteWith(a, 'throwing everything they have', ['partial']);
    expect(q?.content.text).toBe('throwing everything they have');
    expect(q?.speaker?.entity).toBe(ZELENSKY);
    expect(q?.cue?.text).toBe('told');
    expect(q?.saidOn).toBe('2024-07-30');
  });
  it('reported speech: "Zelensky said that faster aid deliveries are necessary"', () => {
    const [q] = quoteWith(a, 'faster aid deliveries are necessary', ['reported']);
    expect(q?.content.text).toBe('faster aid deliveries are necessary');
    expect(q?.speaker?.entity).toBe(ZELENSKY);
    expect(q?.cue?.text).toBe('said');
  });
  it('"Ukraine\'s head of state said …" is Zelensky through his role', () => {
    const [q] = quoteWith(a, 'the second reason for Russia', ['reported']);
    expect(q?.speaker).toMatchObject({ entity: ZELENSKY, kind: 'role' });
  });
});

describe('001 (Business Insider, 31 July 2024)', () => {
  const a = sample('001', '2024-07-31');
  it('"throwing everything they have" is Zelensky\'s, inside reported speech', () => {
    const [q] = quoteWith(a, 'throwing everything they have', ['partial']);
    expect(q?.speaker?.entity).toBe(ZELENSKY);
  });
  it("Zelensky's words of the same interview are credited to the Kyiv Independent's translation", () => {
    const [q] = quoteWith(a, 'concentrating the largest number of personnel', ['partial']);
    expect(q?.speaker?.entity).toBe(ZELENSKY);
    expect(q?.speaker?.kind).toBe('pronoun');
    expect(q?.channel?.entity).toBe('outlet:kyiv independent');
  });
  it('and the earlier ones to Ukrainska Pravda\'s ("according to a translation by Ukrainian outlet Pravda")', () => {
    const [q] = quoteWith(a, 'The main objective today', ['direct']);
    expect(q?.speaker?.entity).toBe(ZELENSKY);
    expect(q?.channel?.entity).toBe('outlet:ukrainska pravda');
  });
  it('"he added" is the last speaker, Zelensky', () => {
    const [q] = quoteWith(a, 'Their primary focus is no longer the entire east', ['direct']);
    expect(q?.speaker).toMatchObject({ text: 'he', kind: 'pronoun', entity: ZELENSKY });
    expect(q?.cue?.text).toBe('added');
  });
  it("Peskov's quote of 17 July 2024", () => {
    const [q] = quoteWith(a, 'This operation is ongoing', ['direct']);
    expect(q?.content.text).toBe('This operation is ongoing, it will continue until it has been successfully completed');
    expect(q?.speaker?.entity).toBe('person:dmitry peskov');
    expect(q?.saidOn).toBe('2024-07-17');
  });
  it("Zelensky's claim that the Kharkiv offensive failed, in early June", () => {
    const [c] = claimWith(a, 'failed to implement its Kharkiv operation');
    expect(c?.party?.entity).toBe(ZELENSKY);
    expect(c?.date).toBe('2024-06');
  });
  it('the Kremlin denies it failed', () => {
    const [d] = claimWith(a, 'its offensive had failed', 'denial');
    expect(d?.party?.entity).toBe('organization:kremlin');
    expect(d?.cue?.text).toBe('denied');
  });
  it('"Russia denies its attack failed" is a denial by Russia, without the clause after "but"', () => {
    const [d] = claimWith(a, 'its attack failed', 'denial');
    expect(d?.content.text).toBe('its attack failed');
    expect(d?.party?.entity).toBe('place:sitrep:country-ru');
  });
});

describe('002 (after Sky News, August 2024)', () => {
  const a = sample('002', '2024-08-20');
  it("Zelensky's claim of 90 settlements in the Kursk region is a control claim on the region", () => {
    const [c] = claimWith(a, 'taken control of 90 settlements');
    expect(c?.party?.entity).toBe(ZELENSKY);
    expect(c?.control).toMatchObject({ action: 'captured', place: { entity: 'place:sitrep:kursk-oblast' } });
  });
  it('Russian forces 10 km from Pokrovsk, per the head of the military administration', () => {
    const [c] = claimWith(a, 'six miles');
    expect(c?.party?.entity).toBe('person:serhiy dobriak');
    expect(c?.control).toMatchObject({ action: 'advanced', distanceKm: 10, place: { entity: 'place:geonames:704422' } });
  });
  it('"Officials state …" is an unnamed source kept with its description', () => {
    const [q] = quoteWith(a, '53,000 individuals still reside in Pokrovsk', ['reported']);
    expect(q?.speaker).toMatchObject({ entity: null, kind: 'unnamed', description: 'Officials' });
  });
  it("Ukraine's allegation about the Seym bridge is flagged reported and unanswered", () => {
    const [c] = claimWith(a, 'damaged a third bridge');
    expect(c?.party?.entity).toBe('place:sitrep:country-ua');
    expect(c?.flags).toEqual({ unverified: false, reported: true, noResponse: true });
  });
});

describe('003 (Kursk territory, autumn 2024)', () => {
  const a = sample('003', '2024-10-07');
  it('Alaudinov\'s "about half … liberated" reaches us through Tass', () => {
    const q = quoteWith(a, 'about half of the territory occupied by the enemy has been liberated', ['direct']).find((x) => x.channel);
    expect(q?.speaker).toMatchObject({ entity: 'person:apty alaudinov', kind: 'pronoun', text: 'him' });
    expect(q?.cue?.text).toBe('quoted him as saying');
    expect(q?.channel).toMatchObject({ text: 'the state agency Tass', entity: 'outlet:tass' });
  });
  it('Alaudinov claims the areas near Kursk retaken', () => {
    const [c] = claimWith(a, 'brought back under Russian control');
    expect(c?.party?.entity).toBe('person:apty alaudinov');
    expect(c?.control).toMatchObject({ action: 'retaken', place: { entity: 'place:geonames:538560' } });
  });
  it('Ukraine claims 1,300 km² of Russian territory', () => {
    const [c] = claimWith(a, '1,300 square kilometers');
    expect(c?.party?.entity).toBe('place:sitrep:country-ua');
    expect(c?.control?.action).toBe('captured');
  });
  it('Russia reports it recaptured settlements', () => {
    const [c] = claimWith(a, 'recaptured several settlements');
    expect(c?.party?.entity).toBe('place:sitrep:country-ru');
    expect(c?.control?.action).toBe('retaken');
  });
  it('Levadne taken, by the Russian Defense Ministry ("it announced"), not verified', () => {
    const [c] = claimWith(a, 'liberated the settlement of Levadnoye');
    expect(c?.party).toMatchObject({ kind: 'pronoun', entity: 'organization:russian defense ministry' });
    expect(c?.control).toMatchObject({ action: 'liberated', place: { text: 'Levadnoye', entity: 'place:sitrep:levadne' } });
    expect(c?.flags.unverified).toBe(true);
  });
  it("Syrskyi's figure reaches us through Die Welt", () => {
    const [q] = quoteWith(a, 'withdrawn almost 50,000 soldiers', ['reported']);
    expect(q?.speaker?.entity).toBe('person:oleksandr syrskyi');
    expect(q?.channel?.entity).toBe('outlet:die welt');
  });
  it('"he wrote on X" is Zelensky, on X', () => {
    const [q] = quoteWith(a, 'we will present our strategy', ['direct']);
    expect(q?.speaker?.entity).toBe(ZELENSKY);
    expect(q?.channel?.text).toBe('X');
  });
  it('the headline\'s "one Russian general" is an unnamed source', () => {
    const [q] = quoteWith(a, 'Today, we note', ['direct']).filter((x) => !x.channel);
    expect(q?.speaker).toMatchObject({ kind: 'unnamed', entity: null, description: 'one Russian general' });
  });
});

describe('004 (via the Wall Street Journal, late 2025)', () => {
  const a = sample('004', '2025-11-01');
  it("Moscow claims Ukraine's forces in Pokrovsk are surrounded", () => {
    const [c] = claimWith(a, 'its forces in the city are surrounded');
    expect(c?.party?.entity).toBe('place:geonames:524901');
    expect(c?.control).toMatchObject({ action: 'surrounded', place: { entity: 'place:geonames:704422' } });
  });
  it('and Ukraine denies it', () => {
    const [d] = claimWith(a, 'its forces in the city are surrounded', 'denial');
    expect(d?.party?.entity).toBe('place:sitrep:country-ua');
    expect(d?.control?.action).toBe('surrounded');
  });
  it('"the officer added" is the same unnamed officer, through UNIAN', () => {
    const [q] = quoteWith(a, 'They dominate the sky', ['direct']);
    expect(q?.speaker).toMatchObject({ entity: null, kind: 'role', description: 'one officer' });
    expect(q?.channel?.entity).toBe('outlet:unian');
  });
  it('an officer of the 68th Brigade: the quote after the colon runs over three sentences', () => {
    const [q] = quoteWith(a, 'The losses are not worth it', ['direct']);
    expect(q?.content.text).toMatch(/to retake the city\.$/);
    expect(q?.speaker).toMatchObject({ kind: 'unnamed', description: 'An officer from the 68th Brigade' });
  });
});
