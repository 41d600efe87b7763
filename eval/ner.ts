/**
 * `npm run eval:ner` — scores entity extraction on WikiANN English dev:
 * entity-level precision / recall / F1, exact span and type, over PER, LOC
 * and ORG (our unit and outlet count as ORG; role mentions such as "the
 * president" are not names and are left out). Each sentence is rebuilt as
 * its tokens joined by spaces, so offsets map back to the gold tokens.
 *
 * Systems, all on the same sentences:
 * - sitrep: extractEntities (tagger + rules + lists + gazetteer), the shipped path;
 * - sitrep tagger only: the statistical tagger without the rules;
 * - sitrep rules only: extractEntities with rulesOnly;
 * - compromise (peer): people() / places() / organizations().
 * Throughput is MB of text (UTF-8) per CPU second on one core, after the
 * resources are loaded (load time is shown apart): the first pass over the
 * text and the median of --passes passes. It is also measured on whole news
 * articles (../shared/corpus/ukraine-gdelt-447) when present.
 *
 *   --limit N    score only the first N sentences
 *   --passes N   timed passes over each text (default TIMED_PASSES)
 *   --no-peer    skip compromise
 *
 * The data is read from ../shared/data beside the checkout and never copied
 * into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extractEntities } from '../src/analyze/entities/index.ts';
import { tagTokens } from '../src/analyze/entities/extract.ts';
import { tokenize } from '../src/analyze/entities/tokenize.ts';
import { readWikiann, type GoldSentence, type GoldType } from '../src/analyze/entities/wikiann.ts';
import type { EntityType } from '../src/model/index.ts';
import { median } from '../scripts/lib/script.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devFile = path.resolve(repoRoot, '../shared/data/ner/wikiann-en/dev');
const trainFile = path.resolve(repoRoot, '../shared/data/ner/wikiann-en/train');
/** Sentences of WikiANN train run before timing: enough for the JIT to settle, not the scored text. */
const WARM_UP_SENTENCES = 500;
const newsDir = path.resolve(repoRoot, '../shared/corpus/ukraine-gdelt-447');

type Predicted = { start: number; end: number; type: GoldType };
type System = { name: string; run: (text: string) => Predicted[] };

const TYPE_OF: Record<EntityType, GoldType> = {
  person: 'PER',
  place: 'LOC',
  organization: 'ORG',
  unit: 'ORG',
  outlet: 'ORG',
};

const sitrep: System = {
  name: 'sitrep',
  run: (text) =>
    extractEntities(text, { sentences: [{ start: 0, end: text.length }] })
      .mentions.filter((m) => m.via !== 'role')
      .map((m) => ({ start: m.start, end: m.end, type: TYPE_OF[m.type] })),
};

const sitrepRules: System = {
  name: 'sitrep rules only',
  run: (text) =>
    extractEntities(text, { sentences: [{ start: 0, end: text.length }], rulesOnly: true })
      .mentions.filter((m) => m.via !== 'role')
      .map((m) => ({ start: m.start, end: m.end, type: TYPE_OF[m.type] })),
};

const sitrepTagger: System = {
  name: 'sitrep tagger only',
  run: (text) => tagTokens(tokenize(text)).map((s) => ({ start: s.start, end: s.end, type: s.label })),
};

interface CompromiseMatch {
  offset?: { start: number; length: number };
}

