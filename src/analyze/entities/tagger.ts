/**
 * A greedy left-to-right averaged-perceptron tagger for PER / LOC / ORG in
 * BIO encoding (Collins 2002; the design of Honnibal's "200-line POS
 * tagger"), trained on WikiANN English by `npm run train:ner`.
 *
 * Why this and not a library: it is fast (features are 32-bit hashes of
 * numbers, never strings built per feature), small (a pruned, int16 weight
 * table, see `train-tagger.ts`), deterministic, and needs no model download.
 *
 * The feature set is shared by training and tagging (`staticFeaturesAt`,
 * `transitionFeaturesAt`), so the
 * two cannot drift apart.
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

/** What the features of a token are built from, computed once per token. */
interface Observation {
  lower: number;
  raw: number;
  shape: number;
  prefix: number[];
  suffix: number[];
  flags: number;
}

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

/** Affix lengths used as features: short enough to generalise ("-sk", "-ov", "-ivka"), few enough to stay fast. */
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

function observe(token: string, lexicon: TaggerLexicon): Observation {
  const lower = token.toLowerCase();
  let flags = 0;
  if (lexicon.placeTokens.has(lower)) flags |= FLAG_PLACE;
  if (lexicon.givenNames.has(lower)) flags |= FLAG_GIVEN;
  if (lexicon.orgTokens.has(lower)) flags |= FLAG_ORG;
  if (token !== lower && token[0] !== lower[0]) flags |= FLAG_CAPITALISED;
  const length = lower.length;
  return {
    lower: fnv1a(lower),
    raw: token === lower ? fnv1a(lower) ^ 0x5bd1e995 : fnv1a(token),
    shape: fnv1a(shapeOf(token)),
    prefix: PREFIX_LENGTHS.map((n) => (length > n ? fnv1aRange(lower, 0, n) : PAD)),
    suffix: SUFFIX_LENGTHS.map((n) => (length > n ? fnv1aRange(lower, length - n, length) : PAD)),
    flags,
  };
}

const PAD_OBSERVATION: Observation = {
  lower: PAD,
  raw: PAD,
  shape: PAD,
  prefix: PREFIX_LENGTHS.map(() => PAD),
  suffix: SUFFIX_LENGTHS.map(() => PAD),
  flags: 0,
};

/**
 * Observations depend on the word and the lexicon only, and news repeats its
 * words, so they are remembered (per lexicon; the bound keeps memory flat).
 */
const OBSERVATION_CACHE_LIMIT = 100_000;
let observationCache = new Map<string, Observation>();
let cachedLexicon: TaggerLexicon | undefined;

export function observeAll(tokens: readonly Token[], lexicon: TaggerLexicon): Observation[] {
  if (lexicon !== cachedLexicon || observationCache.size >= OBSERVATION_CACHE_LIMIT) {
    observationCache = new Map();
    cachedLexicon = lexicon;
  }
  return tokens.map((t) => {
    let o = observationCache.get(t.text);
    if (!o) {
      o = observe(t.text, lexicon);
      observationCache.set(t.text, o);
    }
    return o;
  });
}

/** Most features of each kind a token can have; sizes the scratch buffers. */
export const MAX_STATIC_FEATURES = 32;
export const MAX_TRANSITION_FEATURES = 8;

/**
 * The features of token `i` that do not depend on the tags around it, written
 * into `out`; returns how many.
 */
