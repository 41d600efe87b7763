/**
 * A structured averaged-perceptron tagger for PER / LOC / ORG in BIO encoding
 * (Collins 2002: Viterbi over first-order, BIO-constrained transitions),
 * trained on WikiANN English by `npm run train:ner`.
 *
 * Why this and not a library: it is fast (features are 32-bit hashes of
 * numbers, never strings built per feature, and the weights of features of
 * one word are summed once per distinct word), small (a pruned, int16 weight
 * table, see `train-tagger.ts`), deterministic, and needs no model download.
 *
 * The feature set is shared by training and tagging (`wordFeatures`,
 * `pairFeaturesAt`, `transitionWordFeatures`), so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from './tokenize.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;
/** Index of the "no previous tag" symbol at the start of a sentence. */
const START = TAG_COUNT;

/** Word lists the tagger asks about; provided by the caller so training and tagging use the same ones. */
export interface TaggerLexicon {
  /** Lowercase tokens of known place names (gazetteer). */
  placeTokens: ReadonlySet<string>;
  /** Lowercase given names. */
  givenNames: ReadonlySet<string>;
  /** Lowercase tokens of known organisations and outlets. */
  orgTokens: ReadonlySet<string>;
}

// ---- hashing -------------------------------------------------------------

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads the bits so combined hashes do not collide in patterns. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Feature hashes are 30-bit, so V8 keeps them as small integers (no boxed
// doubles in the hot loop), and never 0: the weight table marks empty slots with 0.
function feature(template: number, value: number): number {
  return mix(Math.imul(template + 1, 0x9e3779b1) ^ value) >>> 2 || 1;
}

function feature2(template: number, a: number, b: number): number {
  return mix(Math.imul(template + 1, 0x9e3779b1) ^ a ^ mix(b + 0x27d4eb2d)) >>> 2 || 1;
}

// ---- per-token observations ---------------------------------------------

/**
 * What the features of a token are built from, computed once per distinct
 * word (see observeAll), and the model's sums over the features that depend
 * on this word alone, filled in on first use by a model (see `scoresOf`).
 */
export interface Observation {
  lower: number;
  raw: number;
  shape: number;
  prefix: number[];
  suffix: number[];
  flags: number;
  /** The model the sums below belong to (null: none yet). */
  model: TaggerModel | null;
  /** Emission sums of this word's features in each role (offset −2…+2 from the tagged token), TAG_COUNT each. */
  emit: Float32Array;
  /** Transition rows of this word's features as the tagged token (role 0) and as the next one (role +1). */
  trans0: Float32Array;
  trans1: Float32Array;
}

/** Placeholder sums of an observation no model has read yet (every field is set from the start: one object shape for V8). */
const NO_SUMS = new Float32Array(0);

const FLAG_PLACE = 1;
const FLAG_GIVEN = 2;
const FLAG_ORG = 4;
const FLAG_CAPITALISED = 8;

const CODE_UPPER_A = 65;
const CODE_UPPER_Z = 90;
const CODE_LOWER_A = 97;
const CODE_LOWER_Z = 122;
const CODE_0 = 48;
const CODE_9 = 57;

/** Shape class of one character: X upper, x lower, d digit, l caseless letter (CJK, Arabic), or itself. */
function shapeClass(ch: string, code: number): string {
  if (code >= CODE_LOWER_A && code <= CODE_LOWER_Z) return 'x';
  if (code >= CODE_UPPER_A && code <= CODE_UPPER_Z) return 'X';
  if (code >= CODE_0 && code <= CODE_9) return 'd';
  if (code < 128) return ch;
  if (ch !== ch.toLowerCase()) return 'X';
  if (ch !== ch.toUpperCase()) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  if (/\p{L}/u.test(ch)) return 'l';
  return ch;
}

/** Word shape with runs collapsed: "Zelensky" → "Xx", "U.S." → "X.X.", "68th" → "dx", "S-300s" → "X-dx". */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = shapeClass(word[i]!, word.charCodeAt(i));
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Affix lengths used as features (observeWord spells them out): short enough to generalise ("-sk", "-ov", "-ivka"), few enough to stay fast. */
const PREFIX_LENGTHS = [1, 2, 3];
const SUFFIX_LENGTHS = [1, 2, 3, 4];
const PAD = fnv1a('<pad>');

function fnv1aRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The tagger's view of one word (uncached: callers remember it per word). */
export function observeWord(token: string, lexicon: TaggerLexicon): Observation {
  const lower = token.toLowerCase();
  let flags = 0;
  if (lexicon.placeTokens.has(lower)) flags |= FLAG_PLACE;
  if (lexicon.givenNames.has(lower)) flags |= FLAG_GIVEN;
  if (lexicon.orgTokens.has(lower)) flags |= FLAG_ORG;
  if (token !== lower && token[0] !== lower[0]) flags |= FLAG_CAPITALISED;
  const length = lower.length;
  // Spelt out, not mapped over PREFIX_LENGTHS / SUFFIX_LENGTHS: this runs once per new word of every article.
  const affix = (from: number, to: number) => (length > to - from ? fnv1aRange(lower, from, to) : PAD);
  const lowerHash = fnv1a(lower);
  return {
    lower: lowerHash,
    raw: token === lower ? lowerHash ^ 0x5bd1e995 : fnv1a(token),
    shape: fnv1a(shapeOf(token)),
    prefix: [affix(0, 1), affix(0, 2), affix(0, 3)],
    suffix: [affix(length - 1, length), affix(length - 2, length), affix(length - 3, length), affix(length - 4, length)],
    flags,
    model: null,
    emit: NO_SUMS,
    trans0: NO_SUMS,
    trans1: NO_SUMS,
  };
}

/** The observation of the positions before the first and after the last token. */
const PAD_OBSERVATION: Observation = {
  lower: PAD,
  raw: PAD,
  shape: PAD,
  prefix: PREFIX_LENGTHS.map(() => PAD),
  suffix: SUFFIX_LENGTHS.map(() => PAD),
  flags: 0,
  model: null,
  emit: NO_SUMS,
  trans0: NO_SUMS,
  trans1: NO_SUMS,
};

/**
 * Observations depend on the word and the lexicon only, and news repeats its
 * words, so they are remembered (per lexicon; the bound keeps memory flat:
 * an entry with its model sums is ~300 bytes, so at most ~30 MB).
 */
const OBSERVATION_CACHE_LIMIT = 100_000;
let observationCache = new Map<string, Observation>();
let cachedLexicon: TaggerLexicon | undefined;

export function observeAll(tokens: readonly Token[], lexicon: TaggerLexicon): Observation[] {
  if (lexicon !== cachedLexicon || observationCache.size >= OBSERVATION_CACHE_LIMIT) {
    observationCache = new Map();
    cachedLexicon = lexicon;
  }
  const out = new Array<Observation>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    let o = observationCache.get(text);
    if (!o) {
      o = observeWord(text, lexicon);
      observationCache.set(text, o);
    }
    out[i] = o;
  }
  return out;
}

