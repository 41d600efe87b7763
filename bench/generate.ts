/**
 * `npm run bench:generate -- --count 10000 --out DIR [--seed 1] [--corpus DIR] [--samples DIR]`:
 * a workload of N articles made from real ones (../shared/corpus/ukraine-gdelt-447
 * and corpus/samples), with the overlap a newsroom's feeds have:
 * - the real articles themselves, each from its outlet, in date order first;
 * - exact duplicates: an earlier article again from another outlet (a wire
 *   story carried by several sites);
 * - rewrites: an earlier article with its sentences reordered within a
 *   paragraph, a paragraph dropped, a new headline, a date a day or two later
 *   (near-duplicates, or not quite, as ingest judges them);
 * - new events: paragraphs of three articles of the same weeks woven together,
 *   their numbers changed, dated days to weeks later — new text on the same
 *   subjects, for stories, quotes, claims and figures to grow over time.
 * Deterministic: one seed, one workload. Written as JSON Lines
 * (`articles-NNNN.jsonl`, 1,000 a file) that `sitrep ingest DIR` reads.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { optionReader, seededRandom } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Share of generated articles (after the real ones) that are exact copies from another outlet: wires carried by several sites. */
const EXACT_SHARE = 0.1;
/** Share that are rewrites of an earlier article (reordered, cut, re-headlined): the usual follow-up copy. */
const REWRITE_SHARE = 0.25;
/** The rest are new events. How many real articles a new event's paragraphs come from: three keeps any one under half of it, so it is not a copy. */
const SOURCES_PER_EVENT = 3;
/** Articles within this many places of each other in date order are "the same weeks" (447 articles over ~3 years: about a month). */
const NEIGHBOURHOOD = 12;
/** A new event is dated this many days after its first source at most. */
const MAX_EVENT_DELAY_DAYS = 30;
/** Outlets the copies and new events are credited to. */
const OUTLETS = 40;
/** Articles per output file. */
const PER_FILE = 1000;

export interface GeneratedArticle {
  title: string;
  text: string;
  outlet: string;
  published: string | null;
  url: string;
  kind: 'original' | 'exact' | 'rewrite' | 'event';
}

interface Base {
  title: string;
  paragraphs: string[];
  published: string | null;
  outlet: string;
}

