/**
 * `npm run bench:analyze`: throughput of the whole analysis of an article,
 * stage by stage, on a realistic workload — the 447 real war articles of
 * ../shared/corpus/ukraine-gdelt-447, cleaned as ingest cleans them.
 *
 * The articles are read and cleaned once, in this process (not timed), and
 * written to a scratch file. Each round then runs in a fresh child process,
 * so its first pass meets every word for the first time (the per-word caches
 * of the entity stage start empty) and its start-up cost (importing the code,
 * loading the gazetteer, the tagger model and the name lists) is measured
 * apart. A child times each stage of analyze() over all articles in CPU time
 * (user + system, one core), in the first pass and in WARM_PASSES more, and
 * checks once that the stages together give exactly what analyze() gives;
 * another child, beside it in each round, times analyze() as one call. The
 * first pass is also timed over its second half alone: by then the code is
 * compiled but most articles still bring words new to the caches, which is
 * what a long ingest of new articles costs once the process has warmed up.
 *
 * A peer in the same run, a plain regex word split of each text timed beside
 * each article, gives a ratio that machine noise moves much less than MB/s:
 * on a busy shared machine quote "× peer" next to the MB/s.
 *
 *   npm run bench:analyze [-- --rounds 3] [-- --warm 2] [-- --corpus DIR] [-- --baseline DIR [--alternate]]
 *
 * --baseline DIR times another checkout of the project (its node_modules
 * installed) in the same rounds and prints this checkout's speed-up per stage.
 * With it, --alternate also runs, per round, one process that loads both
 * checkouts and times analyze() of each in turn, in blocks of ALTERNATE_BLOCK
 * articles (the order swapped each block): a neighbour's burst then slows
 * both alike, so the ratio holds on a machine too busy for separate processes
 * to be compared (their peers drift ±30 %).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { PublishedDate } from '../src/model/index.ts';
import { median, optionReader } from '../scripts/lib/script.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = optionReader(args);
/** Three rounds: the median of three already drops one outlier on a shared machine. */
const ROUNDS = Number(option('rounds', '3'));
/** Warm passes per round after the first: two give a median that one slow pass (a GC, a neighbour's job) does not decide. */
const WARM_PASSES = Number(option('warm', '2'));
const CORPUS = resolve(option('corpus', join(ROOT, '../shared/corpus/ukraine-gdelt-447')));
/** Another checkout (e.g. a scratch copy of main) timed beside this one, round by round, for before/after figures. */
const BASELINE = args.includes('--baseline') ? resolve(option('baseline', '')) : null;
const ALTERNATE = args.includes('--alternate');
/** Articles per turn in --alternate: enough that a turn outlasts the CPU clock's tick, few enough that noise hits both. */
const ALTERNATE_BLOCK = 20;

const STAGES = ['sentences', 'entities', 'time', 'attribution', 'figures', 'total'] as const;
type Stage = (typeof STAGES)[number];
/** Rows of the report: the stages, the peer, and analyze() itself timed as one call. */
const ROWS = [...STAGES, 'analyze()', 'peer'] as const;
type Row = (typeof ROWS)[number];

interface Article {
  text: string;
  published: PublishedDate;
  captions: string[];
}

interface WorkerResult {
  importSeconds: number;
  resourceSeconds: number;
  /** CPU seconds per row: the first pass, then each warm pass. */
  passes: Array<Record<Row, number>>;
  /** CPU seconds per row over the second half of the articles in the first pass: code compiled, words still new. */
  late: Record<Row, number>;
  lateBytes: number;
  bytes: number;
  articles: number;
  identical: boolean;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}


/** The peer: a plain word split, the least any analysis of the text must do. */
const PEER_WORD = /[\p{L}\p{N}]+/gu;
function peer(text: string): number {
  let n = 0;
  PEER_WORD.lastIndex = 0;
  while (PEER_WORD.exec(text) !== null) n++;
  return n;
}