// ---- features ------------------------------------------------------------

/**
 * The features of a token are of two kinds:
 * - *word features*: a fact about one word at an offset (role) from the
 *   token: "the next word is 'river'", "two words back is capitalised".
 *   They depend on that word alone, so a model's weights for them are summed
 *   once per distinct word and role and reused (Observation.emit): most of
 *   the features, at the cost of an addition each when tagging;
 * - *pair features*: facts about two words together (bigrams, shape pairs),
 *   looked up per token.
 * Training sees the same features as one list per token (`staticFeaturesAt`).
 */
export const ROLES = [-2, -1, 0, 1, 2] as const;
/** How far past a tagged stretch tagSentence reads the observations: its features' reach (ROLES). */
export const TAGGER_CONTEXT_TOKENS = 2;
const ROLE_COUNT = ROLES.length;
/** Index of role 0 (the tagged word itself) in ROLES. */
const SELF = 2;

/** Template numbers: each feature hashes its template with its value, so two templates never share a weight. */
const T = {
  bias: 0,
  // Word features of the tagged word.
  lower: 1,
  raw: 2,
  shape: 7,
  prefix: 12, // 12–14
  suffix: 15, // 15–18
  flagsShape: 24,
  // Word features of the neighbours (template + role index, so each role has its own).
  nearLower: 40, // 40–44
  nearShape: 50, // 50–54
  nearSuffix3: 60, // 60–64
  nearFlags: 70, // 70–74
  nearRaw: 80, // 80–84
  // Pair features.
  initialShape: 23,
  flagsAround: 25,
  bigramBefore: 26,
  bigramAfter: 27,
  shapeBefore: 10,
  shapeAfter: 11,
  // Transition features.
  transitionBias: 19,
  transitionShape: 22,
  transitionNextShape: 28,
  transitionNextFlags: 31,
  transitionFlagsShape: 34,
} as const;