/** `20220125T090000Z_GB_en_7d015e6984.txt` → its date and country. */
function fromFileName(name: string): { published: string | null; country: string | null } {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z_([A-Z]{2})_/.exec(name);
  if (!m) return { published: null, country: null };
  return { published: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`, country: m[7]! };
}

async function loadBases(dirs: string[]): Promise<Base[]> {
  const bases: Base[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new Error(`bench:generate: no such folder ${dir}`);
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
      const blocks = (await readFile(join(dir, name), 'utf8')).split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
      if (blocks.length < 2) continue;
      const { published, country } = fromFileName(name);
      bases.push({ title: blocks[0]!, paragraphs: blocks.slice(1), published, outlet: `${country ?? 'Sample'} News ${bases.length % 7}` });
    }
  }
  // Undated samples last; the rest in date order, as a stream would bring them.
  return bases.sort((a, b) => (a.published ?? '~').localeCompare(b.published ?? '~'));
}

function shiftDays(published: string | null, days: number): string | null {
  if (published === null) return null;
  return new Date(Date.parse(published) + days * 86_400_000).toISOString();
}

function sentences(paragraph: string): string[] {
  return paragraph.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [paragraph];
}

/** Numbers changed by up to a fifth either way; years left alone (they date the text). */
function perturbNumbers(text: string, rand: () => number): string {
  return text.replace(/\b\d{2,}(?:,\d{3})*\b/g, (n) => {
    const value = Number(n.replace(/,/g, ''));
    if (value >= 1900 && value <= 2100) return n;
    return Math.max(1, Math.round(value * (0.8 + rand() * 0.4))).toLocaleString('en-US');
  });
}

const pick = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)]!;

function rewrite(source: GeneratedArticle, rand: () => number, outlet: string): GeneratedArticle {
  let paragraphs = source.text.split('\n\n');
  // Reorder the sentences of one or two paragraphs.
  for (let k = 0; k < 1 + Math.floor(rand() * 2); k++) {
    const i = Math.floor(rand() * paragraphs.length);
    const s = sentences(paragraphs[i]!);
    for (let j = s.length - 1; j > 0; j--) {
      const r = Math.floor(rand() * (j + 1));
      [s[j], s[r]] = [s[r]!, s[j]!];
    }
    paragraphs[i] = s.join(' ');
  }
  // Drop a paragraph of a long enough article.
  if (paragraphs.length >= 3) paragraphs = paragraphs.filter((_, i) => i !== 1 + Math.floor(rand() * (paragraphs.length - 1)));
  const lead = sentences(paragraphs[0] ?? source.title)[0] ?? source.title;
  const title = rand() < 0.5 ? lead.split(/\s+/).slice(0, 14).join(' ').replace(/[.,;:]$/, '') : `${source.title} (update)`;
  return { title, text: paragraphs.join('\n\n'), outlet, published: shiftDays(source.published, Math.floor(rand() * 3)), url: '', kind: 'rewrite' };
}

function newEvent(bases: readonly Base[], rand: () => number, outlet: string): GeneratedArticle {
  const dated = bases.filter((b) => b.published !== null);
  const pool = dated.length > SOURCES_PER_EVENT ? dated : bases;
  const first = Math.floor(rand() * pool.length);
  const sources = [pool[first]!];
  while (sources.length < SOURCES_PER_EVENT) {
    const near = Math.min(pool.length - 1, Math.max(0, first + Math.floor((rand() * 2 - 1) * NEIGHBOURHOOD)));
    if (!sources.includes(pool[near]!) || pool.length <= SOURCES_PER_EVENT) sources.push(pool[near]!);
  }
  // Paragraphs taken in turn from each source, as an article drawing on several reports.
  const paragraphs: string[] = [];
  const longest = Math.max(...sources.map((s) => s.paragraphs.length));
  for (let i = 0; i < longest; i++) {
    const s = sources[i % SOURCES_PER_EVENT]!;
    const p = s.paragraphs[i];
    if (p && rand() < 0.8) paragraphs.push(perturbNumbers(p, rand));
  }
  if (paragraphs.length === 0) paragraphs.push(perturbNumbers(sources[0]!.paragraphs[0]!, rand));
  const title = sentences(paragraphs[0]!)[0]!.split(/\s+/).slice(0, 12).join(' ').replace(/[.,;:]$/, '');
  return {
    title,
    text: paragraphs.join('\n\n'),
    outlet,
    published: shiftDays(sources[0]!.published, 1 + Math.floor(rand() * MAX_EVENT_DELAY_DAYS)),
    url: '',
    kind: 'event',
  };
}

/** The workload: `count` articles, the real ones first. */
export function generateWorkload(bases: readonly Base[], count: number, seed: number): GeneratedArticle[] {
  const rand = seededRandom(seed);
  const outlets = Array.from({ length: OUTLETS }, (_, i) => `Outlet ${String(i + 1).padStart(2, '0')}`);
  const out: GeneratedArticle[] = [];
  for (const b of bases.slice(0, count)) {
    out.push({ title: b.title, text: b.paragraphs.join('\n\n'), outlet: b.outlet, published: b.published, url: '', kind: 'original' });
  }
  while (out.length < count) {
    const r = rand();
    const outlet = pick(outlets, rand);
    if (r < EXACT_SHARE) out.push({ ...pick(out, rand), outlet, url: '', kind: 'exact' });
    else if (r < EXACT_SHARE + REWRITE_SHARE) out.push(rewrite(pick(out, rand), rand, outlet));
    else out.push(newEvent(bases, rand, outlet));
  }
  return out.map((a, i) => ({ ...a, url: `https://bench.example/${a.kind}/${i}` }));
}

async function main() {
  const args = process.argv.slice(2);
  const option = optionReader(args);
  const count = Number(option('count', '1000'));
  const out = option('out', '');
  const seed = Number(option('seed', '1'));
  if (!Number.isInteger(count) || count < 1) throw new Error(`bench:generate: --count must be a positive whole number, got ${option('count', '')}`);
  if (!out) throw new Error('bench:generate: --out DIR is required');
  const corpus = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
  const samples = resolve(option('samples', join(ROOT, 'corpus/samples')));
  const articles = generateWorkload(await loadBases([corpus, samples]), count, seed);
  await mkdir(out, { recursive: true });
  for (let i = 0; i < articles.length; i += PER_FILE) {
    const lines = articles.slice(i, i + PER_FILE).map(({ kind: _kind, ...a }) => JSON.stringify(a));
    await writeFile(join(out, `articles-${String(i / PER_FILE).padStart(4, '0')}.jsonl`), lines.join('\n') + '\n');
  }
  const kinds = new Map<string, number>();
  for (const a of articles) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  console.log(`${articles.length} articles in ${basename(out)}/ (seed ${seed}): ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
