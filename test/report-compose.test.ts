/**
 * The composer on small hand-made records: which articles a period holds,
 * how its sections are ordered, claims paired with their counter-claims,
 * figure changes, quotes credited once. No store: `composeSituation` is pure.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimLink, ClaimSide, FigureSeries, QuoteGroup, SeriesPoint, StoryRecordOut, TimelineEntry } from '../src/model/index.ts';
import { composeSituation, renderMarkdown, ReportError, type SituationRecords } from '../src/report/index.ts';
import { figureText } from '../src/report/situation.ts';
import type { ArticleSummary, StoredQuote } from '../src/store/index.ts';

function article(id: string, published: Partial<ArticleSummary['published']> = {}, outlet: string | null = `Outlet ${id}`): ArticleSummary {
  return {
    id,
    title: `Title ${id}`,
    outlet,
    author: null,
    language: 'en',
    published: { value: null, provenance: 'unknown', evidence: null, ...published },
    source: `in/${id}.txt`,
    url: `https://news.example/${id}`,
    duplicateOf: null,
    similarity: null,
    ingestedAt: '2024-09-01T00:00:00Z',
    length: 1000,
  };
}
const dated = (id: string, day: string) => article(id, { value: day, provenance: 'metadata' });

function records(parts: Partial<SituationRecords>): SituationRecords {
  return {
    articles: [],
    stories: [],
    threads: [],
    events: [],
    quoteGroups: [],
    claimLinks: [],
    series: [],
    quotes: [],
    claims: [],
    figures: [],
    analyses: [],
    entities: [],
    ...parts,
  };
}

function event(date: string, articleId: string, score: number, text = `event on ${date} in ${articleId}`): TimelineEntry {
  return { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', dated: 'stated', text, sources: [{ articleId, sentence: 0, start: 0, end: 10 }], entities: [], score };
}

function side(articleId: string, index: number, kind: 'claim' | 'denial', party: string, date: string | null = null): ClaimSide {
  return { articleId, index, date, party: null, partyText: party, kind, text: `${party} ${kind} ${articleId}:${index}`, };
}

function point(articleId: string, index: number, value: number, date: string | null, partyText: string): SeriesPoint {
  return { articleId, index, date, value, valueMax: null, qualifier: 'over', text: `${value}`, counted: 'territory held in Kursk', party: null, partyText };
}

describe('the period', () => {
  const articles = [
    dated('a1', '2024-08-01'),
    dated('a2', '2024-08-10'),
    dated('a3', '2024-08-20T10:00:00Z'),
    article('r1', { value: null, provenance: 'inferred', range: { earliest: '2024-08-12', latest: '2024-08-15' } }),
    article('r2', { value: null, provenance: 'inferred', range: { earliest: '2024-08-01', latest: '2024-08-05' } }),
    article('u1'),
  ];

  it('defaults to the 7 days ending on the latest dated article, including by range and keeping undated articles marked', () => {
    const r = composeSituation(records({ articles }));
    expect(r.period).toEqual({ since: '2024-08-14', until: '2024-08-20', basis: 'latest-week' });
    const inPeriod = r.sources.filter((s) => s.inPeriod);
    expect(inPeriod.map((s) => [s.article, s.fit])).toEqual([
      ['r1', 'range'],
      ['a3', 'exact'],
      ['u1', 'unknown'],
    ]);
    expect(inPeriod.map((s) => s.dateText)).toEqual(['2024-08-12…2024-08-15 (date inferred)', '2024-08-20', 'date unknown']);
    expect(r.generatedFrom).toMatchObject({ articles: 3, exactDates: 1, inferredDates: 1, unknownDates: 1, corpus: 6 });
  });

  it('leaves undated articles out when asked', () => {
    const r = composeSituation(records({ articles }), { undated: 'exclude' });
    expect(r.sources.map((s) => s.article)).toEqual(['r1', 'a3']);
  });

  it('takes a requested period as given, open ends included', () => {
    const r = composeSituation(records({ articles }), { since: '2024-08-01', until: '2024-08-05', undated: 'exclude' });
    expect(r.period.basis).toBe('requested');
    expect(r.sources.map((s) => s.article)).toEqual(['a1', 'r2']);
    const open = composeSituation(records({ articles }), { since: '2024-08-11', undated: 'exclude' });
    expect(open.period).toEqual({ since: '2024-08-11', until: null, basis: 'requested' });
    expect(open.sources.map((s) => s.article).sort()).toEqual(['a3', 'r1']);
  });

  it('covers everything when no article is dated', () => {
    const r = composeSituation(records({ articles: [article('u1'), article('u2')] }));
    expect(r.period).toEqual({ since: null, until: null, basis: 'all' });
    expect(r.generatedFrom.articles).toBe(2);
  });

  it('refuses malformed dates and unknown stories with a clear error', () => {
    expect(() => composeSituation(records({ articles }), { since: '2024-02-30' })).toThrow(ReportError);
    expect(() => composeSituation(records({ articles }), { since: '2024-02-30' })).toThrow(/since must be a date written YYYY-MM-DD, got "2024-02-30"/);
    expect(() => composeSituation(records({ articles }), { since: '2024-09-01', until: '2024-08-01' })).toThrow(/since \(2024-09-01\) is after until/);
    expect(() => composeSituation(records({ articles }), { story: 'story-nope' })).toThrow(/no story "story-nope"/);
  });

  it('narrows to one story and spans its articles', () => {
    const story: StoryRecordOut = { id: 'story-a1', title: 'S', summary: '', dates: null, articles: ['a1', 'a2'], independentSources: 2, thread: null };
    const r = composeSituation(records({ articles, stories: [story] }), { story: 'a2' });
    expect(r.period).toEqual({ since: '2024-08-01', until: '2024-08-10', basis: 'story' });
    expect(r.story).toBe('story-a1');
    expect(r.sources.map((s) => s.article)).toEqual(['a1', 'a2']);
  });
});

describe('key developments', () => {
  const articles = [dated('a1', '2024-08-14'), dated('a2', '2024-08-20')];

  it('keeps the most important events of the period and shows them in date order, context before and dates ahead apart', () => {
    const within = Array.from({ length: 15 }, (_, i) => event(`2024-08-${String(14 + (i % 7)).padStart(2, '0')}`, i % 2 ? 'a1' : 'a2', i, `within ${i}`));
    const r = composeSituation(records({ articles, events: [...within, event('2024-05', 'a1', 3, 'in May'), event('2024-11', 'a2', 1, 'a summit in November')] }));
    const kept = r.keyEvents.filter((e) => e.timing === 'within');
    expect(kept).toHaveLength(12);
    // The three lowest scores (0, 1, 2) are dropped.
    expect(kept.map((e) => e.text)).not.toEqual(expect.arrayContaining(['within 0', 'within 1', 'within 2']));
    const dates = r.keyEvents.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(r.keyEvents[0]).toMatchObject({ text: 'in May', timing: 'before', dateText: 'May 2024' });
    expect(r.keyEvents.at(-1)).toMatchObject({ text: 'a summit in November', timing: 'after' });
    expect(r.keyEvents.every((e) => e.sources.every((s) => s.ref > 0))).toBe(true);
  });

  it('gives the same report whatever order the records come in', () => {
    const events = [event('2024-08-15', 'a1', 2), event('2024-08-15', 'a2', 2), event('2024-08-16', 'a1', 5), event('2024', 'a2', 9)];
    const a = composeSituation(records({ articles, events }));
    const b = composeSituation(records({ articles: [...articles].reverse(), events: [...events].reverse() }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // A year, in a week's report, cannot be placed on a day: it is apart, not first.
    expect(a.keyEvents.find((e) => e.date === '2024')).toMatchObject({ approximate: true, timing: 'within' });
  });
});

describe('claims against counter-claims', () => {
  const articles = [dated('a1', '2024-08-14'), dated('a2', '2024-08-15'), dated('old', '2023-01-01')];

  it('puts the denial on the counter side even when it came first, and joins links that share a claim', () => {
    const claim = side('a2', 0, 'claim', 'Zelensky', '2024-06');
    const links: ClaimLink[] = [
      { a: side('a1', 3, 'denial', 'Kremlin', '2024-05'), b: claim, relation: 'denies', shared: [] },
      { a: claim, b: side('a2', 4, 'denial', 'Peskov'), relation: 'denies', shared: [] },
      { a: side('a1', 7, 'claim', 'Moscow'), b: side('a2', 8, 'claim', 'Kyiv'), relation: 'confirms', shared: [] },
    ];
    const r = composeSituation(records({ articles, claimLinks: links }));
    expect(r.disputes).toHaveLength(1);
    expect(r.disputes[0]!.claims.map((c) => c.party)).toEqual(['Zelensky']);
    expect(r.disputes[0]!.counters.map((c) => [c.party, c.kind])).toEqual([
      ['Kremlin', 'denial'],
      ['Peskov', 'denial'],
    ]);
    // Both denials answer the one claim: two links, two rows.
    expect(r.disputes[0]!.pairs).toEqual([
      [0, 0],
      [0, 1],
    ]);
    const md = renderMarkdown(r);
    expect(md).toMatch(/\| \*\*Zelensky\*\* \(June 2024\) claims: “Zelensky claim a2:0” \[2\] \| \*\*Kremlin\*\* \(May 2024\) denies: “Kremlin denial a1:3” \[1\] \|/);
  });

  it('cites a counter-claim from outside the period, marked so, and leaves out disputes wholly outside it', () => {
    const links: ClaimLink[] = [
      { a: side('old', 0, 'claim', 'Moscow', '2023-01'), b: side('a1', 1, 'claim', 'Kyiv'), relation: 'contradicts', shared: [] },
      { a: side('old', 2, 'claim', 'X'), b: side('old', 3, 'denial', 'Y'), relation: 'denies', shared: [] },
    ];
    const r = composeSituation(records({ articles, claimLinks: links }));
    expect(r.disputes).toHaveLength(1);
    expect(r.disputes[0]!.claims[0]!.party).toBe('Moscow');
    expect(r.sources.find((s) => s.article === 'old')).toMatchObject({ inPeriod: false, ref: 1 });
    expect(renderMarkdown(r)).toContain('(outside the period: cited for what it answers)');
  });
});

describe('figures', () => {
  const articles = [dated('a1', '2024-08-19'), dated('a2', '2024-08-20'), article('u1')];
  const series = (points: SeriesPoint[]): FigureSeries => ({ id: 'a1:0', unit: 'km2', subject: 'territory held in Kursk', place: null, points });

  it('reports the change from the earliest to the latest dated point, with who gives each', () => {
    const s = series([point('a2', 0, 1300, '2024-08-20', 'Ukraine'), point('u1', 0, 900, null, 'someone'), point('a1', 1, 1250, '2024-08-19', 'Zelensky')]);
    const r = composeSituation(records({ articles, series: [s] }));
    const f = r.figures[0]!;
    expect(f.points.map((p) => [p.value, p.party, p.dateText])).toEqual([
      [1250, 'Zelensky', '19 August 2024'],
      [1300, 'Ukraine', '20 August 2024'],
      [900, 'someone', 'date unknown'],
    ]);
    expect(f.change).toEqual({ from: 1250, to: 1300, delta: 50, fromDate: '2024-08-19', toDate: '2024-08-20' });
    const md = renderMarkdown(r);
    expect(md).toContain('Change: 1,250 → 1,300 km² (+50) between 19 August 2024 and 20 August 2024.');
    expect(md).toContain('- 19 August 2024: **over 1,250 km²** — Zelensky [1]');
    expect(r.headline).toContain('Changed figures: territory held in Kursk: 1,250 → 1,300.');
  });

  it('shows what the period reports against the last value before it, not the whole history', () => {
    const history = [dated('h1', '2024-06-01'), dated('h2', '2024-07-01'), dated('h3', '2024-07-20'), dated('a3', '2024-08-26')];
    const s = series([
      point('h1', 0, 500, '2024-06-01', 'old'),
      point('h3', 0, 1100, '2024-07-20', 'before'),
      point('h2', 0, 900, '2024-07-01', 'older'),
      point('a2', 0, 1300, '2024-08-20', 'Ukraine'),
      point('a3', 0, 1400, '2024-08-26', 'later'),
    ]);
    const r = composeSituation(records({ articles: [...articles, ...history], series: [s] }), { since: '2024-08-14', until: '2024-08-20', undated: 'exclude' });
    expect(r.figures[0]!.points.map((p) => [p.value, p.party])).toEqual([
      [1100, 'before'],
      [1300, 'Ukraine'],
    ]);
    expect(r.figures[0]!.change).toMatchObject({ from: 1100, to: 1300, delta: 200 });
    expect(r.sources.find((x) => x.article === 'h3')).toMatchObject({ inPeriod: false });
  });

  it('computes no change when fewer than two points have a calendar date', () => {
    const s = series([point('a2', 0, 1300, 'XXXX-08', 'Ukraine'), point('u1', 0, 1250, null, 'Zelensky')]);
    const r = composeSituation(records({ articles, series: [s] }));
    expect(r.figures[0]!.change).toBeNull();
    expect(r.figures[0]!.points.map((p) => p.dateText)).toEqual(['August (year not stated)', 'date unknown']);
    expect(renderMarkdown(r)).toContain('No change computed');
  });
});

describe('who said what', () => {
  const articles = [dated('a1', '2024-07-31'), dated('a2', '2024-08-01')];
  const quote = (articleId: string, index: number, kind: StoredQuote['kind'], sentence: number, text: string, speaker = 'person:zelensky'): StoredQuote => ({
    kind,
    content: { start: 0, end: text.length, text },
    cue: null,
    speaker: { start: 0, end: 8, text: 'Zelensky', entity: speaker, kind: 'named' },
    saidOn: null,
    channel: null,
    sentence,
    articleId,
    index,
    articleTitle: `Title ${articleId}`,
    outlet: `Outlet ${articleId}`,
    published: null,
  });

  it('credits a quote carried by two articles once, with each carrier and the article it credits', () => {
    const group: QuoteGroup = {
      id: 'a1:0',
      text: 'throwing everything they have',
      speaker: 'person:zelensky',
      appearances: [
        { articleId: 'a1', index: 0, published: '2024-07-31', outlet: 'Outlet a1', kind: 'direct', text: 'throwing everything they have', speaker: 'person:zelensky', channel: null, channelEntity: null, creditedArticle: null, creditedBy: null },
        { articleId: 'a2', index: 0, published: '2024-08-01', outlet: 'Outlet a2', kind: 'reported', text: 'x', speaker: 'person:zelensky', channel: null, channelEntity: null, creditedArticle: null, creditedBy: null },
        { articleId: 'a2', index: 1, published: '2024-08-01', outlet: 'Outlet a2', kind: 'partial', text: 'throwing everything they have', speaker: 'person:zelensky', channel: 'the Outlet a1', channelEntity: null, creditedArticle: 'a1', creditedBy: 'outlet' },
      ],
      earliest: { articleId: 'a1', index: 0, published: '2024-07-31' },
    };
    const r = composeSituation(
      records({
        articles,
        quoteGroups: [group],
        quotes: [quote('a1', 0, 'direct', 0, 'throwing everything they have'), quote('a2', 0, 'reported', 2, 'x'), quote('a2', 1, 'partial', 2, 'throwing everything they have')],
        entities: [{ key: 'person:zelensky', type: 'person', name: 'Volodymyr Zelensky', aliasOf: null }],
      }),
    );
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ speaker: 'Volodymyr Zelensky', shared: true, kind: 'direct', said: '2024-07-31' });
    expect(r.quotes[0]!.sources.map((s) => [s.ref, s.channel, s.creditedRef])).toEqual([
      [1, null, null],
      [2, 'the Outlet a1', 1],
    ]);
    expect(renderMarkdown(r)).toContain('carried by 2 articles: Outlet a1 [1]; Outlet a2 [2] via the Outlet a1 [1]');
  });

  it('reports one statement once: a reported line and the fragment quoted in it share a sentence', () => {
    const r = composeSituation(
      records({
        articles,
        quotes: [quote('a1', 0, 'reported', 4, 'Russia is throwing everything'), quote('a1', 1, 'partial', 4, 'throwing everything'), quote('a1', 2, 'direct', 5, 'We hold')],
      }),
    );
    expect(r.quotes.map((q) => [q.kind, q.text])).toEqual([
      ['direct', 'We hold'],
      ['partial', 'throwing everything'],
    ]);
  });
});

describe('figures in words', () => {
  it('reads values as a reader writes them', () => {
    expect(figureText({ value: 1300, valueMax: null, qualifier: 'over', unit: 'km2' })).toBe('over 1,300 km²');
    expect(figureText({ value: 0.5, valueMax: null, qualifier: 'about', unit: 'fraction' })).toBe('about half');
    expect(figureText({ value: 1 / 3, valueMax: null, qualifier: null, unit: 'fraction' })).toBe('a third');
    expect(figureText({ value: 50, valueMax: 60, qualifier: null, unit: 'troops' })).toBe('50–60 troops');
    expect(figureText({ value: 61e9, valueMax: null, qualifier: null, unit: 'usd' })).toBe('US$61,000,000,000');
    expect(figureText({ value: 12, valueMax: null, qualifier: 'almost', unit: 'percent' })).toBe('almost 12%');
  });
});