async function worker(mode: 'stages' | 'whole', articlesFile: string, root: string): Promise<void> {
  const importStart = process.cpuUsage();
  const from = (module: string) => pathToFileURL(join(root, 'src/analyze', module)).href;
  const { analyze } = await import(from('index.ts'));
  const { splitSentences } = await import(from('sentences.ts'));
  const { extractEntities } = await import(from('entities/index.ts'));
  const { extractTimes, inferPublishedDate, sentenceTimes } = await import(from('time/index.ts'));
  const { extractAttributions } = await import(from('attribution/index.ts'));
  const { assignFigureParties, extractFigures } = await import(from('figures/index.ts'));
  const importSeconds = cpuSeconds(importStart);

  // Resources load on first use: one short article that touches every stage loads them all.
  const resourceStart = process.cpuUsage();
  analyze({
    text: 'Volodymyr Zelensky said on Monday that Russian forces had advanced to within 10 km of Pokrovsk, Reuters reported.',
    published: { value: '2024-08-05', provenance: 'metadata', evidence: 'bench' },
  });
  const resourceSeconds = cpuSeconds(resourceStart);

  const articles = JSON.parse(readFileSync(articlesFile, 'utf8')) as Article[];
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const dayOf = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

  // analyze()'s steps, stage by stage over all articles (one CPU reading per stage and pass: the
  // kernel's CPU clock is too coarse to sum per article). The check below keeps this copy true to analyze().
  type Partial = Record<string, any>;
  const steps: Array<[Stage, (a: Article, p: Partial) => void]> = [
    ['sentences', (a, p) => void (p.sentences = splitSentences(a.text))],
    [
      'entities',
      (a, p) => {
        const { mentions, entities } = extractEntities(a.text, { sentences: p.sentences });
        p.entities = mentions;
        p.entityIndex = entities;
      },
    ],
    [
      'time',
      (a, p) => {
        const { text } = a;
        let times = extractTimes(text, { published: dayOf(a.published.value), sentences: p.sentences });
        const published = inferPublishedDate(text, times, a.published, { captions: a.captions });
        if (a.published.value === null && dayOf(published.value) !== null) {
          times = extractTimes(text, { published: dayOf(published.value), sentences: p.sentences });
        }
        p.times = times;
        p.sentenceTimes = sentenceTimes(text, p.sentences, times, dayOf(published.value));
        p.published = published;
      },
    ],
    [
      'attribution',
      (a, p) => {
        const context = { sentences: p.sentences, entities: p.entities, entityIndex: p.entityIndex, times: p.times, sentenceTimes: p.sentenceTimes };
        const { quotes, claims } = extractAttributions(a.text, context as never);
        p.quotes = quotes;
        p.claims = claims;
        p.context = context;
      },
    ],
    ['figures', (a, p) => void (p.figures = assignFigureParties(extractFigures(a.text, p.context), p.quotes, p.claims))],
  ];

  const passes: WorkerResult['passes'] = [];
  let identical = true;
  const half = articles.length >> 1;
  const late = Object.fromEntries(ROWS.map((r) => [r, 0])) as Record<Row, number>;
  /** Times `run` over the articles; in the first pass also over its second half alone (into `late`). */
  const timed = (pass: number, row: Row, run: (k: number) => void): number => {
    const t = process.cpuUsage();
    for (let k = 0; k < half; k++) run(k);
    const split = process.cpuUsage();
    for (let k = half; k < articles.length; k++) run(k);
    if (pass === 0) late[row] = cpuSeconds(split);
    return cpuSeconds(t);
  };
  for (let pass = 0; pass <= WARM_PASSES; pass++) {
    const spent = Object.fromEntries(ROWS.map((r) => [r, 0])) as Record<Row, number>;
    spent.peer = timed(pass, 'peer', (k) => peer(articles[k]!.text));
    if (mode === 'whole') {
      spent['analyze()'] = timed(pass, 'analyze()', (k) => analyze(articles[k]!));
    } else {
      const partials: Partial[] = articles.map(() => ({}));
      for (const [stage, step] of steps) {
        spent[stage] = timed(pass, stage, (k) => step(articles[k]!, partials[k]!));
        spent.total += spent[stage];
        if (pass === 0) late.total += late[stage];
      }
      // Once (untimed): the staged copy must give what analyze() gives, or its split of the time means nothing.
      if (pass === WARM_PASSES) {
        for (let k = 0; k < articles.length; k++) {
          const { context, ...mine } = partials[k]!;
          void context;
          if (!isDeepStrictEqual({ text: articles[k]!.text, ...mine }, analyze(articles[k]!))) identical = false;
        }
      }
    }
    passes.push(spent);
  }
  const lateBytes = articles.slice(half).reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const result: WorkerResult = { importSeconds, resourceSeconds, passes, late, lateBytes, bytes, articles: articles.length, identical };
  console.log(JSON.stringify(result));
}

