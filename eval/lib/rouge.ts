/**
 * ROUGE-N and the timeline ROUGE variants of Martschat & Markert (2017,
 * "Improving ROUGE for Timeline Summarization"), as the `tilse` toolkit
 * computes them and Ghalandari & Ifrim (2020) report them on T17.
 *
 * ROUGE-N counts (one reference): tokens are lowercased, every character
 * that is not a letter or a digit separates words, stopwords are dropped and
 * the rest Porter-stemmed (ROUGE-1.5.5 with `-m -s`, which tilse uses; as
 * there, only words longer than 3 letters are stemmed), n-grams are taken
 * over the whole text; hits = Σ min(count in system, count in reference).
 * Precision = hits / system n-grams, recall = hits / reference n-grams.
 * Differences from ROUGE-1.5.5 that move scores slightly: our stopword list
 * is a plain English function-word list, not ROUGE's 571-word SMART list,
 * and the stemmer has no WordNet exception list (went ↛ go).
 *
 * Timeline variants (a timeline = date → sentences):
 * - concat: all of a timeline's sentences as one text against the reference's.
 * - align+ m:1 (tilse `align_date_content_costs_many_to_one`): for precision
 *   each system date is aligned to the reference date of least cost, for
 *   recall each reference date to the system date of least cost, where
 *   cost(d, r) = (1 − 1/(|d − r| + 1)) · (1 − R1(d, r)) with R1 an
 *   approximate ROUGE-1 F1 over raw whitespace tokens of the two days'
 *   summaries (so the same day costs 0 whatever its content; ties go to the
 *   earliest date). An aligned pair adds hits · 1/(|d − r| + 1) to the
 *   numerator and its n-gram count to the denominator; micro-averaged over
 *   the timeline. (With "m:1" several system dates may share one reference
 *   date; the injective "align+" variant is not implemented.)
 */
import { porterStem } from './porter.ts';

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also may might must shall upon us s t'
  ).split(' '),
);

/** Words as ROUGE-1.5.5 -m -s sees them. */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!w || STOPWORDS.has(w)) continue;
    out.push(w.length > 3 ? porterStem(w) : w);
  }
  return out;
}

export type Ngrams = Map<string, number>;