/** Most word features one word has in one role; sizes scratch buffers. */
const MAX_WORD_FEATURES = 12;

/** The word features of `o` in role `role` (an index into ROLES), written into `out` from `at`; returns the new end. */
function wordFeatures(o: Observation, role: number, out: Uint32Array, at: number): number {
  let n = at;
  if (role === SELF) {
    out[n++] = feature(T.lower, o.lower);
    out[n++] = feature(T.raw, o.raw);
    out[n++] = feature(T.shape, o.shape);
    for (let k = 0; k < o.prefix.length; k++) out[n++] = feature(T.prefix + k, o.prefix[k]!);
    for (let k = 0; k < o.suffix.length; k++) out[n++] = feature(T.suffix + k, o.suffix[k]!);
    out[n++] = feature2(T.flagsShape, o.flags, o.shape);
    return n;
  }
  out[n++] = feature(T.nearLower + role, o.lower);
  out[n++] = feature(T.nearShape + role, o.shape);
  out[n++] = feature(T.nearFlags + role, o.flags);
  if (role === SELF - 1 || role === SELF + 1) {
    out[n++] = feature(T.nearSuffix3 + role, o.suffix[2]!);
    out[n++] = feature(T.nearRaw + role, o.raw);
  }
  return n;
}

/**
 * The pair features of token `i`, written into `out` from `at`; returns the
 * new end. Each costs a look-up per token, mostly a cache miss, so only pairs
 * that pay are kept. Measured on WikiANN dev (tagger alone): the word bigrams
 * are worth 0.5 F1; the neighbour-word × shape pairs an earlier model had were
 * worth nothing (74.9 with and without) and are gone (model 5.1 → 4.5 MB).
 */
function pairFeaturesAt(obs: readonly Observation[], i: number, out: Uint32Array, at: number): number {
  const o = obs[i]!;
  const p1 = obs[i - 1] ?? PAD_OBSERVATION;
  const n1 = obs[i + 1] ?? PAD_OBSERVATION;
  let n = at;
  out[n++] = feature2(T.shapeBefore, p1.shape, o.shape);
  out[n++] = feature2(T.shapeAfter, o.shape, n1.shape);
  out[n++] = feature2(T.flagsAround, p1.flags, n1.flags);
  out[n++] = feature2(T.bigramBefore, p1.lower, o.lower);
  out[n++] = feature2(T.bigramAfter, o.lower, n1.lower);
  // Capitalisation says less at a sentence start: the first word's shape is its own feature.
  if (i === 0) out[n++] = feature(T.initialShape, o.shape);
  return n;
}

