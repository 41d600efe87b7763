/**
 * `npm run eval:quotes` — scores quote and claim extraction on PolNeAR
 * (../shared/data/quotes/polnear, the dev split unless `--split train`).
 *
 * What is scored. Each gold attribution (a Content span, a Cue and, for most,
 * a Source) is matched one-to-one to the predicted quote or claim whose
 * content shares the most word tokens with it (greedy, largest overlap
 * first). Predictions are the quotes (direct and reported; a partial quote
 * inside a reported one is the same attribution and is not counted twice)
 * and the claims whose content overlaps no quote (denials, beliefs, nominal
 * claims). An attribution nested inside another's content is part of the
 * outer one (PolNeAR gives each token to one attribution).
 *   - content P / R / F1 on word tokens: matched overlap over all predicted
 *     content tokens / over all gold content tokens;
 *   - attribution P / R / F1: a gold attribution is found when a prediction
 *     overlaps it at all, a prediction is right when it overlaps one;
 *   - source accuracy: of the matched pairs whose gold has a source, the share
 *     whose predicted source shares a word with the gold source, or whose
 *     predicted entity is the entity of a mention inside the gold source.
 *
 * Several annotators. A few texts are annotated by several annotators (one
 * .ann file each, "_<annotator>" suffix). Each annotator's file is scored as a
 * reading of the text, and its counts weigh 1/(number of annotators), so each
 * text counts once and no annotator is preferred.
 *
 * Throughput: MB of text (UTF-8) per CPU second (user + system, one core) of
 * extractAttributions alone (on the context analyze() built) and of the whole
 * analyze(), after a warm-up pass that loads the resources.
 *
 *   --split dev|train   which split (dev by default; tune on train)
 *   --limit N           only the first N texts (after --offset)
 *   --offset N          skip the first N texts (to check on a train slice not looked at)
 *   --misses N          print N missed gold attributions (cue and content start)
 *   --misses-by-cue N   missed gold attributions grouped by cue lemma, most content tokens first, with
 *                       N examples each (source, text around the cue); --lemmas M shows M groups (40)
 *   --loss N            where gold content tokens are lost: in attributions found nowhere vs. the rest of
 *                       matched ones, and the N cue lemmas losing most (both kinds)
 *   --dump FILE         every gold attribution as one JSON line (cue, source, content, tokens, matched
 *                       overlap, the prediction it matched and the sentence around the cue), for study
 *
 * The data is read in place and never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.ts';
import { extractAttributions } from '../src/analyze/attribution/index.ts';
import type { Analysis, Span } from '../src/model/index.ts';
import { type GoldAttribution, readBrat, wordStarts } from './lib/brat.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/quotes/polnear');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const split = argValue('--split') ?? 'dev';
const limit = Number(argValue('--limit') ?? Infinity);
const offset = Number(argValue('--offset') ?? 0);
const showMisses = Number(argValue('--misses') ?? 0);
const missesByCue = Number(argValue('--misses-by-cue') ?? 0);

/** A cue's lemma, roughly: its words lowercased, the verb's inflection stripped ("called for" → "call for"). */
export function cueLemma(cue: string): string {
  const irregular: Record<string, string> = { said: 'say', says: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think', saw: 'see', seen: 'see', knew: 'know', known: 'know', sought: 'seek', felt: 'feel', found: 'find', made: 'make', took: 'take', gave: 'give', got: 'get', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be' };
  return cue.toLowerCase().split(/\s+/).filter(Boolean).map((w) => {
    if (irregular[w]) return irregular[w];
    if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
    if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
    if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
    return w;
  }).join(' ');
}
/** Missed gold attributions by cue lemma: how many, their content tokens, and a few with the text around the cue. */
const missedByLemma = new Map<string, { count: number; tokens: number; examples: string[] }>();

interface Predicted {
  content: Span;
  source: Span | null;
  entity: string | null;
  label: string;
  cueSpan: Span | null;
}

