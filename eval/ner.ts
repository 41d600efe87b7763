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
 * resources are loaded (load time is shown apart). It is also measured on
 * whole news articles (../shared/corpus/ukraine-gdelt-447) when present.
 *
 *   --limit N   score only the first N sentences
 *   --no-peer   skip compromise
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

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devFile = path.resolve(repoRoot, '../shared/data/ner/wikiann-en/dev');
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

function score(system: System, sentences: GoldSentence[]) {
  // Warm-up: loads the resources (timed apart) and lets the JIT compile the hot paths.
  const loadStart = process.cpuUsage();
  system.run('Volodymyr Zelensky said Russian forces advanced near Pokrovsk , Reuters reported .');
  const loadSeconds = cpuSeconds(loadStart);
  for (const s of sentences.slice(0, 200)) system.run(s.text);

  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType = new Map<GoldType, Counts>((['PER', 'LOC', 'ORG'] as const).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let bytes = 0;
  let seconds = 0;
  for (const s of sentences) {
    bytes += Buffer.byteLength(s.text);
    const start = process.cpuUsage();
    const predicted = system.run(s.text);
    seconds += cpuSeconds(start);
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
  return { total, byType, mbPerSecond: bytes / 1e6 / seconds, loadSeconds };
}

function newsThroughput(system: System): number | null {
  if (!existsSync(newsDir)) return null;
  const texts = readdirSync(newsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(newsDir, f), 'utf8'));
  const run = system === sitrep ? (t: string) => extractEntities(t) : system.run;
  run(texts[0] ?? '');
  const start = process.cpuUsage();
  let bytes = 0;
  for (const t of texts) {
    bytes += Buffer.byteLength(t);
    run(t);
  }
  return bytes / 1e6 / cpuSeconds(start);
}

function main(): void {
  const args = process.argv.slice(2);
  if (!existsSync(devFile)) {
    console.error(`eval:ner: ${devFile} not found — WikiANN English dev is expected in ../shared/data/ner/wikiann-en beside the checkout`);
    process.exit(1);
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const sentences = readWikiann(devFile).slice(0, limit);
  const goldCount = sentences.reduce((n, s) => n + s.entities.length, 0);
  console.log(`WikiANN en dev: ${sentences.length} sentences, ${goldCount} entities\n`);
  const systems = [sitrep, sitrepTagger, sitrepRules, ...(args.includes('--no-peer') ? [] : [compromise])];
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(`${'system'.padEnd(20)}   P     R     F1  | PER F1 LOC F1 ORG F1 | MB/s (wikiann, news) | load s`);
  for (const system of systems) {
    const { total, byType, mbPerSecond, loadSeconds } = score(system, sentences);
    const all = prf(total);
    const types = (['PER', 'LOC', 'ORG'] as const).map((t) => pct(prf(byType.get(t)!).f).padStart(6)).join(' ');
    const news = newsThroughput(system);
    console.log(
      `${system.name.padEnd(20)} ${pct(all.p)} ${pct(all.r)} ${pct(all.f)} | ${types} | ${mbPerSecond.toFixed(2).padStart(6)}, ${news === null ? '   -' : news.toFixed(2).padStart(6)}      | ${loadSeconds.toFixed(2)}`,
    );
  }
}

main();