const compromise: System = {
  name: 'compromise (peer)',
  run: (text) => {
    const doc = nlp(text);
    const out: Predicted[] = [];
    const add = (view: { json: (o: object) => unknown }, type: GoldType) => {
      for (const m of view.json({ offset: true }) as CompromiseMatch[]) {
        if (!m.offset) continue;
        // compromise's spans may carry trailing punctuation; gold spans never end in it.
        let end = m.offset.start + m.offset.length;
        while (end > m.offset.start && /[\s.,;:!?'")\]’”]/.test(text[end - 1]!)) end--;
        out.push({ start: m.offset.start, end, type });
      }
    };
    add(doc.people(), 'PER');
    add(doc.places(), 'LOC');
    add(doc.organizations(), 'ORG');
    return out;
  },
};

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf({ tp, fp, fn }: Counts): { p: number; r: number; f: number } {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Passes over the same text for the throughput figures; the median is reported beside the first pass. */
const TIMED_PASSES = 5;


/** Throughput of `run` over `texts`: the first pass (words new to the process's caches) and the median of TIMED_PASSES. */
interface Throughput {
  first: number;
  median: number;
}

function throughput(texts: readonly string[], run: (text: string) => unknown, passes: number): Throughput {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const rates: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const start = process.cpuUsage();
    for (const t of texts) run(t);
    rates.push(bytes / 1e6 / cpuSeconds(start));
  }
  return { first: rates[0]!, median: median(rates) };
}

function score(system: System, sentences: GoldSentence[], warmUp: readonly string[], passes: number) {
  // Warm-up: loads the resources (timed apart) and lets the JIT compile the hot paths, on other text
  // than the scored one (WikiANN train), so the first timed pass still meets its words for the first time.
  const loadStart = process.cpuUsage();
  system.run('Volodymyr Zelensky said Russian forces advanced near Pokrovsk , Reuters reported .');
  const loadSeconds = cpuSeconds(loadStart);
  for (const text of warmUp) system.run(text);

  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType = new Map<GoldType, Counts>((['PER', 'LOC', 'ORG'] as const).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const predictions = new Map<GoldSentence, Predicted[]>();
  const speed = throughput(
    sentences.map((s) => s.text),
    (() => {
      let k = 0;
      return (text: string) => {
        const predicted = system.run(text);
        // Accuracy is scored on the first pass; later passes only time.
        if (k < sentences.length) predictions.set(sentences[k]!, predicted);
        k++;
      };
    })(),
    passes,
  );
  for (const s of sentences) {
    const predicted = predictions.get(s)!;
    const gold = new Set(s.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const guessed = new Set(predicted.map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const key of guessed) {
      const counts = byType.get(key.split(':')[2] as GoldType)!;
      if (gold.has(key)) {
        total.tp++;
        counts.tp++;
      } else {
        total.fp++;
        counts.fp++;
      }
    }
    for (const key of gold) {
      if (guessed.has(key)) continue;
      total.fn++;
      byType.get(key.split(':')[2] as GoldType)!.fn++;
    }
  }
  return { total, byType, speed, loadSeconds };
}

/** Whole news articles, analysed as ingest does (sentences split by the pipeline's splitter). */
function newsThroughput(system: System, passes: number): Throughput | null {
  if (!existsSync(newsDir)) return null;
  const texts = readdirSync(newsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(newsDir, f), 'utf8'));
  const run = system === sitrep ? (t: string) => extractEntities(t) : system.run;
  return throughput(texts, run, passes);
}

function main(): void {
  const args = process.argv.slice(2);
  if (!existsSync(devFile)) {
    console.error(`eval:ner: ${devFile} not found — WikiANN English dev is expected in ../shared/data/ner/wikiann-en beside the checkout`);
    process.exit(1);
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const passesAt = args.indexOf('--passes');
  const passes = passesAt >= 0 ? Math.max(1, Number(args[passesAt + 1])) : TIMED_PASSES;
  const sentences = readWikiann(devFile).slice(0, limit);
  const warmUp = existsSync(trainFile) ? readWikiann(trainFile).slice(0, WARM_UP_SENTENCES).map((s) => s.text) : [];
  const goldCount = sentences.reduce((n, s) => n + s.entities.length, 0);
  console.log(`WikiANN en dev: ${sentences.length} sentences, ${goldCount} entities`);
  console.log(`MB/s: CPU time on one core, first pass / median of ${passes} passes (the first meets its words for the first time)\n`);
  const systems = [sitrep, sitrepTagger, sitrepRules, ...(args.includes('--no-peer') ? [] : [compromise])];
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const rate = (t: Throughput | null) => (t === null ? '        -' : `${t.first.toFixed(2)}/${t.median.toFixed(2)}`.padStart(9));
  console.log(`${'system'.padEnd(20)}   P     R     F1  | PER F1 LOC F1 ORG F1 | MB/s wikiann      news | load s`);
  for (const system of systems) {
    // compromise is ~100× slower: one pass of each is enough to time it.
    const systemPasses = system === compromise ? 1 : passes;
    const { total, byType, speed, loadSeconds } = score(system, sentences, warmUp, systemPasses);
    const all = prf(total);
    const types = (['PER', 'LOC', 'ORG'] as const).map((t) => pct(prf(byType.get(t)!).f).padStart(6)).join(' ');
    const news = newsThroughput(system, systemPasses);
    console.log(
      `${system.name.padEnd(20)} ${pct(all.p)} ${pct(all.r)} ${pct(all.f)} | ${types} | ${rate(speed)} ${rate(news)} | ${loadSeconds.toFixed(2)}`,
    );
  }
}

main();