/** Seconds of CPU per pass (the first, then the warm ones) of analyze() of each checkout, taken in turns in one process. */
async function alternateWorker(articlesFile: string, roots: string[]): Promise<void> {
  const versions: Array<(a: Article) => unknown> = [];
  for (const root of roots) {
    const { analyze } = await import(pathToFileURL(join(root, 'src/analyze/index.ts')).href);
    analyze({ text: 'Volodymyr Zelensky said on Monday that Russian forces had advanced to within 10 km of Pokrovsk, Reuters reported.', published: { value: '2024-08-05', provenance: 'metadata', evidence: 'bench' } });
    versions.push(analyze);
  }
  const articles = JSON.parse(readFileSync(articlesFile, 'utf8')) as Article[];
  const passes: number[][] = [];
  for (let pass = 0; pass <= WARM_PASSES; pass++) {
    const spent = versions.map(() => 0);
    for (let from = 0, turn = 0; from < articles.length; from += ALTERNATE_BLOCK, turn++) {
      const order = turn % 2 ? [1, 0] : [0, 1];
      for (const v of order) {
        const t = process.cpuUsage();
        for (let k = from; k < Math.min(articles.length, from + ALTERNATE_BLOCK); k++) versions[v]!(articles[k]!);
        spent[v]! += cpuSeconds(t);
      }
    }
    passes.push(spent);
  }
  console.log(JSON.stringify(passes));
}

async function prepare(dir: string): Promise<string> {
  const { loadLanguageDetector } = await import('../src/ingest/language.ts');
  const { captionsOf, prepareArticle } = await import('../src/pipeline/ingest.ts');
  const { expandPaths, readInputFile } = await import('../src/pipeline/inputs.ts');
  const { files } = await expandPaths([CORPUS]);
  const context = { now: new Date(), languageDetector: await loadLanguageDetector() };
  const articles: Article[] = [];
  for (const file of files) {
    for await (const result of readInputFile(file)) {
      if (!result.ok) continue;
      let article;
      try {
        ({ article } = prepareArticle(result, context));
      } catch {
        // Ingest records such a file as a failure and analyses nothing: neither does the bench.
        continue;
      }
      articles.push({ text: article.text, published: article.published, captions: captionsOf(article) });
    }
  }
  const path = join(dir, 'articles.json');
  writeFileSync(path, JSON.stringify(articles));
  return path;
}

