/**
 * `npm run train:ner` — trains the entity tagger (tagger.ts) on WikiANN
 * English train and writes src/analyze/entities/model/ner-perceptron.bin.
 *
 * Structured averaged perceptron (Collins 2002): each sentence is decoded
 * with Viterbi under the current weights, and where the best path differs
 * from the gold one, gold features gain and predicted features lose. The
 * order of sentences is shuffled with a fixed seed: the same data gives the
 * same model, byte for byte.
 *
 *   --data DIR     WikiANN folder (default ../shared/data/ner/wikiann-en beside the checkout)
 *   --epochs N     passes over the data (default EPOCHS)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { taggerLexicon } from './names.ts';
import {
  encodeModel,
  MAX_STATIC_FEATURES,
  MAX_TRANSITION_FEATURES,
  MODEL_PATH,
  observeAll,
  START_TAG,
  staticFeaturesAt,
  TAG_COUNT,
  TAGS,
  TRANSITION_WIDTH,
  transitionFeaturesAt,
  viterbi,
  type Observation,
  type RawTable,
  type Tag,
} from './tagger.ts';
import { tokenize } from './tokenize.ts';
import { readWikiann, type GoldSentence } from './wikiann.ts';

/**
 * Passes over the training set. Measured on WikiANN dev (F1): 6 → 74.0,
 * 10 → 74.6, 16 → 75.1; past that the gain is within noise and the model grows.
 */
const EPOCHS = 16;
/**
 * Features whose averaged weights are all below this are dropped from the
 * shipped model. Measured on WikiANN dev (an earlier feature set): 1.0 keeps
 * F1 within 0.05 points of no pruning while cutting the model from 343k to
 * 182k features (7.5 → 4 MB), and a smaller table is a faster one (fewer
 * cache misses). The current features: 204k kept, 4.5 MB.
 */
const PRUNE_BELOW = 1.0;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The gold tag of each token of the sentence, by character overlap with the gold spans. */
export function goldTags(sentence: GoldSentence): { tokens: ReturnType<typeof tokenize>; tags: number[] } {
  const tokens = tokenize(sentence.text);
  const tags = tokens.map((token) => {
    const entity = sentence.entities.find((e) => token.start >= e.start && token.start < e.end);
    if (!entity) return 0;
    const tag = `${token.start === entity.start ? 'B' : 'I'}-${entity.type}` as Tag;
    return TAGS.indexOf(tag);
  });
  return { tokens, tags };
}

/** Small deterministic PRNG (mulberry32) for a reproducible shuffle. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights of one table (rows of `width`), averaged lazily over updates (Daumé's trick of timestamps). */
class AveragedTable {
  rows = new Map<number, number>();
  weights: Float64Array;
  totals: Float64Array;
  stamps: Float64Array;

  constructor(
    readonly width: number,
    private readonly clock: { instances: number },
  ) {
    this.weights = new Float64Array(1024 * width);
    this.totals = new Float64Array(1024 * width);
    this.stamps = new Float64Array(1024 * width);
  }

  private row(key: number, create: boolean): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      if (!create) return -1;
      r = this.rows.size;
      this.rows.set(key, r);
      if ((r + 1) * this.width > this.weights.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.weights = grow(this.weights);
        this.totals = grow(this.totals);
        this.stamps = grow(this.stamps);
      }
    }
    return r;
  }

  /** Sums the current weights of features [from, to) into scores[at, at + width). */
  scoreInto(features: Uint32Array, from: number, to: number, scores: Float64Array, at: number): void {
    scores.fill(0, at, at + this.width);
    for (let f = from; f < to; f++) {
      const r = this.row(features[f]!, false);
      if (r < 0) continue;
      for (let t = 0; t < this.width; t++) scores[at + t]! += this.weights[r * this.width + t]!;
    }
  }

  update(features: Uint32Array, from: number, to: number, column: number, delta: number): void {
    const now = this.clock.instances;
    for (let f = from; f < to; f++) {
      const i = this.row(features[f]!, true) * this.width + column;
      this.totals[i]! += (now - this.stamps[i]!) * this.weights[i]!;
      this.stamps[i] = now;
      this.weights[i]! += delta;
    }
  }

  averaged(): RawTable {
    const now = this.clock.instances;
    const keys: number[] = [];
    const kept: number[] = [];
    for (const [key, r] of this.rows) {
      const row: number[] = [];
      let max = 0;
      for (let t = 0; t < this.width; t++) {
        const i = r * this.width + t;
        const w = (this.totals[i]! + (now - this.stamps[i]!) * this.weights[i]!) / now;
        row.push(w);
        max = Math.max(max, Math.abs(w));
      }
      if (max < PRUNE_BELOW) continue;
      keys.push(key);
      kept.push(...row);
    }
    return { keys: Uint32Array.from(keys), rows: Float32Array.from(kept), width: this.width };
  }
}

