import { describe, expect, it } from 'vitest';
import type { Quote } from '../model/index.ts';
import { QuoteProvenance, type QuoteAppearanceInput } from './quote-provenance.ts';

const ZELENSKY = 'person:volodymyr zelensky';
const PESKOV = 'person:dmitry peskov';

function appearance(
  articleId: string,
  text: string,
  options: { speaker?: string | null; published?: string | null; outlet?: string | null; channel?: string; kind?: Quote['kind']; index?: number } = {},
): QuoteAppearanceInput {
  const speaker = options.speaker === undefined ? ZELENSKY : options.speaker;
  return {
    articleId,
    index: options.index ?? 0,
    published: options.published === undefined ? '2024-07-31' : options.published,
    outlet: options.outlet ?? null,
    quote: {
      kind: options.kind ?? 'direct',
      content: { start: 0, end: text.length, text },
      cue: null,
      speaker: speaker ? { start: 0, end: 1, text: 'x', entity: speaker, kind: 'named' } : null,
      saidOn: null,
      channel: options.channel ? { start: 0, end: 1, text: options.channel, entity: null } : null,
      sentence: 0,
    },
  };
}

describe('quote provenance', () => {
  it('ties a partial quote to the full one across articles, and follows the credited translation to its article', () => {
    const index = new QuoteProvenance();
    index.add([appearance('kyiv-independent', 'Russian forces are throwing everything they have at Pokrovsk', { outlet: 'The Kyiv Independent' })]);
    index.add([
      appearance('business-insider', 'throwing everything they have', {
        kind: 'partial', outlet: 'Business Insider', channel: 'Kyiv Independent', published: '2024-08-01',
      }),
    ]);
    const [group] = index.groups({ minArticles: 2 });
    expect(group?.appearances.map((a) => a.articleId)).toEqual(['kyiv-independent', 'business-insider']);
    expect(group?.text).toBe('Russian forces are throwing everything they have at Pokrovsk');
    expect(group?.earliest?.articleId).toBe('kyiv-independent');
    expect(group?.appearances[1]).toMatchObject({ creditedArticle: 'kyiv-independent', creditedBy: 'outlet' });
  });

  it('takes an article of unknown outlet quoting the credited words verbatim as the likely origin', () => {
    const index = new QuoteProvenance();
    index.add([appearance('unknown-outlet', 'Today, they are concentrating the largest number of personnel in the Pokrovsk direction', { published: null })]);
    index.add([
      appearance('business-insider', 'concentrating the largest number of personnel', {
        kind: 'partial', outlet: 'Business Insider', channel: 'the Kyiv Independent', published: '2024-08-01',
      }),
    ]);
    const credit = index.groups()[0]!.appearances.find((a) => a.articleId === 'business-insider');
    expect(credit).toMatchObject({ creditedArticle: 'unknown-outlet', creditedBy: 'wording' });
  });

  it('meets translation variants of one statement, but not another statement of the same speaker', () => {
    const index = new QuoteProvenance();
    index.add([appearance('a', 'This operation is ongoing, it will continue until it has been successfully completed', { speaker: PESKOV })]);
    index.add([appearance('b', 'The operation is ongoing and will continue until it is successfully completed', { speaker: PESKOV })]);
    index.add([appearance('c', 'The Kremlin does not comment on the operational situation at the front', { speaker: PESKOV })]);
    const groups = index.groups();
    expect(groups.map((g) => g.appearances.map((a) => a.articleId).sort())).toEqual([['a', 'b'], ['c']]);
  });

  it('never joins the same words said by two different people, or a short common phrase of unknown speakers', () => {
    const index = new QuoteProvenance();
    index.add([appearance('a', 'we will not give up a single inch of our land', { speaker: ZELENSKY })]);
    index.add([appearance('b', 'we will not give up a single inch of our land', { speaker: PESKOV })]);
    index.add([appearance('c', 'liberated', { speaker: null }), appearance('c', 'a disaster', { speaker: null, index: 1 })]);
    index.add([appearance('d', 'liberated', { speaker: null })]);
    expect(index.groups({ minArticles: 2 })).toEqual([]);
  });

  it('groups the same way whatever order the articles arrive in', () => {
    const inputs = [
      appearance('a', 'Russia is throwing everything it has at the Donetsk front', { published: '2024-07-30' }),
      appearance('b', 'throwing everything it has', { kind: 'partial', published: '2024-07-31' }),
      appearance('c', 'Russia throws everything it has at the Donetsk front', { published: null }),
      appearance('d', 'Faster aid deliveries are necessary', { published: '2024-07-29' }),
    ];
    const shape = (order: QuoteAppearanceInput[]) => {
      const index = new QuoteProvenance();
      for (const input of order) index.add([input]);
      return index.groups().map((g) => ({ id: g.id, articles: g.appearances.map((a) => a.articleId), earliest: g.earliest?.articleId }));
    };
    expect(shape([...inputs].reverse())).toEqual(shape(inputs));
    expect(shape(inputs)[0]).toEqual({ id: 'a:0', articles: ['a', 'b', 'c'], earliest: 'a' });
  });
});
