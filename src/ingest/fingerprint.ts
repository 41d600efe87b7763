/**
 * Fingerprints for duplicate detection.
 *
 * Exact duplicates share `contentHash`, a hash of the normalised text (case,
 * punctuation, quote styles and whitespace folded), so the same article with
 * other furniture or typographic quotes is still "the same text".
 *
 * Near-duplicates (light edits, a truncated copy, a rewrite that keeps most
 * sentences) are found with MinHash over word shingles and banded LSH: the
 * store indexes each article's band keys, so finding candidates is one indexed
 * look-up per band, not a comparison with every stored article.
 *
 * Written here rather than taken from npm: the MinHash packages there are
 * unmaintained and either slow (BigInt arithmetic) or not deterministic across
 * processes (random seeds), and the algorithm is forty lines.
 */
import { createHash } from 'node:crypto';

/**
 * Word 5-grams: long enough that two unrelated war reports sharing stock
 * phrases ("in the Donetsk region", "according to the") barely overlap, short
 * enough that a copy with a word changed every sentence still shares most.
 */
export const SHINGLE_WORDS = 5;
/**
 * 32 bands of 3 rows (96 hashes): a pair with true Jaccard s becomes a
 * candidate with probability 1-(1-s³)³², i.e. 0.99 at s=0.5, 0.69 at s=0.33
 * (a copy of a third of the text) and 0.004 at s=0.05 (two reports of one
 * event sharing a quote). Candidates are then judged exactly, so a wide net
 * costs a few look-ups, never a false link.
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = 3;
export const MINHASH_PERMUTATIONS = LSH_BANDS * LSH_ROWS;
/**
 * An article whose shingles overlap this much with an earlier one is linked as
 * its near-duplicate. 0.5 Jaccard (or containment, for truncated copies) means
 * half of all 5-word runs are shared: rewrites of the same wire copy, not two
 * outlets' independent reports of the same event, which share a few quotes.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;

/** Folds what differs between copies of the same text but carries no meaning. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex');
}

/** The stable article id: derived from content, so re-ingest is idempotent and workers agree. */
export function articleIdFromHash(hash: string): string {
  return hash.slice(0, 16);
}

export function wordShingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const words = normalizeForHash(text).split(' ').filter(Boolean);
  const shingles = new Set<string>();
  if (words.length === 0) return shingles;
  if (words.length < size) {
    shingles.add(words.join(' '));
    return shingles;
  }
  for (let i = 0; i + size <= words.length; i++) shingles.add(words.slice(i, i + size).join(' '));
  return shingles;
}

/** 32-bit FNV-1a: fast, well distributed for short strings, identical in every process. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed odd multipliers and offsets for the universal hashes h_i(x) = a_i·x + b_i (mod 2³²). */
const PERMUTATIONS: ReadonlyArray<readonly [number, number]> = (() => {
  // A fixed-seed xorshift so every process and every worker computes the same signatures.
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return Array.from({ length: MINHASH_PERMUTATIONS }, () => [next() | 1, next()] as const);
})();

export function minhashSignature(shingles: Set<string>): Uint32Array {
  const signature = new Uint32Array(MINHASH_PERMUTATIONS).fill(0xffffffff);
  for (const shingle of shingles) {
    const x = fnv1a(shingle);
    for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
      const [a, b] = PERMUTATIONS[i]!;
      const h = (Math.imul(a, x) + b) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** One key per band; two articles sharing any key are near-duplicate candidates. */
export function lshBandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = signature.subarray(band * LSH_ROWS, (band + 1) * LSH_ROWS);
    keys.push(`${band}:${Array.from(rows, (r) => r.toString(36)).join('.')}`);
  }
  return keys;
}

export interface Fingerprint {
  contentHash: string;
  shingles: Set<string>;
  signature: Uint32Array;
  bandKeys: string[];
}

export function fingerprint(text: string): Fingerprint {
  const shingles = wordShingles(text);
  const signature = minhashSignature(shingles);
  return { contentHash: contentHash(text), shingles, signature, bandKeys: lshBandKeys(signature) };
}

/**
 * Below this many shingles, containment says little: a 10-word paragraph of
 * stock phrasing is "contained" in many articles. 30 five-word shingles is
 * about two sentences.
 */
export const MIN_SHINGLES_FOR_CONTAINMENT = 30;

/**
 * How much of one text another copies, computed exactly on the shingle sets of
 * the few LSH candidates. Jaccard alone misses truncated copies (a copy of half
 * the text has Jaccard 0.5 at best), so it is combined with containment of the
 * shorter text in the longer.
 */
export function copySimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const jaccard = shared / (a.size + b.size - shared);
  const containment = small.size >= MIN_SHINGLES_FOR_CONTAINMENT ? shared / small.size : 0;
  return Math.max(jaccard, containment);
}