/** The attributions a reader sees once each: quotes, then claims that are not already a quote. */
export function predictions(a: Analysis): (Predicted & { pieces: Span[] })[] {
  const out: Predicted[] = [];
  const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
  const contains = (x: Span, y: Span) => x.start <= y.start && y.end <= x.end;
  // PolNeAR gives each token to one attribution: one nested in another's content ("According to the
  // poll, most voters say …") is part of the outer one, as is a partial quote inside reported speech.
  const all = [...a.quotes.map((q) => q.content), ...a.claims.map((c) => c.content)];
  const nested = (s: Span) => all.some((o) => contains(o, s) && (o.start !== s.start || o.end !== s.end));
  for (const q of a.quotes) {
    if (nested(q.content)) continue;
    out.push({ content: q.content, source: q.speaker, entity: q.speaker?.entity ?? null, label: `quote:${q.kind}:${q.cue?.text ?? ''}`, cueSpan: q.cue });
  }
  for (const c of a.claims) {
    if (nested(c.content) || out.some((p) => overlaps(p.content, c.content))) continue;
    out.push({ content: c.content, source: c.party, entity: c.party?.entity ?? null, label: `claim:${c.kind}:${c.cue?.text ?? ''}`, cueSpan: c.cue });
  }
  // One attribution, several pieces: a quote split by its frame ("“…,” he said, “…”") shares the cue.
  const byCue = new Map<string, Predicted & { pieces: Span[] }>();
  const merged: (Predicted & { pieces: Span[] })[] = [];
  for (const p of out) {
    const key = p.label.startsWith('quote:') && p.cueSpan ? `${p.cueSpan.start}:${p.cueSpan.end}` : null;
    const existing = key ? byCue.get(key) : undefined;
    if (existing) existing.pieces.push(p.content);
    else {
      const entry = { ...p, pieces: [p.content] };
      merged.push(entry);
      if (key) byCue.set(key, entry);
    }
  }
  return merged;
}

interface Counts {
  goldTokens: number;
  predTokens: number;
  matchedTokens: number;
  gold: number;
  found: number;
  pred: number;
  predRight: number;
  withSource: number;
  sourceRight: number;
}

const zero = (): Counts => ({ goldTokens: 0, predTokens: 0, matchedTokens: 0, gold: 0, found: 0, pred: 0, predRight: 0, withSource: 0, sourceRight: 0 });

/** Gold content tokens and matched tokens by the gold cue's last word: where recall is lost. */
const cueRecall = new Map<string, { gold: number; matched: number }>();
function byCue(g: GoldAttribution, text: string): { gold: number; matched: number } {
  const words = g.cue.map((s) => text.slice(s.start, s.end)).join(' ').toLowerCase().split(/\s+/);
  const key = words[words.length - 1] ?? '';
  let entry = cueRecall.get(key);
  if (!entry) cueRecall.set(key, (entry = { gold: 0, matched: 0 }));
  return entry;
}
const partials: string[] = [];
const dumpFile = argValue('--dump');
const dumped: string[] = [];
/** Gold content tokens lost (unweighted), by cue lemma: in gold found nowhere (`missed`) and beyond a match's overlap (`partial`). */
const lossByLemma = new Map<string, { gold: number; missed: number; partial: number; covered: number }>();
function lossOf(g: GoldAttribution, text: string) {
  const lemma = cueLemma(g.cue.map((s) => text.slice(s.start, s.end)).join(' '));
  let entry = lossByLemma.get(lemma);
  if (!entry) lossByLemma.set(lemma, (entry = { gold: 0, missed: 0, partial: 0, covered: 0 }));
  return entry;
}
let matchedGoldTokens = 0;
let matchedPredTokens = 0;

