/**
 * The scoring of the Scrapinghub article-extraction benchmark
 * (github.com/scrapinghub/article-extraction-benchmark, `evaluate.py`),
 * ported so that our numbers sit in the same table as the published ones.
 *
 * Per document: count word 4-gram shingles in the gold body and in the
 * prediction, take the multiset overlap as true positives, and derive
 * precision and recall. Over the set: precision is the mean of per-document
 * precisions, recall the mean of per-document recalls, and F1 the harmonic
 * mean of those two means (not the mean of per-document F1s). Checked by
 * reproducing the published peer scores to three decimals.
 */

/** Shingle length used by the benchmark. */
export const SHINGLE_SIZE = 4;

/** Shingle overlap of one document, normalised to sum to 1 (so long texts weigh no more than short ones). */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface SetScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Python's `re.findall(r'\w+', text)`: runs of Unicode letters, numbers and
 * underscore. Marks (Mn/Mc) are not `\w` in Python, so they split words here
 * too. Not lowercased, as in the benchmark. (A whitespace split — or a
 * lowercased one — does not reproduce the published numbers: Readability.js
 * drops from 0.947 to 0.915 with a whitespace split, because punctuation
 * glued to words makes shingles differ.)
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * Counts of word shingles. A text shorter than the shingle size yields one
 * shorter shingle (and an empty text none), as in the benchmark.
 */
export function shingleCounts(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + size);
    if (shingle.length === 0) continue;
    // U+0001 cannot occur inside a token, so joined shingles cannot collide.
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function matchShingles(gold: string, predicted: string): ShingleMatch {
  const goldCounts = shingleCounts(gold);
  const predictedCounts = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, goldCount] of goldCounts) {
    const predictedCount = predictedCounts.get(key) ?? 0;
    tp += Math.min(goldCount, predictedCount);
    fn += Math.max(0, goldCount - predictedCount);
  }
  for (const [key, predictedCount] of predictedCounts) {
    fp += Math.max(0, predictedCount - (goldCounts.get(key) ?? 0));
  }
  const total = tp + fp + fn;
  return total > 0 ? { tp: tp / total, fp: fp / total, fn: fn / total } : { tp, fp, fn };
}

/** 1 when both texts are empty (nothing to find, nothing found); 0 when nothing predicted matched. */
export function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** F1 of a single document, for ranking the worst pages (not part of the set score). */
export function documentF1(match: ShingleMatch): number {
  const p = precisionOf(match);
  const r = recallOf(match);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/**
 * Set scores as the benchmark computes them. A document with an empty
 * prediction is left out of the precision mean (it predicted nothing, so has
 * no precision) and one with an empty gold body out of the recall mean —
 * the `if tp + fp > 0` / `if tp + fn > 0` filters of `evaluate.py`.
 */
export function scoreSet(matches: readonly ShingleMatch[]): SetScores {
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
