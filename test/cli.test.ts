/**
 * The command line as a user runs it: the installed bin in a child process,
 * an embedded database in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/sitrep.js');
const SAMPLES = join(ROOT, 'corpus/samples');

let dir: string;
let db: string;

function sitrep(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input,
    env: { ...process.env, SITREP_DB: '', DATABASE_URL: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-cli-'));
  db = join(dir, 'db');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sitrep CLI', () => {
  it('prints its usage (pinned: read the diff when it changes)', () => {
    const help = sitrep(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/default: [^)]*\)/, 'default: …)')).toMatchSnapshot();
    expect(sitrep(['ingest', '--help']).stdout).toMatchSnapshot();
  });

  it('ingests the samples, prints what it stored, and says nothing is new the second time', () => {
    const first = sitrep(['ingest', SAMPLES]);
    expect(first.code).toBe(0);
    // In a pipe: the summary only, no progress bar.
    expect(first.stderr).not.toMatch(/ETA|files \|/);
    expect(first.stderr).toMatch(/stored\s+5/);
    expect(first.stderr).toMatch(/failed\s+0/);
    const second = sitrep(['ingest', SAMPLES]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/duplicates\s+5/);
    expect(second.stderr).toMatch(/Nothing new/);
  });

  it('runs the demo without serving (--no-serve): the samples are in, the tables printed, the process ends', () => {
    const demo = sitrep(['demo', '--no-serve']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Most mentioned:/);
    expect(demo.stdout).toMatch(/Control claims:/);
    expect(demo.stderr).not.toMatch(/serving/);
  });

  it('lists articles as a table, and as JSON with --json', () => {
    const table = sitrep(['articles']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+PUBLISHED\s+OUTLET\s+LANG\s+TITLE/);
    expect(table.stdout).toContain('Business Insider');
    // Dates with how they were known: inferred ranges (one end may be open), or unknown.
    const row = (start: string) => table.stdout.split('\n').find((l) => l.includes(start)) ?? '';
    expect(row('Zelenskyy says Russia is giving up on Kharkiv')).toContain('2024-07-31…2024-08-06 (inferred)');
    expect(row('Russia claims recaptured territories')).toContain('≥ 2024-08-01 (inferred)');
    expect(row('According to Ukraine’s president')).toMatch(/\bunknown\b/);
    const json = JSON.parse(sitrep(['articles', '--json']).stdout) as Array<{ id: string; title: string }>;
    expect(json).toHaveLength(5);
  });

  it('shows one article by id prefix, and fails with one line for an unknown id', () => {
    const list = JSON.parse(sitrep(['articles', '--json']).stdout) as Array<{ id: string; title: string }>;
    const wsj = list.find((a) => a.title.startsWith('The Wall Street Journal'))!;
    const shown = sitrep(['show', wsj.id.slice(0, 8)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Pokrovsk, which had an estimated 60,000 people before the war');
    // No date in the text of this one: unknown, or inferred with its evidence — never invented.
    expect(shown.stdout).toMatch(/published\s+(unknown \(unknown\)|(≥ )?\S+ \(inferred: .+\))/);
    const json = JSON.parse(sitrep(['show', wsj.id, '--json']).stdout);
    expect(json.removed.map((r: { line: string }) => r.line)).toContain('Link to main version');
    const missing = sitrep(['show', 'ffffffffff']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('searches the full text', () => {
    const hits = sitrep(['search', 'Mirnograd']);
    expect(hits.code).toBe(0);
    expect(hits.stdout).toContain('«Mirnograd»');
    expect(JSON.parse(sitrep(['search', 'Bakhmut', '--json']).stdout)).toHaveLength(1);
  });

  it('exports JSON Lines and CSV into a folder', async () => {
    const out = join(dir, 'out');
    expect(sitrep(['export', '--format', 'jsonl', '--out', out]).code).toBe(0);
    const lines = (await readFile(join(out, 'articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ record: 'article', id: expect.any(String), text: expect.any(String) });
    const entities = (await readFile(join(out, 'entities.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(entities.find((e) => e.name === 'Pokrovsk')).toMatchObject({ record: 'entity', type: 'place', place: { country: 'UA' } });
    const mentions = (await readFile(join(out, 'mentions.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const article = lines.find((a) => a.id === mentions[0].articleId);
    expect(article.text.slice(mentions[0].start, mentions[0].end)).toBe(mentions[0].text);
    expect(sitrep(['export', '--format', 'csv', '--out', out]).code).toBe(0);
    expect((await readFile(join(out, 'entities.csv'), 'utf8')).split('\n')[0]).toMatch(/^key,type,name,variants,lat,lon/);
    const csv = await readFile(join(out, 'articles.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'id,title,outlet,author,language,published,published_provenance,published_evidence,url,source,format,duplicate_of,similarity,content_hash,ingested_at,text',
    );
  });

  it('lists entities by type and shows one by any spelling', () => {
    const places = JSON.parse(sitrep(['entities', '--type', 'place', '--limit', '100', '--json']).stdout) as Array<{ name: string }>;
    expect(places.map((p) => p.name)).toContain('Myrnohrad');
    const byVariant = sitrep(['entity', 'Mirnograd']);
    expect(byVariant.code).toBe(0);
    expect(byVariant.stdout).toMatch(/^Myrnohrad \(place\)/);
    expect(byVariant.stdout).toMatch(/48\.\d+, 37\.\d+/);
    const person = JSON.parse(sitrep(['entity', 'Zelenskiy', '--json']).stdout);
    expect(person.variants).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy']));
    expect(person.articles).toBe(5);
    expect(sitrep(['entities', '--type', 'planet']).code).toBe(1);
  });

  it('finds the articles of every spelling when searching a name', () => {
    const hits = JSON.parse(sitrep(['search', 'Zelenskiy', '--json']).stdout) as unknown[];
    expect(hits).toHaveLength(5);
  });

  it('analyses one file without storing it, with offsets that index the printed text', async () => {
    const result = sitrep(['analyze', join(SAMPLES, '001_a656895f14513359.txt'), '--published', '2024-07-31']);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout);
    for (const e of analysis.entities) expect(analysis.text.slice(e.start, e.end)).toBe(e.text);
    for (const t of analysis.times) expect(analysis.text.slice(t.start, t.end)).toBe(t.text);
    expect(analysis.times.find((t: { text: string }) => t.text === 'Wednesday')?.value).toBe('2024-07-31');
    expect(analysis.entities.some((e: { text: string; type: string }) => e.text === 'Kharkiv' && e.type === 'place')).toBe(true);
    const short = sitrep(['analyze', '-'], 'Kyiv was quiet.');
    expect(short.code).toBe(0);
    expect(JSON.parse(short.stdout).text).toBe('Kyiv was quiet.');
    expect(JSON.parse(sitrep(['stats', '--json']).stdout).articles).toBe(5);
  });

  it('lists quotes by speaker, under any spelling of the name', () => {
    const quotes = JSON.parse(sitrep(['quotes', '--by', 'Zelenskiy', '--limit', '200', '--json']).stdout) as Array<{ content: { text: string }; speaker: { entity: string } }>;
    expect(quotes.map((q) => q.content.text)).toContain('throwing everything they have');
    expect(new Set(quotes.map((q) => q.speaker.entity))).toEqual(new Set(['person:volodymyr zelensky']));
    expect(sitrep(['quotes', '--by', 'Nobody Atall']).code).toBe(1);
  });

  it('lists control claims with their flags, and denials', () => {
    const control = JSON.parse(sitrep(['claims', '--control', '--limit', '200', '--json']).stdout) as Array<{ control: { action: string; place: { text: string } }; flags: { unverified: boolean } }>;
    expect(control.find((c) => c.control.place.text === 'Levadnoye')).toMatchObject({ control: { action: 'liberated' }, flags: { unverified: true } });
    const denials = sitrep(['claims', '--denials']);
    expect(denials.stdout).toMatch(/denies surrounded/);
  });

  it('lists figures by unit, hypothetical numbers only when asked for', () => {
    const areas = JSON.parse(sitrep(['figures', '--unit', 'km2', '--json']).stdout) as Array<{ value: number }>;
    expect(areas.map((f) => f.value).sort((a, b) => a - b)).toEqual([1250, 1300]);
    // The hypothetical "three out of the 14" is listed only when asked for.
    const brigades = (extra: string[]) => (JSON.parse(sitrep(['figures', '--unit', 'brigades', '--json', ...extra]).stdout) as Array<{ value: number }>).map((f) => f.value);
    expect(brigades([])).not.toContain(3);
    expect(brigades(['--hypothetical'])).toContain(3);
  });

  it('connects the articles: a quote shared by two outlets, and claims against counter-claims', () => {
    const shared = JSON.parse(sitrep(['quotes', '--shared', '--json']).stdout) as Array<{ text: string; appearances: Array<{ articleId: string }> }>;
    const throwing = shared.find((g) => g.text.includes('throwing everything they have'));
    expect(new Set(throwing?.appearances.map((a) => a.articleId)).size).toBe(2);

    const disputes = JSON.parse(sitrep(['disputes', '--json']).stdout) as Array<{ relation: string; a: { text: string }; b: { text: string } }>;
    expect(disputes.some((d) => d.relation === 'denies' && /surrounded/.test(d.a.text + d.b.text))).toBe(true);
  });

  it('groups the articles into stories and a thread: the two reports of one interview together', () => {
    const stories = JSON.parse(sitrep(['stories', '--json']).stdout) as Array<{ id: string; articles: string[]; thread: string | null }>;
    const articles = JSON.parse(sitrep(['articles', '--json']).stdout) as Array<{ id: string; source: string }>;
    const idOf = (seed: string) => articles.find((a) => a.source.includes(`${seed}_`))!.id;
    const interview = stories.find((s) => s.articles.includes(idOf('000')));
    expect(interview?.articles.sort()).toEqual([idOf('000'), idOf('001')].sort());
    expect(stories).toHaveLength(4);
    expect(new Set(stories.map((s) => s.thread)).size).toBe(1);
    const story = sitrep(['story', interview!.id]);
    expect(story.stdout).toMatch(/2 articles/);
    const events = JSON.parse(sitrep(['timeline', '--story', interview!.id, '--json']).stdout) as Array<{ sources: string[] }>;
    expect(events.every((e) => e.sources.some((id) => interview!.articles.includes(id)))).toBe(true);
  });

  it('prints a dated timeline across the articles, cut to the top dates when asked', () => {
    const timeline = JSON.parse(sitrep(['timeline', '--json']).stdout) as Array<{ date: string; precision: string; text: string; sources: string[] }>;
    expect(timeline.length).toBeGreaterThan(3);
    expect(timeline[0]).toEqual(expect.objectContaining({ date: expect.any(String), precision: expect.any(String), text: expect.any(String), sources: expect.any(Array) }));
    const peskov = timeline.find((e) => /said Dmitry Peskov/.test(e.text));
    expect(peskov).toMatchObject({ date: '2024-07-17', precision: 'day' });
    const top = JSON.parse(sitrep(['timeline', '--top', '3', '--per-date', '1', '--json']).stdout) as unknown[];
    expect(top).toHaveLength(3);
    expect(sitrep(['timeline', '--top', '0']).code).toBe(1);
  });

  it('summarises the store', () => {
    const stats = sitrep(['stats']);
    expect(stats.stdout).toMatch(/articles\s+5/);
    expect(JSON.parse(sitrep(['stats', '--json']).stdout)).toMatchObject({ backend: 'pglite', articles: 5 });
  });

  it('extracts one file as JSON without storing it', async () => {
    const page = join(dir, 'page.html');
    await writeFile(
      page,
      '<html lang="en"><head><title>Kharkiv under fire | Example News</title><meta property="og:site_name" content="Example News"></head><body><article><p>Russian glide bombs hit the centre of Kharkiv on Friday, regional governor Oleh Syniehubov said, wounding at least twelve people.</p><p>Rescue teams worked through the night to clear rubble from two apartment blocks.</p></article></body></html>',
    );
    const result = sitrep(['extract', page]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Kharkiv under fire', outlet: 'Example News', format: 'html' });
    expect(JSON.parse(sitrep(['stats', '--json']).stdout).articles).toBe(5);
  });

  it('exits 2 and names the file when part of a batch fails, after storing the rest', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"title": "ok", "text": "' + 'Shelling hit Nikopol overnight, the governor said. '.repeat(3) + '"}\n{oops\n');
    const result = sitrep(['ingest', bad, join(dir, 'nope.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:2`);
    expect(result.stderr).toContain(`${join(dir, 'nope.txt')}: no such file or directory`);
    expect(result.stderr).toMatch(/stored\s+1/);
  });

  it('reads standard input with -', () => {
    const text = 'Sloviansk shelled\n\n' + 'Russian artillery struck the outskirts of Sloviansk on Sunday morning, damaging houses and a school, local officials said. '.repeat(2);
    const result = sitrep(['ingest', '-'], text);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/stored\s+1/);
  });

  it('answers a usage mistake with one line and the usage hint, exit 1', () => {
    const result = sitrep(['export', '--format', 'xml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/xml/);
    const unknown = sitrep(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it.runIf(existsSync('/usr/bin/script'))('shows a progress bar with count, rate and ETA on a terminal', () => {
    // util-linux `script` gives the command a pseudo-terminal, as a user's shell would.
    const command = [process.execPath, BIN, '--db', join(dir, 'tty-db'), 'ingest', SAMPLES].map((a) => `'${a}'`).join(' ');
    const result = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\d+\/5 files \| \d+ articles, [\d.]+\/s \| 0 failed \| ETA/);
    expect(result.stdout).toMatch(/stored\s+5/);
  });

  it('says clearly when the PostgreSQL server cannot be reached', () => {
    const result = spawnSync(process.execPath, [BIN, '--db', 'postgres://nobody@127.0.0.1:1/none', 'stats'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot connect to PostgreSQL/);
  });
});
