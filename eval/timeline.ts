/**
 * `npm run eval:timeline` — sitrep's timeline summaries on T17 (Tran et al.
 * 2013; ../shared/data/timelines/t17: per story, news articles with their
 * publication dates and a journalist's reference timeline), scored as
 * Ghalandari & Ifrim (2020, "Examining the State-of-the-Art in News Timeline
 * Summarization") score it, so their published numbers stand beside ours.
 *
 *   --topic NAME   only stories whose folder name starts with NAME
 *   --show         print our timeline beside the reference
 *   --cache DIR    keep analyses in DIR (outside the repository) between runs
 *   --split odd|even  only the odd- or even-numbered timelines (1st, 3rd… in
 *                  name order, or 2nd, 4th…): tune on the odd ones, check on
 *                  the even ones, report all
 *
 * The protocol (their experiments/evaluate.py, T17 settings):
 * - the input is the story's articles published from the reference's first
 *   date to its last (no extension), and only dates in that range may be
 *   picked;
 * - the system gives as many dates T as the reference has (distinct days)
 *   and K sentences a date, K = the reference's mean sentences a date,
 *   rounded (reference sentences are the entries' lines, separated by two
 *   spaces in this copy; entries sharing a day are one day);
 * - date F1: picked days against the reference's days, exact match;
 * - ROUGE-1/2 F1, "concat" and the alignment variant they report
 *   ("align+ m:1", eval/lib/rouge.ts says exactly how it is computed);
 * - the means over timelines are theirs: precision and recall are averaged
 *   over timelines and F is taken of the two means.
 * Differences: Datewise also restricts summary sentences to ones naming a
 * topic keyword from T17's keywords.json; this copy of T17 has no keywords
 * and sitrep uses no query. Datewise's date ranker is trained on the other
 * topics; ours is not trained. This copy holds 9 of T17's 19 timelines, so
 * the published means (over 19) are a guide, not the same sample.
 *
 * Each article is analysed by analyze() given its publication date; the
 * timeline is buildTimeline() over them, cut by selectTimeline() to T days
 * and K sentences a day. Only day-precise entries can be scored against a
 * daily reference, so coarser entries (a month, a year) are left out before
 * the cut.
 *
 * The data is read from ../shared/data beside the checkout and never copied
 * into the repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZER_VERSION, analyze } from '../src/analyze/index.ts';
import { buildTimeline, selectTimeline, type TimelineArticle } from '../src/connect/timeline.ts';
import type { TimelineEntry } from '../src/model/index.ts';
import { alignedRouge, concatRouge, dateF1, prf, type DatedSummaries, type PRF, type RougeScores } from './lib/rouge.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/timelines/t17');

/** Ghalandari & Ifrim (2020) on T17: date F1, align+ m:1 ROUGE-1 F1, ROUGE-2 F1. */
const PUBLISHED = [
  { name: 'Datewise (G&I 2020)', date: 0.544, r1: 0.12, r2: 0.035 },
  { name: 'Clust (G&I 2020)', date: 0.407, r1: 0.082, r2: 0.02 },
];

interface Options {
  topic: string | null;
  show: boolean;
  cache: string | null;
  split: 'odd' | 'even' | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { topic: null, show: false, cache: null, split: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--topic' && argv[i + 1]) options.topic = argv[++i]!;
    else if (arg === '--show') options.show = true;
    else if (arg === '--cache' && argv[i + 1]) options.cache = path.resolve(argv[++i]!);
    else if (arg === '--split' && (argv[i + 1] === 'odd' || argv[i + 1] === 'even')) options.split = argv[++i] as 'odd' | 'even';
    else {
      console.error(`eval:timeline: unknown argument ${arg}\nusage: npm run eval:timeline -- [--topic NAME] [--show] [--cache DIR] [--split odd|even]`);
      process.exit(1);
    }
  }
  if (options.cache && !path.relative(repoRoot, options.cache).startsWith('..')) {
    console.error('eval:timeline: --cache must be outside the repository');
    process.exit(1);
  }
  return options;
}

interface RawArticle {
  id: string;
  published: string;
  title: string;
  text: string;
}

interface Topic {
  name: string;
  articles: RawArticle[];
  /** Day → reference sentences. */
  reference: Map<string, string[]>;
}

