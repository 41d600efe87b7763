import { describe, expect, it } from 'vitest';
import type { Claim, FigureSeries, Follow, StoryRecordOut } from '../model/index.ts';
import { matchAlerts, type RunArticle } from './alerts.ts';

const span = (text: string) => ({ start: 0, end: text.length, text });

function claim(text: string, extra: Partial<Claim> = {}): Claim {
  return {
    kind: 'claim', content: span(text), cue: null, party: null, date: null,
    flags: { unverified: false, reported: false, noResponse: false } as Claim['flags'], control: null, sentence: 0, ...extra,
  };
}

const story = (id: string, articles: string[], title = 'Fighting near Pokrovsk'): StoryRecordOut => ({
  id, title, summary: `${title}.`, dates: null, articles, independentSources: articles.length, thread: null,
});

const follow = (id: number, kind: Follow['kind'], target: string, label = target): Follow => ({ id, kind, value: label, target, label });

const article = (id: string, entities: string[], claims: Claim[] = []): RunArticle => ({ id, title: `Article ${id}`, text: '', entities, claims });

const identity = (key: string) => key;

describe('matchAlerts', () => {
  it('alerts a new story naming a followed place, and not an old story that grew', () => {
    const alerts = matchAlerts([follow(1, 'place', 'place:pokrovsk', 'Pokrovsk')], {
      articles: [article('a', ['place:pokrovsk']), article('b', ['place:pokrovsk'])],
      stories: [story('s-new', ['a']), story('s-old', ['old', 'b'])],
      series: [],
      canonical: identity,
    });
    expect(alerts.map((a) => [a.kind, a.subject])).toEqual([['story', 's-new']]);
  });

  it('alerts every new article of a followed story', () => {
    const alerts = matchAlerts([follow(2, 'story', 's1', 'Fighting near Pokrovsk')], {
      articles: [article('b', [])],
      stories: [story('s1', ['old', 'b'])],
      series: [],
      canonical: identity,
    });
    expect(alerts.map((a) => a.subject)).toEqual(['s1+b']);
    expect(alerts[0]!.title).toBe('New in “Fighting near Pokrovsk”: Article b');
  });

  it('alerts a control claim about a followed place, with its party and verification', () => {
    const control = claim('Russian forces captured Novohrodivka', {
      party: { ...span('the Russian Defence Ministry'), entity: 'org:russian defence ministry', kind: 'named' },
      control: { action: 'captured', place: { ...span('Novohrodivka'), entity: 'place:novohrodivka' }, distanceKm: null },
      flags: { unverified: true, reported: false, noResponse: false } as Claim['flags'],
    });
    const alerts = matchAlerts([follow(3, 'place', 'place:novohrodivka', 'Novohrodivka')], {
      articles: [article('c', ['place:novohrodivka'], [claim('The weather was bad'), control])],
      stories: [],
      series: [],
      canonical: identity,
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'control', subject: 'c#1', title: 'the Russian Defence Ministry: Novohrodivka captured (unverified)' });
  });

  it('follows an entity the registry later merged into another', () => {
    const byParty = claim('the offensive has stalled', { party: { ...span('Syrskyi'), entity: 'person:oleksandr syrskyi', kind: 'named' } });
    const canonical = (key: string) => (key === 'person:syrskyj' ? 'person:oleksandr syrskyi' : key);
    const alerts = matchAlerts([follow(4, 'entity', 'person:syrskyj', 'Syrskyj')], {
      articles: [article('d', ['person:oleksandr syrskyi'], [byParty])], stories: [], series: [], canonical,
    });
    expect(alerts.map((a) => a.kind)).toEqual(['claim']);
  });

  it('matches a keyword as a whole word, not inside another', () => {
    const alerts = matchAlerts([follow(5, 'keyword', 'drone', 'drone')], {
      articles: [article('e', [], [claim('A drone hit the substation'), claim('Dronevka was shelled')])],
      stories: [story('s2', ['e'], 'Drone strikes on Kharkiv')],
      series: [],
      canonical: identity,
    });
    expect(alerts.map((a) => a.subject).sort()).toEqual(['e#0', 's2']);
  });

  it('alerts a figure that changed, and not one that stayed the same', () => {
    const point = (articleId: string, value: number, date: string) => ({
      articleId, index: 0, date, value, valueMax: null, qualifier: null, text: String(value), counted: 'km2 in Kursk', party: null, partyText: null,
    });
    const series = (id: string, values: Array<[string, number]>): FigureSeries => ({
      id, unit: 'km2', subject: 'territory held in the Kursk region', place: 'place:kursk', points: values.map(([a, v], i) => point(a, v, `2024-08-0${i + 1}`)),
    });
    const alerts = matchAlerts([follow(6, 'place', 'place:kursk', 'Kursk')], {
      articles: [article('new', ['place:kursk'])],
      stories: [],
      series: [series('x', [['old', 1250], ['new', 1300]]), series('y', [['old', 74], ['new', 74]])],
      canonical: identity,
    });
    expect(alerts.map((a) => [a.kind, a.title])).toEqual([['figure', 'territory held in the Kursk region: 1250 → 1300 km2']]);
  });
});