/** Most features of each kind a token can have; sizes the scratch buffers. */
const MAX_PAIR_FEATURES = 8;
export const MAX_STATIC_FEATURES = 1 + ROLE_COUNT * MAX_WORD_FEATURES + MAX_PAIR_FEATURES;
export const MAX_TRANSITION_FEATURES = 8;

const BIAS_FEATURE = feature(T.bias, 0);

/**
 * Every feature of token `i` that does not depend on the tags around it,
 * written into `out`; returns how many. This is what training updates;
 * tagging sums the same weights, partly from per-word caches.
 */
export function staticFeaturesAt(obs: readonly Observation[], i: number, out: Uint32Array): number {
  let n = 0;
  out[n++] = BIAS_FEATURE;
  for (let r = 0; r < ROLE_COUNT; r++) n = wordFeatures(obs[i + ROLES[r]!] ?? PAD_OBSERVATION, r, out, n);
  return pairFeaturesAt(obs, i, out, n);
}

/** Width of a transition row: a weight for each (previous tag or START, tag) pair. */
export const TRANSITION_WIDTH = (TAG_COUNT + 1) * TAG_COUNT;

/**
 * Transition features of a word as the tagged token (role 0) or as the next
 * one (role +1): small-vocabulary facts (shapes, flags), because each weighs
 * a row for every (previous tag, tag) pair — pairing words would multiply the
 * model's size by eight.
 */
function transitionWordFeatures(o: Observation, next: boolean, out: Uint32Array, at: number): number {
  let n = at;
  if (next) {
    out[n++] = feature(T.transitionNextShape, o.shape);
    out[n++] = feature(T.transitionNextFlags, o.flags);
  } else {
    out[n++] = feature(T.transitionShape, o.shape);
    out[n++] = feature2(T.transitionFlagsShape, o.flags, o.shape);
  }
  return n;
}

const TRANSITION_BIAS_FEATURE = feature(T.transitionBias, 0);

/**
 * The features of token `i` whose weights depend on the previous tag too:
 * each names a row of TRANSITION_WIDTH weights indexed by (previous, tag),
 * so one look-up serves every previous tag Viterbi considers.
 */
export function transitionFeaturesAt(obs: readonly Observation[], i: number, out: Uint32Array): number {
  let n = 0;
  out[n++] = TRANSITION_BIAS_FEATURE;
  n = transitionWordFeatures(obs[i]!, false, out, n);
  return transitionWordFeatures(obs[i + 1] ?? PAD_OBSERVATION, true, out, n);
}

// ---- the weight table ----------------------------------------------------

/**
 * Feature hash → a row of `width` weights, by open addressing. Key and
 * weights sit side by side in one buffer, so a look-up costs one cache miss
 * (the tables are megabytes; scattered arrays cost three).
 */
export class WeightTable {
  /** Two views of one buffer of `stride`-word slots: the key (0 = empty), then the row's weights. */
  private readonly keys: Uint32Array;
  private readonly weights: Float32Array;
  private readonly stride: number;
  private readonly mask: number;
  readonly size: number;