/** The features of every token of a sentence, flattened: token i's are [ends[i], ends[i + 1]). */
function sentenceFeatures(obs: Observation[]) {
  const buffer = new Uint32Array(Math.max(MAX_STATIC_FEATURES, MAX_TRANSITION_FEATURES));
  const staticList: number[] = [];
  const transitionList: number[] = [];
  const staticEnds = [0];
  const transitionEnds = [0];
  for (let i = 0; i < obs.length; i++) {
    const n = staticFeaturesAt(obs, i, buffer);
    for (let k = 0; k < n; k++) staticList.push(buffer[k]!);
    staticEnds.push(staticList.length);
    const m = transitionFeaturesAt(obs, i, buffer);
    for (let k = 0; k < m; k++) transitionList.push(buffer[k]!);
    transitionEnds.push(transitionList.length);
  }
  return {
    static: Uint32Array.from(staticList),
    staticEnds: Uint32Array.from(staticEnds),
    transition: Uint32Array.from(transitionList),
    transitionEnds: Uint32Array.from(transitionEnds),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dataDir = path.resolve(flag('--data') ?? path.join(repoRoot, '../shared/data/ner/wikiann-en'));
  const epochs = Number(flag('--epochs') ?? EPOCHS);
  const trainFile = path.join(dataDir, 'train');
  if (!existsSync(trainFile)) {
    console.error(`train:ner: ${trainFile} not found — put WikiANN English (train, dev) in ../shared/data/ner/wikiann-en`);
    process.exit(1);
  }
  const lexicon = taggerLexicon();
  // Each token's features are computed once: they depend on the words only, not on the weights.
  const examples = readWikiann(trainFile).map((s) => {
    const { tokens, tags } = goldTags(s);
    return { features: sentenceFeatures(observeAll(tokens, lexicon)), tags };
  });
  console.log(`train:ner: ${examples.length} sentences, ${epochs} epochs`);
  const clock = { instances: 0 };
  const emissions = new AveragedTable(TAG_COUNT, clock);
  const transitions = new AveragedTable(TRANSITION_WIDTH, clock);
  const rand = random(42);
  const order = examples.map((_, i) => i);
  let emission = new Float64Array(0);
  let transition = new Float64Array(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { features, tags } = examples[index]!;
      const length = tags.length;
      if (emission.length < length * TAG_COUNT) {
        emission = new Float64Array(length * TAG_COUNT * 2);
        transition = new Float64Array(length * TRANSITION_WIDTH * 2);
      }
      for (let i = 0; i < length; i++) {
        emissions.scoreInto(features.static, features.staticEnds[i]!, features.staticEnds[i + 1]!, emission, i * TAG_COUNT);
        transitions.scoreInto(features.transition, features.transitionEnds[i]!, features.transitionEnds[i + 1]!, transition, i * TRANSITION_WIDTH);
      }
      const guess = viterbi(emission, transition, length);
      clock.instances++;
      for (let i = 0; i < length; i++) {
        total++;
        const gold = tags[i]!;
        const predicted = guess[i]!;
        const goldPrev = i === 0 ? START_TAG : tags[i - 1]!;
        const predictedPrev = i === 0 ? START_TAG : guess[i - 1]!;
        if (gold === predicted) correct++;
        if (gold !== predicted) {
          const from = features.staticEnds[i]!;
          const to = features.staticEnds[i + 1]!;
          emissions.update(features.static, from, to, gold, 1);
          emissions.update(features.static, from, to, predicted, -1);
        }
        if (gold !== predicted || goldPrev !== predictedPrev) {
          const from = features.transitionEnds[i]!;
          const to = features.transitionEnds[i + 1]!;
          transitions.update(features.transition, from, to, goldPrev * TAG_COUNT + gold, 1);
          transitions.update(features.transition, from, to, predictedPrev * TAG_COUNT + predicted, -1);
        }
      }
    }
    console.log(`  epoch ${epoch + 1}: token accuracy ${(correct / total).toFixed(4)}, ${emissions.rows.size} + ${transitions.rows.size} features`);
  }
  const emissionTable = emissions.averaged();
  const transitionTable = transitions.averaged();
  const bytes = encodeModel(emissionTable, transitionTable);
  mkdirSync(path.dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, bytes);
  console.log(
    `train:ner: wrote ${path.relative(repoRoot, MODEL_PATH)}: ${emissionTable.keys.length} + ${transitionTable.keys.length} features, ${(bytes.length / 1e6).toFixed(1)} MB`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
