import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.ts';
import { cleanDocument } from '../../ingest/clean.ts';
import { eventSpan } from './dates.ts';
import { articleFeatures, assignStory, createStoryState, listStories, listThreads, stemEnglish, storyArticleFromAnalysis, storyOfArticle, type StoryArticle, type StoryState } from './index.ts';
import { peopleFactor } from './similarity.ts';

const SAMPLES = fileURLToPath(new URL('../../../corpus/samples/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The five samples as the pipeline would hand them over: cleaned, analysed, ids by file number. */
const seeds: StoryArticle[] = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const clean = cleanDocument({ source: SAMPLES + file, format: 'text', text: readFileSync(SAMPLES + file, 'utf8'), meta: {} });
    const analysis = analyze({ text: clean.text, published: clean.published });
    return storyArticleFromAnalysis({ id: file.slice(0, 3), title: clean.title, text: clean.text, language: clean.language, outlet: clean.outlet }, analysis);
  });

function ingest(articles: readonly StoryArticle[], state: StoryState = createStoryState()): StoryState {
  for (const a of articles) assignStory(state, a);
  return state;
}

const groupsOf = (state: StoryState) => listStories(state).map((s) => s.articles).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('stories of the five samples (PRODUCT.md, "Stories")', () => {
  const state = ingest(seeds);

  it('puts 000 and 001 (the same interview) in one story and none of 002, 003, 004 in it', () => {
    const story = storyOfArticle(state, '000')!;
    expect(story.articles).toEqual(['000', '001']);
    for (const other of ['002', '003', '004']) expect(storyOfArticle(state, other)!.id).not.toBe(story.id);
  });

  it('gives the interview story a title, a summary from its articles, and its id from its earliest article', () => {
    const story = storyOfArticle(state, '001')!;
    expect(story.id).toBe('story-000');
    expect([seeds[0]!.title, seeds[1]!.title]).toContain(story.title);
    expect(story.summary.length).toBeGreaterThan(40);
    expect(seeds[0]!.text.replace(/\s+/g, ' ') + ' ' + seeds[1]!.text.replace(/\s+/g, ' ')).toContain(story.summary.split(/(?<=[.!?"”])\s/)[0]!);
  });

  it('holds all five in one thread named after Pokrovsk', () => {
    const threads = listThreads(state);
    const pokrovsk = threads.find((t) => t.articles.includes('004'))!;
    expect(pokrovsk.articles).toEqual(['000', '001', '002', '003', '004']);
    expect(pokrovsk.title).toBe('Pokrovsk');
    expect(pokrovsk.stories).toContain('story-000');
  });

  it('groups the same way, with the same ids, whatever the order the articles arrive in', () => {
    const reversed = ingest([...seeds].reverse());
    const shuffled = ingest([seeds[3]!, seeds[1]!, seeds[4]!, seeds[0]!, seeds[2]!]);
    expect(groupsOf(reversed)).toEqual(groupsOf(state));
    expect(groupsOf(shuffled)).toEqual(groupsOf(state));
    expect(listStories(reversed).map((s) => s.id).sort()).toEqual(listStories(state).map((s) => s.id).sort());
  });

  it('carries on from a state saved as JSON and loaded again', () => {
    const saved = JSON.parse(JSON.stringify(ingest(seeds.slice(0, 3)))) as StoryState;
    expect(groupsOf(ingest(seeds.slice(3), saved))).toEqual(groupsOf(state));
  });

  it('changes nothing when an article is added twice', () => {
    const again = ingest(seeds, ingest(seeds));
    expect(again.documents).toBe(5);
    expect(groupsOf(again)).toEqual(groupsOf(state));
  });
});

describe('golden cases (fixtures/<case>/{input,expected}.json)', () => {
  interface FixtureArticle {
    id: string;
    title: string;
    text: string;
    published: string | null;
    outlet: string | null;
    duplicateOf?: string;
  }
  for (const slug of readdirSync(FIXTURES).sort()) {
    const input = JSON.parse(readFileSync(`${FIXTURES}${slug}/input.json`, 'utf8')) as FixtureArticle[];
    const expected = JSON.parse(readFileSync(`${FIXTURES}${slug}/expected.json`, 'utf8')) as { why: string; stories: string[][]; independentSources?: number[] };
    const articles = input.map((a) =>
      storyArticleFromAnalysis(
        { id: a.id, title: a.title, text: a.text, language: 'en', outlet: a.outlet, duplicateOf: a.duplicateOf ?? null },
        analyze({ text: a.text, published: a.published ? { value: a.published, provenance: 'metadata', evidence: 'fixture' } : { value: null, provenance: 'unknown', evidence: null } }),
      ),
    );
    it(`${slug}: ${expected.why}`, () => {
      for (const order of [articles, [...articles].reverse()]) {
        const stories = listStories(ingest(order)).sort((a, b) => a.articles[0]!.localeCompare(b.articles[0]!));
        const want = expected.stories.map((s) => [...s].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
        expect(stories.map((s) => s.articles)).toEqual(want);
        if (expected.independentSources) expect(stories.map((s) => s.independentSources)).toEqual(expected.independentSources);
      }
    });
  }
});

describe('near-duplicates', () => {
  it('puts a copy in its original\'s story and counts them as one source', () => {
    const copy: StoryArticle = { ...seeds[2]!, id: '002-copy', outlet: 'Aggregator', duplicateOf: '002' };
    const state = ingest([...seeds, copy]);
    const story = storyOfArticle(state, '002-copy')!;
    expect(story.articles).toEqual(['002', '002-copy']);
    expect(story.independentSources).toBe(1);
  });
});

/** A bare article for feature-level cases: only what the case sets. */
const bare = (over: Partial<StoryArticle>): StoryArticle => ({ id: 'x', title: '', text: '', published: null, language: 'en', outlet: null, entities: [], times: [], ...over });

describe('what tells two events of one kind apart', () => {
  it('reads a one-word "place" that is a word of a person\'s full name as that person ("Cole" a town beside "Marcus Cole")', () => {
    const f = articleFeatures(
      bare({
        title: 'Brandt stops Cole',
        text: 'Viktor Brandt stopped Marcus Cole. Cole was floored twice, and Cole never found his range.',
        entities: [
          { key: 'person:marcus cole', type: 'person', name: 'Marcus Cole', mentions: 1 },
          { key: 'place:geonames:705883', type: 'place', name: 'Kiliya', mentions: 2, variants: ['Cole'], place: { lat: 45.4, lon: 29.3, kind: 'town', country: 'UA' } },
        ],
      }),
    );
    expect(f.places).toEqual([]);
    expect(Object.keys(f.entities)).toEqual(['person:marcus cole']);
    // three mentions and the title: whom the article is about
    expect(f.entities['person:marcus cole']).toBeCloseTo(1 + Math.log(3 + 2));
  });

  it('does not take a day a text recalls for its event\'s day when it names a later year ("since September 11, 2001" in 2006)', () => {
    expect(eventSpan(null, [{ type: 'DATE', value: '2001-09-11' }, { type: 'DATE', value: '2006' }])).toBeNull();
    expect(eventSpan(null, [{ type: 'DATE', value: '2008-12-09' }, { type: 'DATE', value: '2008' }])?.precision).toBe('day');
  });

  it('discounts two reports that each name their own person, not two spellings of one ("Zelensky", "Zelenskyy")', () => {
    const report = (id: string, spelling: string, other: string) =>
      articleFeatures(
        bare({
          id,
          text: `Volodymyr ${spelling} met ${other} on Monday. ${spelling} said ${other.split(' ')[1]} had agreed.`,
          entities: [
            { key: `person:volodymyr ${spelling.toLowerCase()}`, type: 'person', name: `Volodymyr ${spelling}`, mentions: 2 },
            { key: `person:${other.toLowerCase()}`, type: 'person', name: other, mentions: 2 },
          ],
        }),
      );
    expect(peopleFactor(report('a', 'Zelensky', 'Dmitry Peskov'), report('b', 'Zelenskyy', 'Dmitry Peskov'))).toBe(1);
    expect(peopleFactor(report('a', 'Zelensky', 'Dmitry Peskov'), report('b', 'Zelenskyy', 'Mark Rutte'))).toBe(0.5);
  });
});

describe('stemEnglish', () => {
  it('joins the inflections of a word and keeps different words apart', () => {
    expect(new Set(['checks', 'checked', 'checking', 'check'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['earthquake', 'earthquakes'].map(stemEnglish)).size).toBe(1);
    expect(stemEnglish('fired')).toBe(stemEnglish('fire'));
    expect(stemEnglish('arrest')).not.toBe(stemEnglish('arrive'));
  });
});