  /**
   * `rows`: each key's weights, `width` per key, as floats or as the model
   * file stores them (int16 × a scale per row, see decodeModel), which are
   * then scaled straight into the slots: no float copy of the table first.
   */
  constructor(
    keys: Uint32Array,
    rows: Float32Array | ScaledRows,
    readonly width: number,
  ) {
    let slotCount = 1;
    // Load factor ≤ 0.7 keeps linear-probe chains short (~2 probes on a miss).
    while (slotCount * 0.7 < keys.length) slotCount <<= 1;
    const stride = width + 1;
    this.stride = stride;
    // float32, not float64: half the bytes per slot means fewer cache misses, which is what tagging waits on.
    const buffer = new ArrayBuffer(slotCount * stride * 4);
    const slotKeys = new Uint32Array(buffer);
    const weights = new Float32Array(buffer);
    this.keys = slotKeys;
    this.weights = weights;
    const mask = slotCount - 1;
    this.mask = mask;
    this.size = keys.length;
    const floats = rows instanceof Float32Array ? rows : null;
    const scaled = rows instanceof Float32Array ? null : rows;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]!;
      let s = key & mask;
      while (slotKeys[s * stride] !== 0) s = (s + 1) & mask;
      slotKeys[s * stride] = key;
      // One loop per row, no subarray per row: 200k rows' views were a third of a second of start-up.
      const to = s * stride + 1;
      const from = r * width;
      if (floats) {
        for (let t = 0; t < width; t++) weights[to + t] = floats[from + t]!;
      } else {
        // The product is rounded to float32 on the store, exactly as a float copy of the row would be.
        const scale = scaled!.scales[r]!;
        for (let t = 0; t < width; t++) weights[to + t] = scaled!.weights[from + t]! * scale;
      }
    }
  }

  /** Offset of the key's first weight in the slots, or -1. */
  private offsetOf(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const found = this.keys[s * this.stride]!;
      if (found === key) return s * this.stride + 1;
      if (found === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the rows of features [from, to) into `scores` from `scoresAt` (`width` entries). */
  addRows(features: Uint32Array, from: number, to: number, scores: Float64Array | Float32Array, scoresAt = 0): void {
    const width = this.width;
    const weights = this.weights;
    for (let f = from; f < to; f++) {
      const at = this.offsetOf(features[f]!);
      if (at < 0) continue;
      for (let t = 0; t < width; t++) scores[scoresAt + t]! += weights[at + t]!;
    }
  }

  /** Sums the rows of `features` into `scores` (length `width`). */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0);
    this.addRows(features, 0, count, scores);
  }
}

/** The two weight tables of a model. */
export interface TaggerModel {
  /** Rows of TAG_COUNT: one weight per tag. */
  emissions: WeightTable;
  /** Rows of TRANSITION_WIDTH: one weight per (previous tag, tag). */
  transitions: WeightTable;
}

/** BIO: an I- tag may only continue a B- or I- tag of the same type. */
export function allowed(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true; // O or B-*
  return prev === tag || prev === tag - 1;
}

/**
 * The best tag sequence (Viterbi over first-order transitions,
 * BIO-constrained) given each token's emission scores (`emission`, TAG_COUNT
 * per token) and transition scores (`transition`, TRANSITION_WIDTH per token,
 * indexed by previous × TAG_COUNT + tag); `first` is the tag before the first
 * token (START, or O for a stretch inside a sentence). Returns tag indices.
 */
export function viterbi(emission: Float64Array, transition: Float64Array | Float32Array, length: number, first: number = START): number[] {
  if (length <= 0) return [];
  if (best.length < length * TAG_COUNT) {
    best = new Float64Array(length * TAG_COUNT * 2);
    back = new Int8Array(length * TAG_COUNT * 2);
  }
  // best[j*T + t]: best score of a path ending in tag t at token j; back: its previous tag.
  best.fill(-Infinity, 0, length * TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) {
    if (allowed(first, t)) best[t] = emission[t]! + transition[first * TAG_COUNT + t]!;
  }
  for (let j = 1; j < length; j++) {
    const e = j * TAG_COUNT;
    const tr = j * TRANSITION_WIDTH;
    const row = (j - 1) * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) {
      let top = -Infinity;
      let from = 0;
      // The previous tags `allowed` admits, in ascending order (a tie goes to the first): every tag
      // before O or a B- tag, only B-X and I-X before I-X. Spelt out, not asked 49 times a token.
      const low = t === 0 || t % 2 === 1 ? 0 : t - 1;
      const high = t === 0 || t % 2 === 1 ? TAG_COUNT - 1 : t;
      for (let p = low; p <= high; p++) {
        const before = best[row + p]!;
        if (before === -Infinity) continue;
        const total = before + transition[tr + p * TAG_COUNT + t]!;
        if (total > top) {
          top = total;
          from = p;
        }
      }
      best[e + t] = top + emission[e + t]!;
      back[e + t] = from;
    }
  }
  let tag = 0;
  const last = (length - 1) * TAG_COUNT;
  for (let t = 1; t < TAG_COUNT; t++) if (best[last + t]! > best[last + tag]!) tag = t;
  const tags = new Array<number>(length);
  for (let j = length - 1; j >= 0; j--) {
    tags[j] = tag;
    tag = back[j * TAG_COUNT + tag]!;
  }
  return tags;
}