export function staticFeaturesAt(obs: readonly Observation[], i: number, out: Uint32Array): number {
  const o = obs[i]!;
  const p1 = obs[i - 1] ?? PAD_OBSERVATION;
  const p2 = obs[i - 2] ?? PAD_OBSERVATION;
  const n1 = obs[i + 1] ?? PAD_OBSERVATION;
  const n2 = obs[i + 2] ?? PAD_OBSERVATION;
  let n = 0;
  out[n++] = feature(0, 0); // bias
  out[n++] = feature(1, o.lower);
  out[n++] = feature(2, o.raw);
  out[n++] = feature(3, p1.lower);
  out[n++] = feature(4, n1.lower);
  out[n++] = feature(5, p2.lower);
  out[n++] = feature(6, n2.lower);
  out[n++] = feature(7, o.shape);
  out[n++] = feature(8, p1.shape);
  out[n++] = feature(9, n1.shape);
  out[n++] = feature2(10, p1.shape, o.shape);
  out[n++] = feature2(11, o.shape, n1.shape);
  for (let k = 0; k < o.prefix.length; k++) out[n++] = feature(12 + k, o.prefix[k]!);
  for (let k = 0; k < o.suffix.length; k++) out[n++] = feature(15 + k, o.suffix[k]!);
  out[n++] = feature2(23, i === 0 ? 1 : 0, o.shape);
  out[n++] = feature2(24, o.flags, o.shape);
  out[n++] = feature2(25, p1.flags, n1.flags);
  out[n++] = feature2(26, p1.lower, o.lower);
  out[n++] = feature2(27, o.lower, n1.lower);
  out[n++] = feature(29, p1.suffix[2]!);
  out[n++] = feature(30, n1.suffix[2]!);
  out[n++] = feature2(32, p1.raw, o.shape);
  out[n++] = feature2(33, n1.raw, o.shape);
  return n;
}

/** Width of a transition row: a weight for each (previous tag or START, tag) pair. */
export const TRANSITION_WIDTH = (TAG_COUNT + 1) * TAG_COUNT;

/**
 * The features of token `i` whose weights depend on the previous tag too:
 * each names a row of TRANSITION_WIDTH weights indexed by (previous, tag),
 * so one look-up serves every previous tag Viterbi considers. Only
 * small-vocabulary contexts (shapes, flags) are paired with the previous tag:
 * pairing words would multiply the model's size by eight.
 */
export function transitionFeaturesAt(obs: readonly Observation[], i: number, out: Uint32Array): number {
  const o = obs[i]!;
  const n1 = obs[i + 1] ?? PAD_OBSERVATION;
  let n = 0;
  out[n++] = feature(19, 0);
  out[n++] = feature(22, o.shape);
  out[n++] = feature(28, n1.shape);
  out[n++] = feature(31, n1.flags);
  out[n++] = feature2(34, o.flags, o.shape);
  return n;
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

  constructor(
    keys: Uint32Array,
    rows: Float32Array,
    readonly width: number,
  ) {
    let slotCount = 1;
    // Load factor ≤ 0.7 keeps linear-probe chains short (~2 probes on a miss).
    while (slotCount * 0.7 < keys.length) slotCount <<= 1;
    this.stride = width + 1;
    // float32, not float64: half the bytes per slot means fewer cache misses, which is what tagging waits on.
    const buffer = new ArrayBuffer(slotCount * this.stride * 4);
    this.keys = new Uint32Array(buffer);
    this.weights = new Float32Array(buffer);
    this.mask = slotCount - 1;
    this.size = keys.length;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.keys[s * this.stride] !== 0) s = (s + 1) & this.mask;
      this.keys[s * this.stride] = keys[r]!;
      this.weights.set(rows.subarray(r * width, (r + 1) * width), s * this.stride + 1);
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

  /** Sums the rows of `features` into `scores` (length `width`). */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0);
    const width = this.width;
    const weights = this.weights;
    for (let f = 0; f < count; f++) {
      const at = this.offsetOf(features[f]!);
      if (at < 0) continue;
      for (let t = 0; t < width; t++) scores[t]! += weights[at + t]!;
    }
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

/** Sums the weight rows of a feature list into `scores`, for any weight store. */
export type Scorer = (features: Uint32Array, count: number, scores: Float64Array) => void;

/**
 * The best tag sequence under the model (Viterbi over first-order
 * transitions, BIO-constrained); returns tag indices.
 */