function runWorker(mode: 'stages' | 'whole', articlesFile: string, root: string): WorkerResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/analyze.ts'), '--worker', mode, articlesFile, root, '--warm', String(WARM_PASSES)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench:analyze worker failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerResult;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.error(`bench:analyze: corpus not found at ${CORPUS} (pass --corpus DIR)`);
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-analyze-'));
  try {
    const file = await prepare(dir);
    const versions = [{ name: 'this checkout', root: ROOT }, ...(BASELINE ? [{ name: `baseline ${BASELINE}`, root: BASELINE }] : [])];
    const runs = versions.map(() => ({ stages: [] as WorkerResult[], whole: [] as WorkerResult[] }));
    // Interleaved round by round (and version by version), so a noisy minute hurts all alike.
    for (let r = 0; r < ROUNDS; r++) {
      versions.forEach((v, k) => {
        runs[k]!.stages.push(runWorker('stages', file, v.root));
        runs[k]!.whole.push(runWorker('whole', file, v.root));
      });
    }
    const { bytes, articles } = runs[0]!.stages[0]!;
    const mb = bytes / 1e6;
    console.log(`corpus: ${CORPUS}\n${articles} articles, ${mb.toFixed(2)} MB of clean text (UTF-8)`);
    console.log(`${ROUNDS} rounds, each a fresh process: a first pass, then ${WARM_PASSES} warm passes; medians over rounds (CPU time, one core)`);
    const rates: Array<Record<Row, { first: number; warm: number }>> = [];
    versions.forEach((v, k) => {
      const { stages, whole } = runs[k]!;
      console.log(`\n== ${v.name}`);
      console.log(`stages together give exactly analyze()'s output: ${stages.every((r) => r.identical) ? 'yes' : 'NO'}\n`);
      // analyze() in one call is timed in processes of its own (its first pass must meet its words first too).
      const runsOf = (row: Row) => (row === 'analyze()' ? whole : stages);
      const first = (row: Row, peerOf: Row = row) => median(runsOf(peerOf).map((r) => r.passes[0]![row]));
      const warm = (row: Row, peerOf: Row = row) => median(runsOf(peerOf).flatMap((r) => r.passes.slice(1).map((p) => p[row])));
      const lateOf = (row: Row) => median(runsOf(row).map((r) => r.late[row]));
      const lateMb = runsOf('total')[0]!.lateBytes / 1e6;
      console.log('stage           first MB/s  ms/article  × peer   warm MB/s  ms/article  × peer   share (first)   first, 2nd half MB/s');
      const rate = {} as Record<Row, { first: number; warm: number }>;
      for (const row of ROWS) {
        const cells = [first, warm].flatMap((of) => {
          const s = of(row);
          return [(mb / s).toFixed(2).padStart(10), ((s * 1000) / articles).toFixed(2).padStart(10), (of('peer', row) / s).toFixed(4).padStart(7)];
        });
        rate[row] = { first: first('peer', row) / first(row), warm: warm('peer', row) / warm(row) };
        const share = STAGES.includes(row as Stage) && row !== 'total' ? `${((100 * first(row)) / first('total')).toFixed(1)} %` : '';
        console.log(`${row.padEnd(14)}  ${cells.slice(0, 3).join('  ')}  ${cells.slice(3).join('  ')}   ${share.padStart(8)}   ${(lateMb / lateOf(row)).toFixed(2).padStart(10)}`);
      }
      rates.push(rate);
      console.log(
        `\nstart-up (once per process, CPU s, median): import ${median(stages.map((r) => r.importSeconds)).toFixed(2)}` +
          ` (tsx transpiles on import), resources ${median(stages.map((r) => r.resourceSeconds)).toFixed(2)} (gazetteer, tagger model, name lists)`,
      );
    });
    if (BASELINE && ALTERNATE) {
      // [round][pass][version] seconds; this checkout's speed-up is baseline ÷ this.
      const rounds = Array.from({ length: ROUNDS }, () => {
        const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/analyze.ts'), '--worker', 'alternate', file, ROOT, BASELINE, '--warm', String(WARM_PASSES)], {
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        });
        if (child.status !== 0) throw new Error(`bench:analyze alternate worker failed: ${child.stderr}`);
        return JSON.parse(child.stdout.trim().split('\n').pop()!) as number[][];
      });
      const firsts = rounds.map((r) => r[0]![1]! / r[0]![0]!);
      const warms = rounds.flatMap((r) => r.slice(1).map((p) => p[1]! / p[0]!));
      console.log(
        `\n== analyze() of both in one process, in turns of ${ALTERNATE_BLOCK} articles: this checkout ÷ baseline (speed-up, medians of ${ROUNDS} rounds)` +
          `\nfirst pass ${median(firsts).toFixed(2)}× (rounds: ${firsts.map((x) => x.toFixed(2)).join(', ')})` +
          `\nwarm       ${median(warms).toFixed(2)}× (passes: ${warms.map((x) => x.toFixed(2)).join(', ')})` +
          `\nfirst pass MB/s, this checkout ${(mb / median(rounds.map((r) => r[0]![0]!))).toFixed(2)}, baseline ${(mb / median(rounds.map((r) => r[0]![1]!))).toFixed(2)}`,
      );
    }
    if (rates.length === 2) {
      // Speed-ups as ratios of the × peer figures: each against the peer of its own processes.
      console.log('\n== this checkout ÷ baseline (× peer ratios)\nstage           first   warm');
      for (const row of ROWS.filter((r) => r !== 'peer')) {
        console.log(`${row.padEnd(14)}  ${(rates[0]![row].first / rates[1]![row].first).toFixed(2).padStart(5)}×  ${(rates[0]![row].warm / rates[1]![row].warm).toFixed(2).padStart(5)}×`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args[0] === '--worker' && args[1] === 'alternate') await alternateWorker(args[2]!, [args[3]!, args[4]!]);
else if (args[0] === '--worker') await worker(args[1] as 'stages' | 'whole', args[2]!, args[3]!);
else await main();