function loadTopics(filter: string | null, split: 'odd' | 'even' | null): Topic[] {
  if (!existsSync(dataDir)) {
    console.error(`eval:timeline: data not found at ${dataDir}\n(expected T17 in ../shared/data/timelines/t17 beside the checkout)`);
    process.exit(2);
  }
  const topics: Topic[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    const dir = path.join(dataDir, name);
    const articles = readFileSync(path.join(dir, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as RawArticle);
    for (const file of readdirSync(dir).filter((f) => /^timeline-.*\.json$/.test(f)).sort()) {
      const reference = new Map<string, string[]>();
      for (const e of JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Array<{ date: string; text: string }>) {
        const day = e.date.slice(0, 10);
        const lines = e.text.split(/\s{2,}/).map((s) => s.trim()).filter(Boolean);
        reference.set(day, [...(reference.get(day) ?? []), ...lines]);
      }
      topics.push({ name: file === 'timeline-1.json' ? name : `${name}/${file}`, articles, reference });
    }
  }
  // Numbered over all timelines, before --topic, so a timeline is odd or even whatever else is asked.
  return topics.filter((t, i) => (split === null || (i % 2 === 0) === (split === 'odd')) && (!filter || t.name.startsWith(filter)));
}

type Analysed = Omit<TimelineArticle, 'articleId' | 'published'>;

function analyseArticle(a: RawArticle, cache: string | null): Analysed {
  const key = createHash('sha256').update(`${ANALYZER_VERSION}\n${a.published}\n${a.text}`).digest('hex').slice(0, 24);
  const file = cache ? path.join(cache, `${key}.json`) : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Analysed;
  const r = analyze({ text: a.text, published: { value: a.published, provenance: 'metadata', evidence: null } });
  const out: Analysed = {
    text: r.text,
    sentences: r.sentences,
    sentenceTimes: r.sentenceTimes,
    times: r.times,
    entities: r.entities.map((m) => ({ start: m.start, end: m.end, entity: m.entity, type: m.type })),
    figures: r.figures.map((f) => ({ start: f.start, end: f.end })),
  };
  if (file) writeFileSync(file, JSON.stringify(out));
  return out;
}

interface TopicResult {
  name: string;
  T: number;
  K: number;
  inputArticles: number;
  picked: number;
  date: PRF;
  concat: RougeScores;
  align: RougeScores;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options.cache) mkdirSync(options.cache, { recursive: true });
  const topics = loadTopics(options.topic, options.split);
  const results: TopicResult[] = [];
  let analysed = 0;
  let analyseMs = 0;

  for (const topic of topics) {
    const refDays = [...topic.reference.keys()].sort();
    const first = refDays[0]!;
    const last = refDays[refDays.length - 1]!;
    const T = refDays.length;
    const K = Math.max(1, Math.round([...topic.reference.values()].reduce((n, s) => n + s.length, 0) / T));
    const input = topic.articles.filter((a) => a.published.slice(0, 10) >= first && a.published.slice(0, 10) <= last);

    const t0 = performance.now();
    const articles: TimelineArticle[] = input.map((a) => ({ articleId: a.id, published: a.published.slice(0, 10), ...analyseArticle(a, options.cache) }));
    analyseMs += performance.now() - t0;
    analysed += input.length;

    const inRange = (e: TimelineEntry) => e.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(e.date) && e.date >= first && e.date <= last;
    const timeline = selectTimeline(buildTimeline(articles).filter(inRange), { top: T, perDate: K });
    const system = new Map<string, string[]>();
    for (const e of timeline) system.set(e.date, [...(system.get(e.date) ?? []), e.text]);

    const result: TopicResult = {
      name: topic.name,
      T,
      K,
      inputArticles: input.length,
      picked: system.size,
      date: dateF1(system.keys(), topic.reference.keys()),
      concat: concatRouge(system, topic.reference),
      align: alignedRouge(system, topic.reference),
    };
    results.push(result);
    console.log(
      `${topic.name.padEnd(22)} T=${String(T).padStart(2)} K=${K} articles=${String(input.length).padStart(3)}  ` +
        `date F1 ${fmt(result.date.f)}  concat R1 ${fmt(result.concat.rouge1.f)} R2 ${fmt(result.concat.rouge2.f)}  ` +
        `align R1 ${fmt(result.align.rouge1.f)} R2 ${fmt(result.align.rouge2.f)}`,
    );
    if (options.show) showTimelines(system, topic.reference);
  }
  if (results.length === 0) {
    console.error('eval:timeline: no topic matched');
    process.exit(1);
  }

  const mean = (get: (r: TopicResult) => PRF) =>
    prf(results.reduce((s, r) => s + get(r).precision, 0) / results.length, results.reduce((s, r) => s + get(r).recall, 0) / results.length);
  const date = mean((r) => r.date);
  const c1 = mean((r) => r.concat.rouge1);
  const c2 = mean((r) => r.concat.rouge2);
  const a1 = mean((r) => r.align.rouge1);
  const a2 = mean((r) => r.align.rouge2);
  console.log(`\nMeans over ${results.length} timelines (F of mean precision and mean recall, as G&I 2020 average):`);
  console.log(`${'system'.padEnd(22)}  date F1  align R1  align R2  concat R1  concat R2`);
  console.log(`${'sitrep'.padEnd(22)}  ${fmt(date.f)}    ${fmt(a1.f)}     ${fmt(a2.f)}     ${fmt(c1.f)}      ${fmt(c2.f)}`);
  for (const p of PUBLISHED) console.log(`${p.name.padEnd(22)}  ${fmt(p.date)}    ${fmt(p.r1)}     ${fmt(p.r2)}         —          —`);
  console.log(
    `\nanalysed ${analysed} articles in ${(analyseMs / 1000).toFixed(1)} s` +
      (options.cache ? ` (cache ${options.cache}; cached analyses take no time)` : '') +
      `; the published means are over T17's 19 timelines, these over the ${results.length} in this copy.`,
  );
}

function showTimelines(system: DatedSummaries, reference: DatedSummaries): void {
  const days = [...new Set([...system.keys(), ...reference.keys()])].sort();
  for (const d of days) {
    const mark = system.has(d) && reference.has(d) ? '=' : system.has(d) ? '+' : '-';
    console.log(`  ${mark} ${d}`);
    for (const s of reference.get(d) ?? []) console.log(`      ref: ${s.slice(0, 160)}`);
    for (const s of system.get(d) ?? []) console.log(`      our: ${s.slice(0, 160)}`);
  }
}

main();