// Scratch buffers reused across calls (tagging is synchronous): no garbage per sentence.
const featureBuffer = new Uint32Array(MAX_STATIC_FEATURES);
const emission = new Float64Array(TAG_COUNT);
const transition = new Float64Array(TRANSITION_WIDTH);
let best = new Float64Array(64 * TAG_COUNT);
let back = new Int8Array(64 * TAG_COUNT);

/**
 * Tags tokens [from, to) of `obs` (default: all); returns their tag indices.
 * Features still look at the tokens around the range, and a range that does
 * not start the sentence starts after an O (the caller skipped only tokens it
 * knows are no names), so tagging a stretch reads it as the whole sentence would.
 */
export function viterbi(emissions: Scorer, transitions: Scorer, obs: readonly Observation[], from = 0, to = obs.length): number[] {
  const length = to - from;
  if (length <= 0) return [];
  if (best.length < length * TAG_COUNT) {
    best = new Float64Array(length * TAG_COUNT * 2);
    back = new Int8Array(length * TAG_COUNT * 2);
  }
  // best[j*T + t]: best score of a path ending in tag t at token from + j; back: its previous tag.
  best.fill(-Infinity, 0, length * TAG_COUNT);
  const first = from === 0 ? START : 0;
  for (let j = 0; j < length; j++) {
    const i = from + j;
    emissions(featureBuffer, staticFeaturesAt(obs, i, featureBuffer), emission);
    transitions(featureBuffer, transitionFeaturesAt(obs, i, featureBuffer), transition);
    const prevTags = j === 0 ? 1 : TAG_COUNT;
    for (let p = 0; p < prevTags; p++) {
      const prev = j === 0 ? first : p;
      const before = j === 0 ? 0 : best[(j - 1) * TAG_COUNT + p]!;
      if (before === -Infinity) continue;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!allowed(prev, t)) continue;
        const total = before + emission[t]! + transition[prev * TAG_COUNT + t]!;
        if (total > best[j * TAG_COUNT + t]!) {
          best[j * TAG_COUNT + t] = total;
          back[j * TAG_COUNT + t] = p;
        }
      }
    }
  }
  let tag = 0;
  for (let t = 1; t < TAG_COUNT; t++) {
    if (best[(length - 1) * TAG_COUNT + t]! > best[(length - 1) * TAG_COUNT + tag]!) tag = t;
  }
  const tags = new Array<number>(length);
  for (let j = length - 1; j >= 0; j--) {
    tags[j] = tag;
    tag = back[j * TAG_COUNT + tag]!;
  }
  return tags;
}

/** Tags a sentence (or tokens [from, to) of it, see viterbi) with a model. */
export function tagSentence(model: TaggerModel, obs: readonly Observation[], from = 0, to = obs.length): number[] {
  return viterbi(
    (f, n, scores) => model.emissions.score(f, n, scores),
    (f, n, scores) => model.transitions.score(f, n, scores),
    obs,
    from,
    to,
  );
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

function decodeTable(view: DataView, at: number): { table: WeightTable; end: number } {
  const count = view.getUint32(at, true);
  const width = view.getUint32(at + 4, true);
  const keysAt = at + 8;
  const scalesAt = keysAt + count * 4;
  const weightsAt = scalesAt + count * 4;
  const keys = new Uint32Array(count);
  const rows = new Float32Array(count * width);
  for (let r = 0; r < count; r++) {
    keys[r] = view.getUint32(keysAt + r * 4, true);
    const scale = view.getFloat32(scalesAt + r * 4, true);
    for (let t = 0; t < width; t++) rows[r * width + t] = view.getInt16(weightsAt + (r * width + t) * 2, true) * scale;
  }
  return { table: new WeightTable(keys, rows, width), end: weightsAt + count * width * 2 };
}

export function decodeModel(bytes: Uint8Array): TaggerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MODEL_MAGIC || view.getUint32(4, true) !== MODEL_VERSION) {
    throw new Error(`ner-perceptron.bin: not a version-${MODEL_VERSION} sitrep tagger model; run \`npm run train:ner\``);
  }
  const emissions = decodeTable(view, 8);
  const transitions = decodeTable(view, emissions.end);
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
