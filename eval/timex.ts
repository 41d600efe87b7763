/**
 * `npm run eval:timex` — scores sitrep's temporal expressions on TimeBank +
 * AQUAINT (TempEval-3's training data, cleaned: ../shared/data/timex/
 * tempeval3-tbaq) as TempEval-3 task A does, beside a peer: chrono-node used
 * plainly, given the same document dates.
 *
 *   --errors      list our misses, false alarms and wrong values
 *   --doc ID      only documents whose id starts with ID
 *
 * Scores (TempEval-3, UzZaman et al. 2013): span precision / recall / F1 with
 * strict matching (same extent) and relaxed matching (overlapping extents),
 * each gold and system expression matched at most once; type accuracy over
 * relaxed matches; value F1 — a system expression counts when it
 * relaxed-matches a gold one and has its value (precision over system
 * expressions, recall over gold). Each document's creation time (the TIMEX3
 * with functionInDocument="CREATION_TIME") is given as the publication date.
 *
 * The data is read from ../shared/data beside the checkout and never copied
 * into the repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { extractTimes } from '../src/analyze/time/index.ts';
import { parseTimeml, type GoldTimex, type TimemlDocument } from './lib/timeml.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/timex/tempeval3-tbaq');
/** TimeBank and AQUAINT; `testpipeline/` repeats one TimeBank file. */
const SUBSETS = ['TimeBank', 'AQUAINT'];
/** Throughput is the best of this many timed passes, so one slow pass (a GC pause, a cold cache) does not decide it. */
const TIMING_PASSES = 3;

interface Options {
  errors: boolean;
  doc: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { errors: false, doc: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--errors') options.errors = true;
    else if (arg === '--doc' && argv[i + 1]) options.doc = argv[++i]!;
    else {
      console.error(`eval:timex: unknown argument ${arg}\nusage: npm run eval:timex -- [--errors] [--doc ID]`);
      process.exit(1);
    }
  }
  return options;
}

function loadDocuments(filter: string | null): TimemlDocument[] {
  if (!existsSync(dataDir)) {
    console.error(`eval:timex: data not found at ${dataDir}\n(expected the TempEval-3 TBAQ corpus in ../shared/data/timex/tempeval3-tbaq beside the checkout)`);
    process.exit(2);
  }
  const docs: TimemlDocument[] = [];
  for (const subset of SUBSETS) {
    const dir = path.join(dataDir, subset);
    if (!existsSync(dir)) {
      console.error(`eval:timex: ${dir} is missing`);
      process.exit(2);
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()) {
      const id = file.replace(/\.tml$/, '');
      if (filter !== null && !id.startsWith(filter)) continue;
      docs.push(parseTimeml(readFileSync(path.join(dir, file), 'utf8'), id));
    }
  }
  if (docs.length === 0) {
    console.error(`eval:timex: no .tml documents found in ${dataDir}`);
    process.exit(2);
  }
  return docs;
}

/** A system's expression as the scorer sees it. */
interface SystemTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

type System = (doc: TimemlDocument) => SystemTimex[];

const ours: System = (doc) => extractTimes(doc.text, { published: doc.dct });

const pad2 = (n: number) => String(n).padStart(2, '0');

/** chrono-node as a user would call it: parse with the document date as reference, read the fields it is certain of. */
const chronoPeer: System = (doc) => {
  const [y, m, d] = doc.dct.slice(0, 10).split('-').map(Number) as [number, number, number];
  const reference = new Date(y, m - 1, d, 12);
  return chrono.parse(doc.text, reference).map((r) => {
    const c = r.start;
    const date = `${String(c.get('year')).padStart(4, '0')}-${pad2(c.get('month') ?? 1)}-${pad2(c.get('day') ?? 1)}`;
    let type = 'DATE';
    let value: string;
    if (c.isCertain('hour')) {
      type = 'TIME';
      value = `${date}T${pad2(c.get('hour') ?? 0)}:${pad2(c.get('minute') ?? 0)}`;
    } else if (c.isCertain('day') || c.isCertain('weekday')) value = date;
    else if (c.isCertain('month')) value = date.slice(0, 7);
    else if (c.isCertain('year')) value = date.slice(0, 4);
    else value = date;
    return { start: r.index, end: r.index + r.text.length, type, value };
  });
};

interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  typeCorrect: number;
  valueCorrect: number;
}