// Scratch buffers reused across calls (tagging is synchronous): no garbage per sentence.
let best = new Float64Array(64 * TAG_COUNT);
let back = new Int8Array(64 * TAG_COUNT);
let emissionScratch = new Float64Array(64 * TAG_COUNT);
/** float32 like the cached rows it is copied from (the values are those rows'), so each copy is a plain memory copy. */
let transitionScratch = new Float32Array(64 * TRANSITION_WIDTH);
const featureScratch = new Uint32Array(Math.max(MAX_STATIC_FEATURES, MAX_TRANSITION_FEATURES));

/** Per model: transition rows by word class (shape × flags, few hundred classes), shared by the words of a class. */
const transitionRowsByModel = new WeakMap<TaggerModel, { self: Map<number, Float32Array>; next: Map<number, Float32Array> }>();

function transitionRows(model: TaggerModel, o: Observation, next: boolean): Float32Array {
  let byClass = transitionRowsByModel.get(model);
  if (!byClass) {
    byClass = { self: new Map(), next: new Map() };
    transitionRowsByModel.set(model, byClass);
  }
  if (byClass.self.size + byClass.next.size >= TRANSITION_CACHE_LIMIT) {
    byClass.self = new Map();
    byClass.next = new Map();
  }
  const map = next ? byClass.next : byClass.self;
  const key = feature2(0, o.flags, o.shape);
  let row = map.get(key);
  if (!row) {
    row = new Float32Array(TRANSITION_WIDTH);
    model.transitions.addRows(featureScratch, 0, transitionWordFeatures(o, next, featureScratch, 0), row);
    map.set(key, row);
  }
  return row;
}

/** Fills an observation's per-word sums for `model` (once per word and model). */
function prepare(model: TaggerModel, o: Observation): void {
  if (o.model === model) return;
  const emit = new Float32Array(ROLE_COUNT * TAG_COUNT);
  for (let r = 0; r < ROLE_COUNT; r++) {
    model.emissions.addRows(featureScratch, 0, wordFeatures(o, r, featureScratch, 0), emit, r * TAG_COUNT);
  }
  o.emit = emit;
  o.trans0 = transitionRows(model, o, false);
  o.trans1 = transitionRows(model, o, true);
  o.model = model;
}

/**
 * Per model: the rows of the features every token has (the biases), and the
 * token's whole transition row by (its class row, the next word's class row):
 * word classes are few, so their pairs are too, and a token's transition
 * scores are then one look-up, not TRANSITION_WIDTH sums.
 */
interface Biases {
  emission: Float64Array;
  transition: Float64Array;
  combined: Map<Float32Array, Map<Float32Array, Float32Array>>;
  combinedCount: number;
}

/**
 * Bound on remembered transition rows (224 bytes each): ordinary text has a
 * few thousand class pairs; odd input (symbol soup, whose every shape is new)
 * only restarts the cache.
 */
const TRANSITION_CACHE_LIMIT = 50_000;

const biasByModel = new WeakMap<TaggerModel, Biases>();

