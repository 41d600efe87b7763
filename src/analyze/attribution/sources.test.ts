/**
 * Golden cases for sources: named speakers with titles and appositions,
 * pronouns and roles resolved to the last speaker, unnamed sources kept with
 * their description, poll-style sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceSpan } from '../../model/index.ts';
import { analyze } from '../index.ts';

function speakers(text: string): (Pick<SourceSpan, 'text' | 'kind' | 'entity'> & { description?: string })[] {
  return analyze({ text, published: { value: '2024-08-20', provenance: 'metadata', evidence: null } }).quotes
    .filter((q) => q.kind !== 'partial')
    .map((q) => {
      const s = q.speaker!;
      return { text: s.text, kind: s.kind, entity: s.entity, ...(s.description !== undefined ? { description: s.description } : {}) };
    });
}

describe('named sources', () => {
  it('a title before the name is part of the source', () => {
    expect(speakers('Ukrainian President Volodymyr Zelenskyy said Russia has moved its focus away from Kharkiv.')).toEqual([
      { text: 'Ukrainian President Volodymyr Zelenskyy', kind: 'named', entity: 'person:volodymyr zelensky' },
    ]);
  });
  it('an apposition between name and cue: the name is the entity', () => {
    const [s] = speakers('Serhiy Dobriak, head of the local military administration, said that 600 people leave daily.');
    expect(s).toEqual({ text: 'Serhiy Dobriak, head of the local military administration', kind: 'named', entity: 'person:serhiy dobriak' });
  });
  it('a body speaks as itself', () => {
    const [s] = speakers('The Russian Defense Ministry reported the capture of a settlement.');
    expect(s?.entity).toBe('organization:russian defense ministry');
  });
});

describe('pronouns and roles', () => {
  it('"he added" is the last speaker', () => {
    const found = speakers('"The city will hold," said Dmitry Peskov. "We will continue," he added.');
    expect(found[1]).toEqual({ text: 'he', kind: 'pronoun', entity: 'person:dmitry peskov' });
  });
  it('"it announced" is the last body that spoke, not the last person', () => {
    const found = speakers('The Russian Defense Ministry said Zelensky was wrong. Army units had "liberated the village," it announced.');
    expect(found[1]).toMatchObject({ text: 'it', kind: 'pronoun', entity: 'organization:russian defense ministry' });
  });
  it('a person brought in as a subject after the last speaker takes "he"', () => {
    const found = speakers(
      'Dmitry Peskov said the operation continues. Zelensky also posted about the Victory Plan. "We will present our strategy," he wrote.',
    );
    expect(found[found.length - 1]).toMatchObject({ text: 'he', entity: 'person:volodymyr zelensky' });
  });
  it('"the president" is resolved by the entity stage to the president named before', () => {
    const found = speakers('President Volodymyr Zelensky spoke in Kyiv. According to the president, Russia shifted its focus.');
    expect(found[0]).toMatchObject({ text: 'the president', kind: 'role', entity: 'person:volodymyr zelensky' });
  });
});

describe('unnamed sources', () => {
  it('"one officer" is kept with its description; "the officer" later is the same source', () => {
    const found = speakers('According to one officer, "for every Ukrainian drone there are ten Russian ones." "They dominate the sky," the officer added.');
    expect(found[0]).toEqual({ text: 'one officer', kind: 'unnamed', entity: null, description: 'one officer' });
    expect(found[1]).toEqual({ text: 'the officer', kind: 'role', entity: null, description: 'one officer' });
  });
  it('"analysts", "officials" and a unit officer are unnamed', () => {
    expect(speakers('Analysts say Pokrovsk could fall. Officials state that 53,000 people remain.').map((s) => [s.kind, s.description])).toEqual([
      ['unnamed', 'Analysts'],
      ['unnamed', 'Officials'],
    ]);
    expect(speakers('An officer from the 68th Brigade said it was time to retreat.')[0]).toMatchObject({ kind: 'unnamed', description: 'An officer from the 68th Brigade' });
  });
  it('a share of a poll speaks: "Sixty-six percent said …"', () => {
    expect(speakers('Sixty-six percent said it made no difference to them.')[0]).toMatchObject({ text: 'Sixty-six percent', kind: 'unnamed' });
  });
  it('"the judge said": a noun after a determiner can speak', () => {
    expect(speakers('Then the judge said he could not require restitution.')[0]).toMatchObject({ text: 'the judge', kind: 'unnamed' });
  });
});

describe('junk sources', () => {
  it('"a request for comment" is no speech and "a request for" no speaker (seed 001)', () => {
    const a = analyze({
      text: 'The Russian Defense Ministry did not immediately respond to a request for comment sent outside regular business hours by Business Insider.',
      published: { value: '2024-07-31', provenance: 'metadata', evidence: null },
    });
    expect([...a.quotes.map((q) => q.speaker?.text), ...a.claims.map((c) => c.party?.text)]).toEqual([]);
  });
  it('no speaker or party of the seeds ends on a preposition or opens with a bracket', () => {
    const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus/samples');
    for (const file of readdirSync(samples)) {
      const a = analyze({ text: readFileSync(path.join(samples, file), 'utf8'), published: { value: null, provenance: 'unknown', evidence: null } });
      for (const s of [...a.quotes.map((q) => q.speaker), ...a.claims.map((c) => c.party)]) {
        if (s) expect(s.text, file).not.toMatch(/(^[(\[]|\b(for|of|from|at|to|with|by|in|on)$)/u);
      }
    }
  });
});

describe('speaking groups (PolNeAR train, round 3)', () => {
  const speakers = (text: string) => analyze({ text, published: { value: '2016-03-01', provenance: 'metadata', evidence: null } }).quotes.map((q) => q.speaker?.text);
  it('a lowercase plural speaks as a cue\'s subject: "forecasters say", "hacking specialists say", "Trump\'s opponents said"', () => {
    expect(speakers('If it doesn’t slow down, forecasters say health spending will cripple the economy.')).toEqual(['forecasters']);
    expect(speakers('But hacking specialists say the most harmful information might not be genuine.')).toEqual(['hacking specialists']);
    expect(speakers('Trump’s opponents said the U.S. should stand with Israel.')).toEqual(['Trump’s opponents']);
  });
  it('a poll\'s respondents: "those surveyed say"', () => {
    expect(speakers('By double digits, those surveyed say stricter gun laws would help.')).toEqual(['those surveyed']);
  });
  it('an adverb ending in -s is no speaker: "always says" has none', () => {
    expect(speakers('As always says the motto, the show goes on.')).toEqual([]);
  });
});
