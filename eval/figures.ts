/**
 * `npm run eval:figures` — figures on a realistic workload: the 447 news
 * articles of ../shared/corpus/ukraine-gdelt-447 (no gold). Reports how
 * many figures are found, by unit; the share with a `counted` phrase, a
 * qualifier, a date, flagged hypothetical; and the throughput of
 * extractFigures alone: MB of text (UTF-8) per CPU second, as eval:ner
 * counts it, so a busy shared machine does not decide it; the best of
 * TIMING_PASSES, given the sentences, entities and times the analysis found.
 *
 * With no gold, precision is judged by hand: `--sample N` prints N figures
 * drawn at random with their sentences, `--misses N` prints N numbers that
 * did not become figures (outside time expressions), for a reader to check.
 *
 *   --sample N   print N random figures with their sentence
 *   --misses N   print N random numbers that are not figures
 *   --seed S     seed of the random draws (default 1)
 *
 * Each article's date is read from its file name (the GDELT timestamp).
 * The corpus is read from beside the checkout and never copied into the repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.ts';
import { extractFigures } from '../src/analyze/figures/index.ts';
import type { Analysis, Figure } from '../src/model/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/ukraine-gdelt-447');
/** Throughput is the best of this many timed passes, so one slow pass (a GC pause, a busy shared machine) does not decide it. */
const TIMING_PASSES = 5;
/** Outputs of the generator thrown away before the first draw. */
const WARM_UP = 16;
/** Characters of sentence shown either side of a sampled figure. */
const SHOWN_CONTEXT = 140;

interface Options {
  sample: number;
  misses: number;
  seed: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sample: 0, misses: 0, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = Number(argv[i + 1]);
    if ((arg === '--sample' || arg === '--misses' || arg === '--seed') && Number.isInteger(value) && value >= 0) {
      options[arg.slice(2) as keyof Options] = value;
      i++;
    } else {
      console.error(`eval:figures: unknown argument ${arg}\nusage: npm run eval:figures -- [--sample N] [--misses N] [--seed S]`);
      process.exit(1);
    }
  }
  return options;
}

/** A small deterministic generator (Park–Miller), so a sample can be drawn again. */
function random(seed: number): () => number {
  let state = (seed % 2147483646) + 1;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  // the first outputs of a small seed are small too: let the state mix before drawing
  for (let i = 0; i < WARM_UP; i++) next();
  return next;
}

function draw<T>(items: readonly T[], n: number, next: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

/** "20240819T..." → 2024-08-19 */
function dateOfFile(name: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function around(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - SHOWN_CONTEXT), Math.min(text.length, end + SHOWN_CONTEXT)).replace(/\s+/g, ' ');
}

function describe(f: Figure): string {
  const range = f.valueMax === null ? '' : `–${f.valueMax}`;
  const flags = [f.qualifier, f.hypothetical ? 'hypothetical' : null].filter((x) => x !== null).join(', ');
  return `[${f.text}] ${f.value}${range} ${f.unit}${flags ? ` (${flags})` : ''} counted=${JSON.stringify(f.counted)} date=${f.date}`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(corpusDir)) {
    console.error(`eval:figures: corpus not found at ${corpusDir}\n(expected ../shared/corpus/ukraine-gdelt-447 beside the checkout)`);
    process.exit(2);
  }
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const analyses: Array<{ file: string; analysis: Analysis }> = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(path.join(corpusDir, file), 'utf8');
    bytes += Buffer.byteLength(text, 'utf8');
    const value = dateOfFile(file);
    analyses.push({ file, analysis: analyze({ text, published: { value, provenance: value === null ? 'unknown' : 'metadata', evidence: file } }) });
  }

  let best = Infinity;
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = process.cpuUsage();
    for (const { analysis: a } of analyses) {
      extractFigures(a.text, { sentences: a.sentences, entities: a.entities, entityIndex: a.entityIndex, times: a.times, sentenceTimes: a.sentenceTimes });
    }
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }

  const figures = analyses.flatMap(({ file, analysis }) => analysis.figures.map((f) => ({ file, analysis, f })));
  const byUnit = new Map<string, number>();
  for (const { f } of figures) byUnit.set(f.unit, (byUnit.get(f.unit) ?? 0) + 1);
  const share = (test: (f: Figure) => boolean) => (figures.length === 0 ? 0 : (100 * figures.filter(({ f }) => test(f)).length) / figures.length);
  const mb = bytes / 1e6;

  console.log(`articles ${files.length}, ${mb.toFixed(2)} MB, figures ${figures.length} (${(figures.length / Math.max(1, files.length)).toFixed(1)} per article)`);
  console.log(`with a counted phrase ${share((f) => f.counted !== null).toFixed(1)}%, a qualifier ${share((f) => f.qualifier !== null).toFixed(1)}%, a date ${share((f) => f.date !== null).toFixed(1)}%, hypothetical ${share((f) => f.hypothetical).toFixed(1)}%`);
  console.log('by unit:');
  for (const [unit, n] of [...byUnit].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    console.log(`  ${unit.padEnd(18)} ${String(n).padStart(5)}`);
  }
  console.log(`extractFigures throughput: ${(mb / (best / 1000)).toFixed(1)} MB per CPU second (${best.toFixed(0)} ms of CPU for ${mb.toFixed(2)} MB, best of ${TIMING_PASSES})`);

  const next = random(options.seed);
  if (options.sample > 0) {
    console.log(`\nsample of ${options.sample} figures (seed ${options.seed}):`);
    for (const { file, analysis, f } of draw(figures, options.sample, next)) {
      console.log(`- ${describe(f)}\n    ${file}: …${around(analysis.text, f.start, f.end)}…`);
    }
  }
  if (options.misses > 0) {
    const misses: Array<{ file: string; text: string; start: number; end: number }> = [];
    const number = /\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|half)\b/gi;
    for (const { file, analysis: a } of analyses) {
      for (const m of a.text.matchAll(number)) {
        const start = m.index;
        const end = start + m[0].length;
        if (a.times.some((t) => t.start < end && start < t.end)) continue;
        if (a.figures.some((f) => f.start <= start && end <= f.end)) continue;
        misses.push({ file, text: a.text, start, end });
      }
    }
    console.log(`\n${misses.length} numbers outside time expressions are not figures; ${options.misses} of them (seed ${options.seed}):`);
    for (const m of draw(misses, options.misses, next)) console.log(`- [${m.text.slice(m.start, m.end)}] ${m.file}: …${around(m.text, m.start, m.end)}…`);
  }
}

main();