function transitionRowOf(bias: Float64Array, self: Float32Array, next: Float32Array, biases: Biases): Float32Array {
  if (biases.combinedCount >= TRANSITION_CACHE_LIMIT) {
    biases.combined = new Map();
    biases.combinedCount = 0;
  }
  const combined = biases.combined;
  let byNext = combined.get(self);
  if (!byNext) {
    byNext = new Map();
    combined.set(self, byNext);
  }
  let row = byNext.get(next);
  if (!row) {
    row = new Float32Array(TRANSITION_WIDTH);
    for (let k = 0; k < TRANSITION_WIDTH; k++) row[k] = bias[k]! + self[k]! + next[k]!;
    byNext.set(next, row);
    biases.combinedCount++;
  }
  return row;
}

function biasesOf(model: TaggerModel): Biases {
  let b = biasByModel.get(model);
  if (!b) {
    b = { emission: new Float64Array(TAG_COUNT), transition: new Float64Array(TRANSITION_WIDTH), combined: new Map(), combinedCount: 0 };
    model.emissions.addRows(Uint32Array.of(BIAS_FEATURE), 0, 1, b.emission);
    model.transitions.addRows(Uint32Array.of(TRANSITION_BIAS_FEATURE), 0, 1, b.transition);
    biasByModel.set(model, b);
  }
  return b;
}

/**
 * Tags tokens [from, to) of `obs` (default: all); returns their tag indices.
 * Features still look at the tokens around the range, and a range that does
 * not start the sentence starts after an O (the caller skipped only tokens it
 * knows are no names), so tagging a stretch reads it as the whole sentence would.
 * Only the observations of [from − TAGGER_CONTEXT_TOKENS, to + TAGGER_CONTEXT_TOKENS)
 * are read: the others may be left empty.
 */
export function tagSentence(model: TaggerModel, obs: readonly Observation[], from = 0, to = obs.length): number[] {
  const length = to - from;
  if (length <= 0) return [];
  if (emissionScratch.length < length * TAG_COUNT) {
    emissionScratch = new Float64Array(length * TAG_COUNT * 2);
    transitionScratch = new Float32Array(length * TRANSITION_WIDTH * 2);
  }
  const emission = emissionScratch;
  const transition = transitionScratch;
  const bias = biasesOf(model);
  prepare(model, PAD_OBSERVATION);
  for (let i = Math.max(0, from - TAGGER_CONTEXT_TOKENS); i < Math.min(obs.length, to + TAGGER_CONTEXT_TOKENS); i++) prepare(model, obs[i]!);
  for (let j = 0; j < length; j++) {
    const i = from + j;
    const e = j * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) emission[e + t] = bias.emission[t]!;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const sums = (obs[i + ROLES[r]!] ?? PAD_OBSERVATION).emit;
      const at = r * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) emission[e + t]! += sums[at + t]!;
    }
    model.emissions.addRows(featureScratch, 0, pairFeaturesAt(obs, i, featureScratch, 0), emission, e);
    transition.set(transitionRowOf(bias.transition, obs[i]!.trans0, (obs[i + 1] ?? PAD_OBSERVATION).trans1, bias), j * TRANSITION_WIDTH);
  }
  return viterbi(emission, transition, length, from === 0 ? START : 0);
}

export { START as START_TAG };

// ---- the model file ------------------------------------------------------

/**
 * File layout: "SNER" magic, u32 version, then two tables (emissions, then
 * transitions), each: u32 row count N, u32 row width W, N u32 keys, N f32 row
 * scales, N×W i16 weights (weight = i16 × its row's scale). A scale per row,
 * not per file: the bias weight is ~10³ while word weights are ~1, and one
 * shared scale would round the words to zero.
 */
export const MODEL_MAGIC = 0x52454e53; // "SNER" little-endian
export const MODEL_VERSION = 3;
export const MODEL_PATH = fileURLToPath(new URL('./model/ner-perceptron.bin', import.meta.url));

/** A weight table as the model file stores it: row r's weights are `weights[r*W … r*W+W) × scales[r]`. */
export interface ScaledRows {
  weights: Int16Array;
  scales: Float32Array;
}

