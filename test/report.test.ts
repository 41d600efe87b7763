/**
 * The situation report on the sample corpus, as a reader gets it: the five
 * seed articles ingested in-process into an in-memory store, the report
 * loaded through the Store interface and rendered. The rendered documents
 * are pinned as file snapshots (read the diff when they change); the checks
 * below assert what PRODUCT.md says a reader must see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { loadSituation, renderHtml, renderMarkdown, type SituationReport } from '../src/report/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { freshStore, testBackends } from './helpers/backends.ts';

// Relative, so the source list (which shows where each article was read from) is the same on every machine.
const SAMPLES = 'corpus/samples';
const NOW = new Date('2026-01-15T09:00:00Z');

// The seeds' report must not depend on the backend: PostgreSQL too, when a server answers.
const postgres = (await testBackends()).find((b) => b.name === 'postgres');

let store: Store;
let report: SituationReport;
let markdown: string;
let html: string;

beforeAll(async () => {
  store = await openStore('memory://');
  await ingestPaths(store, [SAMPLES], { now: () => NOW });
  report = await loadSituation(store, {});
  markdown = renderMarkdown(report);
  html = renderHtml(report);
});
afterAll(async () => {
  await store.close();
});

/** The Markdown between a `## heading` and the next one. */
function section(heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('the report on the seed articles', () => {
  it('renders the same Markdown and HTML every time (snapshots)', async () => {
    await expect(markdown).toMatchFileSnapshot('__snapshots__/report-seeds.md');
    await expect(html).toMatchFileSnapshot('__snapshots__/report-seeds.html');
    const again = await loadSituation(store, {});
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it('covers the latest week with dated articles, and says how each article is dated', () => {
    expect(report.period).toEqual({ since: '2024-07-31', until: '2024-08-06', basis: 'latest-week' });
    expect(markdown).toMatch(/^# Situation report: 31 July – 6 August 2024$/m);
    // None of the seeds states its own date: each source says it was inferred or is unknown, never a bare date.
    const sources = section('Sources');
    expect(sources).toContain('(date inferred)');
    expect(sources).toContain('date unknown');
    for (const s of report.sources) expect(s.dateText).toMatch(/date inferred|date unknown/);
  });

  it('shows the Kremlin denial beside the claim that the Kharkiv offensive failed', () => {
    const kharkiv = report.disputes.find((d) => d.places.some((p) => p.name === 'Kharkiv'));
    expect(kharkiv).toBeDefined();
    expect(kharkiv!.claims.map((c) => c.party)).toContain('Volodymyr Zelensky');
    expect(kharkiv!.claims.some((c) => /failed to implement its Kharkiv operation/.test(c.text))).toBe(true);
    expect(kharkiv!.counters.some((c) => c.party === 'Kremlin' && c.kind === 'denial' && /offensive had failed/.test(c.text))).toBe(true);
    // Side by side: one table row holds a Zelensky claim and a denial.
    const row = section('Disputed claims')
      .split('\n')
      .find((l) => l.includes('Kharkiv operation'));
    expect(row).toMatch(/^\| \*\*Volodymyr Zelensky\*\* .* claims: .* \| \*\*(Russia|Kremlin)\*\* .* denies: .* \|$/);
  });

  it('sets "Pokrovsk surrounded" (Moscow) against Ukraine’s denial', () => {
    const pokrovsk = report.disputes.find((d) => d.claims.some((c) => /surrounded/.test(c.text)));
    expect(pokrovsk).toBeDefined();
    expect(pokrovsk!.claims[0]).toMatchObject({ party: 'Moscow', kind: 'claim' });
    expect(pokrovsk!.counters[0]).toMatchObject({ party: 'Ukraine', kind: 'denial' });
    expect(pokrovsk!.places.map((p) => p.name)).toContain('Pokrovsk');
  });

  it('sets Alaudinov’s "about half liberated" against Ukraine’s hold in Kursk', () => {
    const kursk = report.disputes.find((d) => d.places.some((p) => p.name === 'Kursk'));
    expect(kursk).toBeDefined();
    const parties = [...kursk!.claims, ...kursk!.counters].map((s) => s.party);
    expect(parties).toEqual(expect.arrayContaining(['Apty Alaudinov', 'Volodymyr Zelensky']));
  });

  it('lists the Kursk territory series with both figures and who gives each, and claims no change it cannot order', () => {
    const km2 = report.figures.find((f) => f.unit === 'km2');
    expect(km2).toBeDefined();
    const byValue = new Map(km2!.points.map((p) => [p.value, p]));
    expect(byValue.get(1250)).toMatchObject({ party: 'Volodymyr Zelensky', valueText: 'over 1,250 km²' });
    expect(byValue.get(1300)).toMatchObject({ party: 'Ukraine', valueText: 'over 1,300 km²' });
    // Sample 002 (the 1,250 km²) carries no date the corpus can read, and 003 gives "August" without a year:
    // the report shows both with their dates and does not invent an order between them.
    expect(km2!.change).toBeNull();
    const figures = section('Figures');
    expect(figures).toContain('**over 1,250 km²** — Volodymyr Zelensky');
    expect(figures).toContain('**over 1,300 km²** — Ukraine');
    expect(figures).toContain('August (year not stated)');
  });

  it('credits the shared "throwing everything they have" quote once, with both articles that carry it', () => {
    const shared = report.quotes.filter((q) => q.text.includes('throwing everything they have'));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ speaker: 'Volodymyr Zelensky', shared: true });
    expect(shared[0]!.sources.map((s) => s.article).sort()).toEqual(['a4353f9594ea78df', 'a53e8db7bd264ba1']);
    const lines = section('Who said what')
      .split('\n')
      .filter((l) => l.includes('throwing everything they have'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/carried by 2 articles: Business Insider \[\d\]; outlet unknown \[\d\]/);
  });

  it('says who said what, and when: Peskov on 17 July, Alaudinov via Tass', () => {
    const said = section('Who said what');
    expect(said).toMatch(/\*\*Dmitry Peskov\*\*, 17 July 2024: “This operation is ongoing, it will continue until it has been successfully completed”/);
    expect(said).toMatch(/\*\*Apty Alaudinov\*\*, date not stated, article on or after 2024-08-01 \(inferred\): “Today, we note that about half of the territory occupied by the enemy has been liberated” — outlet unknown \[\d\] via the state agency Tass/);
    // Business Insider credits the Kyiv Independent's translation: the credited article is cited.
    expect(said).toMatch(/Business Insider \[3\] via the Kyiv Independent \[2\]/);
  });

  it('flags the Levadne capture as not independently verified', () => {
    const levadne = report.claims.find((c) => c.control?.place === 'Levadne');
    expect(levadne).toMatchObject({ party: 'Russian Defense Ministry', unverified: true });
    expect(section('Other claims to watch')).toMatch(/\*\*Russian Defense Ministry\*\* claims Levadne liberated .* — \*\*not independently verified\*\*/);
  });

  it('puts the places in the news on the map, with coordinates', () => {
    const names = new Map(report.places.map((p) => [p.name, p]));
    for (const name of ['Pokrovsk', 'Kharkiv', 'Kursk', 'Belgorod', 'Chasiv Yar', 'Kostiantynivka', 'Toretsk', 'Sloviansk', 'Kurakhove', 'Myrnohrad', 'Levadne', 'Bakhmut', 'Seym River']) {
      expect(names.has(name), name).toBe(true);
    }
    expect(names.get('Pokrovsk')!.lat).toBeCloseTo(48.28, 1);
    expect(names.get('Pokrovsk')!.lon).toBeCloseTo(37.18, 1);
  });

  it('orders key developments by date, each citing a source in the list', () => {
    const dated = report.keyEvents.filter((e) => !e.approximate).map((e) => e.date);
    expect(dated).toEqual(['2024-05', '2024-06', '2024-07-17', '2024-07-24', '2024-07-30', '2024-07-31', '2024-07-31', '2024-11']);
    expect(section('Key developments')).toMatch(/- \*\*17 July 2024\*\* — "This operation is ongoing.*Dmitry Peskov.* \[3\]/);
    // Every [n] in the document names an entry of the source list.
    const refs = new Set([...markdown.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const listed = new Set(report.sources.map((s) => s.ref));
    for (const r of refs) expect(listed.has(r), `[${r}]`).toBe(true);
    expect(report.sources.map((s) => s.ref)).toEqual([1, 2, 3, 4, 5]);
  });

  it('groups the stories, the interview story with two independent sources first', () => {
    expect(report.stories[0]).toMatchObject({ articles: ['a4353f9594ea78df', 'a53e8db7bd264ba1'], independentSources: 2 });
    expect(report.stories).toHaveLength(4);
    expect(section('Main stories')).toMatch(/^1\. \*\*Pokrovsk became Russia's main target after Kharkiv push failed, Zelensky says\.\*\* — 2 articles in the period, 2 independent sources/m);
  });

  it('is one self-contained HTML file: no script, no external resource, citations linked to the source list', () => {
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    expect(document.querySelector('style')).not.toBeNull();
    for (const a of document.querySelectorAll('a')) {
      const href = a.getAttribute('href') ?? '';
      expect(href).toMatch(/^#source-\d+$|^https?:\/\//);
      if (href.startsWith('#')) expect(document.getElementById(href.slice(1)), href).not.toBeNull();
    }
    expect(document.querySelectorAll('td.claim')).toHaveLength(report.disputes.length);
  });

  it('narrows to one story, and to a requested period', async () => {
    const story = await loadSituation(store, { story: 'story-5bdf9f9e6a4a0876' });
    expect(story.period.basis).toBe('story');
    expect(story.sources.filter((s) => s.inPeriod).map((s) => s.article)).toEqual(['5bdf9f9e6a4a0876']);
    expect(story.stories.map((s) => s.id)).toEqual(['story-5bdf9f9e6a4a0876']);
    // A period before any seed could have been published: only the undated article may belong to it.
    const early = await loadSituation(store, { since: '2022-01-01', until: '2022-12-31' });
    expect(early.sources.filter((s) => s.inPeriod).map((s) => s.fit)).toEqual(['unknown']);
    const none = await loadSituation(store, { since: '2022-01-01', until: '2022-12-31', undated: 'exclude' });
    expect(none.generatedFrom.articles).toBe(0);
    expect(renderMarkdown(none)).toContain('No article falls in 1 January – 31 December 2022');
  });

  it.skipIf(!postgres)('is the same report on PostgreSQL', async () => {
    const pg = await freshStore(postgres!);
    try {
      await ingestPaths(pg.store, [SAMPLES], { now: () => NOW });
      expect(JSON.stringify(await loadSituation(pg.store, {}))).toBe(JSON.stringify(report));
    } finally {
      await pg.close();
    }
  });
});
