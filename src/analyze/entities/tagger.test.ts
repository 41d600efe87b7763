import { describe, expect, it } from 'vitest';
import { tagTokens } from './extract.ts';
import { taggerLexicon } from './names.ts';
import {
  decodeModel,
  encodeModel,
  loadTaggerModel,
  MAX_STATIC_FEATURES,
  observeAll,
  staticFeaturesAt,
  TAG_COUNT,
  tagSentence,
  TRANSITION_WIDTH,
  transitionFeaturesAt,
  viterbi,
  WeightTable,
} from './tagger.ts';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('splits possessives and keeps acronyms, hyphenated and apostrophe names whole', () => {
    const text = "Russia's U.S.-made weapons hit Chasiv-Yar, O'Brien said.";
    expect(tokenize(text).map((t) => t.text)).toEqual(['Russia', "'s", 'U.S.', '-', 'made', 'weapons', 'hit', 'Chasiv-Yar', ',', "O'Brien", 'said', '.']);
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('tagger model file', () => {
  it('round-trips weights through the int16 encoding within a row-scale step', () => {
    const emissions = { keys: Uint32Array.from([5, 9]), rows: Float32Array.from({ length: 2 * TAG_COUNT }, (_, i) => (i - 6) * 0.37), width: TAG_COUNT };
    const transitions = { keys: Uint32Array.from([7]), rows: Float32Array.from({ length: TRANSITION_WIDTH }, (_, i) => i * 1000), width: TRANSITION_WIDTH };
    const model = decodeModel(encodeModel(emissions, transitions));
    const scores = new Float64Array(TAG_COUNT);
    model.emissions.score(Uint32Array.from([9]), 1, scores);
    for (let t = 0; t < TAG_COUNT; t++) expect(scores[t]).toBeCloseTo((TAG_COUNT + t - 6) * 0.37, 3);
    const none = new Float64Array(TAG_COUNT);
    model.emissions.score(Uint32Array.from([1234]), 1, none);
    expect([...none]).toEqual(new Array(TAG_COUNT).fill(0));
  });

  it('reads back exactly the weights the file stores, whatever the alignment of its second table', () => {
    // One emission row (30 bytes after the header): the transition table then starts at an odd offset.
    const emissions = { keys: Uint32Array.from([5]), rows: Float32Array.from({ length: TAG_COUNT }, (_, i) => (i - 3) * 0.123), width: TAG_COUNT };
    const transitions = { keys: Uint32Array.from([7]), rows: Float32Array.from({ length: TRANSITION_WIDTH }, (_, i) => (i - 20) * 1.7), width: TRANSITION_WIDTH };
    const bytes = encodeModel(emissions, transitions);
    const model = decodeModel(bytes);
    const view = new DataView(bytes.buffer);
    // Each weight is the file's int16 times its row's scale, rounded to float32.
    const stored = (tableAt: number, width: number, t: number) => Math.fround(view.getInt16(tableAt + 16 + t * 2, true) * view.getFloat32(tableAt + 12, true));
    const e = new Float64Array(TAG_COUNT);
    model.emissions.score(Uint32Array.from([5]), 1, e);
    for (let t = 0; t < TAG_COUNT; t++) expect(e[t]).toBe(stored(8, TAG_COUNT, t));
    const tr = new Float64Array(TRANSITION_WIDTH);
    model.transitions.score(Uint32Array.from([7]), 1, tr);
    const transitionsAt = 8 + 8 + 8 + TAG_COUNT * 2;
    for (let t = 0; t < TRANSITION_WIDTH; t++) expect(tr[t]).toBe(stored(transitionsAt, TRANSITION_WIDTH, t));
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 2))).toThrow(/truncated/);
  });

  it('finds keys in a table with collisions', () => {
    const table = new WeightTable(Uint32Array.from([1, 1 + 1024, 1 + 2048]), Float32Array.from([1, 2, 3]), 1);
    const s = new Float64Array(1);
    table.score(Uint32Array.from([1 + 2048]), 1, s);
    expect(s[0]).toBe(3);
  });
});

describe('the shipped tagger', () => {
  it('labels people, places and organisations in a plain sentence', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Berlin before the European Commission meeting .';
    const spans = tagTokens(tokenize(text)).map((s) => `${text.slice(s.start, s.end)}/${s.label}`);
    expect(spans).toEqual(expect.arrayContaining(['Angela Merkel/PER', 'Emmanuel Macron/PER', 'Berlin/LOC']));
  });
});

describe('tagging with per-word sums', () => {
  it('finds the tags that summing every feature of every token finds, for whole sentences and stretches', () => {
    const model = loadTaggerModel()!;
    const text = 'On Tuesday the 47th Brigade said Russian troops shelled Kramatorsk , while Olaf Scholz met NATO officials in Brussels .';
    const obs = observeAll(tokenize(text), taggerLexicon());
    // The reference: every feature of each token looked up one by one, as training scores them.
    const reference = (from: number, to: number) => {
      const n = to - from;
      const emission = new Float64Array(n * TAG_COUNT);
      const transition = new Float64Array(n * TRANSITION_WIDTH);
      const features = new Uint32Array(MAX_STATIC_FEATURES);
      for (let j = 0; j < n; j++) {
        const scores = new Float64Array(TAG_COUNT);
        model.emissions.score(features, staticFeaturesAt(obs, from + j, features), scores);
        emission.set(scores, j * TAG_COUNT);
        const rows = new Float64Array(TRANSITION_WIDTH);
        model.transitions.score(features, transitionFeaturesAt(obs, from + j, features), rows);
        transition.set(rows, j * TRANSITION_WIDTH);
      }
      return viterbi(emission, transition, n, from === 0 ? TAG_COUNT : 0);
    };
    expect(tagSentence(model, obs)).toEqual(reference(0, obs.length));
    expect(tagSentence(model, obs, 9, 14)).toEqual(reference(9, 14));
    expect(tagSentence(model, obs).some((t) => t !== 0)).toBe(true);
  });
});