/** Whether typed arrays read the file's little-endian numbers as they are (every platform Node ships on but s390x). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** `count` little-endian numbers from `bytes` at `at`, copied into an aligned typed array (the file's offsets need not be). */
function readArray<A extends Uint32Array | Float32Array | Int16Array>(bytes: Uint8Array, at: number, out: A): A {
  const size = out.BYTES_PER_ELEMENT;
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(bytes.subarray(at, at + out.byteLength));
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, out.byteLength);
  for (let k = 0; k < out.length; k++) {
    out[k] = size === 2 ? view.getInt16(k * 2, true) : out instanceof Float32Array ? view.getFloat32(k * 4, true) : view.getUint32(k * 4, true);
  }
  return out;
}

function decodeTable(bytes: Uint8Array, view: DataView, at: number): { table: WeightTable; end: number } {
  const count = view.getUint32(at, true);
  const width = view.getUint32(at + 4, true);
  const keysAt = at + 8;
  const scalesAt = keysAt + count * 4;
  const weightsAt = scalesAt + count * 4;
  if (weightsAt + count * width * 2 > bytes.byteLength) throw new Error(`ner-perceptron.bin: truncated (a table of ${count} rows ends past the file)`);
  const keys = readArray(bytes, keysAt, new Uint32Array(count));
  const scales = readArray(bytes, scalesAt, new Float32Array(count));
  const weights = readArray(bytes, weightsAt, new Int16Array(count * width));
  return { table: new WeightTable(keys, { weights, scales }, width), end: weightsAt + count * width * 2 };
}

export function decodeModel(bytes: Uint8Array): TaggerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MODEL_MAGIC || view.getUint32(4, true) !== MODEL_VERSION) {
    throw new Error(`ner-perceptron.bin: not a version-${MODEL_VERSION} sitrep tagger model; run \`npm run train:ner\``);
  }
  const emissions = decodeTable(bytes, view, 8);
  const transitions = decodeTable(bytes, view, emissions.end);
  return { emissions: emissions.table, transitions: transitions.table };
}

export interface RawTable {
  keys: Uint32Array;
  rows: Float32Array;
  width: number;
}

function encodedSize(table: RawTable): number {
  return 8 + table.keys.length * 8 + table.rows.length * 2;
}

function encodeTable(view: DataView, at: number, { keys, rows, width }: RawTable): void {
  const count = keys.length;
  view.setUint32(at, count, true);
  view.setUint32(at + 4, width, true);
  const keysAt = at + 8;
  const scalesAt = keysAt + count * 4;
  const weightsAt = scalesAt + count * 4;
  for (let r = 0; r < count; r++) {
    view.setUint32(keysAt + r * 4, keys[r]!, true);
    let max = 0;
    for (let t = 0; t < width; t++) max = Math.max(max, Math.abs(rows[r * width + t]!));
    const scale = max > 0 ? max / 32767 : 1;
    view.setFloat32(scalesAt + r * 4, scale, true);
    for (let t = 0; t < width; t++) {
      view.setInt16(weightsAt + (r * width + t) * 2, Math.round(rows[r * width + t]! / scale), true);
    }
  }
}

export function encodeModel(emissions: RawTable, transitions: RawTable): Uint8Array {
  const bytes = new Uint8Array(8 + encodedSize(emissions) + encodedSize(transitions));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MODEL_MAGIC, true);
  view.setUint32(4, MODEL_VERSION, true);
  encodeTable(view, 8, emissions);
  encodeTable(view, 8 + encodedSize(emissions), transitions);
  return bytes;
}

let loaded: TaggerModel | null | undefined;

/** The shipped model, read once per process; null when the file is missing (tagging then falls back to rules). */
export function loadTaggerModel(): TaggerModel | null {
  if (loaded === undefined) {
    try {
      loaded = decodeModel(readFileSync(MODEL_PATH));
    } catch {
      loaded = null;
    }
  }
  return loaded;
}
