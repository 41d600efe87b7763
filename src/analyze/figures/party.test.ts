/** assignFigureParties on hand-built quotes and claims. */
import { describe, expect, it } from 'vitest';
import type { Claim, Figure, Quote, SourceSpan } from '../../model/index.ts';
import { assignFigureParties } from './party.ts';

const text =
  'Zelensky said his forces hold 90 settlements, and that Russia claims 50,000 soldiers were moved. ' +
  'Officials state that 53,000 people remain. Up to 600 leave daily.';

function span(phrase: string): { start: number; end: number; text: string } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length, text: phrase };
}

function source(phrase: string, entity: string | null, kind: SourceSpan['kind'] = 'named'): SourceSpan {
  return { ...span(phrase), entity, kind };
}

function figure(phrase: string): Figure {
  return { ...span(phrase), value: 0, valueMax: null, unit: 'count', counted: null, qualifier: null, date: null, party: null, hypothetical: false, sentence: 0 };
}

function quote(content: string, speaker: SourceSpan | null): Quote {
  return { kind: 'reported', content: span(content), cue: null, speaker, saidOn: null, channel: null, sentence: 0 };
}

function claim(content: string, party: SourceSpan | null): Claim {
  return { kind: 'claim', content: span(content), cue: null, party, date: null, flags: { unverified: false, reported: false, noResponse: false }, control: null, sentence: 0 };
}

const zelensky = source('Zelensky', 'person:volodymyr zelensky');
const russia = source('Russia', 'place:geonames:2017370');
const officials = { ...source('Officials', null, 'unnamed'), description: 'Officials' };

describe('assignFigureParties', () => {
  const quotes = [quote('his forces hold 90 settlements, and that Russia claims 50,000 soldiers were moved', zelensky), quote('53,000 people remain', officials)];
  const claims = [claim('50,000 soldiers were moved', russia)];
  const figures = [figure('90'), figure('50,000'), figure('53,000'), figure('600')];
  const result = assignFigureParties(figures, quotes, claims);

  it('a figure inside a quote gets its speaker', () => expect(result[0]!.party?.entity).toBe('person:volodymyr zelensky'));
  it('a figure inside a claim inside a quote gets the innermost party', () => expect(result[1]!.party?.text).toBe('Russia'));
  it('an unnamed source is a party with its description', () => expect(result[2]!.party).toMatchObject({ entity: null, kind: 'unnamed', description: 'Officials' }));
  it('a figure outside every attribution keeps a null party', () => expect(result[3]!.party).toBeNull());
  it('the input figures are not changed', () => expect(figures.every((f) => f.party === null)).toBe(true));
  it('a figure only partly inside a content span is not given its source', () => {
    const [f] = assignFigureParties([figure('90 settlements, and')], [quote('his forces hold 90', zelensky)], []);
    expect(f!.party).toBeNull();
  });
  it('the innermost attribution with no known source gives no party, not the outer one', () => {
    const [f] = assignFigureParties([figure('50,000')], [quote('his forces hold 90 settlements, and that Russia claims 50,000 soldiers were moved', zelensky)], [claim('50,000 soldiers were moved', null)]);
    expect(f!.party).toBeNull();
  });
  it('of a quote and a claim over the same words, the one with a source wins', () => {
    const [f] = assignFigureParties([figure('53,000')], [quote('53,000 people remain', null)], [claim('53,000 people remain', officials)]);
    expect(f!.party?.description).toBe('Officials');
  });
  it('nothing in, nothing out', () => expect(assignFigureParties([], quotes, claims)).toEqual([]));
});