export function ngrams(tokens: readonly string[], n: number): Ngrams {
  const out: Ngrams = new Map();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export interface RougeCounts {
  hits: number;
  system: number;
  reference: number;
}

function total(g: Ngrams): number {
  let n = 0;
  for (const c of g.values()) n += c;
  return n;
}

export function rougeCounts(system: Ngrams, reference: Ngrams): RougeCounts {
  let hits = 0;
  for (const [g, c] of system) hits += Math.min(c, reference.get(g) ?? 0);
  return { hits, system: total(system), reference: total(reference) };
}

export interface PRF {
  precision: number;
  recall: number;
  f: number;
}

export function prf(precision: number, recall: number): PRF {
  return { precision, recall, f: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** A timeline for scoring: ISO day (`2011-02-14`) → its sentences. */
export type DatedSummaries = ReadonlyMap<string, readonly string[]>;

export const ROUGE_ORDERS = [1, 2] as const;
export type RougeScores = Record<`rouge${(typeof ROUGE_ORDERS)[number]}`, PRF>;

function textNgrams(sentences: readonly string[], n: number): Ngrams {
  return ngrams(rougeTokens(sentences.join(' ')), n);
}

/** concat: the whole system timeline against the whole reference, dates ignored. */
export function concatRouge(system: DatedSummaries, reference: DatedSummaries): RougeScores {
  const all = (t: DatedSummaries) => [...t.keys()].sort().flatMap((d) => t.get(d)!);
  const out = {} as RougeScores;
  for (const n of ROUGE_ORDERS) {
    const c = rougeCounts(textNgrams(all(system), n), textNgrams(all(reference), n));
    out[`rouge${n}`] = prf(c.system ? c.hits / c.system : 0, c.reference ? c.hits / c.reference : 0);
  }
  return out;
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** tilse's content similarity for alignment: ROUGE-1 F1 over raw whitespace tokens, no stemming. */
export function approximateRouge1(system: readonly string[], reference: readonly string[]): number {
  const count = (sents: readonly string[]) => {
    const m: Ngrams = new Map();
    for (const s of sents) for (const w of s.split(/\s+/)) if (w) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const c = rougeCounts(count(system), count(reference));
  const p = c.system ? c.hits / c.system : 0;
  const r = c.reference ? c.hits / c.reference : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** For each `from` date, the index of the `to` date of least cost (the first on ties). */
function alignManyToOne(
  from: readonly string[],
  to: readonly string[],
  content: (fromDate: string, toDate: string) => number,
): number[] {
  return from.map((d) => {
    let best = -1;
    let bestCost = Infinity;
    to.forEach((t, j) => {
      const dateCost = 1 - 1 / (Math.abs(dayNumber(d) - dayNumber(t)) + 1);
      const cost = dateCost === 0 ? 0 : dateCost * (1 - content(d, t));
      if (cost < bestCost) {
        bestCost = cost;
        best = j;
      }
    });
    return best;
  });
}

/** align+ m:1 (see the header): date- and content-aligned ROUGE, weighted by date distance. */
export function alignedRouge(system: DatedSummaries, reference: DatedSummaries): RougeScores {
  const sysDates = [...system.keys()].sort();
  const refDates = [...reference.keys()].sort();
  const similarity = new Map<string, number>();
  const content = (s: string, r: string) => {
    const key = `${s}|${r}`;
    let v = similarity.get(key);
    if (v === undefined) similarity.set(key, (v = approximateRouge1(system.get(s)!, reference.get(r)!)));
    return v;
  };
  const precisionAlign = refDates.length ? alignManyToOne(sysDates, refDates, content) : sysDates.map(() => -1);
  const recallAlign = sysDates.length ? alignManyToOne(refDates, sysDates, (r, s) => content(s, r)) : refDates.map(() => -1);
  const out = {} as RougeScores;
  for (const n of ROUGE_ORDERS) {
    const sysGrams = new Map(sysDates.map((d) => [d, textNgrams(system.get(d)!, n)]));
    const refGrams = new Map(refDates.map((d) => [d, textNgrams(reference.get(d)!, n)]));
    const weight = (s: string, r: string) => 1 / (Math.abs(dayNumber(s) - dayNumber(r)) + 1);
    let pNum = 0;
    let pDen = 0;
    sysDates.forEach((s, i) => {
      const j = precisionAlign[i]!;
      if (j < 0) {
        pDen += total(sysGrams.get(s)!);
        return;
      }
      const r = refDates[j]!;
      const c = rougeCounts(sysGrams.get(s)!, refGrams.get(r)!);
      pNum += weight(s, r) * c.hits;
      pDen += c.system;
    });
    let rNum = 0;
    let rDen = 0;
    refDates.forEach((r, i) => {
      const j = recallAlign[i]!;
      if (j < 0) {
        rDen += total(refGrams.get(r)!);
        return;
      }
      const s = sysDates[j]!;
      const c = rougeCounts(sysGrams.get(s)!, refGrams.get(r)!);
      rNum += weight(s, r) * c.hits;
      rDen += c.reference;
    });
    out[`rouge${n}`] = prf(pDen ? pNum / pDen : 0, rDen ? rNum / rDen : 0);
  }
  return out;
}

/** Date selection: the system's dates against the reference's, exact days. */
export function dateF1(systemDates: Iterable<string>, referenceDates: Iterable<string>): PRF {
  const sys = new Set(systemDates);
  const ref = new Set(referenceDates);
  let shared = 0;
  for (const d of sys) if (ref.has(d)) shared++;
  return prf(sys.size ? shared / sys.size : 0, ref.size ? shared / ref.size : 0);
}