function score(text: string, analysis: Analysis, gold: GoldAttribution[], misses: string[]): Counts {
  const c = zero();
  const preds = predictions(analysis);
  const predTokens = preds.map((p) => wordStarts(text, p.pieces));
  const goldTokens = gold.map((g) => wordStarts(text, g.content));
  c.gold = gold.length;
  gold.forEach((g, k) => {
    byCue(g, text).gold += goldTokens[k]!.size;
    lossOf(g, text).gold += goldTokens[k]!.size;
  });
  c.pred = preds.length;
  for (const t of goldTokens) c.goldTokens += t.size;
  for (const t of predTokens) c.predTokens += t.size;
  const pairs: { g: number; p: number; overlap: number }[] = [];
  goldTokens.forEach((gt, g) => {
    predTokens.forEach((pt, p) => {
      let overlap = 0;
      for (const s of pt) if (gt.has(s)) overlap++;
      if (overlap > 0) pairs.push({ g, p, overlap });
    });
  });
  c.found = new Set(pairs.map((x) => x.g)).size;
  c.predRight = new Set(pairs.map((x) => x.p)).size;
  pairs.sort((x, y) => y.overlap - x.overlap);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const match = new Map<number, { p: number; overlap: number }>();
  for (const { g, p, overlap } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    match.set(g, { p, overlap });
    byCue(gold[g]!, text).matched += overlap;
    const lost = goldTokens[g]!.size - overlap;
    lossOf(gold[g]!, text).partial += lost;
    if (lost >= 8 && partials.length < 400) {
      const gt = gold[g]!.content.map((s) => text.slice(s.start, s.end)).join(' … ').replace(/\n/g, ' ⏎ ');
      const pt = preds[p]!.pieces.map((s) => text.slice(s.start, s.end)).join(' … ').replace(/\n/g, ' ⏎ ');
      const cue = gold[g]!.cue.map((s) => text.slice(s.start, s.end)).join(' ');
      partials.push(`lost ${lost} [${cue}] (${preds[p]!.label})\n   gold: ${gt.slice(0, 300)}\n   pred: ${pt.slice(0, 300)}`);
    }
    c.matchedTokens += overlap;
    matchedGoldTokens += goldTokens[g]!.size;
    matchedPredTokens += predTokens[p]!.size;
    const source = gold[g]!.source;
    if (!source || source.length === 0) continue;
    c.withSource++;
    const pred = preds[p]!;
    const goldSourceTokens = wordStarts(text, source);
    const predSourceTokens = pred.source ? wordStarts(text, [pred.source]) : new Set<number>();
    let right = [...predSourceTokens].some((s) => goldSourceTokens.has(s));
    if (!right && pred.entity) {
      right = analysis.entities.some((m) => m.entity === pred.entity && source.some((s) => m.start < s.end && s.start < m.end));
    }
    if (right) c.sourceRight++;
  }
  if (dumpFile) {
    const str = (spans: readonly Span[] | null) => spans?.map((s) => text.slice(s.start, s.end)).join(' … ') ?? null;
    gold.forEach((g, k) => {
      const m = match.get(k);
      const at = g.cue[0]?.start ?? g.content[0]!.start;
      dumped.push(JSON.stringify({
        cue: str(g.cue), source: str(g.source), content: str(g.content), tokens: goldTokens[k]!.size, overlap: m?.overlap ?? 0,
        pred: m ? { label: preds[m.p]!.label, content: str(preds[m.p]!.pieces) } : null,
        around: text.slice(Math.max(0, at - 200), at + 200),
      }));
    });
    // Predictions matched to no gold attribution, and how many of their tokens are wasted.
    const matchedP = new Map([...match.values()].map((m) => [m.p, m.overlap]));
    preds.forEach((p, k) => {
      const wasted = predTokens[k]!.size - (matchedP.get(k) ?? 0);
      if (wasted === 0) return;
      dumped.push(JSON.stringify({ pred: { label: p.label, content: str(p.pieces) }, wasted, matched: matchedP.has(k), source: p.source ? text.slice(p.source.start, p.source.end) : null }));
    });
  }
  gold.forEach((g, k) => {
    if (usedG.has(k)) return;
    const loss = lossOf(g, text);
    loss.missed += goldTokens[k]!.size;
    // Tokens of a prediction matched to another gold attribution: one prediction spanning two.
    for (const t of goldTokens[k]!) if (predTokens.some((pt) => pt.has(t))) loss.covered++;
    const cue = g.cue.map((s) => text.slice(s.start, s.end)).join(' ');
    const content = g.content.map((s) => text.slice(s.start, s.end)).join(' … ');
    const at = g.cue[0]?.start ?? g.content[0]!.start;
    const around = text.slice(Math.max(0, at - 90), at + 60).replace(/\n/g, ' ⏎ ');
    misses.push(`[${cue}] ${content.slice(0, 100).replace(/\n/g, ' ')}${argValue('--context') ? `\n      ⟨${around}⟩` : ''}`);
    const lemma = cueLemma(cue);
    let group = missedByLemma.get(lemma);
    if (!group) missedByLemma.set(lemma, (group = { count: 0, tokens: 0, examples: [] }));
    group.count++;
    group.tokens += goldTokens[k]!.size;
    const source = g.source?.map((s) => text.slice(s.start, s.end)).join(' ') ?? '—';
    if (group.examples.length < missesByCue) group.examples.push(`{${source}} ⟨${around}⟩\n        content: ${content.slice(0, 140).replace(/\n/g, ' ')}`);
  });
  return c;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function main(): void {
  const annDir = path.join(dataDir, split, 'attributions');
  const textDir = path.join(dataDir, split, 'text');
  if (!existsSync(annDir)) {
    console.error(`eval:quotes: no PolNeAR ${split} split at ${annDir}`);
    process.exit(1);
  }
  // One text, any number of annotators: "<text>_<annotator>.ann".
  const byText = new Map<string, string[]>();
  for (const f of readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    byText.set(base, [...(byText.get(base) ?? []), f]);
  }
  const texts = [...byText.keys()].slice(offset, offset + limit);
  const docs = texts.map((base) => {
    const text = readFileSync(path.join(textDir, `${base}.txt`), 'utf8');
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(base)?.[1] ?? null;
    return { base, text, date };
  });
  const published = (date: string | null) => ({ value: date, provenance: date ? ('metadata' as const) : ('unknown' as const), evidence: null });
  // Warm-up: load the tagger, the gazetteer and the name lists before timing.
  analyze({ text: docs[0]?.text ?? 'Warm up.', published: published(null) });

  let bytes = 0;
  let analyzeMs = 0;
  let attributionMs = 0;
  const total = zero();
  const misses: string[] = [];
  for (const { base, text, date } of docs) {
    bytes += Buffer.byteLength(text, 'utf8');
    // CPU time, not wall time: on a shared machine the wall clock counts the other processes too.
    const t0 = process.cpuUsage();
    const analysis = analyze({ text, published: published(date) });
    analyzeMs += cpuMs(t0);
    const context = { sentences: analysis.sentences, entities: analysis.entities, entityIndex: analysis.entityIndex, times: analysis.times, sentenceTimes: analysis.sentenceTimes };
    const t1 = process.cpuUsage();
    extractAttributions(text, context);
    attributionMs += cpuMs(t1);
    const files = byText.get(base)!;
    for (const f of files) {
      const gold = readBrat(readFileSync(path.join(annDir, f), 'utf8'));
      const c = score(text, analysis, gold, misses);
      const w = 1 / files.length;
      for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k] * w;
    }
  }
  const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
  const pct = (x: number) => (100 * x).toFixed(1);
  const cp = total.matchedTokens / total.predTokens;
  const cr = total.matchedTokens / total.goldTokens;
  const ap = total.predRight / total.pred;
  const ar = total.found / total.gold;
  console.log(`PolNeAR ${split}: ${docs.length} texts, ${Math.round(total.gold)} gold attributions (annotators weighted 1/n), ${Math.round(total.pred)} predicted`);
  console.log(`content tokens   P ${pct(cp)}  R ${pct(cr)}  F1 ${pct(f1(cp, cr))}`);
  console.log(`attributions     P ${pct(ap)}  R ${pct(ar)}  F1 ${pct(f1(ap, ar))}  (any overlap)`);
  console.log(`source accuracy  ${pct(total.sourceRight / total.withSource)}  (${Math.round(total.sourceRight)} / ${Math.round(total.withSource)} matched with a gold source)`);
  const mb = bytes / 1e6;
  console.log(`throughput       extractAttributions ${(mb / (attributionMs / 1000)).toFixed(2)} MB/s, whole analyze() ${(mb / (analyzeMs / 1000)).toFixed(2)} MB/s per CPU second (${mb.toFixed(2)} MB)`);
  if (argValue('--miss-cues')) {
    console.log(`matched pairs: gold tokens ${matchedGoldTokens}, predicted tokens ${matchedPredTokens} (unweighted)`);
    const counts = new Map<string, number>();
    for (const m of misses) {
      const cue = /^\[([^\]]*)\]/.exec(m)?.[1]?.toLowerCase() ?? '';
      counts.set(cue, (counts.get(cue) ?? 0) + 1);
    }
    console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(argValue('--miss-cues'))).map(([k, v]) => `${v} ${k}`).join(' | '));
  }
  if (argValue('--by-cue')) {
    const rows = [...cueRecall].sort((a, b) => b[1].gold - a[1].gold).slice(0, Number(argValue('--by-cue')));
    console.log(rows.map(([k, v]) => `${k} ${v.gold}:${pct(v.matched / v.gold)}%`).join(' | '));
  }
  if (dumpFile) writeFileSync(dumpFile, `${dumped.join('\n')}\n`);
  if (argValue('--loss')) {
    const rows = [...lossByLemma];
    const sum = (k: 'gold' | 'missed' | 'partial' | 'covered') => rows.reduce((n, [, v]) => n + v[k], 0);
    const gold = sum('gold');
    console.log(`gold content tokens ${gold} (unweighted): ${pct(sum('missed') / gold)}% in attributions found nowhere (${pct(sum('covered') / gold)}% inside a prediction matched to another), ${pct(sum('partial') / gold)}% outside a match's overlap; ${rows.length} cue lemmas`);
    rows.sort((a, b) => b[1].missed + b[1].partial - (a[1].missed + a[1].partial));
    for (const [lemma, v] of rows.slice(0, Number(argValue('--loss')))) {
      console.log(`  ${lemma.padEnd(24)} gold ${String(v.gold).padStart(6)}  missed ${String(v.missed).padStart(6)}  partial ${String(v.partial).padStart(6)}  covered ${String(v.covered).padStart(6)}`);
    }
  }
  if (argValue('--partials')) for (const p of partials.slice(0, Number(argValue('--partials')))) console.log(p);
  if (missesByCue > 0) {
    console.log('\nmissed gold attributions by cue lemma (count, content tokens):');
    for (const [lemma, g] of [...missedByLemma].sort((a, b) => b[1].tokens - a[1].tokens).slice(0, Number(argValue('--lemmas') ?? 40))) {
      console.log(`${lemma}  ${g.count} missed, ${g.tokens} tokens`);
      for (const e of g.examples) console.log(`    ${e}`);
    }
  }
  if (showMisses > 0) {
    console.log(`\nmissed (${misses.length}):`);
    for (const m of misses.slice(0, showMisses)) console.log(`  ${m}`);
  }
}

main();