interface DocumentErrors {
  missed: GoldTimex[];
  spurious: SystemTimex[];
  wrong: Array<{ gold: GoldTimex; system: SystemTimex }>;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** One-to-one matching: exact extents first, then overlaps, each in text order. */
function scoreDocument(gold: readonly GoldTimex[], system: readonly SystemTimex[], counts: Counts): DocumentErrors {
  counts.gold += gold.length;
  counts.system += system.length;
  const goldTaken = new Array<boolean>(gold.length).fill(false);
  const pairOf = new Array<number>(system.length).fill(-1);
  for (let s = 0; s < system.length; s++) {
    const g = gold.findIndex((x, k) => !goldTaken[k] && x.start === system[s]!.start && x.end === system[s]!.end);
    if (g >= 0) {
      goldTaken[g] = true;
      pairOf[s] = g;
      counts.strict++;
    }
  }
  for (let s = 0; s < system.length; s++) {
    if (pairOf[s]! >= 0) continue;
    const g = gold.findIndex((x, k) => !goldTaken[k] && overlaps(x, system[s]!));
    if (g >= 0) {
      goldTaken[g] = true;
      pairOf[s] = g;
    }
  }
  const errors: DocumentErrors = { missed: [], spurious: [], wrong: [] };
  for (let s = 0; s < system.length; s++) {
    const g = pairOf[s]!;
    if (g < 0) {
      errors.spurious.push(system[s]!);
      continue;
    }
    counts.relaxed++;
    if (gold[g]!.type === system[s]!.type) counts.typeCorrect++;
    if (gold[g]!.value === system[s]!.value) counts.valueCorrect++;
    else errors.wrong.push({ gold: gold[g]!, system: system[s]! });
  }
  gold.forEach((g, k) => {
    if (!goldTaken[k]) errors.missed.push(g);
  });
  return errors;
}

function f1(correct: number, system: number, gold: number): { p: number; r: number; f: number } {
  const p = system === 0 ? 0 : correct / system;
  const r = gold === 0 ? 0 : correct / gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

interface Row {
  name: string;
  counts: Counts;
  mbPerSecond: number;
}

function run(name: string, system: System, docs: readonly TimemlDocument[], bytes: number, errors: boolean): Row {
  const counts: Counts = { gold: 0, system: 0, strict: 0, relaxed: 0, typeCorrect: 0, valueCorrect: 0 };
  for (const doc of docs) {
    const found = system(doc);
    const e = scoreDocument(doc.timexes, found, counts);
    if (errors) printErrors(doc, e);
  }
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = performance.now();
    for (const doc of docs) system(doc);
    best = Math.min(best, performance.now() - t0);
  }
  return { name, counts, mbPerSecond: bytes / 1e6 / (best / 1000) };
}

function printErrors(doc: TimemlDocument, e: DocumentErrors): void {
  const snippet = (s: { start: number; end: number }) => JSON.stringify(doc.text.slice(s.start, s.end));
  for (const g of e.missed) console.log(`MISS\t${doc.id}\t${doc.dct}\t${snippet(g)}\t${g.type}\t${g.value}`);
  for (const s of e.spurious) console.log(`FP\t${doc.id}\t${doc.dct}\t${snippet(s)}\t${s.type}\t${s.value}\t${JSON.stringify(doc.text.slice(Math.max(0, s.start - 30), s.end + 20).replace(/\s+/g, ' '))}`);
  for (const w of e.wrong) {
    console.log(`VALUE\t${doc.id}\t${doc.dct}\t${snippet(w.gold)}→${snippet(w.system)}\tgold ${w.gold.type} ${w.gold.value}\tours ${w.system.type} ${w.system.value}\t${JSON.stringify(doc.text.slice(Math.max(0, w.gold.start - 50), w.gold.end + 30).replace(/\s+/g, ' '))}`);
  }
}

function formatTable(rows: readonly Row[]): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines = [
    'system        strict P     R     F1 | relaxed P     R     F1 | type acc | value P     R     F1 |  MB/s',
    '------------  ---------------------- | ---------------------- | -------- | -------------------- | -----',
  ];
  for (const { name, counts: c, mbPerSecond } of rows) {
    const strict = f1(c.strict, c.system, c.gold);
    const relaxed = f1(c.relaxed, c.system, c.gold);
    const value = f1(c.valueCorrect, c.system, c.gold);
    const typeAccuracy = c.relaxed === 0 ? 0 : c.typeCorrect / c.relaxed;
    lines.push(
      `${name.padEnd(12)}  ${pct(strict.p)} ${pct(strict.r)} ${pct(strict.f)} | ${pct(relaxed.p)} ${pct(relaxed.r)} ${pct(relaxed.f)} | ${pct(typeAccuracy)}   | ${pct(value.p)} ${pct(value.r)} ${pct(value.f)} | ${mbPerSecond.toFixed(2).padStart(5)}`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const docs = loadDocuments(options.doc);
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0);
  const gold = docs.reduce((sum, d) => sum + d.timexes.length, 0);
  const rows = [run('sitrep', ours, docs, bytes, options.errors), run('chrono-node', chronoPeer, docs, bytes, false)];
  console.log(`TempEval-3 task A on TimeBank + AQUAINT: ${docs.length} documents, ${gold} gold TIMEX3, ${(bytes / 1e6).toFixed(2)} MB of text`);
  console.log(formatTable(rows));
  console.log('Published (TempEval-3 test set): HeidelTime value F1 77.61, relaxed span F1 90.30; SUTime value F1 67.38.');
}

main();
